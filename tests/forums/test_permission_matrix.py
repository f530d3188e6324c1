"""Every kind of person × every way into a closed space, with the expected allow or deny.

Reading covers the space's topic list, a topic, a post's attachment and the
search (see tests/search/test_privacy_matrix.py); writing covers opening a topic,
replying, reporting; moderating covers the queue, the join requests and the
moderation actions; telling covers in-site notifications and e-mails.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forums import attachments, notifications, posting
from forums.models import Notification, NotificationSettings, Post, Report, Topic
from tests.forums.factories import MembershipFactory
from tests.forums.spaces import ROLES, build_closed_space, sign_in
from tests.kb.helpers import text_of

READERS = {"member", "space_moderator", "site_moderator"}
WRITERS = {"member", "space_moderator", "site_moderator"}
MODERATORS = {"space_moderator", "site_moderator"}
PDF = b"%PDF-1.7\n%fin\n"
# Anonymous visitors have neither notifications nor an address to mail.
SIGNED_IN_ROLES = [role for role in ROLES if role != "anonymous"]


@pytest.fixture
def cast(db):
    closed = build_closed_space()
    checked = attachments.check(SimpleUploadedFile("plan.pdf", PDF))
    closed.attachment = attachments.attach(closed.post, checked)
    return closed


def as_role(client, cast, role):
    return sign_in(client, cast.users[role])


@pytest.mark.parametrize("role", ROLES)
def test_space_topic_list(client, cast, role):
    response = as_role(client, cast, role).get(cast.space.get_absolute_url())
    assert (cast.topic.title in text_of(response)) == (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_topic_page(client, cast, role):
    response = as_role(client, cast, role).get(cast.topic.get_absolute_url())
    assert (response.status_code == 200) == (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_attachment(client, cast, role):
    response = as_role(client, cast, role).get(cast.attachment.get_absolute_url())
    assert (response.status_code == 200) == (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_reply(client, cast, role):
    before = Post.objects.count()
    as_role(client, cast, role).post(
        reverse("forums:reply", args=[cast.space.slug, cast.topic.pk]), {"body": "Réponse"}
    )
    assert (Post.objects.count() > before) == (role in WRITERS)


@pytest.mark.parametrize("role", ROLES)
def test_new_topic(client, cast, role):
    as_role(client, cast, role).post(
        reverse("forums:new_topic", args=[cast.space.slug]), {"title": "Neuf", "body": "Texte"}
    )
    assert Topic.objects.filter(title="Neuf").exists() == (role in WRITERS)


@pytest.mark.parametrize("role", ROLES)
def test_report(client, cast, role):
    as_role(client, cast, role).post(
        reverse("forums:report_post", args=[cast.space.slug, cast.post.pk]),
        {"reason": "Hors charte"},
    )
    assert Report.objects.exists() == (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_moderation_queue(client, cast, role):
    response = as_role(client, cast, role).get(reverse("forums:moderation", args=[cast.space.slug]))
    assert (response.status_code == 200) == (role in MODERATORS)


@pytest.mark.parametrize("role", ROLES)
def test_join_requests(client, cast, role):
    response = as_role(client, cast, role).get(
        reverse("forums:join_requests", args=[cast.space.slug])
    )
    assert (response.status_code == 200) == (role in MODERATORS)


@pytest.mark.parametrize("role", ROLES)
def test_hiding_a_post(client, cast, role):
    as_role(client, cast, role).post(
        reverse("forums:moderate_post", args=[cast.space.slug, cast.post.pk]),
        {"action": "hide", "reason": "Test"},
    )
    cast.post.refresh_from_db()
    assert (cast.post.status == Post.Status.HIDDEN) == (role in MODERATORS)


@pytest.mark.parametrize("role", SIGNED_IN_ROLES)
def test_in_site_notification_and_mail(cast, role, django_capture_on_commit_callbacks):
    user = cast.users[role]
    # Everyone follows the space and asks for immediate mail, as if they once could.
    for follower in filter(None, cast.users.values()):
        notifications.follow(follower, space=cast.space)
        NotificationSettings.objects.create(user=follower, immediate=True)
    author = MembershipFactory(space=cast.space, role="moderator").user

    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(cast.topic, author, body=f"@{user.username} une nouvelle réponse")

    notified = Notification.objects.filter(recipient=user).exists()
    mailed = any(message.to == [user.email] for message in mail.outbox)
    assert notified == mailed == (role in READERS)


@pytest.mark.parametrize("role", SIGNED_IN_ROLES)
def test_digest_holds_only_what_the_reader_may_read(cast, role):
    user = cast.users[role]
    NotificationSettings.objects.create(user=user, digest="daily")
    # A notification recorded while they could read, then the rights changed.
    Notification.objects.create(recipient=user, post=cast.post, reason="followed")

    notifications.send_due_digests(timezone.now() + timedelta(days=1))

    mailed = [message for message in mail.outbox if message.to == [user.email]]
    assert bool(mailed) == (role in READERS)
