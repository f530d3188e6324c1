from .discussions import Attachment, Post, PostRevision, Topic
from .moderation import CitationConsent, ModerationAction, Report
from .notifications import Follow, Notification, NotificationSettings, SentMail, TopicReading
from .spaces import Space, SpaceMembership

__all__ = [
    "Attachment",
    "CitationConsent",
    "Follow",
    "ModerationAction",
    "Notification",
    "NotificationSettings",
    "Post",
    "PostRevision",
    "Report",
    "SentMail",
    "Space",
    "SpaceMembership",
    "Topic",
    "TopicReading",
]
