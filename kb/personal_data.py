"""What the site holds about a person: a JSON copy for them, and closing their account.

Closing an account withdraws its future training registrations (freeing the
seats), then deletes the account and everything that only describes the person
(profile, e-mail addresses, memberships, follows, notifications). Their forum
posts stay, because a discussion must keep its meaning, but are shown as from
a former member; their past registrations stay as anonymous rows so that
training figures remain true.

USER_LINKS is the register of every column that points at an account, with
where the export shows it and what closing does to it; docs/donnees-personnelles.md
is its description for people.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from forums.models import Follow, NotificationSettings, Post, Report, SpaceMembership
from kb.models import Profile
from practices import registrations
from practices.models import TrainingRegistration

DELETED = "deleted"
ANONYMISED = "anonymised"


@dataclass(frozen=True)
class UserLink:
    """A column that points at an account: where the export shows its rows, what closing does.

    `fields` are the columns the export copies; an empty tuple means the export
    has its own section for these rows (written out in `export`). DELETED rows
    go with the account; ANONYMISED rows stay, with the column emptied.
    """

    section: str
    on_close: str
    fields: tuple = ()


# Every column of every installed model that points at an account, by
# "app_label.Model.field". tests/kb/test_personal_data_register.py walks the models
# and fails on a column missing here: a new model cannot be forgotten.
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
    # Peer-exchange spaces
    "forums.SpaceMembership.user": UserLink("space_memberships", DELETED),
    "forums.Topic.author": UserLink("topics", ANONYMISED, ("title", "created_at")),
    "forums.Post.author": UserLink("posts", ANONYMISED),
    "forums.Report.reporter": UserLink("reports", ANONYMISED),
    "forums.Report.resolved_by": UserLink(
        "reports_handled", ANONYMISED, ("reason", "outcome", "resolved_at")
    ),
    "forums.ModerationAction.moderator": UserLink(
        "moderation_actions_taken", ANONYMISED, ("kind", "reason", "created_at")
    ),
    "forums.ModerationAction.member": UserLink(
        "moderation_actions_about_me", ANONYMISED, ("kind", "reason", "created_at")
    ),
    "forums.Follow.user": UserLink("follows", DELETED),
    "forums.NotificationSettings.user": UserLink("notification_settings", DELETED),
    "forums.Notification.recipient": UserLink(
        "notifications", DELETED, ("post_id", "reason", "created_at", "read_at", "mailed_at")
    ),
    "forums.SentMail.user": UserLink("mails_sent", DELETED, ("sent_at",)),
    "forums.TopicReading.user": UserLink("topic_readings", DELETED, ("topic_id", "read_at")),
    "forums.CitationConsent.user": UserLink(
        "citation_consents", DELETED, ("topic_id", "answer", "asked_at", "answered_at")
    ),
    # Training offers
    "practices.TrainingRegistration.user": UserLink("training_registrations", ANONYMISED),
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


def installed_links():
    """(model, field name, link) for each entry of USER_LINKS whose app is installed."""
    for key, link in USER_LINKS.items():
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
    profile = Profile.objects.filter(user=user).select_related("territory").first()
    preferences = NotificationSettings.objects.filter(user=user).first()
    return {
        "exported_at": iso(timezone.now()),
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
        "space_memberships": [
            {
                "space": membership.space.name,
                "role": membership.role,
                "status": membership.status,
                "request_message": membership.request_message,
                "charter_accepted_at": iso(membership.charter_accepted_at),
                "suspended_until": iso(membership.suspended_until),
                "suspension_reason": membership.suspension_reason,
            }
            for membership in SpaceMembership.objects.filter(user=user).select_related("space")
        ],
        "posts": [
            {
                "space": post.topic.space.name,
                "topic": post.topic.title,
                "body": post.body,
                "anonymous": post.anonymous,
                "status": post.status,
                "created_at": iso(post.created_at),
                "edited_at": iso(post.edited_at),
                "deleted_at": iso(post.deleted_at),
            }
            for post in Post.objects.filter(author=user).select_related("topic__space")
        ],
        "reports": [
            {"post": report.post_id, "reason": report.reason, "created_at": iso(report.created_at)}
            for report in Report.objects.filter(reporter=user)
        ],
        "follows": [
            {
                "space": follow.space.name if follow.space else None,
                "topic": follow.topic.title if follow.topic else None,
            }
            for follow in Follow.objects.filter(user=user).select_related("space", "topic")
        ],  # fmt: skip
        "notification_settings": {
            "digest": preferences.digest,
            "immediate": preferences.immediate,
            "moderation_alerts_at_once": preferences.moderation_alerts_at_once,
        }
        if preferences
        else None,
        "training_registrations": [
            {
                "training": registration.session.offer.title,
                "starts_at": iso(registration.session.starts_at),
                "status": registration.status,
                "created_at": iso(registration.created_at),
            }
            for registration in TrainingRegistration.objects.filter(user=user).select_related(
                "session__offer"
            )
        ],
        **listed_sections(user),
    }


def close_account(user):
    """Delete the account; what others still need stays, with nothing personal left."""
    upcoming = TrainingRegistration.objects.filter(
        user=user, status__in=registrations.ACTIVE, session__starts_at__gt=timezone.now()
    ).select_related("session__offer")
    for registration in upcoming:
        registrations.cancel(registration, user)
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


def user_admin_profiles(user):
    from wagtail.users.models import UserProfile

    return UserProfile.objects.filter(user=user).exclude(avatar="")
