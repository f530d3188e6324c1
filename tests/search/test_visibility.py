"""A document of a forum space reaches its members only: results, counts, suggestions.

The private document is indexed by the fixtures with visibility ["space:7"];
anonymous visitors search with ["public"].
"""

import pytest

from search.query import SearchRequest, normalise_query
from tests.search.conftest import MEMBER_OF_SPACE_7, PRIVATE_DOCUMENT
from tests.search.helpers import facet, result_titles

pytestmark = pytest.mark.django_db


def as_member(text, **filters):
    return SearchRequest(text=text, language="fr", visibility=MEMBER_OF_SPACE_7, filters=filters)


def test_visitors_do_not_find_a_space_document(client, corpus):
    assert result_titles(client.get("/recherche/", {"q": "confidentialissime"})) == []


def test_members_of_the_space_find_it(search_backend):
    results = search_backend.search(as_member("confidentialissime"))

    assert [hit.key for hit in results.hits] == [PRIVATE_DOCUMENT["key"]]
    assert results.total == 1


def test_a_space_document_is_counted_for_its_members_only(client, search_backend):
    public_themes = facet(client.get("/recherche/", {"q": "répit"}), "theme")
    member_facets = search_backend.search(as_member("répit")).facets

    assert "Pair-aidance" not in " ".join(public_themes)
    assert ("pair-aidance", 1, False) in member_facets["theme"]
    assert ("secret-espace", 1, False) in member_facets["tag"]


def test_filter_counts_never_reveal_a_space_document(client, corpus):
    response = client.get("/recherche/", {"tag": "secret-espace"})

    assert result_titles(response) == []
    assert facet(response, "tag")["secret-espace"] == (0, True)


def test_suggestions_never_reveal_a_space_document(client, corpus):
    answer = client.get("/recherche/suggestions/", {"q": "confid"}).json()
    tags = client.get("/recherche/suggestions/", {"q": "secret"}).json()

    assert answer["suggestions"] == []
    assert tags["suggestions"] == []


def test_did_you_mean_never_reveals_a_space_word(search_backend):
    typo = "confidentialisime"
    public = search_backend.search(SearchRequest(text=typo, language="fr"))

    member = search_backend.search(as_member(typo))

    assert public.total == 0
    assert public.did_you_mean is None
    # The same typo does lead a member to the document: straight away (typo
    # tolerance of the engine) or through the correction.
    found = [hit.key for hit in member.hits] == [PRIVATE_DOCUMENT["key"]]
    assert found or normalise_query(member.did_you_mean) == "confidentialissime"


def test_the_api_search_ranks_as_the_search_page_and_never_finds_a_space_document(
    search_backend,
):
    public = SearchRequest(text="répit", language="fr")
    page_order = [hit.key for hit in search_backend.search(public).hits]

    assert search_backend.ranked_keys(public, 100)[: len(page_order)] == page_order
    assert search_backend.ranked_keys(as_member("confidentialissime"), 100) == [
        PRIVATE_DOCUMENT["key"]
    ]
    assert search_backend.ranked_keys(SearchRequest(text="confidentialissime"), 100) == []
