"""Fixtures shared by the whole suite.

The data migrations create the site skeleton (French and English home pages,
taxonomy, groups, editorial workflow), so tests read it from the database
rather than building their own.
"""

import os

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import connections
from django.test import override_settings
from django.utils import translation
from xdist.scheduler import LoadScopeScheduling

from kb.models import HomePage
from kb.security import has_second_factor, must_use_second_factor
from search.backends.opensearch_concepts import Classifications
from search.engine_client import SearchEngineUnavailable, configured_engine
from search.filter_expressions import Territories
from tests.database import MigratedOnceCreation, migrates_in_memory
from tests.production import collected_once, production_static_storages

# Test folders and modules whose tests share a costly fixture (the demo content) of a wider
# scope than the test: under pytest-xdist each one's tests go to one process, which builds
# the fixture once.
RUN_TOGETHER = ("tests/demo/", "tests/test_english_crawl.py")


class SharedFixturesTogether(LoadScopeScheduling):
    """`--dist load` (each test to the next free process, in the order of
    `pytest_collection_modifyitems` below), except that the tests of each `RUN_TOGETHER`
    folder or module go to one process.

    xdist's own `--dist loadgroup` does this for tests marked `xdist_group`, but its
    marks are lost with pytest 9.2, which no longer reads the node ids that xdist
    rewrites to carry the group (issue 1386 of pytest-xdist).
    """

    def __init__(self, config, log=None):
        # The order of the collection is the plan: xdist would put the groups first.
        config.option.loadscopereorder = False
        super().__init__(config, log)

    def _split_scope(self, nodeid):
        return next((folder for folder in RUN_TOGETHER if nodeid.startswith(folder)), nodeid)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "load":
        return SharedFixturesTogether(config, log)
    return None


def needs_database(item):
    return "django_db_setup" in item.fixturenames or item.get_closest_marker("django_db")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The demo content's tests first, then the tests that need no database (pytest-django
    puts them last), then pytest-django's order, transactional tests last. Under
    pytest-xdist the process that takes the demo content's tests migrates the test database
    and loads the demo while the others run the tests that need none, instead of waiting
    for the migrated copy."""
    items.sort(
        key=lambda item: (not item.nodeid.startswith("tests/demo/"), bool(needs_database(item)))
    )


def run_folder(tmp_path_factory):
    """The temporary folder of the whole run, shared by its pytest-xdist processes."""
    if "PYTEST_XDIST_WORKER" in os.environ:
        return tmp_path_factory.getbasetemp().parent
    return tmp_path_factory.getbasetemp()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """Under pytest-xdist on SQLite, one process migrates the test database and the others
    load its copy (tests/database.py)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return
    for connection in connections.all():
        if migrates_in_memory(connection):
            migrated_copy = run_folder(tmp_path_factory) / f"migrated-{connection.alias}.sqlite3"
            connection.creation = MigratedOnceCreation(connection, migrated_copy)


@pytest.fixture(autouse=True)
def source_language_after_each_test():
    """A request under /en/ leaves English active in the thread; the next test starts in French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_reference_names():
    """Each test reads the territories and classifications its own database holds: names a
    search read in an earlier test, whose rows were rolled back, are forgotten."""
    Territories.load.cache_clear()
    Classifications.load.cache_clear()


@pytest.fixture
def home_page_fr(db):
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def home_page_en(db):
    return HomePage.objects.get(locale__language_code="en")


def give_staff_an_authenticator_app(sender, user, **kwargs):
    if must_use_second_factor(user) and not has_second_factor(user):
        TOTP.activate(user, generate_totp_secret())


@pytest.fixture(autouse=True)
def staff_have_an_authenticator_app(request):
    """Staff signed in by a test have set up two-factor authentication, as the site requires.

    Without it every admin or moderation request would be sent to the set-up page
    (kb.security). The tests of that rule opt out with `staff_without_second_factor`.
    """
    if request.node.get_closest_marker("staff_without_second_factor"):
        yield
        return
    user_logged_in.connect(give_staff_an_authenticator_app, dispatch_uid="test-staff-mfa")
    yield
    user_logged_in.disconnect(dispatch_uid="test-staff-mfa")


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT filled by `collectstatic` as production fills it, once per run: the
    first process to need it collects, the others wait for it and read the same folder."""
    return collected_once(run_folder(tmp_path_factory) / "collected-static")


@pytest.fixture
def production_static(collected_static):
    """Pages name the collected files as in production: hashed names from the manifest."""
    with override_settings(STATIC_ROOT=collected_static, STORAGES=production_static_storages()):
        yield collected_static


@pytest.fixture(autouse=True)
def empty_cache():
    """Pages, related items and rate limits kept by one test are not the next one's."""
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def no_test_index_left_on_the_engine():
    """The indexes this process's tests filled on the engine of SEARCH_URL, under the
    test settings' prefix of its own, are deleted when the process is done."""
    yield
    if not settings.SEARCH_URL:
        return
    configured_engine.cache_clear()
    engine = configured_engine()
    try:
        for index in engine.index_names(f"{settings.SEARCH_INDEX_PREFIX}-*"):
            engine.delete_index(index)
    except SearchEngineUnavailable:
        pass  # The tests that needed the engine have already said it was missing.
    configured_engine.cache_clear()
