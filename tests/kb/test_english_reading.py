"""An English reader always has a way on: menu entries and home tiles that are not
translated yet lead to the French page and say so, the language switcher says when
a page has no English version, and search engines learn which versions exist."""

import datetime

import pytest
from django.utils import formats, translation

from tests.kb.helpers import html

pytestmark = pytest.mark.django_db


def menu_links(response):
    nav = html(response).find(id="fr-navigation")
    return {link.get_text(" ", strip=True): link for link in nav.find_all("a")}


def in_menu(page):
    page.show_in_menus = True
    page.save_revision().publish()
    return page


def test_english_menu_keeps_an_untranslated_entry_leading_to_the_french_page(client, make_page):
    in_menu(make_page("seminaires", "Séminaires"))

    link = menu_links(client.get("/en/"))["Séminaires (in French)"]

    assert link["href"] == "/seminaires/"
    assert link["hreflang"] == "fr"
    assert link.find(lang="fr").get_text() == "Séminaires"


def test_english_menu_shows_a_translated_entry_in_english(client, make_page):
    in_menu(make_page("a-propos", "À propos", english=("about", "About")))

    links = menu_links(client.get("/en/"))

    assert links["About"]["href"] == "/en/about/"
    assert not links["About"].has_attr("hreflang")
    assert "À propos (in French)" not in links


def test_french_menu_is_unchanged(client, make_page):
    in_menu(make_page("a-propos", "À propos", english=("about", "About")))

    link = menu_links(client.get("/"))["À propos"]

    assert link["href"] == "/a-propos/"
    assert not link.has_attr("hreflang")


def test_english_home_tiles_lead_somewhere(client, make_page, home_page_fr):
    home_page_fr.guide_page = make_page("guide", "Guide méthodologique")
    home_page_fr.practices_page = make_page("pratiques", "Pratiques", english=("practices", "P"))
    home_page_fr.save_revision().publish()

    tiles = {
        tile.find("a").get_text(strip=True): tile
        for tile in html(client.get("/en/")).select(".fr-tile")
    }

    assert tiles["Find practices"].find("a")["href"] == "/en/practices/"
    guide = tiles["Read the methodological guide"]
    assert guide.find("a")["href"] == "/guide/"
    assert guide.find("a")["hreflang"] == "fr"
    assert "Page only available in French" in guide.get_text()
    assert tiles["Join a peer-support space"].find("a")["href"] == "/en/espaces/"


def switcher_entry(response, code):
    return html(response).find(id="translate-menu").find("a", hreflang=code)


def test_switcher_says_when_a_page_has_no_english_version(client, make_page):
    make_page("mentions-legales", "Mentions légales")

    entry = switcher_entry(client.get("/mentions-legales/"), "en")

    assert entry["href"] == "/en/"
    assert "This page is not translated: home page" in entry.get_text()


def test_switcher_says_nothing_more_when_the_translation_exists(client, make_page):
    make_page("a-propos", "À propos", english=("about", "About"))

    entry = switcher_entry(client.get("/a-propos/"), "en")

    assert entry.get_text(strip=True) == "EN - English"


def test_english_reader_on_a_french_only_page_is_told_in_english(client, make_page):
    make_page("mentions-legales", "Mentions légales")

    response = client.get("/mentions-legales/", headers={"accept-language": "en-GB,en;q=0.9"})

    notice = html(response).select_one(".fr-notice[lang=en]")
    assert "This page is only available in French." in notice.get_text()
    assert notice.find("a")["href"] == "/en/"


def test_french_reader_gets_no_notice(client, make_page):
    make_page("mentions-legales", "Mentions légales")

    response = client.get("/mentions-legales/", headers={"accept-language": "fr-FR,fr"})

    assert html(response).select_one(".fr-notice[lang=en]") is None


def test_english_reader_on_a_translated_page_gets_no_notice(client, make_page):
    make_page("a-propos", "À propos", english=("about", "About"))

    response = client.get("/a-propos/", headers={"accept-language": "en"})

    assert html(response).select_one(".fr-notice[lang=en]") is None


def alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in html(response).find_all("link", rel="alternate", hreflang=True)
    }


def test_translated_page_names_both_versions_for_search_engines(client, make_page, settings):
    settings.SITE_URL = "https://kb.example"
    make_page("a-propos", "À propos", english=("about", "About"))

    expected = {"fr": "https://kb.example/a-propos/", "en": "https://kb.example/en/about/"}
    assert alternates(client.get("/a-propos/")) == expected
    assert alternates(client.get("/en/about/")) == expected


def test_untranslated_page_names_no_alternate(client, make_page):
    make_page("mentions-legales", "Mentions légales")

    assert alternates(client.get("/mentions-legales/")) == {}


def test_english_dates_read_day_month_year_and_24_hour_time():
    moment = datetime.datetime(2027, 1, 28, 9, 0)
    with translation.override("en"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "28 January 2027, 9:00"
        assert formats.date_format(moment, "DATE_FORMAT") == "28 January 2027"
    with translation.override("fr"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "28 janvier 2027 09:00"
