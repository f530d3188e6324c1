"""Running the database job worker inside a test, as `manage.py db_worker --batch` would."""

from unittest import mock

from django.core.management import call_command
from django_tasks_db.management.commands import db_worker as upstream_worker

from kb.management.commands import db_worker


def run_job_worker():
    """Run every job queued in any queue, then return.

    A worker recycles its database connections between jobs, as a process that
    runs for days must; here it shares the test's connection, whose transaction
    must stay open until the test ends.
    """
    keep_connections = mock.patch.multiple(upstream_worker, close_old_connections=lambda: None)
    with keep_connections, mock.patch.object(db_worker, "close_old_connections", lambda: None):
        call_command(
            "db_worker",
            "--batch",
            "--queue-name",
            "*",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )
