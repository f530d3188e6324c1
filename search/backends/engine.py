"""Writing to and reading from Elasticsearch / OpenSearch through `search.engine`.

Each language has its own alias (`kb-content-fr`, `kb-content-en`) over a
timestamped physical index with that language's analyzers. A rebuild fills a new
index and swaps the alias in one step, so searches never see an empty index.
Reading sends the bodies of `search.engine_queries` to the alias of the
request's language, so a query on /en/ never sees a French document.
"""

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial

from django.conf import settings
from django.utils.dateparse import parse_datetime
from elasticsearch.dsl.response import Response

from search.analysis import index_settings, plain_apostrophes
from search.documents import index_mapping
from search.engine import BULK_CHUNK
from search.engine_queries import (
    autocomplete_body,
    documents_body,
    facet_counts,
    facet_entries,
    ranked_keys_body,
    related_body,
    search_body,
    suggestions_body,
)
from search.filters import Territories
from search.models import PromotedResult
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
from search.thesaurus import current_groups, is_acronym

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A rebuild keeps the engine busy with one batch while the next is read from the database.
BULKS_IN_FLIGHT = 2
# Seconds a rebuild's bulk or final refresh may take: large, and queued behind merges.
REBUILD_BULK_TIMEOUT = 120
# Nobody searches an index while it is filled: no refresh, no flush to disk per request.
LOADING_SETTINGS = {"refresh_interval": "-1", "translog.durability": "async"}
SERVING_SETTINGS = {"refresh_interval": None, "translog.durability": "request"}
MAX_TAG_SUGGESTIONS = 3
# Words as typed that find less than a results page are asked again, tolerant of typos
# and of a missing word; most searches find enough and never pay for that.
TOLERANT_BELOW = 10


def alias_name(language):
    return f"{settings.SEARCH_INDEX_PREFIX}-{language}"


def new_index_name(language):
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name(language)}-{stamp}"


def source_of(document):
    """What the engine stores of `document`: its fields, a body whose apostrophes its
    analyzer reads, and the entries of the shared facet aggregation."""
    source = {name: value for name, value in document.items() if name != "key"}
    return {
        **source,
        "body": plain_apostrophes(document["body"]),
        "facets": facet_entries(document),
    }


def hit_of(hit):
    highlight = hit.meta.to_dict().get("highlight", {})
    source = hit.to_dict()

    def marked(name):
        return (highlight.get(name) or [None])[0]

    published_at = source.get("published_at")
    return SearchHit(
        key=hit.meta.id,
        doc_type=source.get("doc_type", ""),
        title=source.get("title", ""),
        url=source.get("url") or "",
        summary=source.get("summary", ""),
        excerpt=excerpt_of(marked("summary"), marked("body"), source.get("summary", "")),
        title_html=safe_excerpt(marked("title") or source.get("title", "")),
        territories=source.get("territories") or [],
        themes=source.get("themes") or [],
        date=parse_datetime(published_at) if published_at else None,
        year=source.get("year"),
    )


def facets_of(aggregations, request):
    counts = facet_counts(aggregations)
    return {
        name: facet_values(counts[name], request.filters.get(name, ()), spec.size)
        for name, spec in FILTERS.items()
    }


def suggestion_of(response, request):
    """The best-scored correction among the suggesters, if it differs from what was typed."""
    suggesters = response.to_dict().get("suggest", {}).values()
    options = [option for entries in suggesters for entry in entries for option in entry["options"]]
    if not options:
        return None
    text = max(options, key=lambda option: option["score"])["text"]
    return text if normalise_query(text) != normalise_query(request.text) else None


def current_terms(language):
    """(acronym, expansion) pairs of the thesaurus in force for `language`."""
    terms = []
    for group in current_groups(language):
        expansions = [form for form in group.forms if not is_acronym(form)]
        if expansions:
            terms += [(acronym, expansions[0]) for acronym in group.acronyms]
    return terms


