"""sitemap.xml of the public pages of every language, each with its translations as alternates.

Wagtail's sitemap walks the site's root page only, which is the French home
here: the English tree is a sibling. This one walks the root and its
translations, and keeps to `kb.publication.public_pages()`.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as ViewsSitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap

from kb.publication import public_pages
from kb.site_url import absolute, site_url


class PublicPagesSitemap(Sitemap):
    def language_roots(self):
        root = self.get_wagtail_site().root_page
        return [root, *root.get_translations()]

    def items(self):
        pages = public_pages().none()
        for root in self.language_roots():
            pages |= public_pages().descendant_of(root, inclusive=True)
        return pages.order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates_by_location([item.translation_key for item in pages])
        urls = [
            {**url, "alternates": alternates.get(url["location"], [])}
            for item in pages
            for url in item.get_sitemap_urls(self.request)
        ]
        last_modified = {url.get("lastmod") for url in urls}
        if last_modified and None not in last_modified:
            self.latest_lastmod = max(last_modified)
        return urls

    def alternates_by_location(self, translation_keys):
        """hreflang links between public translations, for the pages of one sitemap page."""
        translations = defaultdict(list)
        pages = public_pages().filter(translation_key__in=translation_keys)
        for page in pages.select_related("locale"):
            translations[page.translation_key].append(
                {
                    "location": page.get_full_url(self.request),
                    "lang_code": page.locale.language_code,
                }
            )
        return {
            alternate["location"]: links
            for links in translations.values()
            if len(links) > 1
            for alternate in links
        }


class PublicViewsSitemap(ViewsSitemap):
    """Public pages that are views rather than Wagtail pages, in every language."""

    i18n = True
    alternates = True

    def items(self):
        return ["open_data"]

    def location(self, item):
        return reverse(item)

    # Django addresses views on the host asked; pages are on the public address.
    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


SITEMAPS = {"pages": PublicPagesSitemap, "views": PublicViewsSitemap}


@require_GET
def robots_txt(request):
    sitemap_url = absolute("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
