"""Filters as small expression trees over the keyword fields of the flat search document.

`Terms`, `AllOf`, `AnyOf` and `Not` say which documents a filter keeps; each
backend translates them into its own query language, and Python evaluates them
too (the database backend counts territories that way). Territory rules live
here because région and département codes share one field.
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


class Territories:
    """Territory rules: which documents belong to a région or a département.

    A document's `territories` hold the INSEE codes of its régions and
    départements together, and the two lists share codes: "76" is Occitanie and
    Seine-Maritime, "11" Île-de-France and Aude. A document of a département
    also carries its région's code, which tells the two readings apart.
    """

    def __init__(self, region_of_department):
        self.region_of_department = dict(region_of_department)
        self.departments_of_region = {}
        for department, region in self.region_of_department.items():
            self.departments_of_region.setdefault(region, []).append(department)

    @classmethod
    def load(cls):
        from kb.models import Department

        return cls(Department.objects.values_list("code", "region__code"))

    @property
    def regions(self):
        return sorted(self.departments_of_region)

    @property
    def departments(self):
        return sorted(self.region_of_department)

    @property
    def homonym_departments(self):
        """Départements whose code is also a région's: only a rule can count them."""
        return sorted(set(self.region_of_department) & set(self.departments_of_region))

    def region(self, code):
        rule = Terms("territories", (code,))
        homonym_region = self.region_of_department.get(code)
        if homonym_region is None:
            return rule
        # Here for the région, unless the code only came with the homonym
        # département (whose own région is then present and none of ours).
        own_departments = tuple(self.departments_of_region.get(code, ()))
        return AllOf(
            (
                rule,
                AnyOf(
                    (
                        Terms("territories", own_departments),
                        Not(Terms("territories", (homonym_region,))),
                    )
                ),
            )
        )

    def department(self, code):
        rule = Terms("territories", (code,))
        if code not in self.departments_of_region:
            return rule
        # A département whose code is also a région's: its own région must be there too.
        return AllOf((rule, Terms("territories", (self.region_of_department[code],))))


def combined(expressions, leave_out=None):
    """All of `expressions` ({name: expression}) but `leave_out`, or None when none is left."""
    parts = tuple(expression for name, expression in expressions.items() if name != leave_out)
    return AllOf(parts) if parts else None
