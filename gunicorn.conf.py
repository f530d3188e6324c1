"""gunicorn's hooks for the `web` process of the Procfile, which gives it its options.

`--preload` imports the application once, in the process that then forks the
workers. `on_starting` runs in that process after the import and before gunicorn
opens its listening sockets: the site is warmed up there (kb.warm_up), once, and
every worker forked from it, including the ones `--max-requests` starts later,
inherits the imported code, the compiled templates and the caches, and answers
its first request at once. Nobody can connect before that: the port is not open.

A forked process must not share what holds a socket or a lock with its parent:
the warm-up's database connections, cache clients and the search engine's
connection pool are closed before any worker is forked; each worker opens its own
on its first request.
"""


def on_starting(server):
    if not server.cfg.preload_app:
        # Without --preload the site is imported by each worker, after the fork.
        return

    from kb.warm_up import warm_up

    warm_up()
    close_what_workers_must_not_share()


def close_what_workers_must_not_share():
    from django.core.cache import caches
    from django.db import connections

    from search.engine_client import configured_engine

    connections.close_all()
    caches.close_all()
    if configured_engine.cache_info().currsize:
        engine = configured_engine()
        if engine is not None:
            engine.client.close()
        configured_engine.cache_clear()
