"""What the practices index pages show: filtered, paginated results and the filter form.

Filters are plain GET parameters, so that the form works without JavaScript and
every filtered list has an address that can be shared. A value is matched
against the choices the form offers before anything reaches a query: an
unknown value is reported back to the visitor and ignored, never an error.
"""

import datetime
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from kb.models import Audience, Department, EstablishmentType, Theme
from practices.models import (
    ExperimentIndexPage,
    ExperimentPage,
    PracticeSheetIndexPage,
    PracticeSheetPage,
    TrainingOfferIndexPage,
    TrainingOfferPage,
    TrainingSession,
)
from practices.models.base import source_locale_terms

RESULTS_PER_PAGE = 12

KIND_MODELS = {
    "sheet": PracticeSheetPage,
    "experiment": ExperimentPage,
    "training": TrainingOfferPage,
}
INDEX_KINDS = {
    PracticeSheetIndexPage: ("sheet",),
    ExperimentIndexPage: ("experiment",),
    TrainingOfferIndexPage: ("training",),
}
# The date that gives a sheet or an experiment its year; a training's years are
# those of its sessions.
DATE_FIELDS = {"sheet": "start_date", "experiment": "period_start"}


def kind_of(page):
    """The listing's name for a capitalised page's type: sheet, experiment or training."""
    for kind, model in KIND_MODELS.items():
        if isinstance(page, model):
            return kind
    return None


def kind_label(kind):
    return capfirst(KIND_MODELS[kind]._meta.verbose_name)


def sort_key(text):
    """Alphabetical order as a French reader expects it: "Île-de-France" sorts under I."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()


@dataclass(frozen=True)
class Term:
    pk: int
    slug: str
    label: str


def localized_terms(model, locale_id):
    """Source-language terms by primary key, each labelled in the language of `locale_id`.

    Pages point to the source terms. One query fetches them with their
    translations, where `.localized` would cost a query for every term shown.
    """
    rows = list(
        model.objects.filter(source_locale_terms() | Q(locale_id=locale_id)).select_related(
            "locale"
        )
    )
    translations = {row.translation_key: row for row in rows if row.locale_id == locale_id}
    return {
        row.pk: Term(row.pk, row.slug, str(translations.get(row.translation_key, row)))
        for row in rows
        if row.locale.language_code == settings.LANGUAGE_CODE
    }


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
class Filter:
    name: str
    label: str
    choices: list[Choice]
    empty_label: str = ""
    multiple: bool = False
    # For a long select: (group label, choices), such as départements by région.
    groups: list[tuple[str, list[Choice]]] = field(default_factory=list)


@dataclass
class AppliedFilter:
    label: str
    value: str
    remove_url: str
    ignored: bool = False


@dataclass
class Result:
    page: Page
    kind: str
    kind_label: str
    themes: list[str]
    territories: list[str]
    date: datetime.date | datetime.datetime | None = None
    end_date: datetime.date | None = None
    upcoming: bool = False


def related_to(lookup, pk) -> Condition:
    return lambda kind: Q(**{lookup: pk})


def in_region(pk) -> Condition:
    return lambda kind: Q(regions=pk) | Q(departments__region=pk)


def of_kind(value) -> Condition:
    return lambda kind: Q() if kind == value else None


def with_status(value) -> Condition:
    return lambda kind: Q(status=value) if kind == "sheet" else None


def sessions_of(offer_translation_keys):
    """Sessions are attached to one language's offer and shared by all its translations."""
    return TrainingSession.objects.filter(
        offer__translation_key__in=offer_translation_keys, is_cancelled=False
    )


def in_year(year) -> Condition:
    def condition(kind):
        if kind == "training":
            held = TrainingSession.objects.filter(starts_at__year=year, is_cancelled=False)
            return Q(translation_key__in=held.values("offer__translation_key"))
        return Q(**{f"{DATE_FIELDS[kind]}__year": year})

    return condition


def term_filter(name, label, empty_label, terms, lookup):
    choices = [
        Choice(term.slug, term.label, related_to(lookup, term.pk)) for term in terms.values()
    ]
    choices.sort(key=lambda choice: sort_key(choice.label))
    return Filter(name, label, choices, empty_label)


def territory_filters():
    departments = list(Department.objects.select_related("region"))
    regions = {department.region_id: department.region for department in departments}
    regions = sorted(regions.values(), key=lambda region: sort_key(region.display_name))
    groups = [
        (
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
            [choice for _region, choices in groups for choice in choices],
            _("Tous les départements"),
            groups=groups,
        ),
    ]


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


