"""The index follows the database: on publish, on unpublish, and after an engine outage."""

import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from kb.models import Theme
from search.backends import get_backend
from search.backends.opensearch import alias_name
from search.engine_client import configured_engine
from search.extraction import page_document, page_key
from search.indexing import replay_pending
from search.models import PendingIndexOperation
from search.query import SearchRequest
from tests.practices.factories import (
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    term,
)
from tests.search.conftest import ENGINE_URL
from tests.services import require_service

pytestmark = pytest.mark.django_db

DEAD_ENGINE = "opensearch+http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def own_index_prefix(settings):
    """A fresh index per test when an engine runs, deleted afterwards."""
    settings.SEARCH_INDEX_PREFIX = f"kb-indexing-{uuid.uuid4().hex[:8]}"
    configured_engine.cache_clear()
    yield
    configured_engine.cache_clear()
    engine = configured_engine()
    if engine is not None:
        for index in engine.index_names(f"{settings.SEARCH_INDEX_PREFIX}-*"):
            engine.delete_index(index)
    configured_engine.cache_clear()


@pytest.fixture
def sheet_index(home_page_fr):
    practices = PracticesIndexPageFactory(parent=home_page_fr, slug="pratiques-indexation")
    return PracticeSheetIndexPageFactory(parent=practices)


def indexed_keys():
    return set(get_backend().indexed_versions())


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_a_published_sheet_is_indexed_once_the_transaction_commits(
    sheet_index, django_capture_on_commit_callbacks
):
    sheet = PracticeSheetPageFactory(parent=sheet_index, live=False)

    publish(sheet, django_capture_on_commit_callbacks)

    assert page_key(sheet.pk) in indexed_keys()


def test_an_unpublished_sheet_leaves_the_index(sheet_index, django_capture_on_commit_callbacks):
    sheet = PracticeSheetPageFactory(parent=sheet_index, live=False)
    publish(sheet, django_capture_on_commit_callbacks)

    sheet.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        sheet.unpublish()

    assert page_key(sheet.pk) not in indexed_keys()


def test_an_edit_made_while_the_engine_is_down_is_kept_and_replayed_once(
    sheet_index, django_capture_on_commit_callbacks, settings
):
    sheet = PracticeSheetPageFactory(parent=sheet_index, live=False)
    reachable = settings.SEARCH_URL
    with override_settings(SEARCH_URL=DEAD_ENGINE):
        configured_engine.cache_clear()
        publish(sheet, django_capture_on_commit_callbacks)
        sheet.title = "Titre corrigé pendant la panne"
        publish(sheet, django_capture_on_commit_callbacks)

        sheet.refresh_from_db()
        assert sheet.live and sheet.title == "Titre corrigé pendant la panne"
        assert list(PendingIndexOperation.objects.values_list("key", flat=True)) == [
            page_key(sheet.pk)
        ]
        assert PendingIndexOperation.objects.get().attempts == 2

    settings.SEARCH_URL = reachable
    configured_engine.cache_clear()
    assert replay_pending() == 1

    assert not PendingIndexOperation.objects.exists()
    current = page_document(sheet)
    assert get_backend().indexed_versions()[page_key(sheet.pk)] == (
        current["locale"],
        current["updated_at"],
    )


def test_status_reports_drift_and_sync_repairs_it(sheet_index, django_capture_on_commit_callbacks):
    indexed = PracticeSheetPageFactory(parent=sheet_index, live=False)
    publish(indexed, django_capture_on_commit_callbacks)
    # Published without its commit hooks running: the index has not heard of it.
    forgotten = PracticeSheetPageFactory(parent=sheet_index)
    forgotten.save_revision().publish()

    with pytest.raises(CommandError, match="manquant"):
        call_command("search_index", "status")

    call_command("search_index", "sync")

    assert {page_key(indexed.pk), page_key(forgotten.pk)} <= indexed_keys()
    call_command("search_index", "status")


def test_a_renamed_theme_is_searchable_by_its_new_name(
    sheet_index, django_capture_on_commit_callbacks
):
    sheet = PracticeSheetPageFactory(parent=sheet_index, live=False, title="Une fiche")
    theme = term(Theme, "prevention-ruptures")
    sheet.themes.add(theme)
    publish(sheet, django_capture_on_commit_callbacks)

    theme.name = "Continuité des parcours sans rupture"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    if ENGINE_URL:
        get_backend().refresh()

    found = get_backend().search(SearchRequest(text="continuité parcours", language="fr"))
    assert [hit.key for hit in found.hits] == [page_key(sheet.pk)]


def test_an_index_built_by_another_version_of_the_analysis_is_rebuilt_by_the_next_replay(
    sheet_index, django_capture_on_commit_callbacks
):
    require_service(bool(ENGINE_URL), "Pas de moteur de recherche (SEARCH_URL) pour ce test.")
    sheet = PracticeSheetPageFactory(parent=sheet_index, live=False)
    publish(sheet, django_capture_on_commit_callbacks)
    engine = configured_engine()
    alias = alias_name("fr")
    (older,) = engine.alias_targets(alias)
    engine.client.indices.put_mapping(index=older, body={"_meta": {"analysis": "older"}})

    with pytest.raises(CommandError, match="autre version de l’analyse : fr"):
        call_command("search_index", "status")
    call_command("search_index", "replay", stdout=StringIO())

    assert engine.alias_targets(alias) != [older]
    assert get_backend().outdated_languages() == []
    assert page_key(sheet.pk) in indexed_keys()


def test_merging_leaves_an_index_in_one_segment():
    require_service(bool(ENGINE_URL), "Pas de moteur de recherche (SEARCH_URL) pour ce test.")
    configured_engine.cache_clear()
    with override_settings(SEARCH_URL=ENGINE_URL):
        engine = configured_engine()
        index = alias_name("fr") + "-segments"
        engine.create_index(index, {"settings": {"number_of_shards": 1, "number_of_replicas": 0}})
        for number in range(3):
            engine.client.index(index=index, id=str(number), body={"title": f"Fiche {number}"})
            engine.refresh(index)
        assert segment_count(engine, index) == 3

        engine.merge_segments(index)

        assert segment_count(engine, index) == 1


def segment_count(engine, index):
    shards = engine.client.indices.segments(index=index)["indices"][index]["shards"]
    return sum(len(copy["segments"]) for copies in shards.values() for copy in copies)
