"""Warm a web process up before its first visitor.

A process's first requests pay for what Django and Wagtail do once: import the
URL configuration and the views behind it, compile the templates, read the
translation catalogues, load the search's French analysis and WeasyPrint. gunicorn
calls `warm_up()` once, in the process that forks the workers, before it opens its
port (gunicorn.conf.py): each worker is born ready, including the ones that
`--max-requests` starts later.

The pages are asked for through Django's test client, in the process itself, on
the public address. Whatever they write (a query that finds nothing is recorded
for editors, an observatory figure is kept) is rolled back: the warm-up leaves
no trace. A page that fails is logged and skipped; it never stops the worker.
"""

import importlib
import logging
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.test import Client

logger = logging.getLogger(__name__)

# Addresses every site has, whatever its pages: the home pages, search, the
# observatory, sign-in. Page types share their templates' pieces with them.
PATHS = [
    "/",
    "/en/",
    "/recherche/?q=r%C3%A9pit",
    "/recherche/suggestions/?q=r%C3%A9p",
    "/observatoire/",
    "/observatoire/carte/",
    "/comptes/login/",
]
# Imported on a PDF's first download: WeasyPrint alone takes most of a second.
MODULES = ["kb.pdf"]


class RolledBack(Exception):
    pass


def warm_up(paths=PATHS):
    started = time.perf_counter()
    public = urlsplit(settings.SITE_URL)
    client = Client(HTTP_HOST=public.netloc)
    for path in paths:
        try:
            with transaction.atomic():
                response = client.get(path, secure=public.scheme == "https")
                raise RolledBack
        except RolledBack:
            if response.status_code >= 400:
                logger.warning("Warm-up: %s answered %s", path, response.status_code)
        except Exception:
            logger.exception("Warm-up: %s failed", path)
    for module in MODULES:
        importlib.import_module(module)
    logger.info("Web process warmed up in %.1f s", time.perf_counter() - started)