def type_filter(kinds):
    choices = [Choice(kind, kind_label(kind), of_kind(kind)) for kind in kinds]
    return Filter("type", _("Type de contenu"), choices, multiple=True)


def section_pages(index_page, kinds):
    """Live, public pages of the index's language under it, aliases left out."""
    pages = (
        Page.objects.live().public().filter(locale_id=index_page.locale_id, alias_of__isnull=True)
    )
    return pages.descendant_of(index_page) if len(kinds) > 1 else pages.child_of(index_page)


def of_kinds(kinds, conditions=()):
    """Which pages of each kind match every condition, or None when none can."""
    matches = []
    for kind in kinds:
        pages = KIND_MODELS[kind].objects.all()
        for condition in conditions:
            kind_condition = condition(kind)
            if kind_condition is None:
                break
            # One filter() call per condition: two conditions on the same relation
            # (région and département) may then be met by different rows.
            pages = pages.filter(kind_condition)
        else:
            matches.append(Q(pk__in=pages.values("pk")))
    return reduce(or_, matches) if matches else None


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


def page_number(raw, num_pages):
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), num_pages)


def result_for(page, kind, theme_terms, sessions_by_offer):
    result = Result(
        page=page,
        kind=kind,
        kind_label=kind_label(kind),
        themes=[
            theme_terms[theme.pk].label for theme in page.themes.all() if theme.pk in theme_terms
        ],
        territories=[region.display_name for region in page.regions.all()]
        + [str(department) for department in page.departments.all()],
    )
    if kind == "sheet":
        result.date = page.start_date
    elif kind == "experiment":
        result.date, result.end_date = page.period_start, page.period_end
    else:
        sessions = sessions_by_offer.get(page.translation_key, [])
        upcoming = [starts_at for starts_at in sessions if starts_at >= timezone.now()]
        if upcoming:
            result.date, result.upcoming = upcoming[0], True
        elif sessions:
            result.date = sessions[-1]
    return result


def fetch_results(page_ids, kinds, theme_terms):
    """The pages of one result page, each with what its card shows, in listing order."""
    pages = []
    for kind in kinds:
        pages += [
            (kind, page)
            for page in KIND_MODELS[kind]
            .objects.filter(pk__in=page_ids)
            .prefetch_related("themes", "regions", "departments")
        ]
    offer_keys = [page.translation_key for kind, page in pages if kind == "training"]
    sessions_by_offer = defaultdict(list)
    if offer_keys:
        starts = sessions_of(offer_keys).order_by("starts_at")
        for key, starts_at in starts.values_list("offer__translation_key", "starts_at"):
            sessions_by_offer[key].append(starts_at)
    found = {
        page.pk: result_for(page, kind, theme_terms, sessions_by_offer) for kind, page in pages
    }
    return [found[pk] for pk in page_ids if pk in found]


def listing_context(request, page):
    """Everything an index page template needs: results, pagination, filter form."""
    kinds = INDEX_KINDS.get(type(page), tuple(KIND_MODELS))
    section = section_pages(page, kinds)
    listed_pks = section.filter(of_kinds(kinds)).values("pk")
    theme_terms = localized_terms(Theme, page.locale_id)

    filters = [
        *([type_filter(kinds)] if len(kinds) > 1 else []),
        term_filter("theme", _("Thème"), _("Tous les thèmes"), theme_terms, "themes"),
        term_filter(
            "audience",
            _("Public"),
            _("Tous les publics"),
            localized_terms(Audience, page.locale_id),
            "audiences",
        ),
        *territory_filters(),
        term_filter(
            "etablissement",
            _("Type d’établissement"),
            _("Tous les types"),
            localized_terms(EstablishmentType, page.locale_id),
            "establishment_types",
        ),
        tag_filter(kinds, listed_pks),
        *([status_filter()] if "sheet" in kinds else []),
        year_filter(kinds, listed_pks),
    ]
    conditions, applied = apply_request(request, filters)

    matching = of_kinds(kinds, conditions)
    results = section.filter(matching) if matching is not None else section.none()
    results = results.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    paginator = Paginator(results.values_list("pk", flat=True), RESULTS_PER_PAGE)
    page_obj = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))

    return {
        "results": fetch_results(list(page_obj.object_list), kinds, theme_terms),
        "result_count": paginator.count,
        "page_obj": page_obj,
        "filters": filters,
        "applied_filters": [item for item in applied if not item.ignored],
        "ignored_filters": [item for item in applied if item.ignored],
        "clear_filters_url": request.path if applied else "",
    }
