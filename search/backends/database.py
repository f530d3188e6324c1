"""The embedded search backend: the same documents, kept in the site's own database.

Slower than an engine, but the site works on a fresh machine with no server. It
answers the same `SearchRequest` as the engine: the text is analysed in Python
(`search.terms`), the query planned concept by concept with the thesaurus and
typo tolerance (`search.backends.database_concepts`), matched and ranked by the
database's full-text index (`search.backends.database_fulltext`); filters and facet
counts come from the ORM over `IndexedTerm`.
"""

from dataclasses import replace
from itertools import islice

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q, Value
from django.utils.dateparse import parse_datetime

from search.analysis import plain_apostrophes
from search.backends import database_highlighting
from search.backends.contract import facets_from, search_hit, suggestions
from search.backends.database_concepts import (
    Concept,
    QueryPlan,
    completion_terms,
    corrected_text,
    plan_query,
)
from search.backends.database_fulltext import fulltext
from search.filter_expressions import AllOf, AnyOf, Not, Terms, Territories, combined
from search.models import IndexedDocument, IndexedTerm, IndexedWord, PromotedResult
from search.query import (
    FILTERS,
    SUGGEST_BELOW,
    SearchResults,
    Suggestion,
    normalise_query,
)
from search.terms import analysed, tokens, vocabulary_of

KEYWORD_FIELDS = [
    "themes",
    "audiences",
    "territories",
    "establishment_types",
    "tags",
    "visibility",
]
# Fields that are columns of IndexedDocument rather than IndexedTerm rows.
COLUMN_FIELDS = {"doc_type", "status", "year", "locale"}
# Columns that facets count: IndexedTerm holds them too, so that every facet is counted by
# one query over small rows.
FACET_COLUMNS = ("doc_type", "year", "status")
REBUILD_BATCH = 500
# What related documents share.
RELATED_FIELDS = ("themes", "tags")


def to_orm(expression):
    """The ORM condition on IndexedDocument of a filter expression from `search.query`."""
    if isinstance(expression, Terms):
        if expression.field in COLUMN_FIELDS:
            return Q(**{f"{expression.field}__in": expression.values})
        holders = IndexedTerm.objects.filter(field=expression.field, value__in=expression.values)
        return Q(pk__in=holders.values("document_id"))
    if isinstance(expression, AllOf):
        return Q(*(to_orm(part) for part in expression.parts))
    if isinstance(expression, AnyOf):
        condition = Q(pk__in=[])
        for part in expression.parts:
            condition |= to_orm(part)
        return condition
    if isinstance(expression, Not):
        return ~to_orm(expression.part)
    raise TypeError(f"Unknown filter expression {expression!r}")


def restricted(documents, expression):
    return documents if expression is None else documents.filter(to_orm(expression))


def best_first(documents):
    """Matches covering most of the query first, then by relevance, the newest among equals."""
    return documents.order_by(
        "-coverage", "-relevance", F("published_at").desc(nulls_last=True), "-pk"
    )


def keywords_of(document):
    """Tags and labels (theme, audience, territory names…): words people search by."""
    return " ".join([*(document.get("tags") or []), *(document.get("labels") or [])])


def analysed_columns(document, surfaces):
    """The terms of the document's text, which the full-text index reads; its words are
    added to `surfaces` ({word as written: term}), for the vocabulary."""
    language = document["locale"]
    return {
        "title_terms": analysed(document["title"], language, surfaces),
        "summary_terms": analysed(document["summary"], language, surfaces),
        "body_terms": analysed(document["body"], language, surfaces),
        "keyword_terms": analysed(keywords_of(document), language, surfaces),
    }


def add_to_vocabulary(surfaces):
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=word, term=term) for word, term in vocabulary_of(surfaces).items()],
        ignore_conflicts=True,
        batch_size=1000,
    )


def columns_of(document, surfaces):
    """The IndexedDocument columns of a search document (all of it is kept in `data` too),
    its words added to `surfaces`.

    The titles and summaries shown keep their apostrophes, made plain where rare.
    """
    return {
        "locale": document["locale"],
        "doc_type": document["doc_type"],
        "title": plain_apostrophes(document["title"]),
        "summary": plain_apostrophes(document["summary"]),
        "body": plain_apostrophes(document["body"]),
        "published_at": parse_datetime(document["published_at"] or "") or None,
        "year": document["year"],
        "status": document["status"],
        "rank_boost": document["rank_boost"],
        "data": document,
        **analysed_columns(document, surfaces),
    }


