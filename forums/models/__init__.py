from .discussions import Post, PostRevision, Topic
from .moderation import ModerationAction, Report
from .spaces import Space, SpaceMembership

__all__ = [
    "ModerationAction",
    "Post",
    "PostRevision",
    "Report",
    "Space",
    "SpaceMembership",
    "Topic",
]
