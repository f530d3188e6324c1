"""The API's document search matches titles and never fails on what people type."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection


@pytest.fixture
def documents(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    for title in ["Guide du répit", "Charte des espaces"]:
        document = get_document_model()(title=title, collection=root)
        document.file.save("document.pdf", ContentFile(b"%PDF-1.4 contenu"), save=True)


@pytest.mark.parametrize("query", ["'", '"', "répit'", "OR AND", "*", "(", "NEAR(", "\\", "%"])
def test_a_document_search_with_odd_characters_answers_normally(client, documents, query):
    response = client.get("/api/v2/documents/", {"search": query})

    assert response.status_code in (200, 400)
    assert "items" in response.json() or "message" in response.json()


def test_a_document_search_finds_documents_by_the_words_of_their_title(client, documents):
    response = client.get("/api/v2/documents/", {"search": "répit GUIDE"})

    assert [item["title"] for item in response.json()["items"]] == ["Guide du répit"]
