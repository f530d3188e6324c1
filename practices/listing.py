"""What the practices index pages show: filtered, paginated results and the filter form.

The filters are the site's (`kb.filters`) and the practices lists' own (`practices.filters`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from kb.content_version import kept
from kb.filters import (
    apply_request,
    matching,
    narrow_departments,
    page_number,
    term_filter,
    territory_filters,
)
from kb.models import Audience, EstablishmentType, Theme
from kb.models.taxonomy import localized_terms
from kb.navigation import locale_id
from practices.filters import (
    easy_read_filter,
    status_filter,
    tag_filter,
    type_filter,
    year_filter,
)
from practices.kinds import KIND_MODELS, kind_label, sessions_of
from practices.models import ExperimentIndexPage, PracticeSheetIndexPage, TrainingOfferIndexPage

RESULTS_PER_PAGE = 12

INDEX_KINDS = {
    PracticeSheetIndexPage: ("sheet",),
    ExperimentIndexPage: ("experiment",),
    TrainingOfferIndexPage: ("training",),
}


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


def section_pages(index_page, kinds):
    """Live, public pages of the index's language under it, aliases left out."""
    pages = (
        Page.objects.live().public().filter(locale_id=index_page.locale_id, alias_of__isnull=True)
    )
    return pages.descendant_of(index_page) if len(kinds) > 1 else pages.child_of(index_page)


def of_kinds(kinds, conditions=()):
    """Which pages of each kind match every condition, or None when none can."""
    return matching(kinds, conditions, lambda kind: KIND_MODELS[kind].objects.all())


def result_for(page, kind, theme_terms, sessions_by_offer):
    result = Result(
        page=page,
        kind=kind,
        kind_label=str(kind_label(kind)),
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
    """The pages of one result page, each with what its card shows, in listing order.

    The same for every reader: kept until the content changes or, in a list of
    trainings, until the first session said to come starts.
    """

    def read():
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

    def until(results):
        return min((result.date for result in results if result.upcoming), default=None)

    parts = [get_language(), *kinds, ",".join(map(str, page_ids))]
    return kept("results", parts, read, until=until)


def source_only(page, kinds, section):
    """How many pages of a translated listing exist only in the source language, and where.

    None on the source listing, or when everything is translated.
    """
    source_locale = locale_id(settings.LANGUAGE_CODE)
    if page.locale_id == source_locale:
        return None
    source = page.get_translation_or_none(source_locale)
    if source is None or source.pk == page.pk or not source.live:
        return None
    untranslated = (
        section_pages(source, kinds)
        .filter(of_kinds(kinds))
        .exclude(translation_key__in=section.values("translation_key"))
    )
    count = untranslated.count()
    if not count:
        return None
    return {"count": count, "url": source.url, "language": source.locale.language_code}


def listing_context(request, page):
    """Everything an index page template needs: results, pagination, filter form."""
    kinds = INDEX_KINDS.get(type(page), tuple(KIND_MODELS))
    section = section_pages(page, kinds)
    listed_pks = section.filter(of_kinds(kinds)).values("pk")
    theme_terms = localized_terms(Theme, page.locale_id)

    filters = [
        *([type_filter(kinds)] if len(kinds) > 1 else []),
        # Boxes to tick rather than a select: theme names are long, and a select would cut them.
        term_filter(
            "theme", _("Thème"), _("Tous les thèmes"), theme_terms, "themes", multiple=True
        ),
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
        tag_filter(kinds, listed_pks, page.pk),
        *([status_filter()] if "sheet" in kinds else []),
        year_filter(kinds, listed_pks, page.pk),
        easy_read_filter(),
    ]
    conditions, applied = apply_request(request, filters)
    narrow_departments(filters)

    matching = of_kinds(kinds, conditions)
    results = section.filter(matching) if matching is not None else section.none()
    results = results.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    paginator = Paginator(results.values_list("pk", flat=True), RESULTS_PER_PAGE)
    page_obj = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))

    return {
        "source_only": source_only(page, kinds, section),
        "results": fetch_results(list(page_obj.object_list), kinds, theme_terms),
        "result_count": paginator.count,
        "page_obj": page_obj,
        "filters": filters,
        "applied_filters": [item for item in applied if not item.ignored],
        "ignored_filters": [item for item in applied if item.ignored],
        "clear_filters_url": request.path if applied else "",
    }
