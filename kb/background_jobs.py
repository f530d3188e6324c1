"""Background jobs: work the site asks for and does outside the request.

Jobs are django-tasks tasks. The settings store them in the database, where
`manage.py db_worker` picks them up (the tests run them at once instead).

- A job reads what the request wrote, so `enqueue_after_commit` enqueues it
  only once that is committed, and never when it rolls back.
- A job declared with `background_job(retry_on=...)` that fails for a passing
  reason (an engine or a mail server that does not answer) is enqueued again
  with a growing delay, up to `MAX_ATTEMPTS`. Every failed attempt stays
  visible to administrators with its error.
- A worker killed in the middle of a job leaves it "running" for ever.
  `requeue_stalled_jobs` puts such a job back in the queue once, after
  `STALLED_AFTER`: it runs again, and only once.

Every job is idempotent: it brings something up to date (an index, a PDF, a
cache) from the database, or sends what is queued and not yet sent.
"""

import datetime
import functools
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

logger = logging.getLogger(__name__)

# Search updates have a queue and a worker of their own (see the Procfile): a
# publication must be found within seconds, whatever long job (a rebuild, the
# observatory's figures) the other worker is running.
DEFAULT_QUEUE = "default"
SEARCH_QUEUE = "search"
QUEUES = [DEFAULT_QUEUE, SEARCH_QUEUE]

MAX_ATTEMPTS = 5
FIRST_RETRY_DELAY = datetime.timedelta(seconds=30)
STALLED_AFTER = datetime.timedelta(hours=1)


def retry_delay(attempt):
    """30 s after the first failure, then 1, 2 and 4 minutes."""
    return FIRST_RETRY_DELAY * 2 ** (attempt - 1)


def background_job(retry_on=(), queue_name=DEFAULT_QUEUE):
    """Make `function` a job of `queue_name`; exceptions in `retry_on` make it try again later."""

    def declare(function):
        @functools.wraps(function)
        def run(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except retry_on as error:
                retry_later(job, args, kwargs, attempt, error)
                raise

        job = task(queue_name=queue_name)(run)
        return job

    return declare


def retry_later(job, args, kwargs, attempt, error):
    if attempt >= MAX_ATTEMPTS:
        logger.error("%s failed %d times, given up: %s", job.name, attempt, error)
        return
    if not job.get_backend().supports_defer:
        logger.warning("%s failed and this job backend cannot retry later: %s", job.name, error)
        return
    run_after = timezone.now() + retry_delay(attempt)
    job.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
    logger.warning(
        "%s failed (attempt %d), tried again at %s: %s", job.name, attempt, run_after, error
    )


def enqueue_after_commit(job, *args, **kwargs):
    transaction.on_commit(lambda: job.enqueue(*args, **kwargs))


def enqueue_once_after_commit(job):
    """Enqueue `job` (which takes no arguments) unless a run of it already waits in the queue."""

    def enqueue():
        if not waiting_in_queue(job):
            job.enqueue()

    transaction.on_commit(enqueue)


def waiting_in_queue(job):
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(job.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.ready().filter(task_path=job.module_path).exists()


def requeue_stalled_jobs(now=None, stalled_after=STALLED_AFTER):
    """Put back in the queue, once, the jobs left running by a worker that died.

    A worker appends its id to a job when it claims it, so a job with two ids
    has already been run again: it is marked failed instead.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    stalled = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - stalled_after
    )
    requeued = 0
    for job in stalled:
        if len(job.worker_ids) > 1:
            job.status = TaskResultStatus.FAILED
            job.finished_at = now
            job.traceback = f"Stalled twice (workers {', '.join(job.worker_ids)}): given up."
            job.save(update_fields=["status", "finished_at", "traceback"])
            continue
        job.status = TaskResultStatus.READY
        job.run_after = now
        job.save(update_fields=["status", "run_after"])
        requeued += 1
    return requeued
