"""The autocomplete endpoint: titles and tags of the visitor's language, as JSON."""

import pytest

pytestmark = pytest.mark.django_db


def suggestions(client, text, path="/recherche/suggestions/"):
    response = client.get(path, {"q": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_titles_and_tags_starting_with_the_words(client, corpus):
    found = suggestions(client, "rép")

    pages = [item for item in found if item["kind"] == "page"]
    tags = [item["label"] for item in found if item["kind"] == "tag"]
    assert {
        "label": "Unité de répit pour jeunes adultes en Occitanie",
        "url": corpus["Unité de répit pour jeunes adultes en Occitanie"].url,
        "kind": "page",
        "type": "Fiche action",
    } in pages
    assert "répit" in tags


def test_a_tag_suggestion_leads_to_the_search_filtered_on_it(client, corpus):
    tag = next(item for item in suggestions(client, "équipe mob") if item["kind"] == "tag")

    assert tag["label"] == "équipe mobile"
    response = client.get(tag["url"])
    assert "Équipe mobile ITEP en Seine-Maritime" in response.content.decode()


def test_the_last_word_may_be_unfinished_and_unaccented(client, corpus):
    labels = [item["label"] for item in suggestions(client, "equipe mob")]

    assert labels[0] == "Équipe mobile ITEP en Seine-Maritime"


def test_english_suggestions_come_from_english_documents(client, corpus):
    labels = [item["label"] for item in suggestions(client, "resp", "/en/recherche/suggestions/")]

    assert "Respite unit for young adults in Occitanie" in labels
    assert "respite" in labels
    assert not any("répit" in label for label in labels)


def test_at_most_eight_suggestions(client, corpus):
    found = suggestions(client, "coordination")

    assert len(found) == 8


def test_one_letter_suggests_nothing(client, corpus):
    assert suggestions(client, "r") == []


def test_the_answer_says_how_many_suggestions_for_screen_readers(client, corpus):
    answer = client.get("/recherche/suggestions/", {"q": "coordination"}).json()

    assert answer["status"].startswith("8 suggestions")
