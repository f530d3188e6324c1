"""The capitalisation table counts what each app declares it turns into sheets, and nothing
in practices names those apps."""

import csv
import importlib.machinery
import importlib.util
import io
import sys

import pytest

import kb
from kb.discovery import app_modules
from practices.observatory import sources
from tests.practices.factories import PracticeSheetPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar_source(monkeypatch):
    """A source of sheets of another kind, declared by a kb module for one test."""
    source = sources.Source(
        key="seminar_workshops",
        label="Ateliers de séminaire devenus fiches action",
        # Seven workshops in each sheet.
        count=lambda sheets: 7 * sheets.count(),
    )
    spec = importlib.machinery.ModuleSpec("kb.observatory_sources", loader=None)
    declaration = importlib.util.module_from_spec(spec)
    declaration.SOURCES = [source]
    monkeypatch.setitem(sys.modules, "kb.observatory_sources", declaration)
    monkeypatch.setattr(kb, "observatory_sources", declaration, raising=False)
    app_modules.cache_clear()
    yield source
    app_modules.cache_clear()


def capitalisation_rows(client):
    response = client.get("/observatoire/capitalisation.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))[1:]


def test_the_spaces_declare_their_topics_as_a_source():
    assert "forum_topics" in {source.key for source in sources.sources()}


def test_a_registered_source_has_its_rows_in_the_table(client, practices_fr, seminar_source):
    PracticeSheetPageFactory(parent=practices_fr.sheets)

    rows = capitalisation_rows(client)

    labels = [row[0] for row in rows]
    assert seminar_source.label in labels
    index = labels.index(seminar_source.label)
    assert rows[index][1] == "7"
    assert rows[index + 1] == ["… dont fiches publiées", "7"]
