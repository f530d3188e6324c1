"""What Wagtail's admin fails on when a request is hand-made answers 400 or 404, never 500."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.mark.parametrize(
    "chooser", ["wagtailimages_chooser", "wagtaildocs_chooser", "wagtailsnippetchoosers_kb_theme"]
)
def test_a_chooser_given_letters_for_an_id_answers_400(admin_client, chooser):
    response = admin_client.get(reverse(f"{chooser}:chosen", args=["NaN"]))

    assert response.status_code == 400
    assert "Requête incorrecte" in response.text


def test_choosing_pages_by_ids_that_are_not_numbers_answers_400(admin_client):
    response = admin_client.get("/admin/choose-page/chosen-multiple/?id=0x10")

    assert response.status_code == 400


def test_a_page_editor_post_with_a_broken_streamfield_counter_answers_400(admin_client, make_page):
    page = make_page()

    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Changé", "slug": page.slug, "body-count": "NaN"},
    )

    assert response.status_code == 400
    assert Page.objects.get(pk=page.pk).title == "À propos"


@pytest.mark.parametrize("next_value", ["0", "javascript"])
def test_a_next_address_that_is_a_bare_word_is_refused_before_the_page_is_deleted(
    admin_client, make_page, next_value
):
    page = make_page()

    response = admin_client.post(f"/admin/pages/{page.pk}/delete/?next={next_value}")

    assert response.status_code == 400
    assert Page.objects.filter(pk=page.pk).exists()


def test_a_next_address_that_is_a_path_is_still_followed(admin_client, make_page):
    page = make_page()

    response = admin_client.post(f"/admin/pages/{page.pk}/delete/", {"next": "/admin/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize(("parent", "status"), [("NaN", 400), ("987654321", 404)])
def test_copying_a_page_under_a_parent_that_does_not_exist_answers_4xx(
    admin_client, make_page, parent, status
):
    page = make_page()

    response = admin_client.post(
        f"/admin/pages/{page.pk}/copy/",
        {"new_title": "Copie", "new_slug": "copie", "new_parent_page": parent},
    )

    assert response.status_code == status
    assert not Page.objects.filter(slug="copie").exists()


@pytest.mark.parametrize(("number", "status"), [("NaN", 400), ("99", 404)])
def test_a_workflow_page_number_out_of_its_pages_answers_4xx(admin_client, number, status):
    workflow = Workflow.objects.first()

    response = admin_client.get(f"/admin/workflows/edit/{workflow.pk}/", {"p": number})

    assert response.status_code == status


@pytest.mark.parametrize(
    "listing",
    [
        "/admin/pages/search/results/",
        "/admin/images/results/",
        "/admin/documents/results/",
        "/admin/workflows/usage/{workflow}/results/",
    ],
)
def test_admin_searches_take_an_unbalanced_quote(admin_client, listing):
    workflow = Workflow.objects.first()

    response = admin_client.get(listing.format(workflow=workflow.pk), {"q": '"'})

    assert response.status_code == 200


def test_admin_page_search_finds_a_word_typed_with_a_quote(admin_client, make_page):
    make_page(slug="repit", title="Répit des aidants")

    response = admin_client.get("/admin/pages/search/results/", {"q": '"répit'})

    assert response.status_code == 200
    assert "Répit des aidants" in response.text
