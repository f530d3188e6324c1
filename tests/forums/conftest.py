from tests.forums.spaces import closed_space

__all__ = ["closed_space"]
