"""What the peer-exchange spaces hold about a person, for the export and the account's closing.

The register's framework is `kb.personal_data`; docs/donnees-personnelles.md
describes these rows for people. Posts and moderation records stay when the
account closes, without the person: a discussion must keep its meaning.
"""

from forums.models import Follow, NotificationSettings, Post, Report, SpaceMembership
from kb.personal_data import ANONYMISED, DELETED, UserLink, iso

USER_LINKS = {
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
}


def sections(user):
    preferences = NotificationSettings.objects.filter(user=user).first()
    return {
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
    }
