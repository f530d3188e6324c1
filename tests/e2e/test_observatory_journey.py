import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from kb.models import Department, Region, Theme
from practices.models import PracticeSheetIndexPage
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    sheet_indicator,
    term,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def practices(home_page_fr):
    cache.clear()
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=root)
    ExperimentIndexPageFactory(parent=root)
    TrainingOfferIndexPageFactory(parent=root)
    young_adults = term(Theme, "jeunes-adultes")
    PracticeSheetPageFactory(
        parent=sheets,
        title="Un studio d’essai à Montpellier",
        themes=[young_adults],
        departments=[Department.objects.get(code="34")],
        indicators=[sheet_indicator(latest_value=20)],
    )
    PracticeSheetPageFactory(
        parent=sheets,
        title="Une équipe mobile à Toulouse",
        regions=[Region.objects.get(code="76")],
        indicators=[sheet_indicator(unit="%", baseline=40, target=80, latest_value=70)],
    )
    PracticeSheetPageFactory(
        parent=sheets,
        title="Un studio d’essai à Lyon",
        themes=[young_adults],
        departments=[Department.objects.get(code="69")],
    )
    return root


def test_visitor_clicks_a_region_on_the_map_and_lands_on_its_list(page, axe, practices):
    page.goto("/observatoire/carte/")
    occitanie = page.get_by_role("link", name="Occitanie : 2 pages")
    expect(occitanie).to_have_count(1)
    table = page.get_by_role("table", name=re.compile("Pages publiées"))
    expect(table.get_by_role("row", name=re.compile("Occitanie"))).to_contain_text("2")
    axe(page)

    occitanie.locator("text").click()

    expect(page).to_have_url(re.compile(r"/pratiques/\?type=sheet&region=76$"))
    expect(page.get_by_role("heading", name="2 résultats")).to_be_visible()
    expect(page.locator(".fr-card__title")).to_have_text(
        ["Une équipe mobile à Toulouse", "Un studio d’essai à Montpellier"]
    )


def test_map_areas_are_reached_with_the_keyboard_and_filters_apply(page, practices):
    page.goto("/observatoire/carte/")
    page.get_by_label("Thème", exact=True).select_option(
        label="Jeunes adultes et amendement Creton"
    )
    page.get_by_label("Échelle").select_option(label="Départements")
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url(re.compile("niveau=departement.*theme=jeunes-adultes"))
    herault = page.locator("svg").get_by_role("link", name="Hérault : 1 page")
    herault.focus()
    expect(herault).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"type=sheet&departement=34&theme=jeunes-adultes"))
    expect(page.locator(".fr-card__title")).to_have_text(["Un studio d’essai à Montpellier"])


def test_dashboard_shows_figures_with_tables_and_downloads(page, axe, practices):
    page.goto("/observatoire/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Observatoire des pratiques")
    funnel = page.get_by_role("table", name="Fiches action par état d’avancement")
    expect(funnel.get_by_role("row", name=re.compile("Prévue"))).to_contain_text("3")
    by_region = page.get_by_role("table", name="Indicateurs par région")
    expect(by_region).to_contain_text("%")
    expect(by_region).to_contain_text("jeunes")
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Indicateurs par région.*CSV")).click()
    assert download.value.suggested_filename == "observatoire-indicateurs-region.csv"


def test_a_long_theme_name_wraps_and_its_table_holds_on_a_laptop_screen(page, practices):
    PracticeSheetPageFactory(
        parent=practices.get_children().type(PracticeSheetIndexPage).get().specific,
        title="Un appui des recommandations de bonnes pratiques",
        themes=[term(Theme, "rbpp-tnd-polyhandicap")],
        indicators=[sheet_indicator(unit="établissements", latest_value=12)],
    )
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/observatoire/")
    table = page.get_by_role("table", name="Indicateurs par thème")
    expect(table).to_contain_text("polyhandicap")
    box = table.locator("xpath=ancestor::div[contains(@class, 'fr-table__content')]")
    shown, needed = box.evaluate("box => [box.clientWidth, box.scrollWidth]")
    assert needed <= shown, f"table de {needed} px dans {shown} px : le reste défile hors de vue"
