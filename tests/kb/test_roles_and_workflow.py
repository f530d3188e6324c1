"""Who writes, who reviews, who publishes: the groups and the review workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowState

from kb.models import ContentPage

pytestmark = pytest.mark.django_db

WORKFLOW = "Relecture éditoriale"


@pytest.fixture
def draft(home_page_fr, contributor):
    """A practice write-up a contributor has just saved, not yet submitted."""
    page = ContentPage(
        title="Unité de répit pour jeunes adultes", slug="unite-de-repit", live=False
    )
    home_page_fr.add_child(instance=page)
    page.save_revision(user=contributor)
    return page


def admin_add_url(parent):
    return f"/admin/pages/add/kb/contentpage/{parent.pk}/"


def page_form_data(title, slug, action):
    return {
        "title": title,
        "slug": slug,
        "intro": "",
        "body-count": "0",
        "easy_read_body-count": "0",
        action: "1",
    }


def test_home_page_is_reviewed_by_the_editorial_workflow(home_page_fr, draft):
    assert home_page_fr.get_workflow().name == WORKFLOW
    assert draft.get_workflow().name == WORKFLOW


def test_contributor_can_write_and_submit_but_not_publish(contributor, home_page_fr, draft):
    assert home_page_fr.permissions_for_user(contributor).can_add_subpage()
    permissions = draft.permissions_for_user(contributor)
    assert permissions.can_edit()
    assert not permissions.can_publish()

    state = draft.get_workflow().start(draft, contributor)

    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task = state.current_task_state.task.specific
    assert task.get_actions(draft, contributor) == []
    draft.refresh_from_db()
    assert not draft.live


def test_editor_approves_and_the_page_goes_live(contributor, editor, draft):
    state = draft.get_workflow().start(draft, contributor)
    task_state = state.current_task_state
    assert draft.permissions_for_user(editor).can_publish()
    assert "approve" in [name for name, *_ in task_state.task.specific.get_actions(draft, editor)]

    task_state.approve(user=editor)

    draft.refresh_from_db()
    state.refresh_from_db()
    assert draft.live
    assert state.status == WorkflowState.STATUS_APPROVED
    assert draft.live_revision.user == contributor


def test_contributor_submits_through_the_admin(client, contributor, home_page_fr):
    client.force_login(contributor)
    assert client.get("/admin/").status_code == 200
    assert client.get(admin_add_url(home_page_fr)).status_code == 200

    response = client.post(
        admin_add_url(home_page_fr),
        page_form_data("Équipe mobile autisme", "equipe-mobile", "action-submit"),
    )

    assert response.status_code == 302
    page = Page.objects.get(slug="equipe-mobile")
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == WORKFLOW


def test_contributor_asking_to_publish_through_the_admin_only_saves_a_draft(
    client, contributor, home_page_fr
):
    client.force_login(contributor)

    client.post(
        admin_add_url(home_page_fr),
        page_form_data("Formation croisée", "formation-croisee", "action-publish"),
    )

    page = Page.objects.get(slug="formation-croisee")
    assert not page.live
    assert page.live_revision is None


def test_editor_approves_through_the_admin(client, contributor, editor, draft):
    task_state = draft.get_workflow().start(draft, contributor).current_task_state
    approve_url = f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/"

    client.force_login(contributor)
    refused = client.post(approve_url)
    draft.refresh_from_db()
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert not draft.live

    client.force_login(editor)
    approved = client.post(approve_url)

    assert (approved.status_code, approved["Location"]) == (302, f"/admin/pages/{draft.pk}/edit/")
    draft.refresh_from_db()
    assert draft.live


def test_anonymous_visitor_is_sent_to_the_site_sign_in_for_the_admin(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/comptes/login/?next=/admin/"


def test_signed_up_member_without_a_role_cannot_enter_the_admin(client, member):
    client.force_login(member)

    home = client.get("/admin/")
    explorer = client.get(f"/admin/pages/{Page.objects.get(depth=1).pk}/")

    assert home.status_code == 403
    assert explorer.status_code == 403


@pytest.mark.parametrize("group", ["Contributeurs", "Éditeurs", "Modérateurs"])
def test_each_role_group_may_enter_the_admin(group):
    assert Group.objects.get(name=group).permissions.filter(codename="access_admin").exists()
