"""A visitor searches, narrows by facets, opens a result, and completes a title from the keyboard.

The pages are published as an editor would, and publishing is what indexes them:
on the database backend by default, on the engine of SEARCH_URL when it is set
(under an index prefix of this test's own, deleted afterwards).
"""

import os
import re
import uuid

import pytest
from playwright.sync_api import expect

from kb.models import Department, Region, Theme
from search.backends import get_backend
from search.engine_client import configured_engine
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    ExperimentPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    TrainingOfferPageFactory,
    term,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ENGINE_URL = os.environ.get("SEARCH_URL", "")
YOUNG_ADULTS = "Jeunes adultes et amendement Creton"
RESPITE_UNIT = "Unité de répit pour jeunes adultes"
RESPITE_PLATFORM = "Plateforme de répit des aidants"
RESPITE_TRAINING = "Accueillir en répit : formation croisée"


@pytest.fixture
def search_index(settings):
    """The backend under test, empty, under a prefix of its own when it is an engine."""
    settings.SEARCH_URL = ENGINE_URL
    settings.SEARCH_INDEX_PREFIX = f"kb-journey-{uuid.uuid4().hex[:8]}"
    configured_engine.cache_clear()
    yield get_backend()
    engine = configured_engine()
    if engine is not None:
        for index in engine.index_names(f"{settings.SEARCH_INDEX_PREFIX}-*"):
            engine.delete_index(index)
    configured_engine.cache_clear()


@pytest.fixture
def published_pages(home_page_fr, search_index):
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=root)
    experiments = ExperimentIndexPageFactory(parent=root)
    trainings = TrainingOfferIndexPageFactory(parent=root)
    pages = [
        PracticeSheetPageFactory(
            parent=sheets,
            title=RESPITE_UNIT,
            themes=[term(Theme, "jeunes-adultes")],
            departments=[Department.objects.get(code="34")],
        ),
        ExperimentPageFactory(
            parent=experiments,
            title=RESPITE_PLATFORM,
            themes=[term(Theme, "prevention-ruptures")],
            regions=[Region.objects.get(code="53")],
        ),
        TrainingOfferPageFactory(
            parent=trainings,
            title=RESPITE_TRAINING,
            themes=[term(Theme, "formation-interconnaissance")],
            regions=[Region.objects.get(code="84")],
        ),
    ]
    for page in pages:
        page.save_revision().publish()
    if ENGINE_URL:
        # Make what was just sent visible to searches now, not at the next periodic refresh.
        search_index.refresh()
    return {page.title: page for page in pages}


def result_cards(page):
    return page.locator("#search-results > li")


def test_visitor_searches_narrows_by_facets_and_opens_a_result(page, axe, published_pages):
    page.goto("/")
    header_search = page.get_by_role("combobox", name="Rechercher dans la base de connaissances")
    header_search.fill("répit")
    header_search.press("Enter")

    expect(page.get_by_role("heading", name="3 résultats pour « répit »")).to_be_visible()
    badges = {
        card.get_by_role("heading").text_content(): card.locator(".fr-badge").text_content()
        for card in result_cards(page).all()
    }
    assert badges == {
        RESPITE_UNIT: "Fiche action",
        RESPITE_PLATFORM: "Retour d’expérience",
        RESPITE_TRAINING: "Formation croisée",
    }

    facets = page.get_by_role("navigation", name="Affiner la recherche")
    facets.get_by_role("region", name="Thème").get_by_role(
        "link", name=re.compile(f"^{YOUNG_ADULTS}")
    ).click()

    expect(page).to_have_url(re.compile("theme=jeunes-adultes"))
    expect(page.get_by_role("heading", name="1 résultat pour « répit »")).to_be_visible()
    expect(result_cards(page).get_by_role("heading")).to_have_text([RESPITE_UNIT])
    applied = page.get_by_role("list", name=re.compile("Filtres appliqués"))
    expect(
        applied.get_by_role("link", name=f"Retirer le filtre Thème : {YOUNG_ADULTS}")
    ).to_have_text(f"Thème : {YOUNG_ADULTS}")
    axe(page)

    applied.get_by_role("link", name=f"Retirer le filtre Thème : {YOUNG_ADULTS}").click()

    expect(page).not_to_have_url(re.compile("theme="))
    expect(page.get_by_role("heading", name="3 résultats pour « répit »")).to_be_visible()

    facets.get_by_role("region", name="Territoire").get_by_role(
        "link", name=re.compile("^Bretagne")
    ).click()

    expect(page).to_have_url(re.compile("region=53"))
    expect(result_cards(page).get_by_role("heading")).to_have_text([RESPITE_PLATFORM])
    expect(
        applied.get_by_role("link", name="Retirer le filtre Territoire : Bretagne")
    ).to_be_visible()
    result_cards(page).get_by_role("link", name=RESPITE_PLATFORM).click()

    expect(page).to_have_url(re.compile(re.escape(published_pages[RESPITE_PLATFORM].url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(RESPITE_PLATFORM)


def test_visitor_opens_a_title_from_the_suggestions_with_the_keyboard(page, axe, published_pages):
    page.goto("/recherche/")
    search_box = page.get_by_role("combobox", name="Termes recherchés")
    expect(search_box).to_have_attribute("aria-expanded", "false")

    search_box.press_sequentially("Unité de ré", delay=30)

    suggestions = page.get_by_role("listbox", name="Termes recherchés")
    expect(search_box).to_have_attribute("aria-expanded", "true")
    expect(search_box).to_have_attribute("aria-controls", suggestions.get_attribute("id"))
    expect(suggestions.get_by_role("option")).to_have_count(1)
    # The title and its type are read as two words, not run together.
    option = suggestions.get_by_role(
        "option", name=re.compile(rf"^{RESPITE_UNIT} ?, Fiche action$")
    )
    expect(option).to_have_attribute("aria-selected", "false")
    page_search = page.get_by_role("search", name="Recherche", exact=True)
    expect(page_search.get_by_role("status")).to_have_text(
        "1 suggestion, parcourue avec les flèches haut et bas."
    )
    axe(page)

    search_box.press("ArrowDown")

    expect(option).to_have_attribute("aria-selected", "true")
    expect(search_box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    expect(search_box).to_be_focused()

    search_box.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(published_pages[RESPITE_UNIT].url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(RESPITE_UNIT)
