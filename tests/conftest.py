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
from tests.production import collect_static, production_static_storages

# Test folders whose tests share a costly fixture of a wider scope than the module: under
# pytest-xdist each folder's tests go to one process, which builds the fixture once.
RUN_TOGETHER = ("tests/demo/",)


class SharedFixturesTogether(LoadScopeScheduling):
    """`--dist load` (each test to the next free process, in collection order, so that
    the transactional tests stay last in each process), except that the tests of each
    `RUN_TOGETHER` folder go to one process.

    xdist's own `--dist loadgroup` does this for tests marked `xdist_group`, but its
    marks are lost with pytest 9.2, which no longer reads the node ids that xdist
    rewrites to carry the group (issue 1386 of pytest-xdist).
    """

    def _split_scope(self, nodeid):
        return next((folder for folder in RUN_TOGETHER if nodeid.startswith(folder)), nodeid)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "load":
        return SharedFixturesTogether(config, log)
    return None


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """Under pytest-xdist on SQLite, one process migrates the test database and the others
    load its copy (tests/database.py)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return
    run_folder = tmp_path_factory.getbasetemp().parent  # shared by the run's processes
    for connection in connections.all():
        if migrates_in_memory(connection):
            migrated_copy = run_folder / f"migrated-{connection.alias}.sqlite3"
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
    """A STATIC_ROOT filled by `collectstatic` as production fills it, once per run."""
    return collect_static(tmp_path_factory.mktemp("static"))


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
