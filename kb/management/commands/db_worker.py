"""The job worker of django-tasks-db, waiting for the database instead of exiting.

django-tasks-db's worker exits at the first database error met while looking
for a job. honcho stops every process of the Procfile when one exits, so a
restart of PostgreSQL used to take gunicorn down with the worker, and the site
stayed down once the database was back. This worker waits and looks again; a
job cut short by the outage stays "running" and `requeue_stalled_jobs` runs it
again once.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

logger = logging.getLogger(__name__)

RECONNECT_DELAY = 5


class Command(DatabaseWorkerCommand):
    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                logger.warning(
                    "Database unreachable, the job worker tries again in %d s: %s",
                    RECONNECT_DELAY,
                    error,
                )
                # Drops the broken connections only; the next query opens a new one.
                close_old_connections()
                time.sleep(RECONNECT_DELAY)
