"""Search in the admin: the thesaurus, promoted results, and zero-result queries read-only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from search.models import PromotedResult, SynonymGroup, ZeroResultQuery
from tests.kb.factories import UserFactory
from tests.search.helpers import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(email="admin@exemple.fr", is_staff=True, is_superuser=True))
    return client


def snippet_url(model, action, *args):
    return reverse(f"wagtailsnippets_search_{model._meta.model_name}:{action}", args=args)


def test_the_shipped_thesaurus_is_listed_and_editable(admin_client):
    group = SynonymGroup.objects.get(language="fr", forms__startswith="ITEP,")

    assert "ITEP" in text_of(admin_client.get(snippet_url(SynonymGroup, "list"), {"q": "ITEP"}))
    assert admin_client.get(snippet_url(SynonymGroup, "edit", group.pk)).status_code == 200


def test_a_group_is_saved_with_its_forms_tidied(admin_client):
    response = admin_client.post(
        snippet_url(SynonymGroup, "add"),
        {"language": "fr", "forms": " PCAN ,  plateforme  des aidants,", "broader": "répit"},
    )

    assert response.status_code == 302
    group = SynonymGroup.objects.get(forms__startswith="PCAN")
    assert group.forms == "PCAN, plateforme des aidants"
    assert group.synonyms.broader == ("répit",)


def test_a_group_of_one_form_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        snippet_url(SynonymGroup, "add"), {"language": "fr", "forms": "PCAN", "broader": ""}
    )

    assert response.status_code == 200
    assert "au moins deux formes" in text_of(response)
    assert not SynonymGroup.objects.filter(forms="PCAN").exists()


def test_editors_manage_the_thesaurus(client):
    editor = UserFactory(email="redaction@exemple.fr", is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeurs"))
    client.force_login(editor)

    assert client.get(snippet_url(SynonymGroup, "list")).status_code == 200
    response = client.post(
        snippet_url(SynonymGroup, "add"),
        {"language": "fr", "forms": "PCAN, plateforme des aidants", "broader": ""},
    )
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(forms="PCAN, plateforme des aidants").exists()


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
