"""An editor's thesaurus change reaches the search without anyone running a command.

On an engine the synonyms are settings of the index: saving or deleting a group
builds a new index in the background and swaps the alias, within a minute,
leaving no orphan index; if the engine is unreachable the rebuild waits in the
outbox. The database backend reads the thesaurus with each query.

The engine tests are transactional: the rebuild starts once the edit is
committed, in a thread of its own, as it does on the site. Edits made while a
rebuild runs write beside it, which only PostgreSQL lets the test check.
"""

import threading
import time
import uuid

import pytest
from django.core.management import call_command
from django.db import connection

from search import indexing
from search.backends import get_backend
from search.engine_client import configured_engine
from search.extraction import page_key
from search.models import PendingIndexOperation, SynonymGroup
from search.query import SearchRequest
from tests.practices.factories import PracticeSheetPageFactory
from tests.search.conftest import DEAD_ENGINE_URL, ENGINE_URL, section
from tests.services import require_service

LIVE_WITHIN = 60
ACRONYM = "PCAN"
EXPANSION = "plateforme de coordination des aidants numériques"
FORMS = f"{ACRONYM}, {EXPANSION}"


def new_group(forms=FORMS):
    return SynonymGroup.objects.create(language="fr", forms=forms)


def sheet_described_by_expansion(home):
    practices = section(home, f"pratiques-thesaurus-{uuid.uuid4().hex[:6]}")
    return PracticeSheetPageFactory(
        parent=practices.sheets,
        title="Une plateforme de coordination des aidants numériques en Lozère",
        summary="Les aidants trouvent en un lieu les solutions de répit du territoire.",
    )


def found_keys(text):
    return [hit.key for hit in get_backend().search(SearchRequest(text=text)).hits]


def wait_until(condition, seconds=LIVE_WITHIN):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def rebuild_threads():
    return [thread for thread in threading.enumerate() if thread.name == "search-rebuild"]


def wait_for_rebuilds():
    for thread in rebuild_threads():
        thread.join(LIVE_WITHIN)


@pytest.fixture
def engine(settings):
    """The engine of SEARCH_URL under an index prefix of this test's own, deleted afterwards."""
    require_service(bool(ENGINE_URL), "Pas de moteur de recherche (SEARCH_URL) pour ce test.")
    settings.SEARCH_URL = ENGINE_URL
    settings.SEARCH_INDEX_PREFIX = f"kb-thesaurus-{uuid.uuid4().hex[:8]}"
    configured_engine.cache_clear()
    yield configured_engine()
    wait_for_rebuilds()
    engine = configured_engine()
    for index in engine.index_names(f"{settings.SEARCH_INDEX_PREFIX}-*"):
        engine.delete_index(index)
    configured_engine.cache_clear()


@pytest.fixture
def database_backend(settings):
    settings.SEARCH_URL = ""
    configured_engine.cache_clear()
    yield get_backend()
    configured_engine.cache_clear()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_acronym_finds_its_expansion_on_the_engine_within_a_minute(engine, home_page_fr):
    sheet = sheet_described_by_expansion(home_page_fr)
    call_command("search_index", "rebuild")
    assert page_key(sheet.pk) not in found_keys(ACRONYM)

    new_group()

    assert wait_until(lambda: page_key(sheet.pk) in found_keys(ACRONYM))
    wait_for_rebuilds()
    assert get_backend().orphan_indexes() == []
    assert not PendingIndexOperation.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_edits_in_a_row_are_applied_by_one_rebuild_at_a_time(engine, home_page_fr):
    require_service(
        connection.vendor == "postgresql",
        "Des modifications pendant une reconstruction écrivent en même temps qu’elle : seul "
        "PostgreSQL le permet (la base SQLite en mémoire des tests refuse la seconde écriture).",
    )
    sheet = sheet_described_by_expansion(home_page_fr)
    call_command("search_index", "rebuild")

    group = new_group(f"PCA, {EXPANSION}")
    group.forms = f"PCNA, {EXPANSION}"
    group.save()
    group.delete()
    new_group()

    assert len(rebuild_threads()) <= 1
    assert wait_until(lambda: page_key(sheet.pk) in found_keys(ACRONYM))
    wait_for_rebuilds()
    assert page_key(sheet.pk) not in found_keys("PCNA")
    assert get_backend().orphan_indexes() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_thesaurus_edit_made_while_the_engine_is_down_is_applied_once_it_answers(
    engine, home_page_fr, settings
):
    sheet = sheet_described_by_expansion(home_page_fr)
    call_command("search_index", "rebuild")
    settings.SEARCH_URL = DEAD_ENGINE_URL
    configured_engine.cache_clear()

    new_group()
    wait_for_rebuilds()

    assert SynonymGroup.objects.filter(forms=FORMS).exists()
    waiting = PendingIndexOperation.objects.get(key=indexing.REBUILD_KEY)
    assert waiting.attempts == 1
    settings.SEARCH_URL = ENGINE_URL
    configured_engine.cache_clear()
    # The next edit of a page replays the outbox and starts the rebuild that waited.
    other = PracticeSheetPageFactory(parent=sheet.get_parent(), live=False)
    other.save_revision().publish()
    assert wait_until(lambda: page_key(sheet.pk) in found_keys(ACRONYM))
    wait_for_rebuilds()
    assert page_key(other.pk) in found_keys(other.title)
    assert not PendingIndexOperation.objects.exists()
    assert get_backend().orphan_indexes() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_index_sync_runs_a_rebuild_the_engine_missed(engine, home_page_fr, settings):
    sheet = sheet_described_by_expansion(home_page_fr)
    call_command("search_index", "rebuild")
    settings.SEARCH_URL = DEAD_ENGINE_URL
    configured_engine.cache_clear()
    new_group()
    wait_for_rebuilds()
    settings.SEARCH_URL = ENGINE_URL
    configured_engine.cache_clear()

    call_command("search_index", "sync")

    assert page_key(sheet.pk) in found_keys(ACRONYM)
    assert not PendingIndexOperation.objects.exists()
    call_command("search_index", "status")


@pytest.mark.django_db
def test_the_database_backend_reads_the_thesaurus_with_each_query(database_backend, home_page_fr):
    sheet = sheet_described_by_expansion(home_page_fr)
    call_command("search_index", "rebuild")
    assert page_key(sheet.pk) not in found_keys(ACRONYM)

    group = new_group()

    assert page_key(sheet.pk) in found_keys(ACRONYM)
    assert page_key(sheet.pk) in found_keys(f"{ACRONYM.lower()} Lozère")
    assert not PendingIndexOperation.objects.exists()
    group.delete()
    assert page_key(sheet.pk) not in found_keys(ACRONYM)
