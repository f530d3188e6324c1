"""Where a visitor is and where they go next: the home page of their language, the
breadcrumb to a view, and the `next` address a form or a link asks to return to."""

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from kb.content_version import kept


def locale_id(language_code):
    """The id of the locale of `language_code`, or None when there is none.

    Every page asks for the active and the source locale several times: the ids are
    kept until a locale or a page changes, where Wagtail reads the locale each time.
    """
    ids = kept("locale-ids", [], lambda: dict(Locale.objects.values_list("language_code", "pk")))
    try:
        return ids.get(get_supported_content_language_variant(language_code))
    except LookupError:
        return None


def in_active_language(page):
    """`page.localized`, without reading the locale when the page is in the active one."""
    if page.locale_id == locale_id(get_language()):
        return page
    return page.localized


def localized_home(request):
    """The home page in the request's language, looked up once per request and language.

    The header, the menu, the footer and the language switcher all ask for it; the
    same for every reader of a host, it is kept until a page changes.
    """
    homes = request.__dict__.setdefault("_localized_homes", {})
    language = get_language()
    if language not in homes:

        def find():
            site = Site.find_for_request(request)
            return in_active_language(site.root_page).specific if site else None

        homes[language] = kept("localized-home", [request.get_host(), language], find, request)
    return homes[language]


def in_reading_language(pages):
    """Each page as it reads in the active language: its live translation, else its source.

    Returns `(page, language code)` pairs in the given order, the language being the
    one the page is written in, so that templates can mark a French page shown on an
    English one (`lang`, `hreflang`, a notice). An alias (the source copied
    untranslated) is not a translation. One query whatever the number of pages.
    """
    pages = list(pages)
    active = get_language()
    keys = [page.translation_key for page in pages]
    versions = Page.objects.live().filter(translation_key__in=keys, alias_of__isnull=True)
    by_language = {
        (version.translation_key, version.locale.language_code): version
        for version in versions.select_related("locale")
        if version.locale.language_code in (active, settings.LANGUAGE_CODE)
    }
    found = []
    for page in pages:
        for code in (active, settings.LANGUAGE_CODE):
            version = by_language.get((page.translation_key, code))
            if version is not None:
                found.append((version, code))
                break
    return found


def source_home(request):
    """The home page in the site's source language, whose children make the full menu."""
    home = localized_home(request)
    source = locale_id(settings.LANGUAGE_CODE)
    if home is None or home.locale_id == source or source is None:
        return home
    return home.get_translation_or_none(source) or home


def breadcrumb(request, current, links=(), current_language=""):
    """Breadcrumb data for a view that is not a Wagtail page.

    A link (`{"url", "title", "language"}`) or the current title written in another
    language than the page's, such as a space's name on an English page, says so.
    """
    home = localized_home(request)
    return {
        "links": list(links),
        "current": current,
        "current_language": current_language,
        "root_dir": home.url if home else "/",
    }


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
