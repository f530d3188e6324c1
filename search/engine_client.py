"""The one place that knows which search engine runs.

Bodies are built elsewhere with the DSL (`elasticsearch.dsl`) and handed here as
plain dicts; this module sends them with the configured client — the
Elasticsearch 8 client for Elasticsearch, opensearch-py for OpenSearch, because
the Elasticsearch client refuses to talk to a server that is not Elasticsearch —
and turns every transport failure into `SearchEngineUnavailable`.
"""

from functools import cache
from itertools import islice
from urllib.parse import urlsplit, urlunsplit

import orjson
from django.conf import settings

# Connections kept open to the engine: a rebuild sends two bulk requests at a time, and
# urllib3 keeps one by default, opening a new one for every other request.
CONNECTIONS_KEPT = 4
# Actions per bulk request.
BULK_CHUNK = 500
# What a bulk answer is cut down to, the reports of refused actions: reading five hundred
# full item reports took longer than writing the request (`bench/`).
BULK_ANSWER = "errors,items.*.error"


class SearchEngineUnavailable(Exception):
    """The engine could not be reached or refused the request."""


class Engine:
    kind = ""

    def __init__(self, client, errors):
        self.client = client
        self.errors = errors

    def call(self, operation, *args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except self.errors as error:
            raise SearchEngineUnavailable(str(error)) from error

    def ping(self):
        try:
            return bool(self.client.ping())
        except self.errors:
            return False

    def create_index(self, name, body):
        raise NotImplementedError

    def search(self, index, body):
        raise NotImplementedError

    def helpers(self):
        raise NotImplementedError

    def bulk(self, actions, timeout=None):
        """Send index and delete `actions` by chunks; `timeout` (seconds) overrides the
        client's. Deleting a document the index does not hold is not an error.

        An action is a dict: `_op_type` ("index" or "delete"), `_index`, `_id`, and for
        "index" the document as `_source`.
        """
        actions = iter(actions)
        while chunk := list(islice(actions, BULK_CHUNK)):
            answer = self.call(self.send_bulk, bulk_body(chunk), timeout)
            # Only refused actions carry an error: deleting a missing document does not.
            refused = [report for item in answer.get("items", []) for report in item.values()]
            if refused:
                raise SearchEngineUnavailable(
                    f"{len(refused)} actions refused, the first with: {refused[0].get('error')}"
                )

    def send_bulk(self, body, timeout):
        raise NotImplementedError

    def put_settings(self, index, settings):
        raise NotImplementedError

    def delete_index(self, name):
        self.call(self.client.indices.delete, index=name, ignore_unavailable=True)

    def index_names(self, pattern):
        return sorted(self.call(self.client.indices.get, index=pattern, expand_wildcards="open"))

    def alias_targets(self, alias):
        if not self.call(self.client.indices.exists_alias, name=alias):
            return []
        return sorted(self.call(self.client.indices.get_alias, name=alias))

    def meta(self, alias):
        """The `_meta` of the mapping of each index `alias` points to."""
        mappings = self.call(self.client.indices.get_mapping, index=alias)
        return {index: body["mappings"].get("_meta", {}) for index, body in mappings.items()}

    def swap_alias(self, alias, new_index):
        """Point `alias` at `new_index` alone, in one atomic step."""
        actions = [{"remove": {"index": old, "alias": alias}} for old in self.alias_targets(alias)]
        actions.append({"add": {"index": new_index, "alias": alias}})
        self.update_aliases(actions)

    def update_aliases(self, actions):
        raise NotImplementedError

    def scan(self, index, source_fields):
        """Every document of `index` as (id, source), however many there are."""
        return self.call(
            lambda: [
                (hit["_id"], hit.get("_source", {}))
                for hit in self.helpers().scan(
                    self.client, index=index, query={"_source": source_fields}
                )
            ]
        )

    def refresh(self, index, timeout=None):
        raise NotImplementedError

    def merge_segments(self, index, timeout=None):
        """Merge `index` into one segment, waiting for the end, and let searches read it."""
        raise NotImplementedError

    def count(self, index):
        return self.call(self.client.count, index=index)["count"]

    def delete_document(self, index, document_id):
        self.call(self.client.delete, index=index, id=document_id, ignore=[404])


class OpenSearchEngine(Engine):
    kind = "opensearch"

    def create_index(self, name, body):
        self.call(self.client.indices.create, index=name, body=body)

    def update_aliases(self, actions):
        self.call(self.client.indices.update_aliases, body={"actions": actions})

    def search(self, index, body):
        return self.call(self.client.search, index=index, body=body)

    def helpers(self):
        from opensearchpy import helpers

        return helpers

    def send_bulk(self, body, timeout):
        options = {"request_timeout": timeout} if timeout else {}
        return self.client.bulk(body=body, filter_path=BULK_ANSWER, **options)

    def put_settings(self, index, settings):
        self.call(self.client.indices.put_settings, index=index, body=settings)

    def refresh(self, index, timeout=None):
        options = {"request_timeout": timeout} if timeout else {}
        self.call(self.client.indices.refresh, index=index, **options)

    def merge_segments(self, index, timeout=None):
        options = {"request_timeout": timeout} if timeout else {}
        self.call(self.client.indices.forcemerge, index=index, max_num_segments=1, **options)
        self.refresh(index, timeout)

    def delete_document(self, index, document_id):
        self.call(self.client.delete, index=index, id=document_id, params={"ignore": 404})


class ElasticsearchEngine(Engine):
    kind = "elasticsearch"

    def create_index(self, name, body):
        self.call(self.client.indices.create, index=name, **body)

    def update_aliases(self, actions):
        self.call(self.client.indices.update_aliases, actions=actions)

    def search(self, index, body):
        return self.call(self.client.search, index=index, **body).body

    def helpers(self):
        from elasticsearch import helpers

        return helpers

    def send_bulk(self, body, timeout):
        client = self.client.options(request_timeout=timeout) if timeout else self.client
        return client.bulk(operations=body, filter_path=BULK_ANSWER).body

    def put_settings(self, index, settings):
        self.call(self.client.indices.put_settings, index=index, settings=settings)

    def refresh(self, index, timeout=None):
        client = self.client.options(request_timeout=timeout) if timeout else self.client
        self.call(client.indices.refresh, index=index)

    def merge_segments(self, index, timeout=None):
        client = self.client.options(request_timeout=timeout) if timeout else self.client
        self.call(client.indices.forcemerge, index=index, max_num_segments=1)
        self.refresh(index, timeout)

    def delete_document(self, index, document_id):
        self.call(self.client.options(ignore_status=404).delete, index=index, id=document_id)


def bulk_body(actions):
    """The NDJSON body of a bulk request. orjson writes it: the standard library's encoder
    took a sixth of a rebuild's Python time (`bench/`)."""
    lines = []
    for action in actions:
        operation = action["_op_type"]
        lines.append(orjson.dumps({operation: {"_index": action["_index"], "_id": action["_id"]}}))
        if operation == "index":
            lines.append(orjson.dumps(action["_source"]))
    lines.append(b"")
    return b"\n".join(lines)


def engine_from_url(url, timeout=10):
    """Build the engine for `opensearch+http://host:port` or `elasticsearch+https://...`."""
    parts = urlsplit(url)
    kind, _, scheme = parts.scheme.partition("+")
    if not scheme:
        raise ValueError(f"SEARCH_URL must name its engine, e.g. opensearch+{parts.scheme}://…")
    server = urlunsplit((scheme, parts.netloc, parts.path, "", ""))
    if kind == "opensearch":
        from opensearchpy import OpenSearch
        from opensearchpy.exceptions import OpenSearchException

        client = OpenSearch(
            server,
            timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
            pool_maxsize=CONNECTIONS_KEPT,
        )
        return OpenSearchEngine(client, (OpenSearchException, OSError))
    if kind == "elasticsearch":
        from elastic_transport import TransportError
        from elasticsearch import ApiError, Elasticsearch

        client = Elasticsearch(server, request_timeout=timeout, max_retries=0)
        return ElasticsearchEngine(client, (ApiError, TransportError, OSError))
    raise ValueError(
        f"Unknown search engine {kind!r} in SEARCH_URL: use opensearch or elasticsearch."
    )


@cache
def configured_engine():
    """The engine named by SEARCH_URL, or None for the database backend."""
    url = settings.SEARCH_URL
    return engine_from_url(url, settings.SEARCH_TIMEOUT) if url else None
