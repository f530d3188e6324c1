import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.conftest import AXE_SCRIPT as AXE_SOURCE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SITE_NAME = "Pair-émulation et capitalisation médico-sociale"


def site_name_in(language):
    with translation.override(language):
        return translation.gettext(SITE_NAME)


def switch_language(page, link_name):
    switcher = page.get_by_role("group", name=re.compile("langue|language", re.I))
    switcher.get_by_role("button").click()
    switcher.get_by_role("link", name=link_name).click()


def test_french_home_page_switches_to_english(page, axe, live_server, home_page_fr):
    home_page_fr.intro = "Ce que les établissements ont expérimenté et partagé."
    home_page_fr.save_revision().publish()

    page.goto("/")

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(site_name_in("fr"))
    expect(page.get_by_text(home_page_fr.intro)).to_be_visible()
    axe(page)

    switch_language(page, "EN - English")

    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_english_home_page_switches_to_french(page, axe, live_server, home_page_en):
    home_page_en.intro = "What establishments have tried and shared."
    home_page_en.save_revision().publish()

    page.goto("/en/")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(site_name_in("en"))
    expect(page.get_by_text(home_page_en.intro)).to_be_visible()
    axe(page)

    switch_language(page, "FR - Français")

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/comptes/signup/", "fr"),
        ("/en/comptes/signup/", "en"),
        ("/comptes/login/", "fr"),
        ("/en/comptes/login/", "en"),
        ("/recherche/?q=r%C3%A9pit", "fr"),
        ("/en/recherche/?q=respite", "en"),
    ],
)
def test_public_page_is_accessible(page, axe, path, language):
    response = page.goto(path)

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", language)
    axe(page)


@pytest.mark.parametrize(
    ("path", "language"), [("/page-qui-n-existe-pas/", "fr"), ("/en/no-such-page/", "en")]
)
def test_missing_page_is_an_accessible_404(page, axe, path, language):
    response = page.goto(path)

    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe(page)


SMALL_SCREEN = {"width": 375, "height": 812}
# Rules about names and landmarks that the DSFR header's modals and copied tools touch.
HEADER_RULES = ["landmark-unique", "aria-dialog-name", "aria-allowed-attr", "aria-prohibited-attr"]


@pytest.mark.parametrize("viewport", [SMALL_SCREEN, None], ids=["small-screen", "large-screen"])
def test_the_header_is_named_and_unique_on_every_screen(browser, live_server, axe, viewport):
    """axe (through the `axe` fixture's check that axe-core is installed) and DSFR's console."""
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    page = context.new_page()
    warnings = []
    page.on("console", lambda message: warnings.append(message.text))
    page.goto("/", wait_until="networkidle")
    if viewport is SMALL_SCREEN:
        page.get_by_role("button", name="Menu").click()
        expect(page.locator("#modal-menu")).to_have_attribute("role", "dialog")

    page.evaluate(AXE_SOURCE.read_text())
    results = page.evaluate(
        "(rules) => axe.run({runOnly: {type: 'rule', values: rules}})", HEADER_RULES
    )
    context.close()

    assert [(v["id"], [n["html"][:150] for n in v["nodes"]]) for v in results["violations"]] == []
    assert [text for text in warnings if "accessible name" in text] == []
