"""A practice sheet's field reaches the API, the open data files and the search document
through the model's declarations alone: `api_fields`, `open_data_columns` and
`search_fields` on the model, and the dataset's schema, all in practices/."""

import csv
import io
import json
import shutil

import pytest
from wagtail.search import index

from practices import open_data
from practices.models import PracticeSheetPage
from search.extraction import page_document
from tests.practices.factories import PracticeSheetPageFactory

pytestmark = pytest.mark.django_db

FIELD = "duree_essai"
WORD = "chronoballon"


@pytest.fixture
def declared(monkeypatch, tmp_path):
    """A throwaway property, declared as a new field would be, and described in the schema."""
    monkeypatch.setattr(
        PracticeSheetPage, FIELD, property(lambda page: f"{WORD} {page.pk}"), raising=False
    )
    monkeypatch.setattr(PracticeSheetPage, "api_fields", [*PracticeSheetPage.api_fields, FIELD])
    monkeypatch.setattr(
        PracticeSheetPage,
        "search_fields",
        [*PracticeSheetPage.search_fields, index.SearchField(FIELD)],
    )
    monkeypatch.setattr(
        PracticeSheetPage,
        "open_data_columns",
        {**PracticeSheetPage.open_data_columns, FIELD: lambda page: getattr(page, FIELD)},
    )
    data_dir = tmp_path / "data"
    shutil.copytree(open_data.DATA_DIR, data_dir)
    schema_file = data_dir / open_data.SHEETS.schema_file.name
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["fields"].append({"name": FIELD, "type": "string", "title": "Durée de l’essai"})
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(open_data, "DATA_DIR", data_dir)


@pytest.fixture
def sheet(declared, practices_fr):
    return PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche à champ d’essai")


def test_the_api_shows_a_declared_field(client, sheet):
    data = client.get(f"/api/v2/pages/{sheet.pk}/").json()

    assert data[FIELD] == f"{WORD} {sheet.pk}"


def test_the_open_data_files_carry_a_declared_field(client, sheet):
    response = client.get(f"/donnees-ouvertes/{open_data.SHEETS.name}.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))

    assert [row[FIELD] for row in rows] == [f"{WORD} {sheet.pk}"]
    assert open_data.SHEETS.field_names()[-1] == FIELD


def test_the_search_document_holds_a_declared_field(sheet):
    assert f"{WORD} {sheet.pk}" in page_document(sheet)["body"]
