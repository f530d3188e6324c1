from .discussions import Attachment, Post, PostRevision, Topic
from .moderation import ModerationAction, Report
from .spaces import Space, SpaceMembership

__all__ = [
    "Attachment",
    "ModerationAction",
    "Post",
    "PostRevision",
    "Report",
    "Space",
    "SpaceMembership",
    "Topic",
]
