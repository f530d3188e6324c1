from .discussions import Post, Topic
from .moderation import ModerationAction, Report
from .spaces import Space, SpaceMembership

__all__ = ["ModerationAction", "Post", "Report", "Space", "SpaceMembership", "Topic"]
