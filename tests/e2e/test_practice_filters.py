import re

import pytest
from playwright.sync_api import expect

from kb.models import Department, Region, Theme
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    ExperimentPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    sheet_indicator,
    term,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

YOUNG_ADULTS = "Jeunes adultes et amendement Creton"


@pytest.fixture
def practices(home_page_fr):
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=root)
    experiments = ExperimentIndexPageFactory(parent=root)
    TrainingOfferIndexPageFactory(parent=root)
    young_adults = term(Theme, "jeunes-adultes")
    PracticeSheetPageFactory(
        parent=sheets,
        title="Un studio d’essai à Montpellier",
        themes=[young_adults],
        departments=[Department.objects.get(code="34")],
        tags=["Creton"],
        indicators=[sheet_indicator(latest_value=20)],
    )
    PracticeSheetPageFactory(
        parent=sheets,
        title="Un studio d’essai à Lyon",
        themes=[young_adults],
        departments=[Department.objects.get(code="69")],
    )
    ExperimentPageFactory(
        parent=experiments,
        title="Une équipe mobile en Occitanie",
        themes=[term(Theme, "prevention-ruptures")],
        regions=[Region.objects.get(code="76")],
    )
    return root


def result_titles(page):
    return page.locator(".fr-card__title")


def test_visitor_filters_practices_by_theme_and_region_then_widens(page, axe, practices):
    page.goto(practices.url)
    expect(result_titles(page)).to_have_count(3)
    axe(page)

    page.get_by_label("Thème", exact=True).select_option(label=YOUNG_ADULTS)
    page.get_by_label("Région", exact=True).select_option(label="Occitanie")
    page.get_by_role("button", name="Appliquer les filtres").click()

    expect(page).to_have_url(re.compile(r"theme=jeunes-adultes.*region=76"))
    expect(page.get_by_role("heading", name="1 résultat")).to_be_visible()
    expect(result_titles(page)).to_have_text(["Un studio d’essai à Montpellier"])
    applied = page.get_by_role("list", name=re.compile("Filtres appliqués"))
    expect(applied.get_by_role("link")).to_have_text(
        [f"Thème : {YOUNG_ADULTS}", "Région : Occitanie"]
    )
    axe(page)

    applied.get_by_role("link", name="Retirer le filtre Région : Occitanie").click()

    expect(page).not_to_have_url(re.compile("region="))
    expect(result_titles(page)).to_have_text(
        ["Un studio d’essai à Lyon", "Un studio d’essai à Montpellier"], ignore_case=False
    )
    expect(page.get_by_label("Thème", exact=True)).to_have_value("jeunes-adultes")

    page.get_by_role("link", name="Un studio d’essai à Montpellier").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Un studio d’essai à Montpellier")
    expect(page.get_by_role("table")).to_contain_text("Jeunes accompagnés")
    axe(page)
