"""The document library: public documents with their type, size, themes and year."""

import datetime
import html
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from kb.models import DocumentClassification, DocumentLibraryPage, Theme
from tests.kb.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def library(home_page_fr):
    page = DocumentLibraryPage(title="Médiathèque", slug="mediatheque")
    home_page_fr.add_child(instance=page)
    page.save_revision().publish()
    return page


def theme(slug):
    return Theme.objects.get(slug=slug, locale__language_code="fr")


def document(title, filename, data=b"contenu", collection=None, themes=(), year=None, tags=()):
    item = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    item.file.save(filename, ContentFile(data), save=True)
    item.tags.add(*tags)
    if themes or year:
        classification = DocumentClassification.objects.create(document=item, year=year)
        classification.themes.set(themes)
    return item


def listed_titles(client, library, **params):
    response = client.get(library.url, params)
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    titles = {"Guide du répit", "Tableau de suivi", "Diaporama", "Compte rendu interne"}
    return {title for title in titles if f">{title}</a>" in content}


@pytest.fixture
def documents(db):
    return {
        "guide": document(
            "Guide du répit",
            "guide.pdf",
            b"%PDF-1.4 " * 300,
            themes=[theme("jeunes-adultes")],
            year=2022,
            tags=["répit"],
        ),
        "table": document("Tableau de suivi", "suivi.ods", b"a,b\n", year=2024),
        "slides": document("Diaporama", "pleniere.pptx", b"diapos", tags=["séminaire"]),
    }


def test_library_lists_public_documents_with_type_size_and_year(client, library, documents):
    content = html.unescape(client.get(library.url).content.decode())
    assert listed_titles(client, library) == {"Guide du répit", "Tableau de suivi", "Diaporama"}
    assert "3 documents" in content
    details = re.findall(r'fr-card__detail">([^<]*)<', content)
    assert "PDF – 2,6\xa0Kio – 2022" in details, details
    assert "Tableur" in content and "Présentation" in content
    assert f'href="{documents["guide"].url}" download' in content
    assert "2022" in content


def test_filters_by_type_theme_tag_and_year(client, library, documents):
    assert listed_titles(client, library, type="pdf") == {"Guide du répit"}
    assert listed_titles(client, library, type="tableur") == {"Tableau de suivi"}
    assert listed_titles(client, library, theme="jeunes-adultes") == {"Guide du répit"}
    assert listed_titles(client, library, tag="séminaire") == {"Diaporama"}
    assert listed_titles(client, library, year="2024") == {"Tableau de suivi"}
    this_year = str(datetime.date.today().year)
    assert listed_titles(client, library, year=this_year) == {"Diaporama"}
    assert listed_titles(client, library, type="pdf", year="2024") == set()


def test_unknown_filter_values_are_ignored_and_said_so(client, library, documents):
    for params in (
        {"type": "exe"},
        {"theme": "<script>"},
        {"year": "deux-mille"},
        {"tag": "x" * 300},
        {"page": "9999"},
        {"page": "-1"},
    ):
        response = client.get(library.url, params)
        assert response.status_code == 200
        assert listed_titles(client, library, **params) == {
            "Guide du répit",
            "Tableau de suivi",
            "Diaporama",
        }
    assert "ont été ignorés" in client.get(library.url, {"type": "exe"}).content.decode()


def test_documents_of_a_private_collection_are_never_listed(client, library, documents):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Comptes rendus internes")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    below = private.add_child(name="Copil")
    document("Compte rendu interne", "copil.pdf", collection=below, year=2021)
    client.force_login(UserFactory())

    assert "Compte rendu interne" not in listed_titles(client, library)
    content = client.get(library.url).content.decode()
    assert "2021" not in content  # its year is not offered as a filter either


def test_unchecked_document_is_not_listed(client, library, documents):
    classification = DocumentClassification.objects.create(
        document=documents["slides"], listed=False
    )
    assert classification.document.title not in listed_titles(client, library)


def test_library_paginates(client, library):
    for number in range(14):
        document(f"Note {number}", f"note-{number}.txt")
    first = client.get(library.url).content.decode()
    second = client.get(library.url, {"page": 2}).content.decode()
    assert first.count("fr-card--download") == 12
    assert second.count("fr-card--download") == 2
    assert 'aria-current="page"' in second
