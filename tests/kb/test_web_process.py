"""The web process as the Procfile starts it: the site loaded and warmed up once, before the
workers are forked and the port opens."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.warm_up import PATHS, warm_up
from search.engine_client import configured_engine
from search.models import ZeroResultQuery
from tests.production import SECRET_KEY

ROOT = Path(__file__).resolve().parents[2]
# What gunicorn --preload does in the process that forks the workers, then what
# each worker would inherit from it.
PRELOAD = """
import kb.wsgi
from django.db import connections
print([connection.alias for connection in connections.all() if connection.connection is not None])
"""
# gunicorn --preload, then its on_starting hook, in the process that forks the
# workers: what would each of them inherit?
MASTER = """
import runpy, threading, types
import kb.wsgi
from django.db import connections
from search.engine_client import configured_engine

hooks = runpy.run_path("gunicorn.conf.py")
hooks["on_starting"](types.SimpleNamespace(cfg=types.SimpleNamespace(preload_app=True)))
print([connection.alias for connection in connections.all() if connection.connection is not None])
print(configured_engine.cache_info().currsize, threading.active_count())
"""


def run_in_production(script, **variables):
    """`script` run by Python under the production settings, with `variables` set."""
    env = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="kb.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="kb.example.test",
        SITE_URL="https://kb.example.test",
        **variables,
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_loading_the_site_opens_no_database_connection_for_the_workers_to_share():
    result = run_in_production(PRELOAD)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_workers_are_forked_warmed_up_and_share_no_connection(tmp_path):
    result = run_in_production(
        MASTER,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        # Nothing listens there: the warm-up's search opens the engine's client all the same.
        SEARCH_URL="opensearch+http://127.0.0.1:9",
        LOG_LEVEL="INFO",
    )

    assert result.returncode == 0, result.stderr
    assert "warmed up" in result.stderr + result.stdout
    connections, engines_and_threads = result.stdout.strip().splitlines()[-2:]
    assert connections == "[]"
    assert engines_and_threads == "0 1"


def test_the_procfile_preloads_the_site_with_the_warm_up_hooks():
    web = next(line for line in (ROOT / "Procfile").read_text().splitlines() if line[:4] == "web:")

    assert "--preload" in web.split()
    assert "--config gunicorn.conf.py" in web


@pytest.fixture
def database_search(settings):
    """The database backend: the engine's own answers are the search tests' concern."""
    settings.SEARCH_URL = ""
    configured_engine.cache_clear()
    yield
    configured_engine.cache_clear()


@pytest.mark.django_db
def test_the_warm_up_answers_every_page_and_leaves_no_trace(caplog, database_search):
    with caplog.at_level(logging.INFO, logger="kb.warm_up"):
        warm_up([*PATHS, "/recherche/?q=introuvablezzz"])

    assert [record.getMessage() for record in caplog.records if record.levelno > logging.INFO] == []
    assert "warmed up" in caplog.text
    assert not ZeroResultQuery.objects.exists()
