"""What the site holds about a person: a JSON copy for them, and closing their account.

Closing an account withdraws its future training registrations (freeing the
seats), then deletes the account and everything that only describes the person
(profile, e-mail addresses, memberships, follows, notifications). Their forum
posts stay, because a discussion must keep its meaning, but are shown as from
a former member; their past registrations stay as anonymous rows so that
training figures remain true.
"""

from django.db import transaction
from django.utils import timezone

from forums.models import Follow, NotificationSettings, Post, Report, SpaceMembership
from kb.models import Profile
from practices import registrations
from practices.models import TrainingRegistration


def iso(moment):
    return moment.isoformat() if moment else None


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
    }


def close_account(user):
    """Delete the account; what others still need stays, with nothing personal left."""
    upcoming = TrainingRegistration.objects.filter(
        user=user, status__in=registrations.ACTIVE, session__starts_at__gt=timezone.now()
    ).select_related("session__offer")
    for registration in upcoming:
        registrations.cancel(registration, user)
    with transaction.atomic():
        user.delete()
