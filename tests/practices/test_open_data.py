"""Open data: the CSV and JSON exports, valid against their Table Schema, under Etalab 2.0.

That only public, live, non-alias pages are exported is asserted with the other
public channels in tests/kb/test_public_channels_privacy.py.
"""

import csv
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from frictionless import Package, Schema, validate
from wagtail.models import Locale

from kb.models import Audience, Department, EstablishmentType, Region, Theme
from practices.models import ExperimentPage, PracticeSheetPage
from practices.models.base import Licence
from practices.open_data import DATASETS, EXPERIMENTS, SHEETS
from tests.practices.factories import (
    ExperimentPageFactory,
    PracticeSheetPageFactory,
    establishment,
    term,
    valid_finess,
)

CORSICAN_FINESS = "2A0001234"


@pytest.fixture
def published(practices_fr):
    sheet = PracticeSheetPageFactory(
        parent=practices_fr.sheets,
        title="Équipe mobile, « ITEP » ; Hérault et Corse",
        summary="Une équipe mobile, des mots ; des virgules et des guillemets « ».",
        objectives="<ul><li>Éviter les ruptures</li><li>Former les équipes</li></ul>",
        status=PracticeSheetPage.Status.EVALUATED,
        start_date=datetime.date(2022, 9, 1),
        themes=[term(Theme, "coordination-parcours"), term(Theme, "jeunes-adultes")],
        audiences=[term(Audience, "jeunes-adultes")],
        establishment_types=[term(EstablishmentType, "itep")],
        departments=list(Department.objects.filter(code__in=["34", "2A", "971"])),
        tags=["équipe mobile", "répit"],
        contact_name="Camille Durand",
        contact_email="camille.durand@exemple.fr",
        contact_organisation="DITEP Les Chênes",
        last_reviewed=datetime.date(2025, 2, 17),
        establishments=[
            establishment("DITEP Les Chênes", valid_finess("34", "000123")),
            establishment("IME d’Ajaccio", CORSICAN_FINESS),
        ],
    )
    bare_sheet = PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche sans détails")
    experiment = ExperimentPageFactory(
        parent=practices_fr.experiments,
        title="Unité de répit",
        kind=ExperimentPage.Kind.RESPITE_UNIT,
        age_min=16,
        age_max=25,
        period_start=datetime.date(2021, 1, 4),
        staff_fte="3.50",
        annual_budget="250000.00",
        regions=[Region.objects.get(code="53")],
        licence=Licence.CC_BY_4,
    )
    return {"sheet": sheet, "bare_sheet": bare_sheet, "experiment": experiment}


def export_to(tmp_path, output_format):
    call_command(
        "export_open_data", format=output_format, output=str(tmp_path), stdout=io.StringIO()
    )
    return tmp_path


def rows_by_title(client, name):
    response = client.get(f"/donnees-ouvertes/{name}.csv")
    return {row["titre"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}


@pytest.mark.parametrize("output_format", ["csv", "json"])
def test_export_is_valid_against_its_schemas(published, tmp_path, output_format):
    directory = export_to(tmp_path, output_format)

    report = validate(str(directory / "datapackage.json"))

    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(directory / "datapackage.json"))
    sheets = package.get_resource("fiches-action").read_rows()
    assert len(sheets) == 2
    assert len(package.get_resource("retours-experience").read_rows()) == 1


def test_a_value_outside_the_schema_is_reported(published, tmp_path):
    directory = export_to(tmp_path, "csv")
    sheets = directory / "fiches-action.csv"
    sheets.write_text(sheets.read_text().replace(",evaluated,", ",terminee,"))

    report = validate(str(directory / "datapackage.json"))

    assert [(error[0], error[1]) for error in report.flatten(["fieldName", "type"])] == [
        ("etat_avancement", "constraint-error")
    ]


def test_every_column_is_described_by_the_schema(published, client):
    for name, dataset in DATASETS.items():
        schema = Schema.from_descriptor(str(dataset.schema_file))
        header = client.get(f"/donnees-ouvertes/{name}.csv").content.decode().splitlines()[0]

        assert header.split(",") == schema.field_names
        assert set(dataset.columns) == set(schema.field_names)
        for field in schema.fields:
            assert field.title and field.description, field.name


