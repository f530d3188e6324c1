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

    # The DSFR draws the box on the label, which is what a person clicks.
    page.locator("#filter-theme").get_by_text(YOUNG_ADULTS, exact=True).click()
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
    expect(page.get_by_label(YOUNG_ADULTS, exact=True)).to_be_checked()

    page.get_by_role("link", name="Un studio d’essai à Montpellier").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Un studio d’essai à Montpellier")
    expect(page.get_by_role("table")).to_contain_text("Jeunes accompagnés")
    axe(page)


def shown_groups(select):
    return select.evaluate(
        "select => [...select.querySelectorAll('optgroup:not([hidden])')].map(g => g.label)"
    )


def test_choosing_a_region_narrows_the_departements_before_and_after_submitting(page, practices):
    page.goto(practices.url)
    departements = page.get_by_label("Département", exact=True)
    assert len(shown_groups(departements)) > 10

    page.get_by_label("Région", exact=True).select_option(label="Occitanie")

    assert shown_groups(departements) == ["Occitanie"]
    departements.select_option(label="Hérault (34)")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(r"region=76.*departement=34|departement=34.*region=76"))
    assert shown_groups(page.get_by_label("Département", exact=True)) == ["Occitanie"]

    page.get_by_label("Région", exact=True).select_option(label="Toutes les régions")

    assert len(shown_groups(page.get_by_label("Département", exact=True))) > 10
