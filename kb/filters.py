"""The filters of the site's lists: the choices they offer, and the values a request chose.

The practices lists, the document library and the API filter with these. Filters
are plain GET parameters, so that a form works without JavaScript and every
filtered list has an address that can be shared. A value is matched against the
choices offered before anything reaches a query: an unknown value is reported
back and ignored, never an error. The taxonomy's filters (themes, audiences,
establishment types, régions and départements) are built here for every list.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kb.content_version import kept
from kb.models import Department
from kb.models.taxonomy import sort_key

# A condition receives the kind of item a list shows (a sheet, an experiment…; None in a
# list of one kind) and returns the Q that items of that kind must match, or None when no
# item of that kind can match (a status asked of an experiment).
Condition = Callable[[str], Q | None]


@dataclass
class Choice:
    value: str
    label: str
    condition: Condition
    selected: bool = False


@dataclass
class ChoiceGroup:
    """Choices shown together under a heading, such as the départements of one région."""

    value: str
    label: str
    choices: list[Choice]
    shown: bool = True


@dataclass
class Filter:
    name: str
    label: str
    choices: list[Choice]
    empty_label: str = ""
    multiple: bool = False
    # For a long select: its choices by group, such as départements by région.
    groups: list[ChoiceGroup] = field(default_factory=list)


@dataclass
class AppliedFilter:
    label: str
    value: str
    remove_url: str
    ignored: bool = False


def related_to(lookup, pk) -> Condition:
    return lambda kind: Q(**{lookup: pk})


def in_region(pk) -> Condition:
    return lambda kind: Q(regions=pk) | Q(departments__region=pk)


def term_filter(name, label, empty_label, terms, lookup, multiple=False):
    choices = [
        Choice(term.slug, term.label, related_to(lookup, term.pk)) for term in terms.values()
    ]
    choices.sort(key=lambda choice: sort_key(choice.label))
    return Filter(name, label, choices, empty_label, multiple=multiple)


def territory_filters():
    regions = kept("territory-choices", [get_language()], territories)
    groups = [
        ChoiceGroup(
            code,
            name,
            [
                Choice(department, label, related_to("departments", pk))
                for department, label, pk in departments
            ],
        )
        for code, name, _pk, departments in regions
    ]
    return [
        Filter(
            "region",
            _("Région"),
            [Choice(code, name, in_region(pk)) for code, name, pk, _departments in regions],
            _("Toutes les régions"),
        ),
        Filter(
            "departement",
            _("Département"),
            [choice for group in groups for choice in group.choices],
            _("Tous les départements"),
            groups=groups,
        ),
    ]


def territories():
    """Régions in alphabetical order, each with its départements, as plain labelled rows:
    the same for every list and every reader, kept until the territories change."""
    departments = list(Department.objects.select_related("region"))
    regions = {department.region_id: department.region for department in departments}
    return [
        (
            region.code,
            region.display_name,
            region.pk,
            [
                (department.code, str(department), department.pk)
                for department in departments
                if department.region_id == region.pk
            ],
        )
        for region in sorted(regions.values(), key=lambda region: sort_key(region.display_name))
    ]


def narrow_departments(filters):
    """Once a région is chosen, the département list offers only its départements.

    The others stay in the page, hidden, for the script that narrows the list as
    soon as the région changes; a chosen département always stays in view.
    """
    by_name = {filter_.name: filter_ for filter_ in filters}
    region = next((choice for choice in by_name["region"].choices if choice.selected), None)
    if region is None:
        return
    for group in by_name["departement"].groups:
        group.shown = group.value == region.value or any(c.selected for c in group.choices)


def any_of(choices) -> Condition:
    """The condition of a filter given several values: a page matches any of them."""

    def condition(kind):
        conditions = [choice.condition(kind) for choice in choices]
        applicable = [condition for condition in conditions if condition is not None]
        return reduce(or_, applicable) if applicable else None

    return condition


def matching(kinds, conditions, items_of):
    """Which items of each kind meet every condition, as one Q on their primary keys, or
    None when items of no kind can. `items_of(kind)` is the queryset of a kind's items."""
    matches = []
    for kind in kinds:
        items = items_of(kind)
        for condition in conditions:
            kind_condition = condition(kind)
            if kind_condition is None:
                break
            # One filter() call per condition: two conditions on the same relation
            # (région and département) may then be met by different rows.
            items = items.filter(kind_condition)
        else:
            matches.append(Q(pk__in=items.values("pk")))
    return reduce(or_, matches) if matches else None


def url_without(request, name, value=None):
    """This list's address without one filter value (or every value of `name`), on page 1."""
    pairs = [
        (key, item)
        for key, items in request.GET.lists()
        if key != "page"
        for item in items
        if item and not (key == name and (value is None or item == value))
    ]
    return f"{request.path}?{urlencode(pairs)}" if pairs else request.path


def apply_request(request, filters):
    """Mark the chosen choices, return their conditions and what to show as applied."""
    conditions, applied = [], []
    for filter_ in filters:
        by_value = {choice.value: choice for choice in filter_.choices}
        if filter_.multiple:
            raw_values = list(dict.fromkeys(value for value in request.GET.getlist(filter_.name)))
        else:
            raw_values = [request.GET.get(filter_.name, "")]
        chosen = []
        for raw in filter(None, (value.strip() for value in raw_values)):
            choice = by_value.get(raw)
            if choice is not None:
                choice.selected = True
                chosen.append(choice)
            applied.append(
                AppliedFilter(
                    label=filter_.label,
                    value=choice.label if choice else raw,
                    remove_url=url_without(
                        request, filter_.name, raw if filter_.multiple else None
                    ),
                    ignored=choice is None,
                )
            )
        if chosen:
            conditions.append(any_of(chosen))
    return conditions, applied


def page_number(raw, num_pages):
    """The page of a list a request asks for, within the pages the list has."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), num_pages)
