"""Notifications: in the site at once, by e-mail sparingly, always with a way out."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums import notifications, posting, unsubscribing
from forums.models import Notification, NotificationSettings
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory
from tests.forums.spaces import build_closed_space, sign_in
from tests.kb.factories import UserFactory
from tests.kb.helpers import html, text_of

Reason = Notification.Reason


@pytest.fixture
def cast(db):
    closed = build_closed_space()
    # Past their reviewed first posts: the members' replies are published at once.
    for role in ("member", "space_moderator"):
        PostFactory.create_batch(
            posting.REVIEWED_FIRST_POSTS, topic=closed.topic, author=closed.users[role]
        )
    return closed


def reply(cast, role, body, callbacks):
    with callbacks(execute=True):
        return posting.reply(cast.topic, cast.users[role], body=body)


def test_a_mention_notifies_in_the_site_and_by_mail_when_asked(
    client, cast, django_capture_on_commit_callbacks
):
    member = cast.users["member"]
    NotificationSettings.objects.create(user=member, immediate=True)

    reply(cast, "space_moderator", f"Qu’en pensez-vous, @{member.username} ?",
          django_capture_on_commit_callbacks)  # fmt: skip

    notification = Notification.objects.get(recipient=member)
    assert notification.reason == Reason.MENTION
    [message] = mail.outbox
    assert message.to == [member.email]
    assert "on vous mentionne" in message.subject
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/desabonnement/" in unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sign_in(client, member)
    assert "Notifications (1 non lue)" in html(client.get("/")).get_text(" ")


def test_by_default_nothing_is_mailed_at_once(cast, django_capture_on_commit_callbacks):
    member = cast.users["member"]

    reply(cast, "space_moderator", f"@{member.username} voyez ceci",
          django_capture_on_commit_callbacks)  # fmt: skip

    assert Notification.objects.filter(recipient=member).exists()
    assert mail.outbox == []


def test_someone_who_cannot_read_the_space_is_never_notified(
    cast, django_capture_on_commit_callbacks
):
    outsider = cast.users["non_member"]
    NotificationSettings.objects.create(user=outsider, immediate=True)

    reply(cast, "member", f"@{outsider.username} regardez", django_capture_on_commit_callbacks)

    assert not Notification.objects.filter(recipient=outsider).exists()
    assert mail.outbox == []


def test_an_anonymous_post_stays_anonymous_in_the_mail(cast, django_capture_on_commit_callbacks):
    author = cast.users["space_moderator"]
    cast.topic.author = author
    cast.topic.save()
    NotificationSettings.objects.create(user=author, immediate=True)
    replier = cast.users["member"]

    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(cast.topic, replier, body="Une réponse délicate", anonymous=True)

    [message] = mail.outbox
    assert replier.get_full_name() not in message.body
    assert "anonyme" in message.body


def test_immediate_mails_are_capped_per_day(cast, django_capture_on_commit_callbacks):
    member = cast.users["member"]
    NotificationSettings.objects.create(user=member, immediate=True)

    for number in range(notifications.MAX_IMMEDIATE_MAILS_PER_DAY + 3):
        reply(cast, "space_moderator", f"@{member.username} message {number}",
              django_capture_on_commit_callbacks)  # fmt: skip

    assert len(mail.outbox) == notifications.MAX_IMMEDIATE_MAILS_PER_DAY
    waiting = Notification.objects.filter(recipient=member, mailed_at__isnull=True)
    assert waiting.count() == 3, "the rest waits for the digest"


def test_one_click_unsubscribe_works_signed_out(client, cast):
    member = cast.users["member"]
    NotificationSettings.objects.create(user=member, immediate=True)
    url = reverse("forums:unsubscribe", args=[unsubscribing.unsubscribe_token(member)])

    confirmation = client.get(url)
    response = client.post(url, "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")  # fmt: skip

    assert member.email in text_of(confirmation)
    assert response.status_code == 200
    preferences = NotificationSettings.objects.get(user=member)
    assert (preferences.digest, preferences.immediate) == ("never", False)


def test_a_forged_unsubscribe_token_is_refused(client, cast):
    token = unsubscribing.unsubscribe_token(cast.users["member"])
    forged = token.replace(token.split(":")[0], str(cast.users["non_member"].pk), 1)

    assert client.post(reverse("forums:unsubscribe", args=[forged])).status_code == 404


def test_reading_a_topic_marks_its_notifications_read(
    client, cast, django_capture_on_commit_callbacks
):
    member = cast.users["member"]
    notifications.follow(member, topic=cast.topic)
    reply(cast, "space_moderator", "Du nouveau", django_capture_on_commit_callbacks)
    sign_in(client, member)

    client.get(cast.topic.get_absolute_url())

    assert notifications.unread_count(member) == 0


def test_following_a_space_brings_its_new_topics(cast, django_capture_on_commit_callbacks):
    member = cast.users["member"]
    notifications.follow(member, space=cast.space)

    with django_capture_on_commit_callbacks(execute=True):
        posting.start_topic(cast.space, cast.users["space_moderator"], title="Nouveau", body="x")

    assert Notification.objects.get(recipient=member).reason == Reason.FOLLOWED


def test_the_follow_button_follows_and_unfollows(client, cast):
    member = cast.users["member"]
    sign_in(client, member)
    url = reverse("forums:follow_topic", args=[cast.space.slug, cast.topic.pk])

    client.post(url)
    following = notifications.follows(member, topic=cast.topic)
    client.post(url)

    assert following
    assert not notifications.follows(member, topic=cast.topic)


def test_outsiders_cannot_follow_a_closed_space(client, cast):
    sign_in(client, cast.users["non_member"])

    response = client.post(reverse("forums:follow_space", args=[cast.space.slug]))

    assert response.status_code == 404


def test_preferences_are_saved(client, db):
    user = UserFactory()
    sign_in(client, user)

    client.post(reverse("forums:notification_settings"), {"digest": "daily", "immediate": "on"})

    preferences = NotificationSettings.objects.get(user=user)
    assert (preferences.digest, preferences.immediate) == ("daily", True)


def test_a_space_opened_to_signed_in_people_notifies_non_members_who_follow_it(
    db, django_capture_on_commit_callbacks
):
    space = SpaceFactory(visibility="signed_in")
    reader = UserFactory()
    notifications.follow(reader, space=space)
    author = MembershipFactory(space=space, role="moderator").user

    with django_capture_on_commit_callbacks(execute=True):
        posting.start_topic(space, author, title="Ouvert", body="Pour tous")

    assert Notification.objects.filter(recipient=reader).count() == 1


def test_telling_30_followers_of_a_reply_costs_the_queries_of_telling_3(
    cast, django_capture_on_commit_callbacks
):
    def queries_of_a_reply():
        with CaptureQueriesContext(connection) as queries:
            reply(cast, "member", "Merci, c’est noté.", django_capture_on_commit_callbacks)
        return len(queries)

    def followed_by(count):
        for _ in range(count):
            follower = MembershipFactory(space=cast.space).user
            notifications.follow(follower, topic=cast.topic)

    followed_by(3)
    queries_of_a_reply()  # The author now follows the topic too.
    few = queries_of_a_reply()
    followed_by(27)

    assert queries_of_a_reply() == few
    assert (
        Notification.objects.filter(post__topic=cast.topic).values("recipient").distinct().count()
        == 30
    )
