"""Which posts each person reads: one rule, `Post.objects.readable_by`, for every page and mail."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import moderation, notifications, permissions, posting
from forums.models import ModerationAction, Notification, NotificationSettings, Post
from tests.forums.factories import MembershipFactory, PostFactory, TopicFactory
from tests.forums.spaces import READERS, ROLES, build_closed_space, sign_in
from tests.kb.helpers import text_of

Status = Post.Status
MODERATORS = {"space_moderator", "site_moderator"}


@pytest.fixture
def cast(db):
    closed = build_closed_space()
    member = closed.users["member"]
    closed.waiting = PostFactory(topic=closed.topic, author=member, status=Status.PENDING)
    closed.hidden = PostFactory(topic=closed.topic, author=member, status=Status.HIDDEN)
    closed.withdrawn = PostFactory(topic=closed.topic, author=member, deleted_at=timezone.now())
    return closed


def readable(cast, role):
    user = cast.users[role] or AnonymousUser()
    return set(Post.objects.readable_by(user).filter(topic=cast.topic))


@pytest.mark.parametrize("role", ROLES)
def test_published_posts_are_read_by_the_readers_of_their_space(cast, role):
    assert (cast.post in readable(cast, role)) == (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_a_post_waiting_for_review_is_read_by_its_author_and_the_moderators(cast, role):
    assert (cast.waiting in readable(cast, role)) == (role in {"member", *MODERATORS})


@pytest.mark.parametrize("role", ROLES)
def test_a_hidden_post_is_read_by_the_moderators_only(cast, role):
    assert (cast.hidden in readable(cast, role)) == (role in MODERATORS)


@pytest.mark.parametrize("role", ROLES)
def test_a_withdrawn_post_is_read_by_nobody(cast, role):
    assert cast.withdrawn not in readable(cast, role)


@pytest.mark.parametrize("role", ROLES)
def test_a_topic_page_reads_the_same_posts_from_the_standing_it_has_in_hand(cast, role):
    user = cast.users[role] or AnonymousUser()
    PostFactory(topic=cast.topic, status=Status.PENDING)  # someone else's, waiting
    rights = permissions.standing(user, cast.space)

    in_hand = permissions.readable_posts_in(cast.topic.posts.all(), user, rights)

    assert set(in_hand) == readable(cast, role)


@pytest.mark.parametrize("role", ROLES)
def test_the_published_posts_read_are_those_of_the_spaces_read(cast, role):
    user = cast.users[role] or AnonymousUser()

    published = Post.objects.filter(permissions.readable_published_post(user))

    assert set(published) == set(Post.objects.readable_by(user).published())


def test_a_suspended_author_no_longer_reads_their_waiting_post(cast):
    suspended = cast.users["suspended"]
    waiting = PostFactory(topic=cast.topic, author=suspended, status=Status.PENDING)

    assert not Post.objects.readable_by(suspended).filter(pk=waiting.pk).exists()


def test_a_topic_waiting_for_review_is_listed_for_its_author_and_the_moderators(client, cast):
    held = TopicFactory(space=cast.space, title="Un sujet que la modération relit")
    PostFactory(topic=held, author=cast.users["member"], status=Status.PENDING)
    space_url = reverse("forums:space", args=[cast.space.slug])

    listed = {
        role: held.title in text_of(sign_in(client, cast.users[role]).get(space_url))
        for role in ("member", "space_moderator", "site_moderator")
    }
    other_member = MembershipFactory(space=cast.space).user

    assert listed == {"member": True, "space_moderator": True, "site_moderator": True}
    assert held.title not in text_of(sign_in(client, other_member).get(space_url))


def follow_with_daily_digest(user, topic):
    notifications.follow(user, topic=topic)
    NotificationSettings.objects.create(user=user, digest=NotificationSettings.Digest.DAILY)


def test_a_hidden_post_reaches_no_notification_list_nor_digest(
    client, cast, django_capture_on_commit_callbacks
):
    member, moderator = cast.users["member"], cast.users["space_moderator"]
    for user in (member, moderator):
        follow_with_daily_digest(user, cast.topic)
    body = "Un propos hors charte sur une famille nommée."
    with django_capture_on_commit_callbacks(execute=True):
        post = posting.reply(cast.topic, cast.users["site_moderator"], body=body)
    assert Notification.objects.filter(post=post, recipient__in=[member, moderator]).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        moderation.change_post(post.pk, moderator, ModerationAction.Kind.HIDE, "Hors charte")
    mail.outbox.clear()
    for user in (member, moderator):
        notifications.send_digest(notifications.settings_of(user), timezone.now())

    assert notifications.unread_count(member) == 0
    assert "hors charte sur une famille" not in text_of(
        sign_in(client, member).get(reverse("forums:notifications"))
    )
    assert not [message for message in mail.outbox if "hors charte sur une" in message.body]
