"""Related content: documents like the page, in its language, that the reader may see."""

import pytest
from django.contrib.auth.models import AnonymousUser

from kb.models import ContentPage
from practices.related import related_pages as shared_terms_related
from search.extraction import page_key
from search.related import pages_for, related_pages
from tests.search.conftest import ENGINE_URL
from tests.services import require_service

pytestmark = pytest.mark.django_db

UNIT = "Unité de répit pour jeunes adultes en Occitanie"


def test_related_pages_are_other_pages_of_the_same_language(corpus):
    unit = corpus[UNIT]

    related = related_pages(unit, AnonymousUser())

    assert related
    assert len(related) <= 3
    assert unit not in related
    assert {page.locale_id for page in related} == {unit.locale_id}


def test_limit_is_respected(corpus):
    assert len(related_pages(corpus[UNIT], AnonymousUser(), limit=1)) == 1


def test_without_an_engine_the_shared_terms_answer(corpus):
    if ENGINE_URL:
        pytest.skip("Ce cas vaut sans moteur de recherche.")

    assert related_pages(corpus[UNIT], AnonymousUser()) == shared_terms_related(corpus[UNIT])


def test_the_engine_finds_pages_sharing_words_not_only_terms(corpus):
    require_service(bool(ENGINE_URL), "SEARCH_URL n’est pas défini : aucun moteur à interroger.")
    # The Île-de-France platform shares the word "répit" and a theme; the filler
    # sheets share neither words nor terms with the unit.
    related = related_pages(corpus[UNIT], AnonymousUser())

    assert related[0] == corpus["Plateforme de répit en Île-de-France"]
    assert not any(page.title.startswith("Coordination territoriale") for page in related)


def test_only_sheets_experiments_and_trainings_are_offered(corpus):
    """The engine finds any kind of page; a plain content page has no kind to show."""
    unit = corpus[UNIT]
    about = unit.get_parent().add_child(
        instance=ContentPage(title=UNIT, slug="a-propos-unite-repit", intro=UNIT)
    )

    assert pages_for([page_key(about.pk), page_key(unit.pk)]) == [unit]
