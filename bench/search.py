"""Search figures on a synthetic corpus, on the engine and on the database backend.

    .venv/bin/python -m bench.search --pages 10000
    .venv/bin/python -m bench.search --pages 100000 --engine opensearch+http://127.0.0.1:9201
    .venv/bin/python -m bench.search --pages 10000 --backends engine --keep-indexes

The first run migrates the benchmark database (`/tmp/kb-bench-<pages>.sqlite3`
unless DATABASE_URL says otherwise) and generates the corpus (`bench.corpus`);
later runs reuse it. Then, for each backend, it rebuilds the index with
`search_index rebuild`, times searches (every facet and highlights, as the
search page asks), autocompletion and publish → searchable, and prints one line
per backend, with the number of engine requests a search costs (a search page: hits,
facets, highlights, editors' picks and "did you mean"). Engine indexes live under the
prefix `kb-bench` and are deleted at the end. This is not part of the test suite: run
it by hand on a quiet machine.
"""

import argparse
import contextlib
import os

from bench.environment import setup

DEFAULT_ENGINE = "opensearch+http://127.0.0.1:9201"
COLUMNS = [
    ("pages", 8),
    ("backend", 9),
    ("documents", 10),
    ("rebuild doc/s", 14),
    ("search p50 ms", 14),
    ("search p95 ms", 14),
    ("search q/s", 11),
    ("autocomp p50 ms", 16),
    ("autocomp p95 ms", 16),
    ("publish→found s", 16),
    ("requests/search", 16),
]


def main():
    parser = argparse.ArgumentParser(description="Search benchmark.")
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    # The database backend takes seconds per search on a large corpus: fewer of them.
    parser.add_argument("--database-queries", type=int, default=60)
    parser.add_argument("--backends", nargs="+", default=["engine", "database"])
    parser.add_argument("--engine", default=os.environ.get("BENCH_SEARCH_URL", DEFAULT_ENGINE))
    parser.add_argument("--keep-indexes", action="store_true")
    options = parser.parse_args()
    setup(options.pages)

    from django.test import override_settings

    from bench.corpus import ensure_corpus
    from bench.measurements import measure
    from search.engine_client import configured_engine

    ensure_corpus(options.pages)
    rows = []
    for backend in options.backends:
        url = options.engine if backend == "engine" else ""
        with override_settings(SEARCH_URL=url):
            configured_engine.cache_clear()
            try:
                queries = options.queries if url else options.database_queries
                with counted_requests() as count:
                    figures = measure(backend, queries)
                rows.append((figures, count.per_search if url else None))
            finally:
                if url and not options.keep_indexes:
                    delete_bench_indexes(configured_engine())
            configured_engine.cache_clear()
    print_table(options.pages, rows)


class RequestCount:
    """Searches made through the search page's backend, and the engine requests they sent."""

    def __init__(self):
        self.searches = 0
        self.requests = 0
        self.searching = False

    @property
    def per_search(self):
        return self.requests / self.searches if self.searches else 0.0


@contextlib.contextmanager
def counted_requests():
    """Count the engine requests sent by `OpenSearchBackend.search`, whatever the engine."""
    from search.backends.opensearch import OpenSearchBackend
    from search.engine_client import ElasticsearchEngine, OpenSearchEngine

    count = RequestCount()
    originals = {
        owner: owner.search for owner in (OpenSearchBackend, OpenSearchEngine, ElasticsearchEngine)
    }

    def search(backend, request):
        count.searches += 1
        count.searching = True
        try:
            return originals[OpenSearchBackend](backend, request)
        finally:
            count.searching = False

    def counted(owner):
        def engine_search(engine, index, body):
            if count.searching:
                count.requests += 1
            return originals[owner](engine, index, body)

        return engine_search

    OpenSearchBackend.search = search
    for owner in (OpenSearchEngine, ElasticsearchEngine):
        owner.search = counted(owner)
    try:
        yield count
    finally:
        for owner, original in originals.items():
            owner.search = original


def delete_bench_indexes(engine):
    from django.conf import settings

    for index in engine.index_names(f"{settings.SEARCH_INDEX_PREFIX}-*"):
        engine.delete_index(index)


def print_table(pages, rows):
    print()
    print(" ".join(title.rjust(width) for title, width in COLUMNS))
    for figures, requests_per_search in rows:
        values = [
            f"{pages:,}",
            figures.backend,
            f"{figures.documents:,}",
            f"{figures.rebuild_per_second:,.0f}",
            f"{figures.search.p50_ms:.1f}",
            f"{figures.search.p95_ms:.1f}",
            f"{figures.search.per_second:.1f}",
            f"{figures.autocomplete.p50_ms:.1f}",
            f"{figures.autocomplete.p95_ms:.1f}",
            f"{figures.publish_seconds:.2f}",
            "—" if requests_per_search is None else f"{requests_per_search:.2f}",
        ]
        widths = [width for _title, width in COLUMNS]
        print(" ".join(value.rjust(width) for value, width in zip(values, widths, strict=True)))


if __name__ == "__main__":
    main()
