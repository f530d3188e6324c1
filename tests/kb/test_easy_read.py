"""Easy-read (FALC) versions: the switch both ways, the address, the list filter."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kb.models import ContentPage
from kb.models.easy_read import long_sentences
from tests.practices.factories import (
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
)

pytestmark = pytest.mark.django_db

EASY_READ = [
    ("heading", "Le répit"),
    ("sentence", {"pictogram": None, "pictogram_alt": "", "text": "Le répit aide les familles."}),
    ("sentence", {"pictogram": None, "pictogram_alt": "", "text": "Vous pouvez souffler."}),
]


def content_page(home_page_fr, easy_read=()):
    page = ContentPage(slug="repit", title="Le répit des aidants", easy_read_body=list(easy_read))
    home_page_fr.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_page_with_easy_read_version_links_to_it_and_back(client, home_page_fr):
    page = content_page(home_page_fr, EASY_READ)
    assert page.has_easy_read

    full = client.get(page.url).content.decode()
    assert "Version facile à lire" in full
    assert f'href="{page.url}facile-a-lire/"' in full

    easy = client.get(f"{page.url}facile-a-lire/")
    assert easy.status_code == 200
    html = easy.content.decode()
    assert "Le répit aide les familles." in html
    assert "Facile à lire et à comprendre" in html
    assert "Version complète" in html
    assert f'href="{page.url}"' in html


def test_page_without_easy_read_version_has_no_switch_and_no_address(client, home_page_fr):
    page = content_page(home_page_fr)
    assert not page.has_easy_read
    assert "Version facile à lire" not in client.get(page.url).content.decode()
    assert client.get(f"{page.url}facile-a-lire/").status_code == 404


def test_removing_the_easy_read_text_clears_the_flag(client, home_page_fr):
    page = content_page(home_page_fr, EASY_READ)
    page.easy_read_body = []
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.has_easy_read
    assert client.get(f"{page.url}facile-a-lire/").status_code == 404


def test_easy_read_version_of_a_restricted_page_stays_restricted(client, home_page_fr):
    page = content_page(home_page_fr, EASY_READ)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(f"{page.url}facile-a-lire/")
    assert response.status_code == 302
    assert "Le répit aide les familles." not in response.content.decode()


def test_sentences_over_fifteen_words_are_reported():
    page = ContentPage(
        easy_read_body=[
            (
                "sentence",
                {
                    "pictogram": None,
                    "pictogram_alt": "",
                    "text": "Phrase courte. "
                    "Cette phrase est beaucoup trop longue pour être lue facilement "
                    "par une personne qui découvre ce texte pour la première fois.",
                },
            )
        ]
    )
    found = long_sentences(page.easy_read_body)
    assert len(found) == 1
    assert found[0].startswith("Cette phrase")


def test_practice_listing_filters_on_easy_read_available(client, home_page_fr):
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=root)
    PracticeSheetPageFactory(parent=sheets, title="Fiche avec FALC", easy_read_body=EASY_READ)
    PracticeSheetPageFactory(parent=sheets, title="Fiche sans FALC")

    everything = client.get(sheets.url).content.decode()
    assert "Fiche avec FALC" in everything and "Fiche sans FALC" in everything

    filtered = client.get(sheets.url, {"facile": "oui"}).content.decode()
    assert "Fiche avec FALC" in filtered
    assert "Fiche sans FALC" not in filtered
    assert filtered.count(">Facile à lire</p>") == 1  # the card's badge

    corrected = client.get(sheets.url, {"facile": "peut-etre"})
    assert corrected.status_code == 200
    assert "Fiche sans FALC" in corrected.content.decode()


def test_practice_sheet_shows_the_switch(client, home_page_fr):
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=root)
    sheet = PracticeSheetPageFactory(parent=sheets, easy_read_body=EASY_READ)
    assert f'href="{sheet.url}facile-a-lire/"' in client.get(sheet.url).content.decode()
    easy = client.get(f"{sheet.url}facile-a-lire/").content.decode()
    assert "Vous pouvez souffler." in easy


def test_editor_finds_the_easy_read_tab_on_each_kind_of_page(client, superuser, home_page_fr):
    page = content_page(home_page_fr, EASY_READ)
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheet = PracticeSheetPageFactory(parent=PracticeSheetIndexPageFactory(parent=root))
    client.force_login(superuser)
    for edited in (page, sheet):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[edited.pk]))
        assert response.status_code == 200
        assert "Facile à lire" in response.content.decode()


def test_editor_is_warned_of_long_sentences_but_the_page_is_saved(client, superuser, home_page_fr):
    page = content_page(home_page_fr)
    long_text = "Phrase courte. " + " ".join(["mot"] * 20) + "."
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield([]),
            "easy_read_body": streamfield(
                [("sentence", {"pictogram": "", "pictogram_alt": "", "text": long_text})]
            ),
            "comments": inline_formset([]),
        }
    )
    client.force_login(superuser)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("1 phrase dépasse 15 mots" in message for message in messages), messages
    assert ContentPage.objects.get(pk=page.pk).get_latest_revision_as_object().easy_read_body
