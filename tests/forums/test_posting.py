"""Opening topics and replying, as members, newcomers, suspended members and outsiders see it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums import posting
from forums.models import Post, SpaceMembership, Topic
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.forums.spaces import sign_in
from tests.kb.factories import UserFactory
from tests.kb.helpers import field_errors, html, text_of

Status = Post.Status


@pytest.fixture
def space(db):
    return SpaceFactory()


@pytest.fixture
def trusted_member(space):
    """A member whose first posts were accepted: their next ones are published at once."""
    membership = MembershipFactory(space=space)
    topic = TopicFactory(space=space, author=membership.user)
    PostFactory.create_batch(posting.REVIEWED_FIRST_POSTS, topic=topic, status=Status.PUBLISHED)
    return membership.user


def reply_url(topic):
    return reverse("forums:reply", args=[topic.space.slug, topic.pk])


def test_a_trusted_member_replies_and_reads_the_reply(client, space, trusted_member):
    topic = TopicFactory(space=space)
    PostFactory(topic=topic)
    sign_in(client, trusted_member)

    response = client.post(reply_url(topic), {"body": "Nous avons fait **pareil**."}, follow=True)

    assert "Nous avons fait" in text_of(response)
    assert "<strong>pareil</strong>" in response.content.decode()


def test_a_newcomers_first_posts_wait_for_a_moderator(client, space):
    newcomer = MembershipFactory(space=space).user
    topic = TopicFactory(space=space)
    PostFactory(topic=topic)
    sign_in(client, newcomer)

    client.post(reply_url(topic), {"body": "Première réponse."})

    post = Post.objects.get(author=newcomer)
    assert post.status == Status.PENDING
    other_member = MembershipFactory(space=space).user
    client.force_login(other_member)
    assert "Première réponse" not in text_of(client.get(topic.get_absolute_url()))
    client.force_login(newcomer)
    assert "En attente de modération" in text_of(client.get(topic.get_absolute_url()))


def test_a_premoderated_space_holds_even_trusted_posts(space, trusted_member):
    space.premoderated = True
    space.save()

    post = posting.reply(TopicFactory(space=space), trusted_member, body="Réponse")

    assert post.status == Status.PENDING


def test_an_empty_reply_is_shown_again_with_an_error(client, space, trusted_member):
    topic = TopicFactory(space=space)
    PostFactory(topic=topic)
    sign_in(client, trusted_member)

    response = client.post(reply_url(topic), {"body": "", "anonymous": "on"})

    assert response.status_code == 400
    assert field_errors(response, "body")
    assert html(response).find("input", attrs={"name": "anonymous"}).has_attr("checked")


def test_quoting_a_post_prefills_the_reply(client, space, trusted_member):
    topic = TopicFactory(space=space)
    quoted = PostFactory(topic=topic, body="Une convention tripartite.\nSignée en mars.")
    sign_in(client, trusted_member)

    response = client.get(topic.get_absolute_url(), {"citer": quoted.pk})

    body = html(response).find("textarea", attrs={"name": "body"}).text
    assert body.strip() == "> Une convention tripartite.\n> Signée en mars."


def test_a_locked_topic_refuses_replies_from_members(space, trusted_member):
    topic = TopicFactory(space=space, locked=True)

    with pytest.raises(posting.TopicLocked):
        posting.reply(topic, trusted_member, body="Encore un mot")


def test_a_suspended_member_cannot_reply(client, space):
    suspended = MembershipFactory(
        space=space, suspended_until=timezone.now() + timedelta(days=3)
    ).user
    topic = TopicFactory(space=space)
    PostFactory(topic=topic)
    sign_in(client, suspended)

    response = client.post(reply_url(topic), {"body": "Je réponds quand même"})

    assert response.status_code == 404
    assert not Post.objects.filter(author=suspended).exists()


@pytest.mark.parametrize("status", [SpaceMembership.Status.PENDING, SpaceMembership.Status.REFUSED])
def test_people_without_an_accepted_membership_cannot_open_a_topic(client, space, status):
    user = MembershipFactory(space=space, status=status).user
    sign_in(client, user)

    response = client.post(
        reverse("forums:new_topic", args=[space.slug]), {"title": "Sujet", "body": "Texte"}
    )

    assert response.status_code == 404
    assert not Topic.objects.exists()


def test_a_member_opens_a_topic(client, space, trusted_member):
    sign_in(client, trusted_member)

    response = client.post(
        reverse("forums:new_topic", args=[space.slug]),
        {"title": "Astreintes de direction partagées", "body": "Qui mutualise ?"},
        follow=True,
    )

    assert "Astreintes de direction partagées" in text_of(response)
    assert "Qui mutualise ?" in text_of(response)


def test_the_composer_reminds_not_to_identify_the_people_supported(client, space, trusted_member):
    sign_in(client, trusted_member)

    response = client.get(reverse("forums:new_topic", args=[space.slug]))

    assert "ni nom, ni date de naissance, ni détail de santé" in text_of(response)


def test_a_new_account_cannot_flood(space):
    newcomer = MembershipFactory(space=space).user
    topic = TopicFactory(space=space)
    for number in range(posting.NEW_MEMBER_DAILY_CAP):
        posting.reply(topic, newcomer, body=f"Message {number}")

    with pytest.raises(posting.DailyCapReached):
        posting.reply(topic, newcomer, body="Un de trop")


def test_the_daily_cap_grows_with_trust(space):
    member = MembershipFactory(space=space).user
    topic = TopicFactory(space=space)
    PostFactory.create_batch(posting.TRUSTED_AFTER, topic=topic, author=member)
    Post.objects.filter(author=member).update(created_at=timezone.now() - timedelta(days=2))

    assert posting.daily_cap(member) == posting.TRUSTED_DAILY_CAP
    assert posting.daily_cap(UserFactory()) == posting.NEW_MEMBER_DAILY_CAP


def test_an_author_edits_and_moderators_see_the_previous_text(client, space, trusted_member):
    post = PostFactory(topic__space=space, author=trusted_member, body="Première version")
    moderator = MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user
    sign_in(client, trusted_member)

    client.post(
        reverse("forums:edit_post", args=[space.slug, post.pk]), {"body": "Version corrigée"}
    )
    member_view = text_of(client.get(post.topic.get_absolute_url()))
    client.force_login(moderator)
    moderator_view = text_of(client.get(post.topic.get_absolute_url()))

    assert "Version corrigée" in member_view
    assert "(modifié)" in member_view
    assert "Première version" not in member_view
    assert "Première version" in moderator_view


def test_nobody_edits_someone_elses_post(client, space, trusted_member):
    post = PostFactory(topic__space=space, body="Texte d’origine")
    sign_in(client, trusted_member)

    response = client.post(
        reverse("forums:edit_post", args=[space.slug, post.pk]), {"body": "Piraté"}
    )

    assert response.status_code == 404
    post.refresh_from_db()
    assert post.body == "Texte d’origine"


def test_an_author_withdraws_a_post_and_members_no_longer_read_it(client, space, trusted_member):
    post = PostFactory(topic__space=space, author=trusted_member, body="À retirer")
    sign_in(client, trusted_member)

    client.post(reverse("forums:delete_post", args=[space.slug, post.pk]))

    post.refresh_from_db()
    assert post.deleted_at is not None
    assert "À retirer" not in text_of(client.get(post.topic.get_absolute_url()))
