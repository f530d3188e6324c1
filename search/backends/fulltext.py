"""Full-text matching, ranking and highlighting for the database backend, per database.

SQLite uses the FTS5 table and PostgreSQL the `search_vector` column that
migration 0004 creates and its triggers maintain. The visitor's text never
reaches either as query syntax: it is cut into words made of letters and
digits, and each word is quoted (FTS5) or passed as plain text (PostgreSQL).

A word that is an acronym of the glossary also matches its expansion as a
phrase ("itep" finds "institut thérapeutique, éducatif et pédagogique"). The
glossary is read with each query, so an editor's change applies at once.
"""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Value
from django.db.models.expressions import RawSQL

from search.glossary import current_terms
from search.models import IndexedDocument
from search.query import MARK_END, MARK_START

WORD = re.compile(r"[^\W_]+")
# Without stemming, "le répit des familles" would require "le" and "des" too.
STOP_WORDS = frozenset(
    {"a", "à", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou"}
    | {"un", "une", "the", "an", "and", "of", "on", "to", "in", "for"}
)
FRAGMENT_WORDS = 30
POSTGRESQL_CONFIGS = {"fr": "kb_french", "en": "kb_english"}


def words(text):
    return WORD.findall(text.casefold())


def content_words(text):
    return [word for word in words(text) if word not in STOP_WORDS]


def expansions():
    """{acronym: words of its expansion} of the glossary, acronyms as `words()` reads them."""
    return {acronym.casefold(): words(expansion) for acronym, expansion in current_terms()}


class SqliteFullText:
    # Column weights: title, summary, body, tags.
    RANK = "-bm25(search_fulltext, 6.0, 3.0, 1.0, 4.0)"

    @staticmethod
    def expression(text):
        """An FTS5 query: every word required, quoted; longer words also match their plurals."""
        glossary = expansions()
        terms = []
        for word in content_words(text):
            term = f'"{word.rstrip("sx") or word}"*' if len(word) >= 4 else f'"{word}"'
            if glossary.get(word):
                term = f'({term} OR "{" ".join(glossary[word])}")'
            terms.append(term)
        # FTS5 reads juxtaposed phrases as AND, but not next to a parenthesis: say it.
        return " AND ".join(terms)

    def matching(self, documents, text, language):
        expression = self.expression(text)
        if not expression:
            # Only punctuation, symbols or stop words: nothing to look for.
            return documents.none().annotate(relevance=Value(0.0))
        matches = RawSQL(
            "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s", (expression,)
        )
        # The scores of every match are computed by one pass over the index and looked up
        # per document: asked per document, FTS5 would run the whole match again for each
        # one (37 s instead of 40 ms for 6,000 matches of 10,000 documents).
        rank = RawSQL(
            f"WITH scores AS MATERIALIZED (SELECT rowid AS id, {self.RANK} AS score "
            "FROM search_fulltext WHERE search_fulltext MATCH %s) "
            "SELECT score FROM scores WHERE scores.id = search_indexeddocument.id",
            (expression,),
            output_field=FloatField(),
        )
        return documents.filter(pk__in=matches).annotate(relevance=rank * F("rank_boost"))

    def prefix_matching(self, documents, text, language):
        """Titles holding every word, the last one possibly unfinished (autocomplete)."""
        found = content_words(text) or words(text)
        if not found:
            return documents.none()
        *complete, last = found
        expression = " ".join([*(f'"{word}"' for word in complete), f'"{last}"*'])
        matches = RawSQL(
            "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s",
            (f"title : ({expression})",),
        )
        return documents.filter(pk__in=matches)

    def highlights(self, ids, text, language):
        """{document id: (title, summary, body fragment)} with the words marked."""
        expression = self.expression(text)
        if not ids or not expression:
            return {}
        placeholders = ", ".join(["%s"] * len(ids))
        marks = [MARK_START, MARK_END]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, highlight(search_fulltext, 0, %s, %s), "
                "highlight(search_fulltext, 1, %s, %s), "
                f"snippet(search_fulltext, 2, %s, %s, '…', {FRAGMENT_WORDS}) "
                "FROM search_fulltext WHERE search_fulltext MATCH %s "
                f"AND rowid IN ({placeholders})",
                [*marks, *marks, *marks, expression, *ids],
            )
            return {row[0]: row[1:] for row in cursor.fetchall()}


class PostgresFullText:
    @staticmethod
    def query(text, language):
        config = POSTGRESQL_CONFIGS.get(language, "simple")
        glossary = expansions()
        acronyms = [word for word in content_words(text) if glossary.get(word)]
        if not acronyms:
            return SearchQuery(text, config=config, search_type="plain")
        others = " ".join(word for word in words(text) if word not in acronyms)
        parts = [SearchQuery(others, config=config, search_type="plain")] if others else []
        for acronym in acronyms:
            expansion = " ".join(glossary[acronym])
            parts.append(
                SearchQuery(acronym, config=config, search_type="plain")
                | SearchQuery(expansion, config=config, search_type="phrase")
            )
        return reduce(operator.and_, parts)

    def matching(self, documents, text, language):
        query = self.query(text, language)
        return documents.filter(search_vector=query).annotate(
            relevance=SearchRank(F("search_vector"), query) * F("rank_boost")
        )

    def prefix_matching(self, documents, text, language):
        found = content_words(text) or words(text)
        if not found:
            return documents.none()
        # Only letters and digits reach the raw syntax, so it cannot be broken.
        raw = " & ".join(f"'{word}'" for word in found[:-1])
        raw = f"{raw} & '{found[-1]}':*" if raw else f"'{found[-1]}':*"
        config = POSTGRESQL_CONFIGS.get(language, "simple")
        return documents.filter(search_vector=SearchQuery(raw, config=config, search_type="raw"))

    def highlights(self, ids, text, language):
        if not ids:
            return {}
        query = self.query(text, language)
        config = POSTGRESQL_CONFIGS.get(language, "simple")
        marks = {"start_sel": MARK_START, "stop_sel": MARK_END, "config": config}
        rows = IndexedDocument.objects.filter(pk__in=ids).annotate(
            title_marked=SearchHeadline("title", query, highlight_all=True, **marks),
            summary_marked=SearchHeadline("summary", query, highlight_all=True, **marks),
            body_marked=SearchHeadline(
                "body", query, max_words=FRAGMENT_WORDS, min_words=15, max_fragments=1, **marks
            ),
        )
        return {
            pk: (title, summary, body)
            for pk, title, summary, body in rows.values_list(
                "pk", "title_marked", "summary_marked", "body_marked"
            )
        }


def fulltext():
    return PostgresFullText() if connection.vendor == "postgresql" else SqliteFullText()
