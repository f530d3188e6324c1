"""The embedded search backend: the same documents, kept in the site's own database.

Slower and ranking less well than an engine, but the site works on a fresh
machine with no server. It answers the same `SearchRequest` as the engine:
full-text matching comes from `search.backends.fulltext`, filters and facet
counts from the ORM over `IndexedTerm`.
"""

import difflib
from collections import Counter, defaultdict
from itertools import islice

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils.dateparse import parse_datetime

from search.analysis import plain_apostrophes
from search.backends.fulltext import fulltext, words
from search.filters import AllOf, AnyOf, Not, Terms, Territories, combined
from search.models import IndexedDocument, IndexedTerm, PromotedResult
from search.query import (
    FILTERS,
    SUGGEST_BELOW,
    SearchHit,
    SearchResults,
    Suggestion,
    excerpt_of,
    facet_values,
    last_page,
    normalise_query,
    safe_excerpt,
    starts_words,
)

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
# "Did you mean" looks for corrections among the words of this many titles and summaries.
VOCABULARY_DOCUMENTS = 5000
MAX_TAG_SUGGESTIONS = 3
REBUILD_BATCH = 500


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
    """Matches by relevance, the newest first among equals."""
    return documents.order_by("-relevance", F("published_at").desc(nulls_last=True), "-pk")


