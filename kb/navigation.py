"""Where a visitor is and where they go next: the home page of their language, the
breadcrumb to a view, and the `next` address a form or a link asks to return to."""

from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from wagtail.models import Site


def localized_home(request):
    """The home page in the request's language, looked up once per request and language.

    The header, the menu, the footer and the language switcher all ask for it.
    """
    homes = request.__dict__.setdefault("_localized_homes", {})
    language = get_language()
    if language not in homes:
        site = Site.find_for_request(request)
        homes[language] = site.root_page.localized.specific if site else None
    return homes[language]


def breadcrumb(request, current, links=()):
    """Breadcrumb data for a view that is not a Wagtail page."""
    home = localized_home(request)
    return {"links": list(links), "current": current, "root_dir": home.url if home else "/"}


def next_url(request, default):
    """The `next` address of the request when it stays on this site, else `default`.

    Every view that sends people on to a `next` address asks here, so that no
    link can send them to another site (`https://…`, `//…`, `/\\…`, `javascript:`).
    """
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default
