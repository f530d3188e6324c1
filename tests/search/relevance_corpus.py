"""The written pages of `relevance_pages.py`, indexed on every backend of the run.

The pages are built once, inside a transaction rolled back at the end, on a
site whose home pages hold nothing else (whatever other fixtures put there is
removed first, in the same transaction). Their search documents are then
indexed on the database backend — always — and on the engine of SEARCH_URL
when there is one, under an index prefix of their own, so that the small
knowledge base of `conftest.py` neither competes in the rankings nor loses its
index. `RelevanceCorpus.search` asks either backend, each under its own settings.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.test import override_settings

from search.backends import get_backend
from search.engine_client import configured_engine
from search.extraction import indexable_pages, page_document
from search.query import SearchRequest
from tests.search.relevance_pages import build_pages

ENGINE = "engine"


@contextmanager
def backend_settings(overrides):
    """Settings under which `get_backend()` answers with the backend `overrides` name."""
    with override_settings(**overrides):
        configured_engine.cache_clear()
        try:
            yield
        finally:
            configured_engine.cache_clear()


@dataclass
class RelevanceCorpus:
    documents: list
    # {backend name: the settings under which `get_backend()` is that backend}
    settings: dict

    @property
    def backends(self):
        return tuple(self.settings)

    def search(self, backend, text, language):
        """Titles of the first results page `backend` answers for `text`, best first."""
        with backend_settings(self.settings[backend]):
            results = get_backend().search(SearchRequest(text=text, language=language))
        return [hit.title for hit in results.hits]


def written_documents():
    """Build the written pages; the search documents of every indexable page."""
    build_pages()
    documents = (page_document(page) for page in indexable_pages())
    return [document for document in documents if document is not None]


def indexed_relevance_corpus(database, engine_url, index_prefix):
    """A generator for a module fixture: the written pages, indexed on the database backend
    (named `database`: "sqlite" or "postgresql") and, with `engine_url`, on that engine."""
    settings = {database: {"SEARCH_URL": ""}}
    if engine_url:
        settings[ENGINE] = {"SEARCH_URL": engine_url, "SEARCH_INDEX_PREFIX": index_prefix}
    with transaction.atomic():
        with backend_settings(settings[database]):
            documents = written_documents()
        for overrides in settings.values():
            with backend_settings(overrides):
                get_backend().rebuild(documents)
        yield RelevanceCorpus(documents, settings)
        transaction.set_rollback(True)
