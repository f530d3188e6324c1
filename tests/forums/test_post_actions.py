"""What the topic page offers to do with each post is what the rules allow, nothing more."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forums import moderation, permissions, posting
from forums.models import Space, SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.forums.spaces import sign_in
from tests.kb.helpers import html

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_space():
    """A space every signed-in person reads, so that people barred from writing still read it."""
    space = SpaceFactory(visibility=Space.Visibility.SIGNED_IN, premoderated=False)
    topic = TopicFactory(space=space)
    author = MembershipFactory(space=space).user
    post = PostFactory(topic=topic, author=author, body="Notre unité de répit ouvre en mai.")
    return space, post


def buttons(client, post):
    """The labels of the actions shown on `post` in its topic page."""
    page = html(client.get(post.topic.get_absolute_url()))
    message = page.find(id=f"message-{post.pk}")
    return {" ".join(tag.get_text(" ").split()) for tag in message.find_all(["a", "button"])} | {
        " ".join(tag.get_text(" ").split()) for tag in message.find_all("summary")
    }


def suspend(space, user):
    SpaceMembership.objects.filter(space=space, user=user).update(
        suspended_until=timezone.now() + timedelta(days=7)
    )


def test_an_author_is_offered_to_edit_and_delete_their_post_not_to_report_it(client, open_space):
    space, post = open_space
    sign_in(client, post.author)

    shown = buttons(client, post)

    assert {"Modifier", "Supprimer"} <= shown
    assert "Signaler ce message" not in shown


def test_suspended_author_is_shown_no_edit_or_delete_link(client, open_space):
    space, post = open_space
    suspend(space, post.author)
    sign_in(client, post.author)

    shown = buttons(client, post)

    assert "Modifier" not in shown
    assert "Supprimer" not in shown
    with pytest.raises(posting.Barred):
        posting.edit(post, post.author, body="Une autre version.")


def test_a_reader_is_offered_to_report_the_post_of_someone_else(client, open_space):
    space, post = open_space
    reader = MembershipFactory(space=space).user
    sign_in(client, reader)

    shown = buttons(client, post)

    assert "Signaler ce message" in shown
    assert "Modifier" not in shown


def test_a_suspended_reader_is_not_offered_to_report(client, open_space):
    space, post = open_space
    reader = MembershipFactory(space=space).user
    suspend(space, reader)
    sign_in(client, reader)

    assert "Signaler ce message" not in buttons(client, post)


def test_an_author_cannot_report_their_own_post(open_space):
    _space, post = open_space

    with pytest.raises(moderation.CannotReport):
        moderation.report(post, post.author, "Je me signale moi-même.")


def test_a_locked_topic_takes_replies_from_its_moderators_only(open_space):
    space, post = open_space
    topic = post.topic
    topic.locked = True
    topic.save()
    moderator = MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user

    assert not posting.may_reply(topic, post.author)
    assert posting.may_reply(topic, moderator)
    with pytest.raises(posting.TopicLocked):
        posting.reply(topic, post.author, body="Encore un mot.")


def test_the_actions_follow_the_rules_for_every_post_of_a_page(open_space):
    space, post = open_space
    own = PostFactory(topic=post.topic, author=post.author, deleted_at=timezone.now())

    actions = dict(permissions.actions_on(post.author, space, [post, own], replying=True))

    assert actions[post] == permissions.PostActions(edit=True, delete=True, quote=True)
    assert actions[own] == permissions.PostActions()


def test_quoting_is_offered_to_those_who_may_reply(client, open_space):
    space, post = open_space
    reader = MembershipFactory(space=space).user
    sign_in(client, reader)
    offered = "Citer dans ma réponse" in buttons(client, post)
    suspend(space, reader)

    assert offered
    assert "Citer dans ma réponse" not in buttons(client, post)
