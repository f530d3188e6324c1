"""Background jobs, as the database worker runs them: retries, stalled jobs, mail, schedule."""

import datetime
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger
from django.core import mail
from django.core.management import call_command, get_commands
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from mailer.models import Message

from kb.background_jobs import MAX_ATTEMPTS, QUEUES, STALLED_AFTER, requeue_stalled_jobs
from kb.schedule import PERIODIC_COMMANDS
from kb.tasks import run_management_command, send_queued_mail
from search.engine_client import configured_engine
from search.indexing import refresh_after_commit
from search.models import PendingIndexOperation
from tests.jobs import run_job_worker

pytestmark = pytest.mark.django_db

DATABASE_JOBS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": QUEUES}}
QUEUED_MAIL = {
    "EMAIL_BACKEND": "kb.tasks.QueuedEmailBackend",
    "MAILER_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}
PRODUCTION_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "exploitation.md"


def test_administrators_read_failed_jobs_in_the_admin(admin_client, database_jobs):
    result = run_management_command.enqueue("no_such_command")
    run_worker()

    listing = admin_client.get("/admin/background_jobs/?status=FAILED")
    assert listing.status_code == 200
    assert "run_management_command" in listing.content.decode()
    detail = admin_client.get(f"/admin/background_jobs/inspect/{result.id}/")
    assert "Unknown command" in detail.content.decode()


@pytest.fixture
def database_jobs(settings):
    """Jobs stored in the database for a worker; the search index is the database's own.

    These tests are about how jobs run, not about the engine: an engine slow to
    answer on a busy machine must not make them fail.
    """
    settings.TASKS = DATABASE_JOBS
    settings.SEARCH_URL = ""
    configured_engine.cache_clear()
    yield
    configured_engine.cache_clear()


@pytest.fixture
def queued_mail(settings):
    for name, value in QUEUED_MAIL.items():
        setattr(settings, name, value)


def run_worker():
    run_job_worker()


def jobs_of(job):
    return DBTaskResult.objects.filter(task_path=job.module_path).order_by("enqueued_at")


def test_an_edit_is_sent_to_the_index_by_the_worker_not_by_the_request(
    database_jobs, django_capture_on_commit_callbacks
):
    from search.tasks import send_pending_index_operations

    with django_capture_on_commit_callbacks(execute=True):
        refresh_after_commit(["page-999999"])
    assert PendingIndexOperation.objects.filter(key="page-999999").exists()
    assert jobs_of(send_pending_index_operations).get().status == TaskResultStatus.READY

    run_worker()

    assert not PendingIndexOperation.objects.exists()
    assert jobs_of(send_pending_index_operations).get().status == TaskResultStatus.SUCCESSFUL


def test_a_job_failing_for_an_unreachable_engine_is_retried_with_a_growing_delay(
    database_jobs, settings, django_capture_on_commit_callbacks
):
    from search.tasks import send_pending_index_operations

    settings.SEARCH_URL = "opensearch+http://127.0.0.1:9"
    configured_engine.cache_clear()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            refresh_after_commit(["page-999999"])
        delays = []
        for _attempt in range(MAX_ATTEMPTS):
            run_worker()
            waiting = jobs_of(send_pending_index_operations).filter(status=TaskResultStatus.READY)
            if not waiting.exists():
                break
            retry = waiting.get()
            delays.append(round((retry.run_after - timezone.now()).total_seconds() / 30))
            # Time passes: the retry is due.
            waiting.update(run_after=timezone.now())
    finally:
        configured_engine.cache_clear()

    runs = jobs_of(send_pending_index_operations)
    assert runs.count() == MAX_ATTEMPTS
    assert set(runs.values_list("status", flat=True)) == {TaskResultStatus.FAILED}
    assert all("SearchEngineUnavailable" in run.exception_class_path for run in runs)
    assert delays == [1, 2, 4, 8]
    # Nothing is lost: the key still waits for the engine.
    assert PendingIndexOperation.objects.filter(key="page-999999").exists()


def stalled_job(worker_ids, started_ago):
    result = run_management_command.enqueue("check")
    job = DBTaskResult.objects.get(pk=result.id)
    job.status = TaskResultStatus.RUNNING
    job.started_at = timezone.now() - started_ago
    job.worker_ids = worker_ids
    job.save()
    return job


def test_a_job_left_running_by_a_dead_worker_runs_again_once(database_jobs):
    job = stalled_job(["killed-worker"], started_ago=STALLED_AFTER + datetime.timedelta(minutes=1))

    assert requeue_stalled_jobs() == 1
    run_worker()
    job.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL
    assert len(job.worker_ids) == 2

    # Stalled a second time: given up and shown as failed, not run a third time.
    job.status = TaskResultStatus.RUNNING
    job.started_at = timezone.now() - STALLED_AFTER - datetime.timedelta(minutes=1)
    job.save()
    assert requeue_stalled_jobs() == 0
    job.refresh_from_db()
    assert job.status == TaskResultStatus.FAILED
    assert "given up" in job.traceback


def test_a_job_running_for_less_than_the_stall_delay_is_left_alone(database_jobs):
    job = stalled_job(["busy-worker"], started_ago=datetime.timedelta(minutes=5))

    assert requeue_stalled_jobs() == 0
    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING


def test_the_worker_waits_for_the_database_to_come_back_instead_of_exiting(
    database_jobs, monkeypatch
):
    """Exiting would make honcho stop every process of the Procfile, gunicorn included."""
    from django.db import OperationalError
    from django_tasks_db.management.commands import db_worker as upstream

    from kb.management.commands import db_worker

    real_run = upstream.Worker.run
    outages = []

    def run_after_an_outage(worker):
        if not outages:
            outages.append(worker)
            raise OperationalError("connection refused: the database is restarting")
        return real_run(worker)

    monkeypatch.setattr(upstream.Worker, "run", run_after_an_outage)
    monkeypatch.setattr(db_worker, "RECONNECT_DELAY", 0)
    result = run_management_command.enqueue("check")

    run_worker()

    assert len(outages) == 1
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL


def test_the_command_takes_a_shorter_stall_delay_when_the_worker_is_known_dead(database_jobs):
    job = stalled_job(["killed-worker"], started_ago=datetime.timedelta(minutes=5))

    call_command("requeue_stalled_jobs", "--stalled-after", "10")
    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING

    call_command("requeue_stalled_jobs", "--stalled-after", "1")
    job.refresh_from_db()
    assert job.status == TaskResultStatus.READY


def test_mail_is_queued_with_the_transaction_and_sent_once_it_commits(
    queued_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Objet", "Texte", None, ["a@example.org"])
        assert Message.objects.count() == 1
        assert mail.outbox == []

    assert [message.subject for message in mail.outbox] == ["Objet"]
    assert not Message.objects.exists()


def test_mail_of_a_rolled_back_transaction_is_never_sent(
    queued_mail, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        mail.send_mail("Objet", "Texte", None, ["a@example.org"])
        raise RuntimeError

    assert mail.outbox == []
    assert not Message.objects.exists()


def test_running_the_mail_job_again_sends_nothing_twice(queued_mail, database_jobs):
    for recipient in ["a@example.org", "b@example.org"]:
        mail.send_mail("Objet", "Texte", None, [recipient])

    send_queued_mail.call()
    send_queued_mail.call()

    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]


def test_many_messages_in_one_transaction_ask_for_one_mail_job(
    queued_mail, database_jobs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            mail.send_mail("Objet", "Texte", None, [f"{number}@example.org"])

    assert jobs_of(send_queued_mail).count() == 1
    run_worker()
    assert len(mail.outbox) == 5


@pytest.mark.parametrize("periodic", PERIODIC_COMMANDS, ids=lambda periodic: periodic.name)
def test_every_periodic_job_is_a_command_with_a_valid_time(periodic):
    assert periodic.command[0] in get_commands()
    CronTrigger(**periodic.cron)


@pytest.mark.parametrize("periodic", PERIODIC_COMMANDS, ids=lambda periodic: periodic.name)
def test_every_periodic_job_is_in_the_production_guide(periodic):
    assert f"`{periodic.name}`" in PRODUCTION_GUIDE.read_text()
