"""Wagtail's own search: django-modelsearch's database backend, quotes escaped on SQLite.

Wagtail searches with it in the admin (page, image, document and snippet
listings, choosers, workflow usage); the site's visitors use `search.backends`.
On SQLite a `"` in the search box made the query fail with a server error
(kb.admin_search.sqlite); other databases get django-modelsearch's backend as it is.
"""

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend's module
    backend = database.SearchBackend(params)
    if not database.USE_SQLITE_FTS:  # set by modelsearch when it picks SQLite's FTS5
        return backend
    # Importable only where SQLite has FTS5, like the module it extends.
    from kb.admin_search.sqlite import SQLiteBackend

    return SQLiteBackend(params)
