"""Both backends keep the contract of `search.backends.contract.SearchBackend` alike.

Each test runs on the database backend, and on the engine of SEARCH_URL when
there is one (skipped on a developer's machine without it, failed in CI).
"""

import pytest

from search.backends import get_backend
from search.backends.contract import SearchBackend
from search.engine_client import configured_engine
from search.query import SearchRequest
from tests.search.conftest import ENGINE_URL
from tests.services import require_service

pytestmark = pytest.mark.django_db

MEMBERS = ("public", "space:7")


def document(key, title, locale="fr", **changes):
    return {
        "key": key,
        "doc_type": "sheet",
        "title": title,
        "summary": f"Résumé de {title}.",
        "body": f"Le texte de {title}.",
        "tags": [],
        "themes": [],
        "audiences": [],
        "establishment_types": [],
        "territories": [],
        "status": "",
        "locale": locale,
        "visibility": ["public"],
        "year": 2023,
        "published_at": "2026-02-01T10:00:00+00:00",
        "url": f"/{key}/",
        "rank_boost": 1.0,
        **changes,
    }


DOCUMENTS = [
    document(
        "page-1",
        "Unité de répit pour jeunes adultes",
        themes=["prevention-ruptures"],
        tags=["répit"],
        territories=["region:76"],
    ),
    document(
        "page-2",
        "Plateforme de répit en Bretagne",
        themes=["prevention-ruptures"],
        tags=["répit", "plateforme"],
        territories=["region:53"],
        year=2024,
    ),
    document("page-3", "Scolarisation inclusive", themes=["scolarisation"], tags=["école"]),
    document("page-4", "Respite unit for young adults", locale="en", tags=["respite"]),
    document(
        "post-5",
        "Compte rendu réservé sur le répit",
        doc_type="post",
        themes=["prevention-ruptures"],
        tags=["répit"],
        visibility=["space:7"],
    ),
]


@pytest.fixture(params=["database", "engine"])
def backend(request, settings, engine_prefix):
    """The backend of the parameter. The engine's index outlives a test, the database's
    rows do not."""
    if request.param == "engine":
        require_service(
            bool(ENGINE_URL), "SEARCH_URL n’est pas défini : aucun moteur à interroger."
        )
        settings.SEARCH_URL = ENGINE_URL
        settings.SEARCH_INDEX_PREFIX = f"{engine_prefix}-contract"
    else:
        settings.SEARCH_URL = ""
    configured_engine.cache_clear()
    yield get_backend()
    configured_engine.cache_clear()


@pytest.fixture
def filled(backend):
    """The backend holding `DOCUMENTS` only, whatever an earlier test changed (without a
    rebuild: the engine builds an index in seconds)."""
    backend.remove(set(backend.indexed_versions()) - {doc["key"] for doc in DOCUMENTS})
    backend.upsert(DOCUMENTS)
    backend.refresh()
    return backend


def found(backend, text="", visibility=("public",), language="fr", **filters):
    request = SearchRequest(
        text=text,
        language=language,
        visibility=visibility,
        filters={name: tuple(values) for name, values in filters.items()},
    )
    return backend.search(request)


def keys(results):
    return {hit.key for hit in results.hits}


def test_the_backend_offers_every_operation_of_the_contract(backend):
    assert isinstance(backend, SearchBackend)


def test_a_rebuild_counts_and_tells_what_it_wrote(backend):
    written = []

    counts = backend.rebuild(DOCUMENTS, progress=written.append)

    assert counts == {"fr": 4, "en": 1}
    assert sum(written) == len(DOCUMENTS)
    assert set(backend.indexed_versions()) == {doc["key"] for doc in DOCUMENTS}
    assert backend.indexed_versions()["page-4"][0] == "en"


def test_status_counts_the_documents_of_each_language(filled):
    status = filled.status()

    assert status["backend"]
    assert {code: language["count"] for code, language in status["languages"].items()} == {
        "fr": 4,
        "en": 1,
    }
    assert filled.outdated_languages() == []


def test_words_find_documents_of_the_request_language_only(filled):
    assert keys(found(filled, "répit")) == {"page-1", "page-2"}
    assert keys(found(filled, "respite", language="en")) == {"page-4"}
    assert keys(found(filled, "Scolarisation", language="en")) == set()


def test_a_private_document_is_found_only_by_those_who_may_see_it(filled):
    assert "post-5" not in keys(found(filled, "répit"))
    assert "post-5" in keys(found(filled, "répit", visibility=MEMBERS))
    anyone = SearchRequest(text="réserv", visibility=("public",))
    assert all(
        suggestion.label != DOCUMENTS[4]["title"] for suggestion in filled.autocomplete(anyone)
    )
    assert "post-5" not in filled.related(SearchRequest(), "page-1")
    assert "post-5" not in filled.ranked_keys(SearchRequest(text="répit"), 10)


def test_a_hit_carries_what_the_results_page_shows(filled):
    (hit,) = found(filled, "Scolarisation").hits

    assert hit.key == "page-3"
    assert hit.doc_type == "sheet"
    assert hit.title == "Scolarisation inclusive"
    assert hit.url == "/page-3/"
    assert hit.themes == ["scolarisation"]
    assert hit.year == 2023
    assert hit.date.year == 2026
    assert "<mark>" in hit.title_html


def test_facets_count_every_value_and_ignore_their_own_choice(filled):
    results = found(filled, region=["76"])

    assert keys(results) == {"page-1"}
    regions = {value.value: (value.count, value.selected) for value in results.facets["region"]}
    assert regions == {"76": (1, True), "53": (1, False)}
    themes = {value.value: value.count for value in results.facets["theme"]}
    assert themes == {"prevention-ruptures": 1}


def test_an_upsert_replaces_and_a_removal_forgets(filled):
    filled.upsert([document("page-3", "Habitat inclusif")])
    filled.remove(["page-2", "never-indexed"])
    filled.refresh()

    assert keys(found(filled, "Scolarisation")) == set()
    assert keys(found(filled, "Habitat")) == {"page-3"}
    assert keys(found(filled, "Bretagne")) == set()
    assert set(filled.indexed_versions()) == {"page-1", "page-3", "page-4", "post-5"}


def test_ranked_keys_are_best_first_and_at_most_the_limit(filled):
    ranked = filled.ranked_keys(SearchRequest(text="répit plateforme"), 1)

    assert ranked == ["page-2"]


def test_autocomplete_offers_titles_then_tags(filled):
    suggestions = filled.autocomplete(SearchRequest(text="répi"), limit=8)

    kinds = [suggestion.kind for suggestion in suggestions]
    assert kinds == sorted(kinds, key=lambda kind: kind != "page")
    assert ("tag", "répit") in {(suggestion.kind, suggestion.label) for suggestion in suggestions}


def test_related_documents_are_visible_others_sharing_the_page_subject(filled):
    related = filled.related(SearchRequest(), "page-1", limit=3)

    assert related[0] == "page-2"
    assert "page-1" not in related
    assert "page-4" not in related
    assert len(filled.related(SearchRequest(), "page-1", limit=1)) == 1
