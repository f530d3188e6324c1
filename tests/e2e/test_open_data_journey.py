import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kb.models import Department, Theme
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    term,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def sheets(home_page_fr):
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=root)
    ExperimentIndexPageFactory(parent=root)
    TrainingOfferIndexPageFactory(parent=root)
    PracticeSheetPageFactory(
        parent=sheets,
        title="Un studio d’essai à Montpellier",
        themes=[term(Theme, "jeunes-adultes")],
        departments=[Department.objects.get(code="34")],
    )
    return sheets


def test_reuser_finds_the_open_data_and_the_feeds_from_the_practices(page, axe, sheets):
    page.goto(sheets.url)
    page.get_by_role("main").get_by_role("link", name="données ouvertes").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Données ouvertes")
    expect(
        page.get_by_role("link", name="Licence Ouverte / Open Licence version 2.0")
    ).to_be_visible()
    table = page.get_by_role("table")
    expect(table.get_by_role("row", name="Fiches action")).to_contain_text("1")
    axe(page)

    with page.expect_download() as download:
        table.get_by_role("link", name="CSV — Fiches action").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert [(row["titre"], row["codes_departements"]) for row in rows] == [
        ("Un studio d’essai à Montpellier", "34")
    ]

    feed = page.get_by_role("link", name="RSS — Jeunes adultes et amendement Creton")
    response = page.request.get(feed.get_attribute("href"))
    assert "Un studio d’essai à Montpellier" in response.text()