def count_facets(names, documents, counts):
    """Add to `counts` ({facet: {value: count}}) those of the facets `names` in `documents`."""
    specs = [FILTERS[name] for name in names]
    terms = IndexedTerm.objects.filter(
        field__in={spec.field for spec in specs}, document__in=documents.values("pk")
    )
    rows = terms.order_by().values_list("field", "value").annotate(count=Count("pk"))
    for field, value, count in rows:
        for name, spec in zip(names, specs, strict=True):
            chosen = spec.chosen(value) if spec.field == field else None
            if chosen is not None:
                counts[name][chosen] = count


def terms_of(row, document):
    """The document's keyword values, and its type, year and status: what facets count."""
    keywords = [(field, value) for field in KEYWORD_FIELDS for value in document.get(field) or []]
    columns = [(field, document.get(field)) for field in FACET_COLUMNS]
    return [
        IndexedTerm(document=row, field=field, value=str(value))
        for field, value in keywords + columns
        if value not in (None, "")
    ]


def hit_of(row, marked=(None, None, None)):
    shown = {**row.data, "title": row.title, "summary": row.summary}
    return search_hit(row.key, shown, row.published_at, marked)


class DatabaseBackend:
    name = "database"
    # The thesaurus is read with each query (`search.backends.database_concepts`).
    synonyms_in_index = False

    def upsert(self, documents):
        surfaces = {}
        with transaction.atomic():
            for document in documents:
                self.store(document, surfaces)
            add_to_vocabulary(surfaces)

    def store(self, document, surfaces):
        row, _ = IndexedDocument.objects.update_or_create(
            key=document["key"], defaults=columns_of(document, surfaces)
        )
        row.terms.all().delete()
        IndexedTerm.objects.bulk_create(terms_of(row, document))

    # --- reading ---------------------------------------------------------------

    def visible(self, request):
        return IndexedDocument.objects.filter(to_orm(request.base_filter()))

    def plan(self, request):
        """The concepts of the request's words, and the territories they name.

        A région or département named in the words is found in the text or among
        the document's territories: "Occitanie" finds the pages of the Hérault.
        """
        other_words, places = request.places(Territories.load(request.language))
        plan = plan_query(other_words, request.language, tolerant=not request.exact)
        named = []
        for place in places:
            terms = tuple(token.term for token in tokens(place.name, request.language))
            if terms:
                named.append((Concept(place.name, (terms,)), place.pages))
        return plan, named

    def matching(self, request, plan=None):
        """Documents of the request's language and visibility holding enough of its words."""
        documents = self.visible(request)
        if not request.text:
            return documents.annotate(coverage=Value(0.0), relevance=F("rank_boost"))
        plan, places = plan or self.plan(request)
        return fulltext().matching(documents, plan, places)

    def search(self, request):
        expressions = request.filter_expressions()
        plan = self.plan(request) if request.text else (QueryPlan(), [])
        documents = self.matching(request, plan)
        hits = restricted(documents, combined(expressions))
        total = hits.count()
        request = request.within(total)
        if request.ranked_by_date:
            hits = hits.order_by(F("published_at").desc(nulls_last=True), "-pk")
        else:
            hits = best_first(hits)
        # The page's documents are read once ranked: ranking reads a few columns of every
        # match, and whole rows (bodies included) only for these.
        keys = list(
            hits.values_list("pk", flat=True)[request.offset : request.offset + request.page_size]
        )
        rows = sorted(
            IndexedDocument.objects.filter(pk__in=keys), key=lambda row: keys.index(row.pk)
        )
        concepts, places = plan
        terms = concepts.terms.union(*(concept.terms for concept, _pages in places))
        searched_instead = concepts.searched_instead(request.text) if total else None
        return SearchResults(
            request=request,
            hits=[hit_of(row, self.highlights(row, terms, request.language)) for row in rows],
            total=total,
            facets=self.facets(request, documents, expressions),
            did_you_mean=self.did_you_mean(request, total)
            if total < SUGGEST_BELOW and request.text and not searched_instead
            else None,
            promoted=self.promoted(request),
            searched_instead=searched_instead,
        )

    @staticmethod
    def highlights(row, terms, language):
        """(title, summary, body fragment) of a result, the query's words marked."""
        if not terms:
            return (None, None, None)
        return (
            database_highlighting.marked(row.title, terms, language),
            database_highlighting.marked(row.summary, terms, language),
            database_highlighting.fragment(row.body, terms, language),
        )

    def ranked_keys(self, request, limit):
        """Keys of the documents the words find, best first, at most `limit` (no facets, no
        excerpts): the search of the JSON API."""
        return list(best_first(self.matching(request)).values_list("key", flat=True)[:limit])

    def facets(self, request, documents, expressions):
        """Counts of every facet; each ignores its own selection but follows the others.

        The facets the visitor has not chosen from all count under every choice, so they
        are counted together: one query for the keyword fields, one for the columns.
        """
        matched = IndexedDocument.objects.filter(pk__in=documents.values("pk"))
        counts = {name: {} for name in FILTERS}
        unchosen = [name for name in FILTERS if name not in expressions]
        groups = [(unchosen, combined(expressions))] + [
            ([name], combined(expressions, leave_out=name)) for name in expressions
        ]
        for names, expression in groups:
            count_facets(names, restricted(matched, expression), counts)
        return facets_from(counts, request)

    def promoted(self, request):
        keys = PromotedResult.keys_for(request.text, request.language)
        if not keys or request.page != 1:
            return []
        rows = {row.key: row for row in self.visible(request).filter(key__in=keys)}
        return [hit_of(rows[key]) for key in keys if key in rows]

    def did_you_mean(self, request, total):
        """The words with the unknown ones corrected, when that finds more pages."""
        suggestion = corrected_text(request.text, request.language)
        if not suggestion:
            return None
        corrected = replace(request, text=suggestion, exact=True)
        return suggestion if self.matching(corrected).count() > total else None

    def autocomplete(self, request, limit=8):
        """Titles whose words begin with the visitor's, then tags of visible documents."""
        visible = self.visible(request)
        tag_rows = IndexedTerm.objects.filter(field="tags", document__in=visible.values("pk"))
        tag_counts = tag_rows.order_by().values_list("value").annotate(count=Count("pk"))
        tags = [tag for tag, _count in sorted(tag_counts, key=lambda tag: (-tag[1], tag[0]))]
        complete, completions = completion_terms(request.text, request.language)
        if not completions:
            return suggestions(request, [], tags, limit)
        matching = fulltext().completing(visible, complete, completions)
        rows = matching.values_list("title", "data__url", "doc_type")[: limit * 5]
        typed, folded = request.text.casefold(), normalise_query(request.text)
        # Titles with the very letters typed first, then those that begin with them.
        pages = sorted(
            rows,
            key=lambda row: (
                typed not in row[0].casefold(),
                not normalise_query(row[0]).startswith(folded),
                row[0],
            ),
        )
        pages = [Suggestion("page", title, url or "", doc_type) for title, url, doc_type in pages]
        return suggestions(request, pages, tags, limit)

    def related(self, request, key, limit=3):
        """Keys of the visible documents sharing most themes and tags with `key`'s, the newest
        first among equals: the database keeps no word statistics to compare texts by."""
        shared = Q(pk__in=[])
        held = IndexedTerm.objects.filter(document__key=key, field__in=RELATED_FIELDS)
        for field, value in held.values_list("field", "value"):
            shared |= Q(terms__field=field, terms__value=value)
        similar = (
            self.visible(request)
            .exclude(key=key)
            .filter(shared)
            .annotate(shared=Count("terms"))
            .order_by("-shared", F("published_at").desc(nulls_last=True), "-pk")
        )
        return list(similar.values_list("key", flat=True)[:limit])

    def remove(self, keys):
        IndexedDocument.objects.filter(key__in=list(keys)).delete()

    def refresh(self):
        """Nothing to do: rows are read as soon as they are committed."""

    def rebuild(self, documents, progress=None):
        """Replace every document, written by batches of rows rather than one at a time."""
        counts = {}
        documents = iter(documents)
        with transaction.atomic():
            IndexedDocument.objects.all().delete()
            IndexedWord.objects.all().delete()
            while batch := list(islice(documents, REBUILD_BATCH)):
                surfaces = {}
                rows = IndexedDocument.objects.bulk_create(
                    IndexedDocument(key=document["key"], **columns_of(document, surfaces))
                    for document in batch
                )
                IndexedTerm.objects.bulk_create(
                    term
                    for row, document in zip(rows, batch, strict=True)
                    for term in terms_of(row, document)
                )
                add_to_vocabulary(surfaces)
                for document in batch:
                    counts[document["locale"]] = counts.get(document["locale"], 0) + 1
                if progress:
                    progress(len(batch))
        return counts

    def indexed_versions(self):
        return {
            document["key"]: (document["locale"], document.get("updated_at"))
            for document in IndexedDocument.objects.values_list("data", flat=True)
        }

    def outdated_languages(self):
        """None: the tables change with the code, by migration."""
        return []

    def status(self):
        languages = {
            code: {
                "alias": "database",
                "indexes": ["database"],
                "count": IndexedDocument.objects.filter(locale=code).count(),
            }
            for code, _name in settings.LANGUAGES
        }
        return {"backend": "database", "languages": languages, "orphans": []}