@pytest.mark.parametrize(
    ("dataset", "column", "choices"),
    [
        (SHEETS, "etat_avancement", PracticeSheetPage.Status),
        (EXPERIMENTS, "type_dispositif", ExperimentPage.Kind),
        (EXPERIMENTS, "sexe", ExperimentPage.Sex),
        (SHEETS, "licence", Licence),
        (EXPERIMENTS, "licence", Licence),
    ],
)
def test_schema_enums_are_the_models_choices(dataset, column, choices):
    field = Schema.from_descriptor(str(dataset.schema_file)).get_field(column)

    assert field.constraints["enum"] == list(choices.values)


def test_a_row_tells_territories_by_insee_code_and_establishments_by_finess(published, client):
    row = rows_by_title(client, "fiches-action")["Équipe mobile, « ITEP » ; Hérault et Corse"]

    assert row["codes_departements"] == "2A;34;971"
    assert row["codes_regions"] == "01;76;94"
    assert row["finess_etablissements"] == f"{CORSICAN_FINESS};{valid_finess('34', '000123')}"
    assert row["themes"] == "coordination-parcours;jeunes-adultes"
    assert row["mots_cles"] == "répit;équipe mobile"
    assert row["objectifs"] == "Éviter les ruptures Former les équipes"
    assert row["etat_avancement"] == "evaluated"
    assert row["url"].endswith(published["sheet"].url)


def test_contact_person_is_not_exported(published, client):
    for extension in ("csv", "json"):
        content = client.get(f"/donnees-ouvertes/fiches-action.{extension}").content.decode()

        assert "DITEP Les Chênes" in content
        assert "Camille Durand" not in content
        assert "camille.durand@exemple.fr" not in content


def test_json_keeps_numbers_and_empty_values_as_json_types(published, client):
    rows = client.get("/donnees-ouvertes/retours-experience.json").json()

    assert rows[0]["etp_total"] == 3.5
    assert rows[0]["budget_annuel_euros"] == 250000
    assert rows[0]["age_minimum"] == 16
    assert rows[0]["date_fin"] is None
    assert rows[0]["licence"] == "cc-by-4.0"


def test_a_translation_shares_its_translation_key(published, client, practices_en):
    english = published["sheet"].copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "Mobile team in Hérault"
    english.save_revision().publish()

    rows = rows_by_title(client, "fiches-action")

    assert rows["Mobile team in Hérault"]["langue"] == "en"
    assert (
        rows["Mobile team in Hérault"]["cle_traduction"]
        == rows["Équipe mobile, « ITEP » ; Hérault et Corse"]["cle_traduction"]
    )


def test_datapackage_states_the_etalab_open_licence(client, db):
    descriptor = client.get("/donnees-ouvertes/datapackage.json").json()

    assert descriptor["licenses"] == [
        {
            "name": "etalab-2.0",
            "title": "Licence Ouverte / Open Licence version 2.0",
            "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        }
    ]
    assert [resource["path"] for resource in descriptor["resources"]] == [
        "fiches-action.csv",
        "retours-experience.csv",
    ]
    for resource in descriptor["resources"]:
        schema = client.get(f"/donnees-ouvertes/{resource['schema']}")
        assert schema.status_code == 200
        assert schema.json()["primaryKey"] == ["identifiant"]


def test_downloads_are_files_with_their_type(published, client):
    response = client.get("/donnees-ouvertes/fiches-action.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="fiches-action.csv"'
    assert client.get("/donnees-ouvertes/fiches-action.json")["Content-Type"] == (
        "application/json; charset=utf-8"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/donnees-ouvertes/fiches-action.xml",
        "/donnees-ouvertes/inconnu.csv",
        "/donnees-ouvertes/schema-inconnu.json",
    ],
)
def test_unknown_files_are_not_found(client, db, path):
    assert client.get(path).status_code == 404


def test_open_data_page_offers_downloads_schemas_and_licence(published, client):
    response = client.get("/donnees-ouvertes/")

    text = response.content.decode()
    assert response.status_code == 200
    for link in (
        "/donnees-ouvertes/fiches-action.csv",
        "/donnees-ouvertes/retours-experience.json",
        "/donnees-ouvertes/schema-fiches-action.json",
        "/donnees-ouvertes/datapackage.json",
        "/flux/theme/jeunes-adultes/rss/",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    ):
        assert f'href="{link}"' in text


def test_command_refuses_an_unknown_format(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_open_data", "--format", "xml", "--output", str(tmp_path))


def test_command_writes_json_files_and_their_descriptor(published, tmp_path):
    directory = export_to(tmp_path, "json")

    descriptor = json.loads((directory / "datapackage.json").read_text())
    assert [resource["path"] for resource in descriptor["resources"]] == [
        "fiches-action.json",
        "retours-experience.json",
    ]
    assert (directory / "schema-fiches-action.json").exists()