class EngineBackend:
    name = "engine"
    # The glossary's synonyms are analysis settings: a new glossary needs a new index.
    synonyms_in_index = True

    def __init__(self, engine):
        self.engine = engine

    def upsert(self, documents):
        actions = []
        for document in documents:
            language = document["locale"]
            actions.append(
                {
                    "_op_type": "index",
                    "_index": alias_name(language),
                    "_id": document["key"],
                    "_source": source_of(document),
                }
            )
            # A page whose language changed must leave the other language's index.
            actions.extend(
                {"_op_type": "delete", "_index": alias_name(other), "_id": document["key"]}
                for other in LANGUAGES
                if other != language
            )
        self.send(actions)

    def remove(self, keys):
        self.send(
            {"_op_type": "delete", "_index": alias_name(language), "_id": key}
            for key in keys
            for language in LANGUAGES
        )

    def send(self, actions):
        actions = list(actions)
        if actions:
            self.ensure_aliases()
            self.engine.bulk(actions)

    def ensure_aliases(self):
        """Create an empty index for a language that has none yet."""
        for language in LANGUAGES:
            if not self.engine.alias_targets(alias_name(language)):
                index = self.create_index(language)
                self.engine.swap_alias(alias_name(language), index)

    def create_index(self, language, loading=False):
        name = new_index_name(language)
        settings = index_settings(language, current_terms(language))
        body = {
            "settings": {**settings, **LOADING_SETTINGS} if loading else settings,
            "mappings": index_mapping(),
        }
        self.engine.create_index(name, body)
        return name

    def rebuild(self, documents, progress=None):
        """Fill new indexes, swap the aliases, delete the old indexes; returns the counts.

        The next batch of documents is read from the database while the engine
        indexes the previous ones.
        """
        new_indexes = {
            language: self.create_index(language, loading=True) for language in LANGUAGES
        }
        counts = dict.fromkeys(LANGUAGES, 0)
        try:
            with ThreadPoolExecutor(max_workers=BULKS_IN_FLIGHT) as sender:
                in_flight = deque()
                for batch in self.batches(documents, new_indexes, counts):
                    if len(in_flight) == BULKS_IN_FLIGHT:
                        sent = in_flight.popleft().result()
                        if progress:
                            progress(sent)
                    in_flight.append(sender.submit(self.send_batch, batch))
                for bulk in in_flight:
                    sent = bulk.result()
                    if progress:
                        progress(sent)
            for index in new_indexes.values():
                self.engine.put_settings(index, SERVING_SETTINGS)
                self.engine.refresh(index, timeout=REBUILD_BULK_TIMEOUT)
        except Exception:
            for index in new_indexes.values():
                self.engine.delete_index(index)
            raise
        for language, index in new_indexes.items():
            old_indexes = self.engine.alias_targets(alias_name(language))
            self.engine.swap_alias(alias_name(language), index)
            for old in old_indexes:
                self.engine.delete_index(old)
        self.delete_orphans()
        return counts

    @staticmethod
    def batches(documents, indexes, counts):
        """Bulk actions filling `indexes` ({language: index}) with `documents`, counted."""
        batch = []
        for document in documents:
            batch.append(
                {
                    "_op_type": "index",
                    "_index": indexes[document["locale"]],
                    "_id": document["key"],
                    "_source": source_of(document),
                }
            )
            counts[document["locale"]] += 1
            if len(batch) == BULK_CHUNK:
                yield batch
                batch = []
        if batch:
            yield batch

    def send_batch(self, batch):
        self.engine.bulk(batch, timeout=REBUILD_BULK_TIMEOUT)
        return len(batch)

    def orphan_indexes(self):
        """Physical indexes of ours that no alias points to (a rebuild that died midway)."""
        orphans = []
        for language in LANGUAGES:
            alias = alias_name(language)
            live = set(self.engine.alias_targets(alias))
            orphans.extend(
                name for name in self.engine.index_names(f"{alias}-*") if name not in live
            )
        return orphans

    def delete_orphans(self):
        for index in self.orphan_indexes():
            self.engine.delete_index(index)

    def indexed_versions(self):
        """{key: (language, updated_at)} of every indexed document, including the latest sent."""
        self.ensure_aliases()
        self.refresh()
        versions = {}
        for language in LANGUAGES:
            alias = alias_name(language)
            if self.engine.alias_targets(alias):
                for key, source in self.engine.scan(alias, ["locale", "updated_at"]):
                    versions[key] = (source.get("locale"), source.get("updated_at"))
        return versions

    # --- reading ---------------------------------------------------------------

    def run(self, language, search):
        raw = self.engine.search(alias_name(language), search.to_dict())
        return Response(search, raw)

    def run_words(self, request, body_of):
        """Run `body_of(tolerant=False)`, the words as typed; when they find little, run
        `body_of(tolerant=True)` instead. Returns the response and whether it is tolerant."""
        response = self.run(request.language, body_of(tolerant=False))
        if request.text and response.hits.total.value < TOLERANT_BELOW:
            return self.run(request.language, body_of(tolerant=True)), True
        return response, False

    def search(self, request):
        territories = Territories.load(request.language)
        response, tolerant = self.run_words(request, partial(search_body, request, territories))
        total = response.hits.total.value
        if request.page > last_page(total, request.page_size):
            # Past the last page: show the last one rather than an empty page.
            request = request.with_page(last_page(total, request.page_size))
            response = self.run(request.language, search_body(request, territories, tolerant))
        return SearchResults(
            request=request,
            hits=[hit_of(hit) for hit in response],
            total=total,
            facets=facets_of(response.to_dict()["aggregations"], request),
            did_you_mean=self.did_you_mean(request) if total < SUGGEST_BELOW else None,
            promoted=self.promoted(request),
        )

    def ranked_keys(self, request, limit):
        """Keys of the documents the words find, best first, at most `limit` (no facets, no
        excerpts): the search of the JSON API."""
        territories = Territories.load(request.language)
        body_of = partial(ranked_keys_body, request, territories, limit)
        response, _tolerant = self.run_words(request, body_of)
        return [hit.meta.id for hit in response]

    def did_you_mean(self, request):
        if not request.text:
            return None
        return suggestion_of(self.run(request.language, suggestions_body(request)), request)

    def promoted(self, request):
        keys = PromotedResult.keys_for(request.text, request.language)
        if not keys or request.page != 1:
            return []
        found = {
            hit.meta.id: hit_of(hit)
            for hit in self.run(request.language, documents_body(request, keys))
        }
        return [found[key] for key in keys if key in found]

    def autocomplete(self, request, limit=8):
        """Titles that begin with the visitor's words, then tags of documents that match."""
        response = self.run(request.language, autocomplete_body(request, limit))
        buckets = response.to_dict()["aggregations"]["tags"]["values"]["buckets"]
        tags = [bucket["key"] for bucket in buckets if starts_words(bucket["key"], request.text)]
        tags = tags[:MAX_TAG_SUGGESTIONS]
        pages = [
            Suggestion("page", hit.title, getattr(hit, "url", "") or "", hit.doc_type)
            for hit in response
        ]
        return pages[: limit - len(tags)] + [Suggestion("tag", tag) for tag in tags]

    def related(self, request, key, limit=3):
        """Keys of the documents most like `key`, among those `request` may see."""
        body = related_body(request, alias_name(request.language), key, limit)
        return [hit.meta.id for hit in self.run(request.language, body)]

    def refresh(self):
        for language in LANGUAGES:
            self.engine.refresh(alias_name(language))

    def status(self):
        """Engine, aliases, targets and counts per language (raises if unreachable)."""
        languages = {}
        for language in LANGUAGES:
            alias = alias_name(language)
            targets = self.engine.alias_targets(alias)
            languages[language] = {
                "alias": alias,
                "indexes": targets,
                "count": self.engine.count(alias) if targets else None,
            }
        return {
            "backend": self.engine.kind,
            "languages": languages,
            "orphans": self.orphan_indexes(),
        }
