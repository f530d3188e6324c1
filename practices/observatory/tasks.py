"""The job that recomputes the observatory's figures after the changes that alter them.

It computes, in each language, the pages that visitors reach by the site's
links, without choosing filters: the map by région and by département, the
dashboard, and the dashboard of each theme that tags a counted page (the
others have no figures to compute: an empty selection costs the request
little). Their figures and HTML replace the stored ones at once when it ends;
until then visitors are served the previous ones (see `snapshots`).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import translation

from kb.background_jobs import background_job
from practices.observatory import snapshots, views


def visit(url_name, **params):
    """The request a visitor's link makes, for the selection to read its filters from."""
    request = HttpRequest()
    request.method = "GET"
    request.path = reverse(url_name)
    request.GET = QueryDict(urlencode(params))
    return request


def themes_in_use(selection):
    """Slugs of the themes that tag a page the dashboard counts (sheets and write-ups)."""
    slugs = set()
    for kind in ("sheet", "experiment"):
        pages = selection.pages_of(kind).filter(themes__isnull=False)
        slugs.update(pages.values_list("themes__slug", flat=True).distinct())
    return sorted(slugs)


def compute_visited_pages():
    """Ask for the figures of every page a visitor reaches without choosing filters."""
    dashboard = views.dashboard_selection(visit("observatory_dashboard"))
    views.dashboard_body(dashboard)
    for level in ("region", "departement"):
        views.map_body(views.map_selection(visit("observatory_map", niveau=level)))
    for slug in themes_in_use(dashboard):
        views.dashboard_body(views.dashboard_selection(visit("observatory_dashboard", theme=slug)))


def refresh_figures():
    with snapshots.refreshing() as refresh:
        for language_code, _name in settings.LANGUAGES:
            with translation.override(language_code):
                compute_visited_pages()
    return len(refresh.values)


@background_job()
def refresh_observatory_figures():
    """Recompute the figures visitors see first, then replace the stored ones together."""
    return refresh_figures()
