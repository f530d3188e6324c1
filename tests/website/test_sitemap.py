"""sitemap.xml and robots.txt, as a search engine reads them.

That drafts, private pages and aliases stay out is asserted, with every other
public channel, in tests/kb/test_public_channels_privacy.py.
"""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.kb.conftest import make_page

__all__ = ["make_page"]

SITE = settings.SITE_URL
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            "lastmod": url.findtext(f"{SITEMAP}lastmod"),
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            },
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }


@pytest.fixture
def about(make_page):
    return make_page(slug="a-propos-du-site", title="À propos", english=("about-site", "About"))


def test_sitemap_lists_the_pages_of_both_languages(client, about):
    urls = sitemap_urls(client)

    assert SITE + "/a-propos-du-site/" in urls
    assert SITE + "/en/about-site/" in urls
    assert urls[SITE + "/a-propos-du-site/"]["lastmod"]


def test_translations_name_each_other_with_hreflang(client, about):
    urls = sitemap_urls(client)

    expected = {"fr": SITE + "/a-propos-du-site/", "en": SITE + "/en/about-site/"}
    assert urls[SITE + "/a-propos-du-site/"]["alternates"] == expected
    assert urls[SITE + "/en/about-site/"]["alternates"] == expected


def test_a_draft_translation_is_no_alternate(client, make_page):
    make_page(slug="mentions", title="Mentions", english=("notice", "Notice"), english_live=False)

    urls = sitemap_urls(client)

    assert SITE + "/en/notice/" not in urls
    assert urls[SITE + "/mentions/"]["alternates"] == {}


def test_open_data_page_is_listed_in_both_languages(client, db):
    urls = sitemap_urls(client)

    assert urls[SITE + "/donnees-ouvertes/"]["alternates"] == {
        "fr": SITE + "/donnees-ouvertes/",
        "en": SITE + "/en/donnees-ouvertes/",
    }


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
