"""Moderation decisions stick: no invitation link, « Rejoindre » or leaving undoes them, and a
suspended member writes nothing anywhere in the space."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums import memberships, moderation, permissions
from forums.models import Post, Report, Space, SpaceMembership, Topic
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.forums.spaces import sign_in
from tests.kb.factories import UserFactory

Status = SpaceMembership.Status


def invitation_url(space, person):
    token = memberships.invitation_token(space, person.email)
    return reverse("forums:invitation", args=[space.slug, token])


def replay(client, url):
    return client.post(url, {"accepted_charter": "on"}, follow=True)


def membership_of(space, person):
    return SpaceMembership.objects.get(space=space, user=person)


def may_write(space, person):
    return permissions.can_post_in_space(person, space) and not permissions.is_barred_from(
        person, space
    )


@pytest.fixture
def space(db):
    return SpaceFactory(join_policy=Space.JoinPolicy.ON_REQUEST)


@pytest.fixture
def moderator(space):
    return MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user


def block(space, person, moderator):
    moderation.block(space, person, moderator, "Propos répétés hors charte")


def refuse(space, person, moderator):
    membership = membership_of(space, person)
    membership.status = Status.PENDING
    membership.save()
    memberships.decide(membership.pk, moderator, approve=False)


def suspend(space, person, moderator):
    until = timezone.now() + timedelta(days=7)
    moderation.suspend(membership_of(space, person), moderator, until, "Une semaine de pause")


@pytest.mark.parametrize(
    ("decision", "left_as"), [(block, Status.BLOCKED), (refuse, Status.REFUSED)]
)
def test_an_invitation_replayed_after_a_block_or_a_refusal_is_refused(
    client, space, moderator, decision, left_as
):
    person = UserFactory()
    link = invitation_url(space, person)
    sign_in(client, person)
    replay(client, link)
    assert membership_of(space, person).status == Status.ACTIVE

    decision(space, person, moderator)
    response = replay(client, link)

    assert membership_of(space, person).status == left_as
    assert "n’est plus valable" in response.content.decode()
    assert client.get(space.get_absolute_url()).status_code in (200, 404)
    assert not may_write(space, person)


def test_an_invitation_replayed_after_a_suspension_does_not_end_it(client, space, moderator):
    person = UserFactory()
    link = invitation_url(space, person)
    sign_in(client, person)
    replay(client, link)

    suspend(space, person, moderator)
    replay(client, link)

    assert membership_of(space, person).is_suspended()
    assert not may_write(space, person)


def test_leaving_and_replaying_an_invitation_does_not_end_a_suspension(client, space, moderator):
    person = UserFactory()
    link = invitation_url(space, person)
    sign_in(client, person)
    replay(client, link)
    suspend(space, person, moderator)

    client.post(reverse("forums:leave", args=[space.slug]))
    replay(client, link)

    assert membership_of(space, person).is_suspended()
    assert not may_write(space, person)


def test_a_new_invitation_sent_after_a_block_lets_the_person_back(client, space, moderator):
    person = MembershipFactory(space=space).user
    block(space, person, moderator)
    SpaceMembership.objects.filter(space=space, user=person).update(
        decided_at=timezone.now() - timedelta(minutes=1)
    )
    sign_in(client, person)

    replay(client, invitation_url(space, person))

    assert membership_of(space, person).status == Status.ACTIVE


@pytest.fixture
def open_space(db):
    return SpaceFactory(join_policy=Space.JoinPolicy.OPEN)


def join(client, space):
    return client.post(
        reverse("forums:join", args=[space.slug]), {"accepted_charter": "on"}, follow=True
    )


def test_a_member_blocked_from_an_open_space_cannot_rejoin_it(client, open_space):
    moderator = MembershipFactory(space=open_space, role=SpaceMembership.Role.MODERATOR).user
    person = MembershipFactory(space=open_space).user
    block(open_space, person, moderator)
    sign_in(client, person)

    page = client.get(open_space.get_absolute_url())
    response = join(client, open_space)

    assert "accepted_charter" not in page.content.decode(), "no « Rejoindre » form"
    assert "vous en a exclu" in response.content.decode()
    assert membership_of(open_space, person).status == Status.BLOCKED


def test_a_suspended_member_who_leaves_an_open_space_cannot_rejoin_until_it_ends(
    client, open_space
):
    moderator = MembershipFactory(space=open_space, role=SpaceMembership.Role.MODERATOR).user
    person = MembershipFactory(space=open_space).user
    suspend(open_space, person, moderator)
    sign_in(client, person)

    client.post(reverse("forums:leave", args=[open_space.slug]))
    response = join(client, open_space)

    assert "suspendue" in response.content.decode()
    assert membership_of(open_space, person).is_suspended()
    assert not may_write(open_space, person)


# A suspended member writes nothing, in a space every signed-in person reads.


@pytest.fixture
def suspended_in_readable_space(db):
    space = SpaceFactory(visibility=Space.Visibility.SIGNED_IN)
    moderator = MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user
    person = MembershipFactory(space=space).user
    topic = TopicFactory(space=space)
    own = PostFactory(topic=topic, author=person, body="Mon message d’avant.")
    other = PostFactory(topic=topic, body="Le message d’un autre membre.")
    suspend(space, person, moderator)
    return space, person, topic, own, other


def test_a_suspended_member_cannot_start_a_topic(client, suspended_in_readable_space):
    space, person, _topic, _own, _other = suspended_in_readable_space
    sign_in(client, person)

    client.post(
        reverse("forums:new_topic", args=[space.slug]),
        {"title": "Nouveau sujet", "body": "Pendant la suspension."},
    )

    assert not Topic.objects.filter(title="Nouveau sujet").exists()


def test_a_suspended_member_cannot_reply(client, suspended_in_readable_space):
    space, person, topic, _own, _other = suspended_in_readable_space
    sign_in(client, person)

    client.post(reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "Réponse."})

    assert not Post.objects.filter(body="Réponse.").exists()


def test_a_suspended_member_cannot_edit_their_post(client, suspended_in_readable_space):
    space, person, _topic, own, _other = suspended_in_readable_space
    sign_in(client, person)

    client.post(reverse("forums:edit_post", args=[space.slug, own.pk]), {"body": "Changé."})

    own.refresh_from_db()
    assert own.body == "Mon message d’avant."


def test_a_suspended_member_cannot_withdraw_their_post(client, suspended_in_readable_space):
    space, person, _topic, own, _other = suspended_in_readable_space
    sign_in(client, person)

    response = client.post(reverse("forums:delete_post", args=[space.slug, own.pk]), follow=True)

    own.refresh_from_db()
    assert own.deleted_at is None
    assert "suspendu votre participation" in response.content.decode()


def test_a_suspended_member_cannot_report_a_post(client, suspended_in_readable_space):
    space, person, _topic, _own, other = suspended_in_readable_space
    sign_in(client, person)

    client.post(
        reverse("forums:report_post", args=[space.slug, other.pk]), {"reason": "Hors charte"}
    )

    assert not Report.objects.filter(post=other).exists()
