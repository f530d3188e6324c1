"""The ranking rules, on the backend under test: exact words first, then title, summary, body.

Evaluated practices and recent documents come slightly up, never above a
clearly better match. Each rule is checked on a few documents of its own,
written with words no other test document holds, and indexed once for the module.
"""

import pytest
from django.db import transaction
from django.test import override_settings

from search.backends import get_backend
from search.engine_client import configured_engine
from search.query import SearchRequest
from tests.search.conftest import ENGINE_URL

pytestmark = pytest.mark.django_db

RECENT = "2026-01-15T10:00:00+00:00"
OLD = "2019-01-15T10:00:00+00:00"


def document(key, title, summary="Une fiche parmi d’autres.", body="Rien de plus.", **changes):
    return {
        "key": key,
        "doc_type": "practice_sheet",
        "title": title,
        "summary": summary,
        "body": body,
        "tags": [],
        "themes": [],
        "audiences": [],
        "establishment_types": [],
        "territories": [],
        "status": "",
        "locale": "fr",
        "visibility": ["public"],
        "year": 2024,
        "published_at": RECENT,
        "url": f"/{key}/",
        "rank_boost": 1.0,
        **changes,
    }


DOCUMENTS = [
    # Exact before fuzzy: "pédopsychiatre" is one letter away from "pédopsychiatrie".
    document("near-miss", "Le pédopsychiatre de secteur"),
    document("exact-word", "La pédopsychiatrie de secteur"),
    # An exact word of a body before a near miss of a summary: "addictologue" is one letter
    # from "addictologie" (typos are forgiven in titles and summaries, not in bodies).
    document("near-miss-in-summary", "Une fiche", summary="L’addictologue passe le mardi."),
    document("exact-word-in-body", "Une fiche", body="L’addictologie le mardi."),
    # A word of the dictionary typed whole is no typo: "neurologie" is not "neurologue".
    document("other-word", "Une fiche", summary="Le neurologue passe le jeudi."),
    document("dictionary-word", "Une fiche", body="La neurologie le jeudi."),
    # Title, then summary, then body.
    document("in-body", "Fiche de pratique", body="Une démarche de bientraitance au quotidien."),
    document("in-summary", "Fiche de méthode", summary="Une démarche de bientraitance."),
    document("in-title", "La bientraitance au quotidien"),
    # Evaluated practices slightly up.
    document("plain-sheet", "Une cellule de coordination gérontologique"),
    document("evaluated-sheet", "Une cellule de coordination gérontologique", rank_boost=1.2),
    document(
        "evaluated-body-only",
        "Une autre fiche",
        body="Elle cite la cellule gérontologique en passant, parmi bien d’autres sujets.",
        rank_boost=1.2,
    ),
    # Recent documents slightly up.
    document("old-sheet", "Un atelier de musicothérapie", published_at=OLD),
    document("recent-sheet", "Un atelier de musicothérapie"),
    document(
        "recent-body-only",
        "Une fiche récente",
        body="La musicothérapie y est citée en passant, parmi bien d’autres sujets.",
    ),
    document("old-title", "La musicothérapie en EHPAD", published_at=OLD),
    # Every apostrophe before a word is elided, in bodies as in titles.
    document("rare-apostrophes", "Lʼergothérapie", body="Lʼhippothérapie et l`équithérapie."),
    # Words side by side first: the same words in another order.
    document("words-apart", "Itinérante, la ludothèque des familles"),
    document("words-side-by-side", "La ludothèque itinérante des familles"),
]


@pytest.fixture(scope="module")
def ranked_documents(django_db_setup, django_db_blocker, engine_prefix):
    prefix = f"{engine_prefix}-ranking"
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_URL=ENGINE_URL, SEARCH_INDEX_PREFIX=prefix),
    ):
        configured_engine.cache_clear()
        try:
            with transaction.atomic():
                backend = get_backend()
                backend.upsert(DOCUMENTS)
                if ENGINE_URL:
                    backend.refresh()
                yield backend
                transaction.set_rollback(True)
        finally:
            configured_engine.cache_clear()


def ranking(backend, text):
    return [hit.key for hit in backend.search(SearchRequest(text=text, language="fr")).hits]


def test_an_exact_word_ranks_above_a_near_miss(ranked_documents):
    found = ranking(ranked_documents, "pédopsychiatrie")

    assert found[0] == "exact-word"
    if ENGINE_URL:  # the engine tolerates the typo, the database backend does not
        assert "near-miss" in found


def test_an_exact_word_of_a_body_ranks_above_a_near_miss_of_a_summary(ranked_documents):
    found = ranking(ranked_documents, "addictologie")

    assert found[0] == "exact-word-in-body"
    if ENGINE_URL:
        assert "near-miss-in-summary" in found


def test_a_word_of_the_dictionary_typed_whole_finds_itself_only(ranked_documents):
    assert ranking(ranked_documents, "neurologie") == ["dictionary-word"]


def test_a_word_in_the_title_ranks_above_the_summary_and_the_summary_above_the_body(
    ranked_documents,
):
    assert ranking(ranked_documents, "bientraitance") == ["in-title", "in-summary", "in-body"]


def test_an_evaluated_practice_comes_first_among_equal_matches(ranked_documents):
    assert ranking(ranked_documents, "cellule gérontologique")[:2] == [
        "evaluated-sheet",
        "plain-sheet",
    ]


def test_being_evaluated_does_not_lift_a_passing_mention_above_a_title(ranked_documents):
    found = ranking(ranked_documents, "cellule gérontologique")

    assert found.index("plain-sheet") < found.index("evaluated-body-only")


def test_a_recent_document_comes_first_among_equal_matches(ranked_documents):
    found = ranking(ranked_documents, "atelier musicothérapie")

    assert found[:2] == ["recent-sheet", "old-sheet"]


def test_being_recent_does_not_lift_a_passing_mention_above_a_title(ranked_documents):
    found = ranking(ranked_documents, "musicothérapie")

    assert found.index("old-title") < found.index("recent-body-only")


def test_words_side_by_side_rank_above_the_same_words_apart(ranked_documents):
    found = ranking(ranked_documents, "ludothèque itinérante")

    assert found[:2] == ["words-side-by-side", "words-apart"]


@pytest.mark.parametrize("word", ["ergothérapie", "hippothérapie", "équithérapie"])
def test_a_word_is_found_after_any_apostrophe(ranked_documents, word):
    assert ranking(ranked_documents, word) == ["rare-apostrophes"]
