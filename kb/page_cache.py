"""Whole pages for signed-out visitors, kept in the shared cache.

A knowledge base is read far more than it is written, mostly by people who are
not signed in, and their pages are the same for all of them: the first reading
after a change renders the page, the next ones are served from the cache.

- Only a request with neither a session nor a message cookie is served from the
  cache or fills it: without a session one is signed out, and has no message
  waiting to be shown. Wagtail's previews of drafts never go through it.
- Only a 200 answer to a GET of a Wagtail page, a search, its suggestions, a
  feed or the sitemap is kept, and only when it sets no cookie (a page with a
  form sets the CSRF cookie, a page that shows a message clears the message
  cookie) and does not say it is private (a search that found nothing, which
  is counted for editors each time).
- The key holds the content version (`kb.content_version`: every publication,
  move, deletion or taxonomy change starts a new one, and so does every change
  of what the search index gives signed-out visitors, which its worker makes
  after a publication), the host, the language, the path and the query string.
  A page that shows a part readers change all day (a training's free seats,
  `kb.content_version.shows_part`) is kept with the part's number and served only
  while that number is current: a registration drops the page of its training,
  not every page of the site.
- Kept pages carry an ETag and `Cache-Control: public` for a proxy or CDN, which
  revalidates them unless `PROXY_CACHE_SECONDS` lets it keep them longer (then
  purge it on publication, see docs/exploitation.md). Every other answer that
  says nothing of caching is marked `private`.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.translation import get_language_from_path

from kb.content_version import parts_still_current, versioned_key

KEPT_VIEWS = {
    "wagtail_serve",
    "search",
    "search_suggestions",
    "sitemap",
    "practices_feed_rss",
    "practices_feed_atom",
    "theme_feed_rss",
    "theme_feed_atom",
}
MESSAGE_COOKIE = "messages"


def is_signed_out_reading(request):
    return (
        settings.PAGE_CACHE_SECONDS
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGE_COOKIE not in request.COOKIES
        # Wagtail renders a preview of a draft through a simulated request to the page's address.
        and not getattr(request, "is_dummy", False)
    )


def page_key(request):
    address = f"{request.get_host()} {request.get_full_path()}"
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return versioned_key("page", language, hashlib.sha256(address.encode()).hexdigest())


def cache_directives(response):
    return {
        directive.split("=")[0].strip().lower()
        for directive in response.get("Cache-Control", "").split(",")
    }


def may_keep(request, response):
    match = request.resolver_match
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not {"private", "no-store", "no-cache"} & cache_directives(response)
        and match is not None
        and match.url_name in KEPT_VIEWS
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_signed_out_reading(request):
            return self.private(self.get_response(request))
        key = page_key(request)
        kept_page = cache.get(key)
        if kept_page is not None:
            shown_parts, response = kept_page
            if parts_still_current(shown_parts):
                return response
        response = self.get_response(request)
        if not may_keep(request, response):
            return self.private(response)
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PROXY_CACHE_SECONDS)
        set_response_etag(response)
        shown_parts = request.__dict__.get("shown_parts", {})
        cache.set(key, (shown_parts, response), settings.PAGE_CACHE_SECONDS)
        return response

    def private(self, response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response
