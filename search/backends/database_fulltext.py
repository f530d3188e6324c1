"""Full-text matching and ranking for the database backend, per database.

Both databases index the terms of `search.terms` (SQLite in the FTS5 table
`search_fulltext`, PostgreSQL in the `search_vector` column; migration 0006),
and both answer a `QueryPlan` (`search.backends.database_concepts`) the same way:

- a document is found when it holds enough of the query's concepts: all of one
  or two, all but one of three or four, three in five of longer questions — and
  when no document holds that many, any concept is enough, so that a page
  holding the important words is always found;
- it ranks by the concepts it covers, each weighing by its rarity (inverse
  document frequency), then by where the words stand (title, then summary and
  keywords, then body: BM25 on SQLite, `ts_rank` on PostgreSQL), times the
  page's editorial boost.

Only terms made of letters and digits reach either query syntax, so the
visitor's text can never break it.
"""

import math
import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from search.models import IndexedTerm

DOCUMENT_ID = "search_indexeddocument.id"
# What being of a territory the query names adds to the weight of its name.
PLACE_BONUS = 0.5


def required_concepts(known):
    """How many of `known` concepts a document must hold to be found at first."""
    if known <= 2:
        return known
    if known <= 4:
        return known - 1
    return math.ceil(known * 0.6)


class FullText:
    def concept_condition(self, concept):
        """The Q of documents holding one of the concept's alternatives."""
        raise NotImplementedError

    def relevance(self, concepts):
        """The expression scoring where the concepts' words stand in a document."""
        raise NotImplementedError

    def conditions(self, concepts, places):
        """One Q per concept, a place's also met by the pages of its territory; and for each
        place, the Q of the pages of its territory alone."""
        found = [self.concept_condition(concept) for concept in concepts]
        territories = []
        for concept, place in places:
            holders = IndexedTerm.objects.filter(field=place.field, value__in=place.values)
            territories.append(Q(pk__in=holders.values("document_id")))
            found.append(self.concept_condition(concept) | territories[-1])
        return found, territories

    def matching(self, documents, plan, places=()):
        """`documents` holding enough of the plan's concepts, annotated with `coverage`
        (what they hold, rare concepts weighing more) and `relevance`."""
        everything = [*plan.concepts, *(concept for concept, _place in places)]
        conditions, territories = self.conditions(plan.concepts, places)
        if not conditions:
            return documents.none().annotate(coverage=Value(0.0), relevance=Value(0.0))
        counts = documents.aggregate(
            total=Count("pk"),
            **{f"c{i}": Count("pk", filter=condition) for i, condition in enumerate(conditions)},
        )
        total = counts.pop("total")
        frequencies = [counts[f"c{i}"] for i in range(len(conditions))]
        weights = [math.log(1 + (total + 1) / (frequency + 0.5)) for frequency in frequencies]
        # A page of the territory named beats a page that only says its name: « Cher » the
        # département, not « coûte cher »; « Loire », not « Haute-Loire ».
        place_weights = [weight * PLACE_BONUS for weight in weights[len(plan.concepts) :]]
        annotated = documents.annotate(
            matched=weighted_sum(conditions, [1] * len(conditions)),
            coverage=weighted_sum(conditions + territories, weights + place_weights),
            relevance=self.relevance(everything) * F("rank_boost"),
        )
        for concept, condition in zip(everything, conditions, strict=True):
            if concept.required:
                annotated = annotated.filter(condition)
        wanted = required_concepts(sum(1 for frequency in frequencies if frequency))
        found = annotated.filter(matched__gte=max(wanted, 1))
        if wanted > 1 and not found.exists():
            found = annotated.filter(matched__gte=1)
        return found


def weighted_sum(conditions, weights):
    """Σ weight of each condition a document meets."""
    output = IntegerField() if all(isinstance(w, int) for w in weights) else FloatField()
    return reduce(
        operator.add,
        (
            Case(When(condition, then=Value(weight)), default=Value(0), output_field=output)
            for condition, weight in zip(conditions, weights, strict=True)
        ),
    )


class SqliteFullText(FullText):
    # Column weights: title, summary, body, keywords (tags and labels).
    RANK = "-bm25(search_fulltext, 6.0, 3.0, 1.0, 3.0)"

    @staticmethod
    def expression(concept):
        """An FTS5 query: any alternative, each a quoted term or phrase."""
        return " OR ".join(f'"{" ".join(alternative)}"' for alternative in concept.alternatives)

    def concept_condition(self, concept):
        return Q(
            pk__in=RawSQL(
                "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s",
                (self.expression(concept),),
            )
        )

    def relevance(self, concepts):
        expression = " OR ".join(f"({self.expression(concept)})" for concept in concepts)
        # The scores of every match are computed by one pass over the index and looked up
        # per document: asked per document, FTS5 would run the whole match again for each
        # one (37 s instead of 40 ms for 6,000 matches of 10,000 documents).
        return RawSQL(
            f"COALESCE((WITH scores AS MATERIALIZED (SELECT rowid AS id, {self.RANK} AS score "
            "FROM search_fulltext WHERE search_fulltext MATCH %s) "
            f"SELECT score FROM scores WHERE scores.id = {DOCUMENT_ID}), 0)",
            (expression,),
            output_field=FloatField(),
        )

    def completing(self, documents, complete, completions):
        """Titles holding every finished word and one of the last word's completions."""
        parts = [f'"{term}"' for term in complete]
        parts.append("(" + " OR ".join(f'"{term}"' for term in completions) + ")")
        matches = RawSQL(
            "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s",
            (f"title : ({' AND '.join(parts)})",),
        )
        return documents.filter(pk__in=matches)


class PostgresFullText(FullText):
    @staticmethod
    def tsquery(concept):
        """A `to_tsquery('simple', …)` text: any alternative, a phrase's terms side by side."""
        return " | ".join(
            "(" + " <-> ".join(f"'{term}'" for term in alternative) + ")"
            for alternative in concept.alternatives
        )

    def concept_condition(self, concept):
        return Q(
            search_vector=SearchQuery(self.tsquery(concept), config="simple", search_type="raw")
        )

    def relevance(self, concepts):
        query = " | ".join(f"({self.tsquery(concept)})" for concept in concepts)
        return RawSQL(
            "ts_rank(search_indexeddocument.search_vector, to_tsquery('simple', %s))",
            (query,),
            output_field=FloatField(),
        )

    def completing(self, documents, complete, completions):
        parts = [f"'{term}':A" for term in complete]
        parts.append("(" + " | ".join(f"'{term}':A" for term in completions) + ")")
        return documents.filter(
            pk__in=RawSQL(
                "SELECT id FROM search_indexeddocument "
                "WHERE search_vector @@ to_tsquery('simple', %s)",
                (" & ".join(parts),),
            )
        )


def fulltext():
    return PostgresFullText() if connection.vendor == "postgresql" else SqliteFullText()
