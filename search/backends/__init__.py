"""Search backends: a real engine when SEARCH_URL is set, the database otherwise.

Both take the same flat documents (`search.extraction.page_document`) and answer
the same `SearchRequest` with the same `SearchResults`: `search.backends.contract`
says what they offer.
"""

from search.backends.contract import SearchBackend
from search.engine_client import configured_engine


def get_backend() -> SearchBackend:
    engine = configured_engine()
    if engine is not None:
        from search.backends.opensearch import OpenSearchBackend

        return OpenSearchBackend(engine)
    from search.backends.database import DatabaseBackend

    return DatabaseBackend()
