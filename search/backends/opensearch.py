"""Writing to and reading from Elasticsearch / OpenSearch through `search.engine_client`.

Each language has its own alias (`kb-content-fr`, `kb-content-en`) over a
timestamped physical index with that language's analyzers. A rebuild fills a new
index and swaps the alias in one step, so searches never see an empty index.
Reading sends the bodies of `search.backends.opensearch_bodies` to the alias of the
request's language, so a query on /en/ never sees a French document.
"""

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from django.conf import settings
from django.utils.dateparse import parse_datetime
from elasticsearch.dsl.response import Response

from search.analysis import body_source, index_settings, unmarked
from search.backends.contract import facets_from, search_hit, suggestions
from search.backends.opensearch_bodies import (
    NEAR,
    PROMOTED,
    STRICT,
    autocomplete_body,
    concepts_matched,
    plan_of,
    ranked_keys_body,
    related_body,
    search_body,
)
from search.backends.opensearch_concepts import pieces_of
from search.backends.opensearch_facets import facet_counts, facet_entries
from search.documents import analysis_version, index_mapping
from search.engine_client import BULK_CHUNK
from search.filter_expressions import Territories
from search.models import PromotedResult
from search.query import (
    SUGGEST_BELOW,
    SearchResults,
    Suggestion,
    normalise_query,
)
from search.thesaurus import current_groups

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A rebuild keeps the engine busy with one batch while the next is read from the database.
BULKS_IN_FLIGHT = 2
# Seconds a rebuild's bulk or final refresh may take: large, and queued behind merges.
REBUILD_BULK_TIMEOUT = 120
# Seconds the final merge into one segment may take (about a minute at 100,000 pages).
REBUILD_MERGE_TIMEOUT = 600
# Nobody searches an index while it is filled: no refresh, no flush to disk per request.
LOADING_SETTINGS = {"refresh_interval": "-1", "translog.durability": "async"}
SERVING_SETTINGS = {"refresh_interval": None, "translog.durability": "request"}


def alias_name(language):
    return f"{settings.SEARCH_INDEX_PREFIX}-{language}"


def new_index_name(language):
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name(language)}-{stamp}"


def source_of(document):
    """What the engine stores of `document`: its fields, a body whose apostrophes and
    hyphens its analyzer reads, and the entries of the shared facet aggregation."""
    source = {name: value for name, value in document.items() if name != "key"}
    return {
        **source,
        "body": body_source(document["body"]),
        "facets": facet_entries(document),
    }


def place_names(language):
    """The names of régions and départements a visitor reads in `language`, folded."""
    return [" ".join(words) for words in Territories.load(language).territories_of]


def hit_of(hit):
    return hit_of_raw(hit.meta.id, hit.to_dict(), hit.meta.to_dict().get("highlight", {}))


def hit_of_raw(key, source, highlight):
    def marked(name):
        return (highlight.get(name) or [None])[0]

    published_at = source.get("published_at")
    return search_hit(
        key,
        source,
        parse_datetime(published_at) if published_at else None,
        (marked("title"), marked("summary"), unmarked(marked("body"))),
    )


def matched(raw):
    """The names of the clauses the hits of a raw answer matched (`matched_queries`)."""
    return set().union(*(hit.get("matched_queries") or () for hit in raw["hits"]["hits"]))


def tolerated(names, plan):
    """Whether the hits were found by tolerance: a concept that a hit holds with a typo or
    cut short, and none as typed."""
    return bool(concepts_matched(names, NEAR) - concepts_matched(names, STRICT))


def correction_of(raw, request, plan, names):
    """The best-scored correction of the suggesters, or None: none that only rewrites what
    was typed, or changes a word of the thesaurus (« PCPE » is no « pole ») or a word that
    a hit holds as typed (« pair emulation » is no « pour education »)."""
    suggesters = raw.get("suggest", {}).values()
    options = [option for entries in suggesters for entry in entries for option in entry["options"]]
    if not options:
        return None
    text = max(options, key=lambda option: option["score"])["text"]
    typed = {piece.word for piece in pieces_of(request.text, request.language)}
    changed = typed - {piece.word for piece in pieces_of(text, request.language)}
    held = concepts_matched(names, STRICT)
    if (
        not changed
        or normalise_query(text) == normalise_query(request.text)
        or changed & plan.known
        or any(plan.concept_of(word) in held for word in changed)
    ):
        return None
    return text


