"""The search index's background jobs: sending pending updates and rebuilding."""

from kb.background_jobs import SEARCH_QUEUE, background_job
from search.engine_client import SearchEngineUnavailable
from search.indexing import rebuild_while_pending, send_pending


@background_job(retry_on=SearchEngineUnavailable, queue_name=SEARCH_QUEUE)
def send_pending_index_operations():
    """Send the keys waiting in the outbox; an unreachable engine keeps them for a retry."""
    send_pending()


@background_job(retry_on=SearchEngineUnavailable)
def rebuild_search_index():
    rebuild_while_pending()
