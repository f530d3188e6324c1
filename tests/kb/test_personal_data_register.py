"""Every column that points at an account is in the personal-data register, exported, and
dealt with when the account closes; a model added later without its entry fails here."""

import pytest
import wagtail_factories
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from forums.models import ModerationAction, Notification
from kb import personal_data
from tests.forums.factories import MembershipFactory, PostFactory
from tests.kb.factories import UserFactory


def columns_pointing_at_accounts():
    User = get_user_model()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            # Multi-table children (every page type) inherit Page's columns: counted once.
            if field.concrete and field.related_model is User and field.model is model:
                yield f"{model._meta.label}.{field.name}", field


COLUMNS = dict(columns_pointing_at_accounts())


def test_the_register_names_every_column_that_points_at_an_account():
    missing = sorted(set(COLUMNS) - set(personal_data.user_links()))

    assert not missing, f"À ajouter au USER_LINKS de <app>/personal_data.py : {missing}"


@pytest.mark.parametrize("key", sorted(COLUMNS))
def test_closing_an_account_does_what_the_register_says(key):
    link = personal_data.user_links()[key]
    on_delete = COLUMNS[key].remote_field.on_delete

    if link.on_close == personal_data.DELETED:
        assert on_delete is models.CASCADE
    else:
        # DO_NOTHING columns are emptied by close_account itself (see the history test).
        assert on_delete in (models.SET_NULL, models.DO_NOTHING)
        assert COLUMNS[key].null


@pytest.mark.parametrize("key", sorted(COLUMNS))
def test_the_export_has_a_section_for_every_column(db, key):
    link = personal_data.user_links()[key]
    model = COLUMNS[key].model

    assert link.section in personal_data.export(UserFactory())
    fields = model._meta.concrete_fields
    assert set(link.fields) <= {f.name for f in fields} | {f.attname for f in fields}


def test_the_export_shows_what_moderators_and_notifications_hold_about_the_member(db):
    member = UserFactory()
    membership = MembershipFactory(user=member, suspension_reason="Propos blessants")
    post = PostFactory(topic__space=membership.space)
    ModerationAction.objects.create(
        space=membership.space, kind="suspend", reason="Propos blessants", member=member
    )
    Notification.objects.create(recipient=member, post=post, reason="followed")

    data = personal_data.export(member)

    assert data["space_memberships"][0]["suspension_reason"] == "Propos blessants"
    assert [a["kind"] for a in data["moderation_actions_about_me"]] == ["suspend"]
    assert [n["post_id"] for n in data["notifications"]] == [post.pk]
    assert [a["email"] for a in data["email_addresses"]] == [member.email]


def test_closing_an_account_removes_the_person_from_the_admin_history_and_their_avatar(
    settings, tmp_path, home_page_fr, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    editor = UserFactory(is_staff=True)
    page = wagtail_factories.PageFactory(parent=home_page_fr)
    PageLogEntry.objects.log_action(page, "wagtail.edit", user=editor)
    editor_pk = editor.pk
    preferences = UserProfile.get_for_user(editor)
    preferences.avatar.save("portrait.png", ContentFile(b"\x89PNG portrait"))
    avatar = tmp_path / preferences.avatar.name
    assert avatar.exists()

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.close_account(editor)

    assert not PageLogEntry.objects.filter(user_id=editor_pk).exists()
    assert PageLogEntry.objects.get(page=page, action="wagtail.edit").user_id is None
    assert not avatar.exists()
