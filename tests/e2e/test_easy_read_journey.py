"""A visitor switches to the easy-read version of a page and back; seminar and library pages."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from kb.models import (
    ContentPage,
    DocumentClassification,
    DocumentLibraryPage,
    SeminarIndexPage,
    SeminarPage,
    SeminarSession,
    Theme,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def published(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def respite_page(home_page_fr):
    return published(
        home_page_fr,
        ContentPage(
            title="Le répit des aidants",
            slug="repit",
            intro="Les solutions de répit pour les familles qui accompagnent un proche.",
            easy_read_body=[
                ("heading", "Souffler un peu"),
                (
                    "sentence",
                    {"pictogram": None, "pictogram_alt": "", "text": "Le répit aide les familles."},
                ),
            ],
        ),
    )


def test_visitor_switches_to_easy_read_and_back(page, axe, respite_page):
    page.goto(respite_page.url)
    page.get_by_role("link", name="Version facile à lire").click()

    expect(page).to_have_url(re.compile(rf"{respite_page.url}facile-a-lire/$"))
    expect(page.get_by_text("Le répit aide les familles.")).to_be_visible()
    expect(page.get_by_text("Facile à lire et à comprendre").first).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Version complète").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Le répit des aidants")
    expect(page.get_by_text("Les solutions de répit pour les familles")).to_be_visible()


def test_seminar_pages_pass_axe(page, axe, home_page_fr):
    index = published(home_page_fr, SeminarIndexPage(title="Séminaires", slug="seminaires"))
    seminar = published(
        index,
        SeminarPage(
            title="Séminaire national de capitalisation",
            slug="national",
            summary="Mettre en commun l’expérience des territoires pionniers.",
            start_date=timezone.localdate() + datetime.timedelta(days=20),
            place="Paris",
            takeaways=[
                ("takeaway", {"text": "Décider vite évite les ruptures.", "practice_sheets": []})
            ],
        ),
    )
    SeminarSession.objects.create(
        page=seminar,
        locale_id=seminar.locale_id,
        starts_at=datetime.time(9, 30),
        title="Ouverture",
        speakers=[("speaker", {"name": "Claire Martin", "organisation": "ARS Occitanie"})],
    )

    page.goto(index.url)
    expect(page.get_by_role("heading", name="Séminaires à venir")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Séminaire national de capitalisation").click()
    expect(page.get_by_text("Claire Martin (ARS Occitanie)")).to_be_visible()
    axe(page)


def test_document_library_filters_and_passes_axe(page, axe, home_page_fr):
    library = published(home_page_fr, DocumentLibraryPage(title="Médiathèque", slug="mediatheque"))
    Document = get_document_model()
    for title, filename in (("Guide du répit", "guide.pdf"), ("Suivi", "suivi.csv")):
        document = Document(title=title)
        document.file.save(filename, ContentFile(b"%PDF-1.4 demo"), save=True)
    DocumentClassification.objects.create(
        document=Document.objects.get(title="Guide du répit"), year=2024
    ).themes.set(Theme.objects.filter(slug="jeunes-adultes", locale__language_code="fr"))

    page.goto(library.url)
    expect(page.locator(".fr-card__title")).to_have_count(2)
    axe(page)
    page.get_by_label("Type de fichier").select_option(label="PDF")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.locator(".fr-card__title")).to_have_text(["Guide du répit"])
    expect(page.locator(".fr-card__detail")).to_contain_text("PDF")
