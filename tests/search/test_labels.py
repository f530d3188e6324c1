"""The words people search by: the names of a document's terms and territories (`labels`)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from forums.search import post_document
from kb.models import Department, GuideChapterPage, GuidePage, Region, Theme
from search.extraction import page_document
from search.indexing import all_documents
from tests.forums.factories import PostFactory, SpaceFactory, TopicFactory
from tests.practices.factories import described_page, term
from tests.search.conftest import section

IN_HERAULT = {
    "kind": "sheet",
    "themes": ["prevention-ruptures"],
    "audiences": ["enfants-adolescents"],
    "departments": ["34"],
    "establishments": ["mas"],
    "tags": ["répit"],
    "status": "evaluated",
    "year": 2021,
}


def words_of(document):
    return " ".join([document["title"], document["summary"], document["body"]]).lower()


def test_a_page_is_found_by_the_names_of_its_terms_and_territories(home_page_fr):
    page = described_page(
        section(home_page_fr, "pratiques-libellees"), "Une équipe mobile de répit", IN_HERAULT
    )

    document = page_document(page)

    assert "hérault" not in words_of(document)
    assert document["territories"] == ["departement:34", "region:76"]
    assert document["labels"] == sorted(
        [
            "Prévention des ruptures : répit et équipes mobiles",
            "Enfants et adolescents",
            "MAS",
            "maison d’accueil spécialisée",
            "Hérault",
            # The département's région, as its territory codes carry it.
            "Occitanie",
        ]
    )


def test_an_english_page_has_english_labels_where_the_taxonomy_is_translated(home_page_en):
    english = section(home_page_en, "labelled-practices")
    description = {**IN_HERAULT, "departments": ["76"], "establishments": ["itep"]}
    page = described_page(english, "A mobile respite team", description)

    labels = page_document(page)["labels"]

    assert "Preventing breakdowns: respite and mobile teams" in labels
    assert "Children and adolescents" in labels
    assert {"ITEP", "therapeutic, educational and teaching institute"} <= set(labels)
    # A territory has an English name only where English uses another one.
    assert {"Seine-Maritime", "Normandy"} <= set(labels)
    assert not {"Enfants et adolescents", "Normandie", "institut médico-éducatif"} & set(labels)


def test_an_english_page_keeps_the_french_name_of_an_untranslated_term(home_page_en):
    untranslated = Theme.objects.create(
        name="Habitat inclusif",
        slug="habitat-inclusif",
        locale=Locale.objects.get(language_code="fr"),
    )
    page = described_page(
        section(home_page_en, "labelled-practices"), "Inclusive housing", IN_HERAULT
    )
    page.themes.set([untranslated])
    page.save()

    document = page_document(page)

    assert document["themes"] == ["habitat-inclusif"]
    assert "Habitat inclusif" in document["labels"]


@pytest.fixture
def guide(home_page_fr):
    edition = GuidePage(
        title="Guide méthodologique",
        edition="Édition 2025",
        edition_date=datetime.date(2025, 3, 1),
    )
    home_page_fr.add_child(instance=edition)
    edition.themes.set([term(Theme, "pilotage-evaluation"), term(Theme, "pair-aidance")])
    edition.save_revision().publish()
    chapter = GuideChapterPage(title="Clarifier les objectifs", summary="Avant tout.")
    edition.add_child(instance=chapter)
    return edition, chapter


def test_a_guide_chapter_has_the_year_and_themes_of_its_edition(guide):
    edition, chapter = guide

    documents = {"edition": page_document(edition), "chapter": page_document(chapter)}

    for document in documents.values():
        assert document["year"] == 2025
        assert document["themes"] == ["pair-aidance", "pilotage-evaluation"]
        assert document["labels"] == [
            "Pair-aidance et savoirs expérientiels",
            "Pilotage, observation et évaluation",
        ]
        # The guide is national.
        assert document["territories"] == []


def test_a_forum_post_has_the_names_of_its_space_theme_and_territory(db):
    space = SpaceFactory(
        theme=term(Theme, "pair-aidance"),
        region=Region.objects.get(code="76"),
        department=Department.objects.get(code="11"),
    )
    post = PostFactory(topic=TopicFactory(space=space), body="Comment vous êtes-vous organisés ?")

    document = post_document(post)

    assert document["themes"] == ["pair-aidance"]
    assert document["labels"] == ["Aude", "Occitanie", "Pair-aidance et savoirs expérientiels"]
    # Topics have no tags to give their posts.
    assert document["tags"] == []


def test_labels_are_read_by_batches_in_a_rebuild(home_page_fr, home_page_en):
    french, english = (
        section(home_page_fr, "pratiques-libellees"),
        section(home_page_en, "labelled-practices"),
    )
    described_page(french, "Une équipe mobile de répit", IN_HERAULT)
    list(all_documents())  # Whatever is cached for the next ones (content types, sites).
    with CaptureQueriesContext(connection) as for_one_page:
        list(all_documents())
    for number in range(3):
        for home_section in (french, english):
            described_page(home_section, f"Unité de répit {number}", IN_HERAULT)

    with CaptureQueriesContext(connection) as with_more_pages:
        documents = list(all_documents())

    assert sum("Hérault" in document["labels"] for document in documents) == 7
    assert len(with_more_pages) == len(for_one_page)
