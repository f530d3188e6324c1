from .discussions import Post, Topic
from .spaces import Space, SpaceMembership

__all__ = ["Post", "Space", "SpaceMembership", "Topic"]
