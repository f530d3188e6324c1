"""What editors meet in the page editor: taken addresses explained, ASCII addresses,
editions told apart in the tree, territories in alphabetical order, no Gravatar."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page

from kb.models import ContentPage, GuidePage
from tests.kb.helpers import html
from tests.practices.factories import PracticeSheetIndexPageFactory, PracticesIndexPageFactory

pytestmark = pytest.mark.django_db


def add_url(parent, model="contentpage"):
    return f"/admin/pages/add/kb/{model}/{parent.pk}/"


def form_data(title, slug):
    return {
        "title": title,
        "slug": slug,
        "intro": "",
        "body-count": "0",
        "easy_read_body-count": "0",
        "action-submit": "1",
    }


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_an_address_held_by_an_abandoned_draft_says_which_draft(
    editor_client, home_page_fr, contributor
):
    draft = ContentPage(title="Accueil de jour itinérant", slug="accueil-de-jour", live=False)
    home_page_fr.add_child(instance=draft)
    draft.save_revision(user=contributor)

    response = editor_client.post(
        add_url(home_page_fr), form_data("Accueil de jour", "accueil-de-jour")
    )

    assert response.status_code == 200
    assert "« Accueil de jour itinérant », un brouillon jamais publié" in response.text
    assert "Reprenez ce brouillon ou supprimez-le" in response.text


def test_an_address_held_by_a_published_page_names_it(editor_client, home_page_fr):
    page = ContentPage(title="À propos du site", slug="a-propos")
    home_page_fr.add_child(instance=page)
    page.save_revision().publish()

    response = editor_client.post(add_url(home_page_fr), form_data("À propos", "a-propos"))

    assert "est déjà celle de la page publiée « À propos du site »" in response.text


def test_addresses_are_plain_ascii(editor_client, home_page_fr):
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False

    response = editor_client.post(add_url(home_page_fr), form_data("Évaluation", "évaluation"))

    assert response.status_code == 302
    assert Page.objects.get(title="Évaluation").slug == "evaluation"


def test_editions_of_one_guide_are_told_apart_in_the_page_tree(editor_client, home_page_fr):
    for year in (2024, 2025):
        guide = GuidePage(
            title="Guide méthodologique",
            slug=f"guide-{year}",
            edition=f"Édition {year}",
            edition_date=datetime.date(year, 3, 1),
        )
        home_page_fr.add_child(instance=guide)
        guide.save_revision().publish()

    response = editor_client.get(f"/admin/pages/{home_page_fr.pk}/")

    assert "Guide méthodologique (Édition 2024)" in response.text
    assert "Guide méthodologique (Édition 2025)" in response.text


def test_regions_and_departements_are_listed_by_name_with_a_search_box(editor_client, home_page_fr):
    practices = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=practices)

    response = editor_client.get(f"/admin/pages/add/practices/practicesheetpage/{sheets.pk}/")

    page = html(response)
    regions = [label.get_text(strip=True) for label in page.find(id="id_regions").find_all("label")]
    assert regions[:3] == ["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne"]
    assert regions.index("Île-de-France") < regions.index("La Réunion")
    departements = page.find(id="id_departments")
    assert "kb-filterable" in departements["class"]
    assert departements.find("label").get_text(strip=True) == "Ain (01)"
    assert "js/admin-checkbox-filter.js" in response.text


def test_avatars_come_from_no_third_party(editor_client):
    response = editor_client.get("/admin/")

    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert "gravatar" not in response.text.lower()


def chooser_html(response):
    """The chooser answers JSON holding its HTML (the whole modal, or just its results)."""
    data = response.json() if response["Content-Type"].startswith("application/json") else None
    return BeautifulSoup(data["html"] if data else response.text, "html.parser")


def test_the_region_chooser_lists_every_region_by_name_and_searches_them(editor_client):
    everything = chooser_html(editor_client.get(reverse("wagtailsnippetchoosers_kb_region:choose")))
    searched = chooser_html(
        editor_client.get(reverse("wagtailsnippetchoosers_kb_region:choose_results"), {"q": "ile"})
    )

    names = [link.get_text(strip=True) for link in everything.select("td a")]
    assert len(names) == 18
    assert names[0] == "Auvergne-Rhône-Alpes"
    assert names.index("Île-de-France") < names.index("La Réunion")
    assert [link.get_text(strip=True) for link in searched.select("td a")] == ["Île-de-France"]
