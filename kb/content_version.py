"""A number that changes whenever something the public sees changes.

What is kept for readers (whole pages for signed-out visitors, `kb.page_cache`;
what a page shows every reader alike, such as its related items, classification
or breadcrumb) is stored in the shared cache under the current number. A
publication, an unpublication, a move, a deletion, a change of view restriction,
of taxonomy, of the languages, of the footer, of a training's sessions, of the search
index's public documents or of the thesaurus sets a new number once its transaction is
committed: every process then reads and stores under the new one, and what was
kept under the old one is never read again and expires on its own.

Dropping everything on every change is the simple correct choice. A publication
shows on its page, its lists, the home page, the feeds, the sitemap and in the
related items of other pages; telling exactly which ones is where caches go
stale. Editors publish a few times a day, readers read thousands of times.
Members, though, register for a training and withdraw many times a day: the
free seats are a part of one page with a number of its own (`part_version`),
which drops that page only.

The number is read before the database: a reader who gets the new number reads
what was committed with it. Keys also carry the database and the release of the
code: a page rendered by the previous templates is not served by the next release.
"""

import functools
import hashlib
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

VERSION_KEY = "kb:content-version"
# Long enough to serve a day of reading, short enough for the cache to empty itself.
KEPT_SECONDS = 24 * 60 * 60


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def new_content_version(**kwargs):
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def content_changed():
    """What the public sees changes with the current transaction: a new number once committed."""
    transaction.on_commit(new_content_version)


def part_key(part):
    return f"kb:part-version:{part}"


def part_version(part):
    """The number of `part`, a piece of a page that readers change many times a day (the
    free seats of a training): what shows it is kept under this number as well, so that
    a change of it drops only what shows it, not everything `content_changed` drops.

    A number that has expired from the cache is replaced by a new one: what was kept
    under the old one is worked out again, never served stale.
    """
    version = cache.get(part_key(part))
    if version is None:
        cache.add(part_key(part), time.time_ns(), KEPT_SECONDS)
        version = cache.get(part_key(part))
    return version


def part_changed(part):
    """`part` changes with the current transaction: a new number for it once committed."""
    transaction.on_commit(lambda: cache.set(part_key(part), time.time_ns(), KEPT_SECONDS))


def shows_part(request, part):
    """Say that the response to `request` shows `part`; call it before reading `part` from the
    database, as the content version is read before it. `kb.page_cache` keeps the page with
    the number read here and serves it only while that number is current."""
    if request is not None:
        request.__dict__.setdefault("shown_parts", {})[part] = part_version(part)


def parts_still_current(parts):
    """Whether every {part: number} that a kept page showed still has that number."""
    if not parts:
        return True
    current = cache.get_many([part_key(part) for part in parts])
    return all(current.get(part_key(part)) == number for part, number in parts.items())


def project_folders():
    """The project's own apps, templates and catalogues (not the libraries it installs)."""
    base = Path(settings.BASE_DIR)
    apps_here = [Path(config.path) for config in apps.get_app_configs()]
    templates = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    locales = [Path(folder) for folder in settings.LOCALE_PATHS]
    return [
        folder
        for folder in apps_here + templates + locales
        if folder.is_relative_to(base) and "site-packages" not in folder.parts
    ]


@functools.cache
def source_fingerprint():
    """The database this process reads and the code, templates and catalogues it runs.

    Two sites, or a test run and the next, may share a cache folder: they never
    share what they keep.
    """
    database = settings.DATABASES["default"]
    where = [database["ENGINE"], database.get("HOST"), database.get("PORT"), database["NAME"]]
    fingerprint = hashlib.sha256(repr(where).encode())
    for folder in project_folders():
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".html", ".mo"):
                stat = path.stat()
                fingerprint.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return fingerprint.hexdigest()[:12]


def versioned_key(name, *parts):
    return ":".join(["kb", name, source_fingerprint(), str(content_version()), *map(str, parts)])


def kept(name, parts, compute, request=None, until=None):
    """`compute()`, worked out once per content version and kept in the shared cache.

    A preview shows a draft to its editors: what is worked out for `request` then
    is never kept. What also changes with time alone (a session that starts moves
    from the coming ones to those held) says when through `until(value)`: the
    moment it stops being true, or None; it is then worked out again.
    """
    if getattr(request, "is_preview", False):
        return compute()
    key = versioned_key(name, *parts)
    value = cache.get(key)
    if value is None or (until is not None and outdated(until(value))):
        value = compute()
        cache.set(key, value, KEPT_SECONDS)
    return value


def outdated(moment):
    return moment is not None and moment <= timezone.now()
