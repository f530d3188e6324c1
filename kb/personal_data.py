"""What the site holds about a person: a JSON copy for them, and closing their account.

Each installed app declares what it holds in a `personal_data` module of its
own (this one for accounts, profiles and the libraries' tables;
`practices/personal_data.py`, `forums/personal_data.py`...), found through the
app registry:

- `USER_LINKS`, every column of its models that points at an account, with
  where the export shows it and what closing does to it;
- `sections(user)`, the export's sections it writes out itself;
- optionally `before_closing(user)`, what must be done while the account still
  exists (practices withdraws future training registrations, freeing the seats).

Closing an account then deletes the account and everything that only describes
the person (profile, e-mail addresses, memberships, follows, notifications).
Their forum posts stay, because a discussion must keep its meaning, but are
shown as from a former member; their past registrations stay as anonymous rows
so that training figures remain true.

`user_links()` is the whole register; docs/donnees-personnelles.md is its
description for people.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from kb.discovery import app_modules
from kb.models import Profile

DELETED = "deleted"
ANONYMISED = "anonymised"


@dataclass(frozen=True)
class UserLink:
    """A column that points at an account: where the export shows its rows, what closing does.

    `fields` are the columns the export copies; an empty tuple means the export
    has its own section for these rows (written out by its app's `sections`). DELETED rows
    go with the account; ANONYMISED rows stay, with the column emptied.
    """

    section: str
    on_close: str
    fields: tuple = ()


# The columns of kb's models and of the libraries' (accounts, Wagtail's admin) that
# point at an account, by "app_label.Model.field". tests/kb/test_personal_data_register.py
# walks the models and fails on a column missing from the register: a new model
# cannot be forgotten.
USER_LINKS = {
    # Accounts (Django, allauth, Wagtail's admin preferences)
    "auth.User_groups.user": UserLink("account", DELETED),
    "auth.User_user_permissions.user": UserLink("account", DELETED),
    "account.EmailAddress.user": UserLink(
        "email_addresses", DELETED, ("email", "verified", "primary")
    ),
    "mfa.Authenticator.user": UserLink(
        "two_factor_authenticators", DELETED, ("type", "created_at", "last_used_at")
    ),
    "kb.Profile.user": UserLink("profile", DELETED),
    "wagtailusers.UserProfile.user": UserLink(
        "admin_preferences",
        DELETED,
        ("preferred_language", "current_time_zone", "avatar", "theme", "contrast", "density"),
    ),
    "wagtailcore.APIToken.user": UserLink(
        "api_tokens", DELETED, ("name", "prefix", "created", "revoked_at", "last_used_at")
    ),
    # Editorial work in Wagtail's admin: the pages and their history stay, unsigned.
    "wagtailcore.Page.owner": UserLink("pages_owned", ANONYMISED, ("title", "first_published_at")),
    "wagtailcore.Page.locked_by": UserLink("pages_locked", ANONYMISED, ("title", "locked_at")),
    "wagtailcore.Revision.user": UserLink("revisions", ANONYMISED, ("object_str", "created_at")),
    "wagtailcore.PageLogEntry.user": UserLink(
        "page_history", ANONYMISED, ("label", "action", "timestamp")
    ),
    "wagtailcore.ModelLogEntry.user": UserLink(
        "admin_history", ANONYMISED, ("label", "action", "timestamp")
    ),
    "admin.LogEntry.user": UserLink(
        "django_admin_history", DELETED, ("object_repr", "action_time", "change_message")
    ),
    "wagtailcore.WorkflowState.requested_by": UserLink(
        "reviews_requested", ANONYMISED, ("object_id", "status", "created_at")
    ),
    "wagtailcore.TaskState.finished_by": UserLink(
        "reviews_done", ANONYMISED, ("status", "finished_at", "comment")
    ),
    "wagtailcore.Comment.user": UserLink("admin_comments", DELETED, ("text", "created_at")),
    "wagtailcore.Comment.resolved_by": UserLink(
        "admin_comments_resolved", ANONYMISED, ("text", "resolved_at")
    ),
    "wagtailcore.CommentReply.user": UserLink(
        "admin_comment_replies", DELETED, ("text", "created_at")
    ),
    "wagtailcore.PageSubscription.user": UserLink(
        "page_subscriptions", DELETED, ("page_id", "comment_notifications")
    ),
    "wagtailcore.UploadedFile.uploaded_by_user": UserLink("uploads", ANONYMISED, ("file",)),
    "wagtaildocs.Document.uploaded_by_user": UserLink(
        "documents_uploaded", ANONYMISED, ("title", "created_at")
    ),
    "wagtailimages.Image.uploaded_by_user": UserLink(
        "images_uploaded", ANONYMISED, ("title", "created_at")
    ),
    "wagtailadmin.EditingSession.user": UserLink(
        "editing_sessions", DELETED, ("object_id", "last_seen_at")
    ),
    "wagtailadmin.FormState.user": UserLink(
        "form_drafts", DELETED, ("object_id", "last_updated_at")
    ),
    "wagtail_localize.StringTranslation.last_translated_by": UserLink(
        "translations", ANONYMISED, ("data", "updated_at")
    ),
    "wagtail_localize.SegmentOverride.last_translated_by": UserLink(
        "translation_overrides", ANONYMISED, ("data_json", "updated_at")
    ),
}


def declarations():
    """The `personal_data` module of every installed app that has one."""
    return app_modules("personal_data")


def user_links():
    """The whole register: every app's USER_LINKS together."""
    return {key: link for module in declarations() for key, link in module.USER_LINKS.items()}


def installed_links():
    """(model, field name, link) for each entry of the register whose app is installed."""
    for key, link in user_links().items():
        label, field_name = key.rsplit(".", 1)
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        yield model, field_name, link


def iso(moment):
    return moment.isoformat() if moment else None


def plain(value):
    """A column's value as JSON gives it."""
    if isinstance(value, FieldFile):
        return value.name or None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def listed_sections(user):
    """The export's sections that copy columns (see UserLink.fields)."""
    sections = {}
    for model, field_name, link in installed_links():
        if link.fields:
            rows = model._base_manager.filter(**{field_name: user}).order_by("pk")
            sections.setdefault(link.section, []).extend(
                {name: plain(getattr(row, name)) for name in link.fields} for row in rows
            )
    return sections


def export(user):
    """Everything the site holds about `user`, as plain JSON-ready data."""
    data = {"exported_at": iso(timezone.now())}
    for module in declarations():
        data.update(module.sections(user))
    return {**data, **listed_sections(user)}


def close_account(user):
    """Delete the account; what others still need stays, with nothing personal left."""
    for module in declarations():
        if hasattr(module, "before_closing"):
            module.before_closing(user)
    with transaction.atomic():
        # Wagtail's avatar is a file: deleting its row would leave the picture on disk.
        for preferences in user_admin_profiles(user):
            avatar = preferences.avatar
            transaction.on_commit(lambda avatar=avatar: avatar.storage.delete(avatar.name))
        # Wagtail's history tables keep their column when the account goes
        # (DO_NOTHING): the person is taken out of them here.
        for model, field_name, link in installed_links():
            field = model._meta.get_field(field_name)
            if link.on_close == ANONYMISED and field.remote_field.on_delete is models.DO_NOTHING:
                model._base_manager.filter(**{field_name: user}).update(**{field_name: None})
        user.delete()


def sections(user):
    """kb's own sections: the account and the profile."""
    profile = Profile.objects.filter(user=user).select_related("territory").first()
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
        },
        "profile": {
            "role": profile.role,
            "organisation": profile.organisation,
            "department": profile.territory.code if profile.territory else None,
        }
        if profile
        else None,
    }


def user_admin_profiles(user):
    from wagtail.users.models import UserProfile

    return UserProfile.objects.filter(user=user).exclude(avatar="")
