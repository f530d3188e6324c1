"""Reports and moderation actions, as moderators, authors and reporters see them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import moderation, permissions
from forums.models import ModerationAction, Post, Report, SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.forums.spaces import sign_in
from tests.kb.helpers import text_of

Kind = ModerationAction.Kind


@pytest.fixture
def space(db):
    return SpaceFactory()


@pytest.fixture
def moderator(space):
    return MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user


@pytest.fixture
def member(space):
    return MembershipFactory(space=space).user


@pytest.fixture
def post(space, member):
    return PostFactory(topic=TopicFactory(space=space, author=member), body="Propos déplacés.")


def test_a_member_reports_a_post_and_moderators_find_it_in_their_queue(
    client, space, post, moderator
):
    reporter = MembershipFactory(space=space).user
    sign_in(client, reporter)

    client.post(
        reverse("forums:report_post", args=[space.slug, post.pk]), {"reason": "Hors charte"}
    )
    client.force_login(moderator)
    queue = client.get(reverse("forums:moderation", args=[space.slug]))

    assert "Hors charte" in text_of(queue)
    assert "Propos déplacés." in text_of(queue)


def test_reporting_twice_is_refused(space, post):
    reporter = MembershipFactory(space=space).user
    moderation.report(post, reporter, "Hors charte")

    with pytest.raises(moderation.AlreadyReported):
        moderation.report(post, reporter, "Encore")


def test_reports_are_capped_per_day(space):
    reporter = MembershipFactory(space=space).user
    posts = PostFactory.create_batch(moderation.REPORTS_PER_DAY + 1, topic__space=space)
    for post in posts[:-1]:
        moderation.report(post, reporter, "Spam")

    with pytest.raises(moderation.TooManyReports):
        moderation.report(posts[-1], reporter, "Spam")


def test_hiding_a_post_closes_its_reports_logs_and_tells_the_author(
    space, post, moderator, django_capture_on_commit_callbacks
):
    moderation.report(post, MembershipFactory(space=space).user, "Hors charte")

    with django_capture_on_commit_callbacks(execute=True):
        moderation.change_post(post.pk, moderator, Kind.HIDE, "Propos blessants")

    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assert not moderation.open_reports(space).exists()
    action = ModerationAction.objects.get()
    assert (action.kind, action.moderator, action.reason) == (
        Kind.HIDE,
        moderator,
        "Propos blessants",
    )
    assert mail.outbox[0].to == [post.author.email]
    assert "Propos blessants" in mail.outbox[0].body


def test_a_hidden_post_disappears_for_members_and_can_be_restored(
    client, space, post, moderator, member
):
    moderation.change_post(post.pk, moderator, Kind.HIDE)
    reader = MembershipFactory(space=space).user
    sign_in(client, reader)
    hidden_page = client.get(post.topic.get_absolute_url())

    moderation.change_post(post.pk, moderator, Kind.RESTORE)
    restored_page = client.get(post.topic.get_absolute_url())

    assert "Propos déplacés." not in text_of(hidden_page)
    assert "Propos déplacés." in text_of(restored_page)


def test_an_author_who_rewrites_a_hidden_post_sends_it_back_to_the_moderators(
    client, space, post, moderator, member, django_capture_on_commit_callbacks
):
    moderation.change_post(post.pk, moderator, Kind.HIDE, "Lien publicitaire")
    mail.outbox.clear()
    edit_url = reverse("forums:edit_post", args=[space.slug, post.pk])
    sign_in(client, member)

    form = client.get(edit_url)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(edit_url, {"body": "Version reformulée"}, follow=True)

    post.refresh_from_db()
    assert post.status == Post.Status.PENDING
    assert "relu par la modération avant d’être de nouveau publié" in text_of(form)
    assert "sera de nouveau visible une fois validé" in answer.content.decode()
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    sign_in(client, moderator)
    queue = client.get(reverse("forums:moderation", args=[space.slug]))
    assert "Version reformulée" in text_of(queue)


def test_the_second_moderator_acting_on_the_same_post_is_told(space, post, moderator):
    other = MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user
    moderation.change_post(post.pk, moderator, Kind.HIDE)

    with pytest.raises(moderation.AlreadyHandled):
        moderation.change_post(post.pk, other, Kind.HIDE)

    assert ModerationAction.objects.count() == 1


def test_approving_a_pending_post_publishes_it(space, moderator, member):
    post = PostFactory(topic__space=space, author=member, status=Post.Status.PENDING)

    moderation.change_post(post.pk, moderator, Kind.APPROVE)

    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_locking_pinning_and_moving_a_topic(space, post, moderator):
    other_space = SpaceFactory()
    MembershipFactory(space=other_space, user=moderator, role=SpaceMembership.Role.MODERATOR)
    topic = post.topic

    moderation.set_topic_flag(topic, moderator, Kind.LOCK)
    moderation.set_topic_flag(topic, moderator, Kind.PIN)
    moderation.move_topic(topic, moderator, other_space, "Mieux à sa place là-bas")

    topic.refresh_from_db()
    assert (topic.locked, topic.pinned, topic.space) == (True, True, other_space)
    kinds = list(ModerationAction.objects.values_list("kind", flat=True))
    assert sorted(kinds) == sorted([Kind.LOCK, Kind.PIN, Kind.MOVE, Kind.MOVE])


def test_a_topic_cannot_be_moved_into_a_space_one_does_not_moderate(space, post, moderator):
    with pytest.raises(moderation.NotModerator):
        moderation.move_topic(post.topic, moderator, SpaceFactory())


def test_a_suspended_member_reads_and_writes_nothing_until_the_end(space, moderator, member):
    membership = SpaceMembership.objects.get(space=space, user=member)
    until = timezone.now() + timedelta(days=7)

    moderation.suspend(membership, moderator, until, "Insultes")

    assert not permissions.can_read_space(member, space)
    assert not permissions.can_post_in_space(member, space)
    membership.refresh_from_db()
    assert not membership.is_suspended(at=until + timedelta(minutes=1))


def test_blocking_removes_the_member_and_hides_all_their_posts_at_once(space, moderator, member):
    topic = TopicFactory(space=space)
    PostFactory.create_batch(3, topic=topic, author=member)
    elsewhere = PostFactory(author=member)

    hidden = moderation.block(space, member, moderator, "Spam répété")

    assert hidden == 3
    assert not Post.objects.filter(
        topic__space=space, author=member, status=Post.Status.PUBLISHED
    ).exists()
    elsewhere.refresh_from_db()
    assert elsewhere.status == Post.Status.PUBLISHED
    assert not permissions.can_read_space(member, space)
    assert ModerationAction.objects.get().kind == Kind.BLOCK


@pytest.mark.parametrize("who", ["member", "anonymous"])
def test_people_who_do_not_moderate_cannot_reach_the_queue_or_act(client, space, post, who):
    users = {"member": MembershipFactory(space=space).user, "anonymous": None}
    sign_in(client, users[who])

    queue = client.get(reverse("forums:moderation", args=[space.slug]))
    hide = client.post(
        reverse("forums:moderate_post", args=[space.slug, post.pk]), {"action": "hide"}
    )

    assert queue.status_code in (302, 404)
    assert hide.status_code in (302, 404)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_the_moderation_log_is_shown_to_moderators(client, space, post, moderator):
    moderation.change_post(post.pk, moderator, Kind.HIDE, "Propos blessants")
    sign_in(client, moderator)

    queue = client.get(reverse("forums:moderation", args=[space.slug]))

    assert "Message masqué" in text_of(queue)
    assert "Propos blessants" in text_of(queue)


def test_reports_by_outsiders_are_refused(space, post):
    with pytest.raises(moderation.CannotReport):
        moderation.report(post, MembershipFactory().user, "Je ne suis pas membre")
    assert not Report.objects.exists()
