"""Markup that validators and search engines read: descriptions, names, real links."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from kb.templatetags.kb_tags import SITE_DESCRIPTION
from tests.kb.helpers import html

pytestmark = pytest.mark.django_db


def description(response):
    assert response.status_code == 200
    return html(response).find("meta", attrs={"name": "description"})["content"]


def test_a_page_is_described_by_its_search_description_first(client, make_page):
    page = make_page(slug="a-propos", title="À propos")
    page.intro = "Le chapô de la page."
    page.search_description = "Qui publie la base de connaissances, et pourquoi."
    page.save_revision().publish()

    assert description(client.get("/a-propos/")) == page.search_description


def test_a_page_without_search_description_is_described_by_its_introduction(client, home_page_fr):
    home_page_fr.intro = "Ce que les <b>établissements</b> ont expérimenté et partagé."
    home_page_fr.save_revision().publish()

    assert description(client.get("/")) == "Ce que les établissements ont expérimenté et partagé."


def test_a_long_introduction_is_cut_for_search_engines(client, home_page_fr):
    home_page_fr.intro = "Une phrase qui revient. " * 20
    home_page_fr.save_revision().publish()

    text = description(client.get("/"))
    assert len(text) <= 160
    assert text.endswith("…")


@pytest.mark.parametrize(("path", "language"), [("/recherche/", "fr"), ("/en/recherche/", "en")])
def test_views_that_are_not_pages_have_the_site_description_in_their_language(
    client, path, language
):
    with translation.override(language):
        expected = translation.gettext(SITE_DESCRIPTION)

    assert description(client.get(path)) == expected
    assert language == "fr" or expected != SITE_DESCRIPTION


def test_header_modals_are_named_by_their_buttons_on_an_element_that_may_be_named(client):
    soup = html(client.get("/"))

    for modal, button in (("modal-search", "button-search"), ("modal-menu", "button-menu")):
        element = soup.find(id=modal)
        assert element["aria-labelledby"] == button
        assert element["role"] == "group"


def test_the_language_menu_is_no_second_landmark_once_copied_into_the_mobile_menu(client):
    soup = html(client.get("/"))

    selector = soup.select_one(".fr-translate")
    assert selector.name != "nav" and selector.get("role") == "group"
    assert selector["aria-label"] == "Choix de la langue"


def test_the_map_figure_takes_its_name_from_its_caption(client):
    figure = html(client.get("/observatoire/carte/")).find("figure")

    assert figure.find("figcaption") is not None
    assert not figure.has_attr("role") and not figure.has_attr("aria-labelledby")


def test_the_current_page_of_a_list_is_a_link_crawlers_can_follow():
    request = RequestFactory().get("/pratiques/fiches-action/", {"theme": "repit", "page": "2"})

    rendered = render_to_string(
        "includes/pagination.html", {"request": request, "current": 2, "num_pages": 3}
    )

    current = BeautifulSoup(rendered, "html.parser").find("a", attrs={"aria-current": "page"})
    assert current["href"] == "/pratiques/fiches-action/?theme=repit&page=2"
