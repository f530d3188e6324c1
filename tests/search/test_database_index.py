"""The database backend's full-text index follows every write of its documents.

It is kept by triggers (migration 0004), on SQLite (FTS5) and PostgreSQL
(tsvector) alike; these tests run on whichever database the suite uses.
"""

import pytest

from search.backends.database import DatabaseBackend
from search.models import IndexedDocument
from search.query import SearchRequest

pytestmark = pytest.mark.django_db


def document(key="test-1", **changes):
    return {
        "key": key,
        "doc_type": "content",
        "title": "Habitat inclusif en Bretagne",
        "summary": "Des colocations accompagnées.",
        "body": "Un bailleur social et un SAMSAH partagent la coordination.",
        "tags": ["colocation"],
        "themes": [],
        "audiences": [],
        "establishment_types": [],
        "territories": [],
        "status": "",
        "locale": "fr",
        "visibility": ["public"],
        "year": 2023,
        "published_at": "2026-02-01T10:00:00+00:00",
        "url": "/habitat/",
        "rank_boost": 1.0,
        **changes,
    }


def keys_found(text, language="fr"):
    results = DatabaseBackend().search(SearchRequest(text=text, language=language))
    return [hit.key for hit in results.hits]


def test_a_stored_document_is_found_by_its_title_summary_body_and_tags():
    DatabaseBackend().upsert([document()])

    for word in ("Bretagne", "colocations", "bailleur", "colocation"):
        assert keys_found(word) == ["test-1"], word


def test_an_updated_document_is_found_by_its_new_words_only():
    backend = DatabaseBackend()
    backend.upsert([document()])
    backend.upsert([document(title="Habitat partagé à Caen", tags=["habitat partagé"])])

    assert keys_found("Bretagne") == []
    assert keys_found("Caen") == ["test-1"]
    assert keys_found("partagé") == ["test-1"]


def test_a_removed_document_is_no_longer_found():
    backend = DatabaseBackend()
    backend.upsert([document()])
    backend.remove(["test-1"])

    assert keys_found("Bretagne") == []


def test_a_rebuild_leaves_only_the_new_documents_searchable():
    backend = DatabaseBackend()
    backend.upsert([document()])
    backend.rebuild([document(key="test-2", title="Accueil de jour en Bretagne")])

    assert keys_found("Bretagne") == ["test-2"]
    assert list(IndexedDocument.objects.values_list("key", flat=True)) == ["test-2"]


def test_words_are_found_whatever_their_accents_and_plurals():
    DatabaseBackend().upsert([document(title="Équipes éducatives et répit")])

    assert keys_found("equipe educative repit") == ["test-1"]


def test_the_marks_come_from_the_full_text_index():
    DatabaseBackend().upsert([document()])

    hit = DatabaseBackend().search(SearchRequest(text="bretagne", language="fr")).hits[0]

    assert str(hit.title_html) == "Habitat inclusif en <mark>Bretagne</mark>"
