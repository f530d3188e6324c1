"""What the fault drills read in the database: `python -m bench.faults.figures` prints JSON.

Run in the environment of the site under test (`Site.figures()`), so the drill
sees exactly what the application processes wrote.
"""

import json
import os
import sys

import django


def figures():
    from django.db.models import Count, F, Q
    from django_tasks_db.models import DBTaskResult
    from mailer.models import Message, MessageLog

    from forums.models.discussions import Post, Topic
    from practices.models import TrainingRegistration, TrainingSession
    from search.models import PendingIndexOperation

    confirmed = Count("registrations", filter=Q(registrations__status="confirmed"))
    sessions = TrainingSession.objects.annotate(confirmed=confirmed)
    jobs = DBTaskResult.objects.values("task_path", "status").annotate(count=Count("id"))
    return {
        "pending_index_operations": PendingIndexOperation.objects.count(),
        "posts": Post.objects.count(),
        "posts_without_topic_or_html": Post.objects.filter(
            Q(topic__isnull=True) | Q(body_html="")
        ).count(),
        "topics_without_posts": Topic.objects.filter(posts__isnull=True).count(),
        "registrations": TrainingRegistration.objects.count(),
        # A registration and its seat are written in one transaction: they must agree.
        "sessions_whose_seats_disagree": sessions.exclude(seats_taken=F("confirmed")).count(),
        "jobs": [
            {
                "task": job["task_path"].rsplit(".", 1)[-1],
                "status": job["status"],
                "count": job["count"],
            }
            for job in jobs.order_by("task_path", "status")
        ],
        # How many workers claimed each rebuild job: one, or two when it was run again.
        "rebuild_jobs": [
            {"status": job.status, "workers": len(job.worker_ids)}
            for job in DBTaskResult.objects.filter(
                task_path="search.tasks.rebuild_search_index"
            ).order_by("enqueued_at")
        ],
        "failed_jobs": [
            {
                "task": job.task_path.rsplit(".", 1)[-1],
                "error": (job.traceback or "").strip().splitlines()[-1:],
            }
            for job in DBTaskResult.objects.filter(status="FAILED")
        ],
        "mail_queued": Message.objects.count(),
        "mail_sent": MessageLog.objects.filter(result="1").count(),
        "mail_sent_twice": MessageLog.objects.filter(result="1")
        .values("message_id")
        .annotate(times=Count("id"))
        .filter(times__gt=1)
        .count(),
    }


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    django.setup()
    json.dump(figures(), sys.stdout)
