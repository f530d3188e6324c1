"""The filters of the practices index pages: their choices, and the request's chosen values.

Filters are plain GET parameters, so that the form works without JavaScript and
every filtered list has an address that can be shared. A value is matched
against the choices the form offers before anything reaches a query: an
unknown value is reported back to the visitor and ignored, never an error.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from kb.models import Department
from kb.models.taxonomy import sort_key
from practices.kinds import KIND_MODELS, kind_label, sessions_of
from practices.models import PracticeSheetPage, TrainingSession

# The date that gives a sheet or an experiment its year; a training's years are
# those of its sessions.
DATE_FIELDS = {"sheet": "start_date", "experiment": "period_start"}


# A condition receives a kind and returns the Q that pages of that kind must match,
# or None when no page of that kind can match (a status asked of an experiment).
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


def of_kind(value) -> Condition:
    return lambda kind: Q() if kind == value else None


def with_status(value) -> Condition:
    return lambda kind: Q(status=value) if kind == "sheet" else None


def in_year(year) -> Condition:
    def condition(kind):
        if kind == "training":
            held = TrainingSession.objects.filter(starts_at__year=year, is_cancelled=False)
            return Q(translation_key__in=held.values("offer__translation_key"))
        return Q(**{f"{DATE_FIELDS[kind]}__year": year})

    return condition


def term_filter(name, label, empty_label, terms, lookup, multiple=False):
    choices = [
        Choice(term.slug, term.label, related_to(lookup, term.pk)) for term in terms.values()
    ]
    choices.sort(key=lambda choice: sort_key(choice.label))
    return Filter(name, label, choices, empty_label, multiple=multiple)


def territory_filters():
    departments = list(Department.objects.select_related("region"))
    regions = {department.region_id: department.region for department in departments}
    regions = sorted(regions.values(), key=lambda region: sort_key(region.display_name))
    groups = [
        ChoiceGroup(
            region.code,
            region.display_name,
            [
                Choice(department.code, str(department), related_to("departments", department.pk))
                for department in departments
                if department.region_id == region.pk
            ],
        )
        for region in regions
    ]
    return [
        Filter(
            "region",
            _("Région"),
            [Choice(region.code, region.display_name, in_region(region.pk)) for region in regions],
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


def tag_filter(kinds, listed_pks):
    throughs = (KIND_MODELS[kind]._meta.get_field("tags").through for kind in kinds)
    tagged = (through.objects.filter(content_object_id__in=listed_pks) for through in throughs)
    in_use = reduce(or_, (Q(pk__in=items.values("tag_id")) for items in tagged))
    tags = Tag.objects.filter(in_use).order_by("name")
    choices = [Choice(tag.slug, tag.name, related_to("tags", tag.pk)) for tag in tags]
    return Filter("tag", _("Mot-clé"), choices, _("Tous les mots-clés"))


def status_filter():
    statuses = PracticeSheetPage.Status.choices
    choices = [Choice(value, capfirst(label), with_status(value)) for value, label in statuses]
    return Filter("status", _("État d’avancement"), choices, _("Tous les états"))


def year_filter(kinds, listed_pks):
    dated = [
        KIND_MODELS[kind]
        .objects.filter(pk__in=listed_pks, **{f"{DATE_FIELDS[kind]}__isnull": False})
        .values_list(ExtractYear(DATE_FIELDS[kind]), flat=True)
        for kind in kinds
        if kind in DATE_FIELDS
    ]
    if "training" in kinds:
        offers = Page.objects.filter(pk__in=listed_pks).values("translation_key")
        dated.append(sessions_of(offers).values_list(ExtractYear("starts_at"), flat=True))
    first, *others = (years.order_by() for years in dated)
    years = sorted(set(first.union(*others) if others else first), reverse=True)
    choices = [Choice(str(year), str(year), in_year(year)) for year in years]
    return Filter("year", _("Année"), choices, _("Toutes les années"))


def with_easy_read(kind):
    return Q(has_easy_read=True)


def easy_read_filter():
    choices = [Choice("oui", _("Version facile à lire disponible"), with_easy_read)]
    return Filter("facile", _("Facile à lire et à comprendre (FALC)"), choices, multiple=True)


def type_filter(kinds):
    choices = [Choice(kind, kind_label(kind), of_kind(kind)) for kind in kinds]
    return Filter("type", _("Type de contenu"), choices, multiple=True)


def any_of(choices) -> Condition:
    """The condition of a filter given several values: a page matches any of them."""

    def condition(kind):
        conditions = [choice.condition(kind) for choice in choices]
        applicable = [condition for condition in conditions if condition is not None]
        return reduce(or_, applicable) if applicable else None

    return condition


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
