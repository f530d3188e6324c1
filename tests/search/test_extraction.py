"""What a page becomes in the search index, alone or read with many others."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from kb.models import ContentPage, GuideChapterPage, GuidePage, SeminarIndexPage, SeminarPage
from search.extraction import DOC_TYPES, page_document, page_documents, page_key
from search.indexing import all_documents
from tests.practices.factories import described_page
from tests.search.conftest import section


@pytest.fixture
def site_pages(home_page_fr):
    """Pages of every type, classified, one in a members-only section and one alias."""
    public = section(home_page_fr, "pratiques-extraction")
    private = section(home_page_fr, "pratiques-reservees")
    PageViewRestriction.objects.create(page=private.root, restriction_type="login")
    pages = {
        title: described_page(public, title, description)
        for title, description in DESCRIBED_PAGES.items()
    }
    pages["hidden"] = described_page(private, "Fiche réservée", DESCRIBED_PAGES[SHEET])
    pages["alias"] = pages[SHEET].create_alias(update_slug="copie-de-la-fiche")
    guide = ContentPage(title="Guide de la pair-aidance", intro="Pourquoi et comment.")
    guide.body = [("heading", {"text": "Contexte", "level": "h2"})]
    pages["guide"] = home_page_fr.add_child(instance=guide)
    seminars = home_page_fr.add_child(instance=SeminarIndexPage(title="Séminaires"))
    seminar = SeminarPage(
        title="Séminaire national de capitalisation",
        summary="Les enseignements des territoires pionniers.",
        start_date=datetime.date(2017, 6, 1),
        place="Paris",
    )
    pages["seminar"] = seminars.add_child(instance=seminar)
    edition = GuidePage(
        title="Guide méthodologique",
        edition="Édition 2025",
        edition_date=datetime.date(2025, 3, 1),
    )
    pages["edition"] = home_page_fr.add_child(instance=edition)
    chapter = GuideChapterPage(title="Clarifier les objectifs", summary="Avant tout.")
    chapter.body = [("heading", {"text": "Partir des situations", "level": "h2"})]
    pages["chapter"] = edition.add_child(instance=chapter)
    return pages


SHEET = "Équipe mobile ITEP dans l’Hérault"
EXPERIMENT = "Plateforme de répit en Occitanie"
TRAINING = "Formation croisée à l’évaluation"
DESCRIBED_PAGES = {
    SHEET: {
        "kind": "sheet",
        "themes": ["prevention-ruptures", "coordination-parcours"],
        "audiences": ["jeunes-adultes"],
        "departments": ["34", "76"],
        "regions": ["11"],
        "establishments": ["itep", "sessad"],
        "tags": ["répit", "équipe mobile"],
        "status": "evaluated",
        "year": 2019,
    },
    EXPERIMENT: {
        "kind": "experiment",
        "themes": ["prevention-ruptures"],
        "regions": ["76"],
        "establishments": ["ime"],
        "tags": ["répit"],
        "year": 2022,
    },
    TRAINING: {
        "kind": "training",
        "themes": ["formation-interconnaissance"],
        "establishments": ["ditep"],
        "year": 2025,
    },
}


def site_documents_in_one_batch():
    pages = Page.objects.order_by("pk").specific()
    return {page.pk: document for page, document in page_documents(pages)}


def test_a_page_read_in_a_batch_has_the_document_it_has_alone(site_pages):
    batched = site_documents_in_one_batch()

    assert batched == {page.pk: page_document(page) for page in Page.objects.order_by("pk")}
    assert {document["doc_type"] for document in batched.values() if document} == set(
        DOC_TYPES.values()
    )


def test_a_document_holds_the_page_classification(site_pages):
    sheet, training = site_pages[SHEET], site_pages[TRAINING]

    document = site_documents_in_one_batch()[sheet.pk]

    assert document["themes"] == ["coordination-parcours", "prevention-ruptures"]
    assert document["establishment_types"] == ["itep", "sessad"]
    assert document["tags"] == ["répit", "équipe mobile"]
    assert document["territories"] == sheet.territory_codes()
    assert {"departement:34", "region:76", "region:11"} <= set(document["territories"])
    assert document["url"] == sheet.get_url()
    assert page_document(training)["year"] == 2025


def test_members_only_pages_and_aliases_have_no_document(site_pages):
    batched = site_documents_in_one_batch()

    assert site_pages["hidden"].get_view_restrictions().exists()
    assert batched[site_pages["hidden"].pk] is None
    assert batched[site_pages["alias"].pk] is None
    assert batched[site_pages[SHEET].pk] is not None


def test_a_batch_reads_the_same_number_of_queries_whatever_its_size(
    site_pages, django_assert_max_num_queries
):
    one_of_each_type = [
        site_pages[title]
        for title in (SHEET, EXPERIMENT, TRAINING, "guide", "seminar", "edition", "chapter")
    ]
    every_page = list(Page.objects.order_by("pk").specific())
    with CaptureQueriesContext(connection) as for_one_of_each:
        list(page_documents(one_of_each_type))

    assert len(every_page) > 2 * len(one_of_each_type)
    with django_assert_max_num_queries(len(for_one_of_each)):
        list(page_documents(every_page))


def test_a_rebuild_reads_the_documents_pages_have_alone(site_pages):
    rebuilt = {document["key"]: document for document in all_documents()}

    alone = {page_key(page.pk): page_document(page) for page in Page.objects.order_by("pk")}
    assert rebuilt == {key: document for key, document in alone.items() if document}


def test_a_rebuild_reads_no_column_page_by_page(site_pages, home_page_fr):
    # Names that searches keep once read (territories) are read before counting.
    list(all_documents())
    with CaptureQueriesContext(connection) as for_the_site:
        list(all_documents())
    more = section(home_page_fr, "pratiques-supplementaires")
    for title, description in DESCRIBED_PAGES.items():
        described_page(more, title, description)

    with CaptureQueriesContext(connection) as with_three_more_pages:
        list(all_documents())

    assert len(with_three_more_pages) == len(for_the_site)
