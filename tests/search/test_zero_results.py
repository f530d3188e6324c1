"""When nothing is found: help to find something, and a note of what the base lacks."""

import pytest

from search.models import ZeroResultQuery
from tests.search.helpers import html, result_titles, text_of

pytestmark = pytest.mark.django_db


def test_words_that_find_nothing_get_advice(client, corpus):
    response = client.get("/recherche/", {"q": "zorglub"})

    assert response.status_code == 200
    assert result_titles(response) == []
    assert "Aucun contenu ne contient « zorglub »." in text_of(response)
    assert "vérifiez l’orthographe des mots" in text_of(response)


def test_a_query_that_finds_nothing_is_counted_without_who_typed_it(
    client, corpus, django_user_model
):
    client.force_login(django_user_model.objects.create_user("lea", "lea@exemple.fr", "x" * 12))
    client.get("/recherche/", {"q": "Zorglub  Marsupilami"}, REMOTE_ADDR="203.0.113.9")
    client.get("/recherche/", {"q": "zorglub marsupilami"})
    client.get("/en/recherche/", {"q": "zorglub marsupilami"})

    rows = list(ZeroResultQuery.objects.values().order_by("language"))
    assert [(row["query"], row["language"], row["count"]) for row in rows] == [
        ("zorglub marsupilami", "en", 1),
        ("zorglub marsupilami", "fr", 2),
    ]
    assert set(rows[0]) == {"id", "query", "language", "count", "last_seen"}


def test_queries_with_results_are_not_recorded(client, corpus):
    client.get("/recherche/", {"q": "répit"})
    client.get("/recherche/")

    assert not ZeroResultQuery.objects.exists()


def test_too_many_filters_suggest_removing_them(client, corpus):
    response = client.get("/recherche/", {"q": "répit", "theme": "scolarisation"})
    clear = next(
        a for a in html(response).select("a.fr-btn") if "sans aucun filtre" in a.get_text()
    )

    assert result_titles(response) == []
    assert "Sans les filtres, la recherche donne 3 résultats." in text_of(response)
    assert len(result_titles(client.get(clear["href"]))) == 3
    # The words do find documents: the knowledge base lacks nothing here.
    assert not ZeroResultQuery.objects.exists()


def test_words_finding_nothing_even_without_filters_are_recorded(client, corpus):
    response = client.get("/recherche/", {"q": "zorglub", "theme": "scolarisation"})

    assert "Aucun contenu ne correspond à tous ces filtres." in text_of(response)
    assert ZeroResultQuery.objects.get().query == "zorglub"
