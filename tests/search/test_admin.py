"""Search in the admin: glossary, promoted results, and zero-result queries read-only."""

import pytest
from django.urls import reverse

from search.models import GlossaryTerm, PromotedResult, ZeroResultQuery
from tests.kb.factories import UserFactory
from tests.search.helpers import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(email="admin@exemple.fr", is_staff=True, is_superuser=True))
    return client


def snippet_url(model, action, *args):
    return reverse(f"wagtailsnippets_search_{model._meta.model_name}:{action}", args=args)


def test_glossary_terms_are_listed_and_editable(admin_client):
    term = GlossaryTerm.objects.get(acronym="ITEP")

    assert "ITEP" in text_of(admin_client.get(snippet_url(GlossaryTerm, "list"), {"q": "ITEP"}))
    assert admin_client.get(snippet_url(GlossaryTerm, "edit", term.pk)).status_code == 200


def test_a_promoted_result_is_saved_with_its_query_normalised(admin_client, home_page_fr):
    response = admin_client.post(
        snippet_url(PromotedResult, "add"),
        {"query": "  L’ITEP ", "page": home_page_fr.pk, "position": 1},
    )

    assert response.status_code == 302
    assert PromotedResult.objects.get().query == "l'itep"


def test_zero_result_queries_are_listed_but_cannot_be_written(admin_client):
    row = ZeroResultQuery.objects.create(query="zorglub", language="fr", count=4)

    listing = admin_client.get(snippet_url(ZeroResultQuery, "list"))
    assert "zorglub" in text_of(listing)
    assert admin_client.get(snippet_url(ZeroResultQuery, "inspect", row.pk)).status_code == 200
    assert admin_client.get(snippet_url(ZeroResultQuery, "add")).status_code in (302, 403)
    assert admin_client.get(snippet_url(ZeroResultQuery, "edit", row.pk)).status_code in (302, 403)


def test_zero_result_queries_can_be_cleared(admin_client):
    row = ZeroResultQuery.objects.create(query="zorglub", language="fr", count=4)

    admin_client.post(snippet_url(ZeroResultQuery, "delete", row.pk))

    assert not ZeroResultQuery.objects.exists()
