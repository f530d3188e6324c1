"""Where a visitor is: the home page of their language and the breadcrumb to a view."""

from wagtail.models import Site


def localized_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized.specific


def breadcrumb(request, current, links=()):
    """Breadcrumb data for a view that is not a Wagtail page."""
    home = localized_home(request)
    return {"links": list(links), "current": current, "root_dir": home.url if home else "/"}