def columns_of(document):
    """The IndexedDocument columns of a search document (all of it is kept in `data` too).

    The full-text tokenizer reads "ʼ" as a letter: "lʼaccueil" would be one word.
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
    }


def terms_of(row, document):
    return [
        IndexedTerm(document=row, field=field, value=value)
        for field in KEYWORD_FIELDS
        for value in document.get(field) or []
    ]


def hit_of(row, marked):
    title_marked, summary_marked, body_marked = marked or (None, None, None)
    return SearchHit(
        key=row.key,
        doc_type=row.doc_type,
        title=row.title,
        url=row.data.get("url") or "",
        summary=row.summary,
        excerpt=excerpt_of(summary_marked, body_marked, row.summary),
        title_html=safe_excerpt(title_marked or row.title),
        territories=row.data.get("territories") or [],
        themes=row.data.get("themes") or [],
        date=row.published_at,
        year=row.year,
    )


class DatabaseBackend:
    name = "database"
    # The glossary is read with each query (`search.backends.fulltext`).
    synonyms_in_index = False

    def upsert(self, documents):
        with transaction.atomic():
            for document in documents:
                self.store(document)

    def store(self, document):
        row, _ = IndexedDocument.objects.update_or_create(
            key=document["key"], defaults=columns_of(document)
        )
        row.terms.all().delete()
        IndexedTerm.objects.bulk_create(terms_of(row, document))

    # --- reading ---------------------------------------------------------------

    def visible(self, request):
        return IndexedDocument.objects.filter(to_orm(request.base_filter()))

    def matching(self, request):
        """Documents of the request's language and visibility holding its words.

        A région or département named in the words is found in the text or among
        the document's territories: "Occitanie" finds the pages of the Hérault.
        """
        documents = self.visible(request)
        if not request.text:
            return documents
        other_words, places = request.places(Territories.load(request.language))
        for place in places:
            naming = fulltext().matching(documents, place.name, request.language)
            documents = documents.filter(Q(pk__in=naming.values("pk")) | to_orm(place.pages))
        if other_words:
            return fulltext().matching(documents, other_words, request.language)
        return documents.annotate(relevance=F("rank_boost"))

    def search(self, request):
        expressions = request.filter_expressions()
        documents = self.matching(request)
        hits = restricted(documents, combined(expressions))
        total = hits.count()
        if request.page > last_page(total, request.page_size):
            request = request.with_page(last_page(total, request.page_size))
        if request.ranked_by_date:
            hits = hits.order_by(F("published_at").desc(nulls_last=True), "-pk")
        else:
            hits = best_first(hits)
        rows = list(hits[request.offset : request.offset + request.page_size])
        marked = {}
        if request.text:
            ids = [row.pk for row in rows]
            marked = fulltext().highlights(ids, request.text, request.language)
        return SearchResults(
            request=request,
            hits=[hit_of(row, marked.get(row.pk)) for row in rows],
            total=total,
            facets=self.facets(request, documents, expressions),
            did_you_mean=self.did_you_mean(request) if total < SUGGEST_BELOW else None,
            promoted=self.promoted(request),
        )

    def ranked_keys(self, request, limit):
        """Keys of the documents the words find, best first, at most `limit` (no facets, no
        excerpts): the search of the JSON API."""
        return list(best_first(self.matching(request)).values_list("key", flat=True)[:limit])

    def facets(self, request, documents, expressions):
        """Counts of every facet; each ignores its own selection but follows the others."""
        matched = IndexedDocument.objects.filter(pk__in=documents.values("pk"))
        facets = {}
        for name, spec in FILTERS.items():
            base = restricted(matched, combined(expressions, leave_out=name))
            if spec.field in COLUMN_FIELDS:
                rows = base.order_by().values_list(spec.field).annotate(count=Count("pk"))
                counts = {str(value): count for value, count in rows if value is not None}
            else:
                terms = IndexedTerm.objects.filter(field=spec.field, document__in=base.values("pk"))
                if spec.kind:
                    terms = terms.filter(value__startswith=spec.prefix)
                rows = terms.order_by().values_list("value").annotate(count=Count("pk"))
                counts = {spec.chosen(value): count for value, count in rows}
            facets[name] = facet_values(counts, request.filters.get(name, ()), spec.size)
        return facets

    def promoted(self, request):
        keys = PromotedResult.keys_for(request.text, request.language)
        if not keys or request.page != 1:
            return []
        rows = {row.key: row for row in self.visible(request).filter(key__in=keys)}
        return [hit_of(rows[key], None) for key in keys if key in rows]

    def did_you_mean(self, request):
        """The words that find nothing, replaced by the nearest title or summary words."""
        if not request.text:
            return None
        visible = self.visible(request)
        forms = defaultdict(Counter)
        sample = visible.values_list("title", "summary", "data__tags")[:VOCABULARY_DOCUMENTS]
        for title, summary, tags in sample:
            for word in words(" ".join([title, summary, *(tags or [])])):
                forms[normalise_query(word)][word] += 1
        corrected, changed = [], False
        for word in words(request.text):
            folded = normalise_query(word)
            replacement = word
            if len(folded) >= 4 and folded not in forms and not self.finds(visible, word, request):
                close = difflib.get_close_matches(folded, list(forms), n=1, cutoff=0.75)
                if close:
                    replacement = forms[close[0]].most_common(1)[0][0]
                    changed = True
            corrected.append(replacement)
        suggestion = " ".join(corrected)
        if changed and self.finds(visible, suggestion, request):
            return suggestion
        return None

    @staticmethod
    def finds(documents, text, request):
        return fulltext().matching(documents, text, request.language).exists()

    def autocomplete(self, request, limit=8):
        """Titles that begin with the visitor's words, then tags of visible documents."""
        visible = self.visible(request)
        tag_rows = IndexedTerm.objects.filter(field="tags", document__in=visible.values("pk"))
        tag_counts = tag_rows.order_by().values_list("value").annotate(count=Count("pk"))
        tags = sorted(
            (tag for tag in tag_counts if starts_words(tag[0], request.text)),
            key=lambda tag: (-tag[1], tag[0]),
        )[:MAX_TAG_SUGGESTIONS]
        matching = fulltext().prefix_matching(visible, request.text, request.language)
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
        return pages[: limit - len(tags)] + [Suggestion("tag", tag) for tag, _count in tags]

    def remove(self, keys):
        IndexedDocument.objects.filter(key__in=list(keys)).delete()

    def rebuild(self, documents, progress=None):
        """Replace every document, written by batches of rows rather than one at a time."""
        counts = {}
        documents = iter(documents)
        with transaction.atomic():
            IndexedDocument.objects.all().delete()
            while batch := list(islice(documents, REBUILD_BATCH)):
                rows = IndexedDocument.objects.bulk_create(
                    IndexedDocument(key=document["key"], **columns_of(document))
                    for document in batch
                )
                IndexedTerm.objects.bulk_create(
                    term
                    for row, document in zip(rows, batch, strict=True)
                    for term in terms_of(row, document)
                )
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
