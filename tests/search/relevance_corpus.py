"""The demo content, indexed on the backend under test, for the relevance measures.

The corpus is what the demo builders write from the sector's documents: real
titles, summaries and bodies, not pages written to be found. It is built on the
site as the migrations leave it — whatever other fixtures put under the home
pages is removed first, inside the same transaction, rolled back at the end —
and indexed under an index prefix of its own, so that the small knowledge base
of `conftest.py` neither competes in the rankings nor loses its index.
"""

from importlib import import_module

from django.db import transaction
from django.test import override_settings

from kb.models import HomePage
from search.backends import get_backend
from search.engine import configured_engine
from search.extraction import indexable_pages, page_document

# The demo builders that write pages; the forum builder adds spaces and posts, no page.
PAGE_BUILDERS = ["kb.demo.site", "practices.demo"]


def demo_documents():
    """Build the demo pages on the bare site; the search documents of every indexable page."""
    for home in HomePage.objects.all():
        for child in home.get_children():
            child.delete()
    context = {}
    for module_name in PAGE_BUILDERS:
        import_module(module_name).build(context)
    documents = (page_document(page) for page in indexable_pages())
    return [document for document in documents if document is not None]


def indexed_demo_corpus(engine_url, index_prefix):
    """A generator for a fixture: the demo documents, indexed, rolled back at the end."""
    with override_settings(SEARCH_URL=engine_url, SEARCH_INDEX_PREFIX=index_prefix):
        configured_engine.cache_clear()
        try:
            with transaction.atomic():
                documents = demo_documents()
                get_backend().rebuild(documents)
                yield documents
                transaction.set_rollback(True)
        finally:
            configured_engine.cache_clear()