def promoted_of(raw, keys):
    """The editors' picks found by `add_promoted`, in the editors' order."""
    aggregation = raw.get("aggregations", {}).get(PROMOTED)
    if not aggregation:
        return []
    found = {
        hit["_id"]: hit_of_raw(hit["_id"], hit.get("_source", {}), {})
        for hit in aggregation["picks"]["documents"]["hits"]["hits"]
    }
    return [found[key] for key in keys if key in found]


class OpenSearchBackend:
    name = "engine"
    # The thesaurus's synonyms are analysis settings: a new thesaurus needs a new index.
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
        settings = index_settings(language, current_groups(language), place_names(language))
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
                # A bulk load leaves dozens of segments, merged in the background for
                # minutes while every search reads all of them: merged now, before the
                # alias moves, readers get one segment and the old index meanwhile.
                self.engine.merge_segments(index, timeout=REBUILD_MERGE_TIMEOUT)
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
        return Response(search, self.run_raw(language, search))

    def run_raw(self, language, search):
        return self.engine.search(alias_name(language), search.to_dict())

    def search(self, request):
        """One request: hits, facets, highlights, editors' picks and the suggestion. A second
        one only when the words find nothing together (any of them then finds), or the page
        asked is past the last."""
        plan = plan_of(request, Territories.load(request.language))
        keys = PromotedResult.keys_for(request.text, request.language)
        search, raw = self.results_page(request, plan, keys)
        total = raw["hits"]["total"]["value"]
        relaxed = not total and plan.relaxable and not request.exact
        if relaxed:
            plan = plan.relaxed()
            search, raw = self.results_page(request, plan, keys)
            total = raw["hits"]["total"]["value"]
        if request.within(total) != request:
            request = request.within(total)
            search, raw = self.results_page(request, plan, keys)
        names = matched(raw)
        correction = correction_of(raw, request, plan, names) if request.text else None
        # Typos forgiven: the results say what was searched for instead.
        searched_instead = None
        if total and tolerated(names, plan):
            searched_instead = correction or plan.corrected_text(request.text)
            searched_instead = searched_instead if searched_instead != request.text else None
        few = total < SUGGEST_BELOW or relaxed
        return SearchResults(
            request=request,
            hits=[hit_of(hit) for hit in Response(search, raw)],
            total=total,
            facets=facets_from(facet_counts(raw["aggregations"]), request),
            did_you_mean=correction if few and not searched_instead else None,
            promoted=promoted_of(raw, keys) if request.page == 1 else [],
            searched_instead=searched_instead,
        )

    def results_page(self, request, plan, keys):
        """The body of a results page and the engine's raw answer."""
        search = search_body(request, plan, keys if request.page == 1 else ())
        return search, self.run_raw(request.language, search)

    def ranked_keys(self, request, limit):
        """Keys of the documents the words find, best first, at most `limit` (no facets, no
        excerpts): the search of the JSON API."""
        plan = plan_of(request, Territories.load(request.language))
        response = self.run(request.language, ranked_keys_body(request, plan, limit))
        if not response.hits and plan.relaxable and not request.exact:
            response = self.run(request.language, ranked_keys_body(request, plan.relaxed(), limit))
        return [hit.meta.id for hit in response]

    def autocomplete(self, request, limit=8):
        """Titles that begin with the visitor's words, then tags of documents that match."""
        response = self.run(request.language, autocomplete_body(request, limit))
        buckets = response.to_dict()["aggregations"]["tags"]["values"]["buckets"]
        tags = [bucket["key"] for bucket in buckets]
        pages = [
            Suggestion("page", hit.title, getattr(hit, "url", "") or "", hit.doc_type)
            for hit in response
        ]
        return suggestions(request, pages, tags, limit)

    def related(self, request, key, limit=3):
        """Keys of the documents most like `key`, among those `request` may see."""
        body = related_body(request, alias_name(request.language), key, limit)
        return [hit.meta.id for hit in self.run(request.language, body)]

    def refresh(self):
        for language in LANGUAGES:
            self.engine.refresh(alias_name(language))

    def outdated_languages(self):
        """The languages whose index another version of the analysis built."""
        current = analysis_version()
        return [
            language
            for language in LANGUAGES
            if self.engine.alias_targets(alias_name(language))
            and any(
                meta.get("analysis") != current
                for meta in self.engine.meta(alias_name(language)).values()
            )
        ]

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
