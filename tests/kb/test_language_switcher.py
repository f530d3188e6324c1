"""The header's language switcher sends visitors to the same content in the other language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.kb.helpers import html

pytestmark = pytest.mark.django_db


def switcher_links(response):
    """{language code: href} as the rendered switcher offers them."""
    menu = html(response).find(id="translate-menu")
    return {link["hreflang"]: link["href"] for link in menu.find_all("a")}


def current_language(response):
    menu = html(response).find(id="translate-menu")
    return menu.find("a", attrs={"aria-current": "true"})["hreflang"]


def test_page_with_live_translation_links_to_it(client, make_page):
    make_page("a-propos", "À propos", english=("about", "About"))

    response = client.get("/a-propos/")

    assert response.status_code == 200
    assert switcher_links(response) == {"fr": "/a-propos/", "en": "/en/about/"}
    assert current_language(response) == "fr"


def test_translated_page_links_back_to_the_french_source(client, make_page):
    make_page("a-propos", "À propos", english=("about", "About"))

    response = client.get("/en/about/")

    assert switcher_links(response) == {"fr": "/a-propos/", "en": "/en/about/"}
    assert current_language(response) == "en"


def test_page_without_translation_links_to_the_english_home(client, make_page):
    make_page("mentions-legales", "Mentions légales")

    response = client.get("/mentions-legales/")

    assert switcher_links(response)["en"] == "/en/"


def test_draft_translation_is_not_offered(client, make_page):
    make_page("a-propos", "À propos", english=("about", "About"), english_live=False)

    response = client.get("/a-propos/")

    assert switcher_links(response)["en"] == "/en/"


def test_untranslated_alias_is_not_offered_as_a_translation(client, make_page, home_page_en):
    page = make_page("a-propos", "À propos")
    # What wagtail-localize's tree synchronisation leaves in a language nobody translated to yet.
    page.create_alias(
        parent=home_page_en, update_locale=home_page_en.locale, reset_translation_key=False
    )

    response = client.get("/a-propos/")

    assert switcher_links(response)["en"] == "/en/"


def test_home_pages_link_to_each_other(client):
    assert switcher_links(client.get("/")) == {"fr": "/", "en": "/en/"}
    assert switcher_links(client.get("/en/")) == {"fr": "/", "en": "/en/"}


def test_account_view_links_to_the_same_view_in_english(client):
    response = client.get("/comptes/login/")

    assert switcher_links(response) == {"fr": "/comptes/login/", "en": "/en/comptes/login/"}


def test_account_view_keeps_its_query_string(client):
    response = client.get("/en/comptes/login/?next=/comptes/profil/")

    assert switcher_links(response) == {
        "fr": "/comptes/login/?next=/comptes/profil/",
        "en": "/en/comptes/login/?next=/comptes/profil/",
    }
    assert current_language(response) == "en"


def test_missing_page_links_to_each_languages_home(client):
    response = client.get("/page-disparue/")

    assert response.status_code == 404
    assert switcher_links(response) == {"fr": "/", "en": "/en/"}


def test_the_home_pages_a_view_links_to_are_looked_up_once_per_content_version(client):
    client.get("/comptes/login/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/comptes/login/")

    assert switcher_links(response) == {"fr": "/comptes/login/", "en": "/en/comptes/login/"}
    tables = [query["sql"].split(" FROM ")[1].split()[0] for query in queries]
    assert '"wagtailcore_locale"' not in tables
    # Only the header's own home page, looked up once per request: its site, then the page.
    assert len(tables) <= 2
