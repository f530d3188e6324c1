"""The site's one public address, `SITE_URL`, at the start of every absolute link.

E-mails, PDFs, the API, feeds, the sitemap and the open data are read away from
the page, so their links are absolute. They all start with `SITE_URL`, never with
the host a request happened to come through (a proxy on loopback, a health
check, a worker that has no request at all).

Wagtail builds a page's full address from its `Site` record: `hostname` and
`port`, the scheme guessed from the port (443 is https, anything else http).
That cannot say https on another port, so the default site's `root_url` is
`SITE_URL` itself (`use_site_url_for_the_default_site`, at start-up). The
record's hostname and port are still kept in step, after each `migrate`
(`sync_default_site`), for the admin's Sites screen and Wagtail's matching of
requests to sites: `migrate` runs at every deployment and on `make run`, it needs
the database that start-up must not touch (gunicorn loads the code before
forking its workers), and a stale record changes no link anyway.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS
from django.dispatch import receiver

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_url():
    return settings.SITE_URL.rstrip("/")


def absolute(path):
    """`path` ("/espaces/…") as a link on the public address."""
    return site_url() + path


def on_site(url):
    """`url` moved onto the public address, its path, query and fragment kept."""
    parts = urlsplit(url)
    public = urlsplit(site_url())
    return urlunsplit((public.scheme, public.netloc, parts.path, parts.query, parts.fragment))


def site_address():
    """The (hostname, port) the Wagtail site record should hold."""
    parts = urlsplit(site_url())
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def sync_default_site(using=DEFAULT_DB_ALIAS, **kwargs):
    """Give the default Wagtail site the hostname and port of SITE_URL (after `migrate`)."""
    from wagtail.models import Site

    hostname, port = site_address()
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])


def use_site_url_for_the_default_site():
    """Make the default site's pages addressed on SITE_URL, scheme included."""
    from wagtail.models import Site

    wagtail_root_url = Site.root_url

    def root_url(site):
        return site_url() if site.is_default_site else wagtail_root_url.fget(site)

    Site.root_url = property(root_url)


@receiver(setting_changed)
def forget_page_addresses(setting, **kwargs):
    """Wagtail caches each site's root URL: a test that moves SITE_URL must not read the old one."""
    if setting == "SITE_URL":
        from wagtail.models import Site

        Site.clear_site_root_paths_cache()
