"""Filters as small expression trees over the keyword fields of the flat search document.

`Terms`, `AllOf`, `AnyOf` and `Not` say which documents a filter keeps; each
backend translates them into its own query language, and Python evaluates them
too (the tests read them that way).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Terms:
    """The document's `field` holds at least one of `values`."""

    field: str
    values: tuple

    def matches(self, document):
        return not document.get(self.field, set()).isdisjoint(self.values)


@dataclass(frozen=True)
class AllOf:
    parts: tuple

    def matches(self, document):
        return all(part.matches(document) for part in self.parts)


@dataclass(frozen=True)
class AnyOf:
    parts: tuple

    def matches(self, document):
        return any(part.matches(document) for part in self.parts)


@dataclass(frozen=True)
class Not:
    part: object

    def matches(self, document):
        return not self.part.matches(document)


def combined(expressions, leave_out=None):
    """All of `expressions` ({name: expression}) but `leave_out`, or None when none is left."""
    parts = tuple(expression for name, expression in expressions.items() if name != leave_out)
    return AllOf(parts) if parts else None
