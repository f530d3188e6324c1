"""The observatory's pages: the territorial map, the indicators dashboard, their CSV files.

The figures and the HTML drawn from them (map, tables, charts) are kept in the
database (see `snapshots`) and refreshed by a job after each publication: a
page costs its frame, not its figures, unless nobody asked for its filters yet.
"""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from kb.models.taxonomy import sort_key
from kb.navigation import breadcrumb
from practices.observatory import aggregates, snapshots, territories
from practices.observatory.selection import LEVELS, selection_for, source_locale
from practices.observatory.tables import Table, dashboard_tables


def map_table(selection, areas):
    by_region = selection.level == "region"
    level_label = _("Région") if by_region else _("Département")
    rows = [[area.name, *([] if by_region else [area.region_name]), area.count] for area in areas]
    headers = [level_label, *([] if by_region else [_("Région")]), _("Pages")]
    return Table("territoires", _("Pages publiées par territoire"), headers, rows)


def map_areas(selection):
    counts = aggregates.territory_counts(selection)
    areas, legend = territories.areas(
        selection.level, counts[selection.level], selection.listing_url
    )
    areas.sort(key=lambda area: sort_key(area.name))
    return counts, areas, legend


# The stored dashboard HTML is named after its layout: a new layout is drawn afresh
# instead of being served from fragments stored with the previous one.
DASHBOARD_FRAGMENT = "tables-html-4"


def fragment_key(selection):
    return [*aggregates.territory_key(selection), selection.level, get_language()]


def map_body(selection):
    """The map, its legend and its table as HTML, and the number of pages counted."""

    def draw():
        counts, areas, legend = map_areas(selection)
        return render_to_string(
            "practices/observatory/map_body.html",
            {
                "selection": selection,
                "areas": areas,
                "legend": legend,
                "frame": territories.map_frame(),
                "shapes_source_url": territories.SHAPES_SOURCE_URL,
                "level_label": LEVELS[selection.level],
                "csv_query": selection.query_string(),
            },
        ), counts["total"]

    return snapshots.cached("map-html", fragment_key(selection), draw)


def dashboard_body(selection):
    """The dashboard's tables and charts as HTML, labelled in the language being read."""

    def draw():
        tables = dashboard_tables(selection, Locale.get_active())
        return render_to_string(
            "practices/observatory/tables.html",
            {"tables": tables, "csv_query": selection.query_string()},
        )

    return snapshots.cached(DASHBOARD_FRAGMENT, fragment_key(selection), draw)


def map_selection(request):
    return selection_for(request)


def dashboard_selection(request):
    return selection_for(request, locale=source_locale())


@require_GET
def territorial_map(request):
    selection = map_selection(request)
    body, total = map_body(selection)
    other_level = "departement" if selection.level == "region" else "region"
    return render(
        request,
        "practices/observatory/map.html",
        {
            "selection": selection,
            "map_body": mark_safe(body),
            "total": total,
            "other_level_label": LEVELS[other_level],
            "other_level_query": selection.query_string(niveau=other_level),
            "breadcrumb": breadcrumb(
                request,
                _("Carte des pratiques"),
                [{"url": reverse("observatory_dashboard"), "title": _("Observatoire")}],
            ),
        },
    )


@require_GET
def dashboard(request):
    selection = dashboard_selection(request)
    return render(
        request,
        "practices/observatory/dashboard.html",
        {
            "selection": selection,
            "tables_html": mark_safe(dashboard_body(selection)),
            "breadcrumb": breadcrumb(request, _("Observatoire")),
        },
    )


@require_GET
def download(request, slug):
    if slug == "territoires":
        selection = map_selection(request)
        _counts, areas, _legend = map_areas(selection)
        table = map_table(selection, areas)
    else:
        selection = dashboard_selection(request)
        tables = {table.slug: table for table in dashboard_tables(selection, Locale.get_active())}
        if slug not in tables:
            raise Http404(_("Ce tableau n’existe pas."))
        table = tables[slug]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="observatoire-{slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(table.headers)
    writer.writerows([["" if cell is None else cell for cell in row] for row in table.rows])
    return response
