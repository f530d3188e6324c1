"""Whatever is typed or put in the address, the search answers normally.

Each of these reaches the backend under test, so a query syntax error, an
engine refusal or a database error would show here: as a 500, or as the
"temporarily unavailable" message that the page gives when the backend fails.
"""

import pytest

from tests.search.helpers import result_titles

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    '"',
    '"répit',
    "répit\"'",
    "(répit",
    "répit)",
    "[itep] {sessad}",
    "itep AND OR NOT sessad",
    "NOT",
    "AND",
    "OR OR OR",
    "NEAR(itep sessad)",
    "title:répit",
    "*",
    "répit*",
    "~répit~2",
    "\\",
    "répit\\",
    "+itep -sessad || ime && mas",
    "^2 /regex/ <> !",
    "a" * 10_000,
    "répit " * 2_000,
    "\x00\x01\x1b[31m",
    "répit\u202ejeunes\u200b",
    "😀🧠 répit 👩‍👩‍👧",
    "' OR 1=1 --",
    "'; DROP TABLE search_indexeddocument; --",
    "<script>alert(1)</script>",
    "{{suggestion}} {{#x}}",
    "%00%27",
    "l’ ’ ' d'",
    "   ",
    "le la les de des",
]

BAD_PARAMETERS = [
    {"theme": "n-existe-pas"},
    {"theme": "'; DROP TABLE --"},
    {"tag": "{{#section}}"},
    {"tag": "x" * 5_000},
    {"region": "999"},
    {"departement": "2C"},
    {"year": "abcd"},
    {"year": "99999999999999999999"},
    {"type": "<script>"},
    {"status": "*"},
    {"sort": "published_at; DROP"},
    {"page": "99999999999999999999"},
    {"page": "-1"},
    {"page": "1.5"},
    {"page": ""},
    {"q": "répit", "page": "500"},
]

UNAVAILABLE = {
    "fr": "La recherche est momentanément indisponible",
    "en": "Search is temporarily unavailable",
}


def assert_answers_normally(response, language):
    assert response.status_code == 200
    content = response.content.decode()
    assert UNAVAILABLE[language] not in content
    assert "Traceback" not in content


@pytest.mark.parametrize("path", ["/recherche/", "/en/recherche/"])
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_any_text_gets_a_normal_answer(client, corpus, path, query):
    language = "en" if path.startswith("/en/") else "fr"

    assert_answers_normally(client.get(path, {"q": query}), language)


@pytest.mark.parametrize("params", BAD_PARAMETERS)
def test_any_filter_or_page_gets_a_normal_answer(client, corpus, params):
    assert_answers_normally(client.get("/recherche/", params), "fr")


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_any_text_gets_suggestions_or_none(client, corpus, query):
    response = client.get("/recherche/suggestions/", {"q": query})

    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_words_around_the_syntax_are_still_searched(client, corpus):
    response = client.get("/recherche/", {"q": '"répit" (Occitanie)*'})

    assert result_titles(response) == ["Unité de répit pour jeunes adultes en Occitanie"]
