"""Mistyped addresses and odd parameters get a proper page, never a server error."""

import pytest

from tests.kb.helpers import html, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/de/", "/xx/quelque-chose/", "/page-disparue/"])
def test_unknown_address_shows_the_french_not_found_page(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert html(response).html["lang"] == "fr"
    assert "Page non trouvée" in text_of(response)


def test_unknown_english_address_shows_the_english_not_found_page(client):
    response = client.get("/en/missing-page/")

    assert response.status_code == 404
    assert html(response).html["lang"] == "en"
    assert "Page not found" in text_of(response)


def test_admin_edit_of_a_page_that_does_not_exist_is_not_found(client, superuser):
    client.force_login(superuser)

    response = client.get("/admin/pages/999999/edit/")

    assert response.status_code == 404


@pytest.mark.parametrize("page_number", ["abc", "-1", "0", "999", "1.5", ""])
def test_search_with_odd_page_number_still_answers(client, page_number):
    response = client.get("/recherche/", {"q": "répit", "page": page_number})

    assert response.status_code == 200
