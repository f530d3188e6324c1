"""The observatory's pages: the territorial map, the indicators dashboard, their CSV files."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from kb.navigation import breadcrumb
from practices.filters import sort_key
from practices.observatory import aggregates, territories
from practices.observatory.selection import LEVELS, selection_for, source_locale
from practices.observatory.tables import Table, dashboard_tables


def map_table(selection, areas):
    level_label = _("Région") if selection.level == "region" else _("Département")
    rows = [
        [area.name, *([area.region_name] if selection.level != "region" else []), area.count]
        for area in areas
    ]
    headers = [level_label, *([_("Région")] if selection.level != "region" else []), _("Pages")]
    return Table("territoires", _("Pages publiées par territoire"), headers, rows)


def map_context(request):
    selection = selection_for(request)
    counts = aggregates.territory_counts(selection)
    areas, legend = territories.areas(
        selection.level, counts[selection.level], selection.listing_url
    )
    areas.sort(key=lambda area: sort_key(area.name))
    return selection, counts, areas, legend


@require_GET
def territorial_map(request):
    selection, counts, areas, legend = map_context(request)
    other_level = "departement" if selection.level == "region" else "region"
    return render(
        request,
        "practices/observatory/map.html",
        {
            "selection": selection,
            "areas": areas,
            "legend": legend,
            "total": counts["total"],
            "frame": territories.map_frame(),
            "shapes_source_url": territories.SHAPES_SOURCE_URL,
            "level_label": LEVELS[selection.level],
            "other_level_label": LEVELS[other_level],
            "other_level_query": selection.query_string(niveau=other_level),
            "csv_query": selection.query_string(),
            "breadcrumb": breadcrumb(
                request,
                _("Carte des pratiques"),
                [{"url": reverse("observatory_dashboard"), "title": _("Observatoire")}],
            ),
        },
    )


@require_GET
def dashboard(request):
    selection = selection_for(request, locale=source_locale())
    return render(
        request,
        "practices/observatory/dashboard.html",
        {
            "selection": selection,
            "tables": dashboard_tables(selection, Locale.get_active()),
            "csv_query": selection.query_string(),
            "breadcrumb": breadcrumb(request, _("Observatoire")),
        },
    )


@require_GET
def download(request, slug):
    if slug == "territoires":
        selection, _counts, areas, _legend = map_context(request)
        table = map_table(selection, areas)
    else:
        selection = selection_for(request, locale=source_locale())
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
