"""An engine that does not answer: the visitor is told so, never shown an error."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search.models import ZeroResultQuery
from search.related import related_pages
from tests.search.helpers import html, result_titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/recherche/", "La recherche est momentanément indisponible"),
        ("/en/recherche/", "Search is temporarily unavailable"),
    ],
)
def test_search_page_says_search_is_unavailable(client, unreachable_engine, path, message):
    response = client.get(path, {"q": "répit", "theme": "jeunes-adultes"})

    assert response.status_code == 200
    alert = html(response).find(class_="fr-alert")
    assert message in alert.get_text()
    assert result_titles(response) == []
    content = response.content.decode()
    assert "Connection" not in content
    assert "127.0.0.1:9" not in content


def test_unavailable_search_records_no_zero_result_query(client, unreachable_engine):
    client.get("/recherche/", {"q": "zorglub"})

    assert not ZeroResultQuery.objects.exists()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/recherche/suggestions/", "Les suggestions sont momentanément indisponibles."),
        ("/en/recherche/suggestions/", "Suggestions are temporarily unavailable."),
    ],
)
def test_suggestions_answer_503_with_a_json_error(client, unreachable_engine, path, message):
    response = client.get(path, {"q": "répit"})

    assert response.status_code == 503
    assert response.json() == {"error": message}


def test_related_content_falls_back_to_shared_themes_and_tags(corpus, unreachable_engine):
    unit = corpus["Unité de répit pour jeunes adultes en Occitanie"]

    related = related_pages(unit, AnonymousUser())

    assert corpus["Plateforme de répit en Île-de-France"] in related
    assert unit not in related
