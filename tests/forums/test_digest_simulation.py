"""Eight weeks of activity, the clock moving an hour at a time: every digest goes out
once, on time, holding each new post exactly once, newest first."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import transaction

from forums import notifications
from forums.models import NotificationSettings, Post
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2026, 1, 5, 0, 0, tzinfo=PARIS)  # a Monday
WEEKS = 8
POSTING_HOURS = (10, 16)
POST_LINK = re.compile(r"#message-(\d+)")

pytestmark = pytest.mark.django_db


def posts_in(message):
    return [int(pk) for pk in POST_LINK.findall(message.body)]


@pytest.fixture(scope="module")
def simulation(django_db_setup, django_db_blocker):
    """Run once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        mail.outbox = []
        yield run_simulation()
        transaction.set_rollback(True)


def run_simulation():
    space = SpaceFactory()
    author = MembershipFactory(space=space, role="moderator").user
    weekly, daily = (MembershipFactory(space=space).user for _ in range(2))
    NotificationSettings.objects.create(user=weekly, digest="weekly")
    NotificationSettings.objects.create(user=daily, digest="daily")
    topics = [TopicFactory(space=space, author=author) for _ in range(2)]
    for reader in (weekly, daily):
        notifications.follow(reader, space=space)

    published = []  # (post id, time)
    sent = []  # (time, message)
    hours = WEEKS * 7 * 24 + 8  # up to the eighth Monday after the start, past 7:00
    for hour in range(hours):
        now = START + timedelta(hours=hour)
        if now.hour in POSTING_HOURS:
            post = PostFactory(topic=topics[len(published) % 2], author=author)
            Post.objects.filter(pk=post.pk).update(created_at=now)
            post.refresh_from_db()
            notifications.post_published(post, now)
            published.append((post.pk, now))
        before = len(mail.outbox)
        notifications.send_due_digests(now)
        sent.extend((now, message) for message in mail.outbox[before:])
    return {"weekly": weekly, "daily": daily, "published": published, "sent": sent}


def mails_to(simulation, who):
    address = simulation[who].email
    return [(time, message) for time, message in simulation["sent"] if message.to == [address]]


def test_each_weekly_digest_leaves_once_on_monday_at_seven(simulation):
    times = [time for time, _message in mails_to(simulation, "weekly")]

    expected = [START + timedelta(weeks=week, hours=7) for week in range(1, WEEKS + 1)]
    assert times == expected


def test_each_weekly_digest_holds_that_weeks_posts_exactly_once(simulation):
    digests = mails_to(simulation, "weekly")
    previous = START
    seen = []
    for time, message in digests:
        expected = {
            pk for pk, published_at in simulation["published"] if previous < published_at <= time
        }
        assert set(posts_in(message)) == expected
        seen.extend(posts_in(message))
        previous = time

    assert sorted(seen) == sorted(pk for pk, _time in simulation["published"])


def test_daily_digests_leave_every_morning_with_the_previous_days_posts(simulation):
    digests = mails_to(simulation, "daily")

    assert len(digests) == WEEKS * 7
    assert all(time.hour == 7 and time.minute == 0 for time, _message in digests)
    delivered = [pk for _time, message in digests for pk in posts_in(message)]
    assert sorted(delivered) == sorted(pk for pk, _time in simulation["published"])


def test_a_digest_lists_topics_and_posts_newest_first(simulation):
    _time, message = mails_to(simulation, "weekly")[0]
    published_at = dict(simulation["published"])

    times = [published_at[pk] for pk in posts_in(message)]
    sections = message.body.split("== ")[1:]
    newest_of_each_topic = [
        max(published_at[int(pk)] for pk in POST_LINK.findall(section)) for section in sections
    ]
    assert newest_of_each_topic == sorted(newest_of_each_topic, reverse=True)
    for section in sections:
        section_times = [published_at[int(pk)] for pk in POST_LINK.findall(section)]
        assert section_times == sorted(section_times, reverse=True)
    assert len(times) == len(set(times))


def test_every_digest_carries_a_one_click_unsubscribe(simulation):
    for _time, message in simulation["sent"]:
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
