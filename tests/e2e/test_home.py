import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SITE_NAME = "Pair-émulation et capitalisation médico-sociale"


def site_name_in(language):
    with translation.override(language):
        return translation.gettext(SITE_NAME)


def switch_language(page, link_name):
    switcher = page.get_by_role("navigation", name=re.compile("langue|language", re.I))
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
