"""`manage.py purge_expired_data` removes what is past its retention period, and only that."""

from datetime import timedelta
from io import StringIO

from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from forums.models import Notification, PostRevision, SentMail
from kb import retention
from practices.models import TrainingRegistration
from search.models import ZeroResultQuery
from tests.forums.factories import PostFactory
from tests.kb.factories import UserFactory
from tests.practices.conftest import practices_fr  # noqa: F401
from tests.practices.training_fixtures import build_offer, build_session, take_seats


def days_ago(key, margin):
    """A moment `margin` days beyond (positive) or within (negative) the rule's period."""
    return timezone.now() - timedelta(days=settings.DATA_RETENTION_DAYS[key] + margin)


def purge():
    output = StringIO()
    call_command("purge_expired_data", stdout=output)
    return output.getvalue()


def test_every_rule_has_a_retention_period():
    assert {rule.key for rule in retention.rules()} == set(settings.DATA_RETENTION_DAYS)


def test_accounts_never_confirmed_are_deleted_after_their_period(db):
    User = get_user_model()
    forgotten = UserFactory(verified=False)
    recent = UserFactory(verified=False)
    confirmed = UserFactory()
    User.objects.filter(pk__in=[forgotten.pk, confirmed.pk]).update(
        date_joined=days_ago("unverified_accounts", 1)
    )
    User.objects.filter(pk=recent.pk).update(date_joined=days_ago("unverified_accounts", -1))

    purge()

    assert set(User.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


def test_read_notifications_are_deleted_after_their_period(db):
    old_read, recent_read, old_unread = PostFactory.create_batch(3)
    recipient = UserFactory()
    Notification.objects.create(
        recipient=recipient,
        post=old_read,
        reason="followed",
        read_at=days_ago("read_notifications", 1),
    )
    Notification.objects.create(
        recipient=recipient,
        post=recent_read,
        reason="followed",
        read_at=days_ago("read_notifications", -1),
    )
    Notification.objects.create(
        recipient=recipient,
        post=old_unread,
        reason="followed",
        created_at=days_ago("read_notifications", 100),
    )

    purge()

    assert set(Notification.objects.values_list("post", flat=True)) == {
        recent_read.pk,
        old_unread.pk,
    }


def test_the_mail_log_is_deleted_after_its_period(db):
    user = UserFactory()
    SentMail.objects.create(user=user, sent_at=days_ago("sent_mails", 1))
    recent = SentMail.objects.create(user=user, sent_at=days_ago("sent_mails", -1))

    purge()

    assert list(SentMail.objects.all()) == [recent]


def test_earlier_versions_of_posts_are_deleted_after_their_period(db):
    post = PostFactory()
    old = PostRevision.objects.create(post=post, body="Première version")
    recent = PostRevision.objects.create(post=post, body="Deuxième version")
    PostRevision.objects.filter(pk=old.pk).update(replaced_at=days_ago("post_revisions", 1))
    PostRevision.objects.filter(pk=recent.pk).update(replaced_at=days_ago("post_revisions", -1))

    purge()

    assert list(PostRevision.objects.all()) == [recent]


def test_registrations_to_long_past_sessions_become_anonymous_and_still_count(
    db,
    practices_fr,  # noqa: F811
):
    offer = build_offer(practices_fr.trainings)
    person = UserFactory()
    old_session = build_session(
        offer, starts_in=-timedelta(days=settings.DATA_RETENTION_DAYS["training_registrations"] + 2)
    )
    recent_session = build_session(offer, starts_in=-timedelta(days=10))
    take_seats(old_session, [person])
    take_seats(recent_session, [person])

    purge()

    old = TrainingRegistration.objects.get(session=old_session)
    assert old.user is None
    assert old.status == TrainingRegistration.Status.CONFIRMED
    assert TrainingRegistration.objects.get(session=recent_session).user == person


def test_queries_that_found_nothing_are_deleted_after_their_period(db):
    ZeroResultQuery.objects.create(
        query="creton", language="fr", count=3, last_seen=days_ago("zero_result_queries", 1)
    )
    ZeroResultQuery.objects.create(
        query="sessad", language="fr", count=1, last_seen=days_ago("zero_result_queries", -1)
    )

    purge()

    assert list(ZeroResultQuery.objects.values_list("query", flat=True)) == ["sessad"]


def task_result(status, finished_at):
    return DBTaskResult.objects.create(
        status=status,
        finished_at=finished_at,
        args_kwargs={"args": ["personne@exemple.fr"], "kwargs": {}},
        task_path="kb.background_jobs.send_mail",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def test_finished_background_jobs_are_deleted_after_their_period(db):
    old = days_ago("finished_tasks", 1)
    task_result(TaskResultStatus.SUCCESSFUL, old)
    task_result(TaskResultStatus.FAILED, old)
    recent = task_result(TaskResultStatus.SUCCESSFUL, days_ago("finished_tasks", -1))
    waiting = task_result(TaskResultStatus.READY, None)

    purge()

    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}


def test_expired_sessions_are_deleted(db):
    Session.objects.create(
        session_key="expiree", session_data="", expire_date=days_ago("expired_sessions", 1)
    )
    Session.objects.create(
        session_key="en-cours", session_data="", expire_date=timezone.now() + timedelta(days=1)
    )

    purge()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["en-cours"]


def sign_in_failure(model, username, when, **fields):
    row = model.objects.create(
        username=username,
        ip_address="192.0.2.10",
        user_agent="Firefox",
        http_accept="text/html",
        path_info="/comptes/connexion/",
        **fields,
    )
    model.objects.filter(pk=row.pk).update(attempt_time=when)


def test_sign_in_failures_are_deleted_after_their_period(db):
    old, recent = days_ago("sign_in_attempts", 1), days_ago("sign_in_attempts", -1)
    attempt = {"get_data": "", "post_data": "", "failures_since_start": 2}
    sign_in_failure(AccessAttempt, "ancien@exemple.fr", old, **attempt)
    sign_in_failure(AccessAttempt, "recent@exemple.fr", recent, **attempt)
    sign_in_failure(AccessFailureLog, "ancien@exemple.fr", old)
    sign_in_failure(AccessFailureLog, "recent@exemple.fr", recent)

    purge()

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent@exemple.fr"]
    assert list(AccessFailureLog.objects.values_list("username", flat=True)) == [
        "recent@exemple.fr"
    ]


def test_a_dry_run_counts_and_deletes_nothing(db):
    user = UserFactory()
    SentMail.objects.create(user=user, sent_at=days_ago("sent_mails", 1))
    output = StringIO()

    call_command("purge_expired_data", "--dry-run", stdout=output)

    assert "Journal des e-mails envoyés par les espaces (plus de 30 jours) : 1 à purger" in (
        output.getvalue()
    )
    assert SentMail.objects.count() == 1
