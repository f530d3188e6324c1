"""Fault drill: the job worker is killed (SIGKILL) in the middle of a job.

    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.faults.worker_killed

Starts the production processes on a corpus large enough for a search index
rebuild to take a while, asks for a rebuild and queues mail behind it, then
kills `manage.py db_worker` with SIGKILL while the rebuild runs. Starts the
processes again (as the supervisor of the machine would), runs
`manage.py requeue_stalled_jobs --stalled-after 0` (the operator knows the
worker is dead; the scheduler would do it after an hour), and prints what it
saw: the job states at each step, how many workers ran the rebuild (expected:
two, the killed one and one more, never a third), the mail sent (expected:
each message once), and `search_index status`. About five minutes.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time

import psutil
import psycopg

from bench.faults.common import figures
from bench.load.stack import production_site

MESSAGES = 20
REBUILD_TASK = "search.tasks.rebuild_search_index"


def queue_rebuild_and_mail():
    """Run in the site's environment: a rebuild first, then mail, each after its commit."""
    from django.core.mail import send_mail
    from django.db import transaction

    from search.indexing import rebuild_after_commit

    with transaction.atomic():
        rebuild_after_commit()
    for number in range(MESSAGES):
        with transaction.atomic():
            send_mail(
                f"Essai {number}",
                "Message de l’exercice de panne.",
                None,
                [f"destinataire-{number}@kb.localhost"],
            )


def job_worker(site, queue):
    """The db_worker of the Procfile that takes the jobs of `queue`."""
    honcho = psutil.Process(site.honcho.pid)
    for process in honcho.children(recursive=True):
        command = process.cmdline()
        if "db_worker" in command and process.name().startswith("python"):
            queues = command[command.index("--queue-name") + 1]
            if queues in ("*", queue):
                return process
    raise RuntimeError(f"No db_worker process for the queue {queue} under honcho.")


def states(site):
    now = figures(site)
    jobs = ", ".join(f"{job['task']} {job['status']} ×{job['count']}" for job in now["jobs"])
    rebuilds = ", ".join(
        f"{job['status']} by {job['workers']} worker(s)" for job in now["rebuild_jobs"]
    )
    mail = f"mail sent {now['mail_sent']}, queued {now['mail_queued']}"
    return now, f"jobs: {jobs}; rebuild: {rebuilds}; {mail}"


def mail_files(site):
    directory = site.workdir / "mail"
    if not directory.exists():
        return []
    return [
        identifier
        for path in directory.iterdir()
        for identifier in re.findall(r"^Message-ID: (.+)$", path.read_text(), re.MULTILINE)
    ]


def rebuild_job(site):
    """The rebuild job's status and queue, read straight from PostgreSQL: quick enough to
    catch it running."""
    with psycopg.connect(site.env["DATABASE_URL"]) as connection:
        row = connection.execute(
            "SELECT status, queue_name FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = %s ORDER BY enqueued_at DESC LIMIT 1",
            [REBUILD_TASK],
        ).fetchone()
    return row or (None, None)


def wait_for(site, condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now, _description = states(site)
        if condition(now):
            return True
        time.sleep(1)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=3000, help="generated pages")
    options = parser.parse_args()

    with production_site(corpus_pages=options.corpus) as (site, _postgres, _opensearch):
        site.start(1)
        site.python("-m", "bench.faults.worker_killed", "queue")
        deadline = time.monotonic() + 120
        while rebuild_job(site)[0] != "RUNNING" and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
        status, queue = rebuild_job(site)
        worker = job_worker(site, queue)
        print(f"Rebuild {status} for 1 s on the queue {queue}.")
        worker.send_signal(signal.SIGKILL)
        print(f"db_worker (pid {worker.pid}) killed with SIGKILL.")
        try:
            site.honcho.wait(timeout=20)
            print(
                "honcho stopped the other processes when the worker died "
                f"(exit {site.honcho.returncode}): the machine's supervisor restarts the set."
            )
        except subprocess.TimeoutExpired:
            print("honcho kept the other processes running.")
        site.stop()
        print(f"After the kill: {states(site)[1]}")

        site.start(1)
        print("Processes started again.")
        wait_for(site, lambda now: now["mail_queued"] == 0, 60)
        time.sleep(5)
        print(f"Once the mail is sent, before requeueing: {states(site)[1]}")

        site.manage("requeue_stalled_jobs", "--stalled-after", "0")
        done = wait_for(
            site,
            lambda now: all(job["status"] != "RUNNING" and job["status"] != "READY"
                            for job in now["rebuild_jobs"]),
            240,
        )  # fmt: skip
        now, description = states(site)
        print(f"After requeueing (finished: {done}): {description}")
        for job in now["failed_jobs"]:
            print(f"  failed: {job['task']}: {' '.join(job['error'])}")
        print("A second requeue_stalled_jobs:")
        site.manage("requeue_stalled_jobs", "--stalled-after", "0")

        identifiers = mail_files(site)
        print(
            f"Mail: {MESSAGES} queued, {len(identifiers)} written by the mail backend, "
            f"{len(set(identifiers))} distinct; sent twice according to the log: "
            f"{now['mail_sent_twice']}."
        )
        print("manage.py search_index status:")
        site.manage("search_index", "status", check=False)


if __name__ == "__main__":
    if sys.argv[1:] == ["queue"]:
        sys.path.insert(0, os.getcwd())
        import django

        django.setup()
        queue_rebuild_and_mail()
    else:
        main()
