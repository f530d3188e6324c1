"""Editors' picks: shown above the results for their query, in their language only."""

import pytest

from search.models import PromotedResult
from tests.search.helpers import promoted_titles, result_titles

pytestmark = pytest.mark.django_db

AUDE = "Scolarisation inclusive dans l’Aude"


def test_a_pick_is_shown_first_for_its_query_whatever_the_case_and_accents(client, corpus):
    PromotedResult.objects.create(query="Répit", page=corpus[AUDE])

    response = client.get("/recherche/", {"q": "REPIT"})

    assert promoted_titles(response) == [AUDE]
    assert AUDE not in result_titles(response)


def test_picks_keep_the_editors_order(client, corpus):
    PromotedResult.objects.create(query="répit", page=corpus[AUDE], position=2)
    PromotedResult.objects.create(
        query="répit", page=corpus["Équipe mobile ITEP en Seine-Maritime"], position=1
    )

    titles = promoted_titles(client.get("/recherche/", {"q": "répit"}))

    assert titles == ["Équipe mobile ITEP en Seine-Maritime", AUDE]


def test_a_pick_is_not_shown_for_other_words(client, corpus):
    PromotedResult.objects.create(query="répit", page=corpus[AUDE])

    assert promoted_titles(client.get("/recherche/", {"q": "répit jeunes"})) == []


def test_a_french_pick_is_never_shown_on_the_english_search(client, corpus):
    PromotedResult.objects.create(query="respite", page=corpus[AUDE])

    response = client.get("/en/recherche/", {"q": "respite"})

    assert promoted_titles(response) == []
    assert result_titles(response) == ["Respite unit for young adults in Occitanie"]


def test_a_pick_the_visitor_may_not_find_is_not_shown(client, corpus):
    # Only what the index holds for the visitor is shown: here a listing page, never indexed.
    listing = corpus[AUDE].get_parent()
    PromotedResult.objects.create(query="répit", page=listing)

    assert promoted_titles(client.get("/recherche/", {"q": "répit"})) == []
