"""gunicorn's hooks for the `web` process of the Procfile, which gives it its options.

`--preload` imports the application once, in the process that then forks the
workers: they start faster and share that memory. Django opens database
connections lazily, on the first query, so none exists then; `when_ready` makes
sure of it, since a connection opened there would be shared by every worker.
Each worker then warms itself up (kb.warm_up) before it takes its first request.
"""


def when_ready(server):
    from django.db import connections

    connections.close_all()


def post_worker_init(worker):
    from django.db import connections

    from kb.warm_up import warm_up

    warm_up()
    # The worker's first request opens its own connection, with the settings of a request.
    connections.close_all()
