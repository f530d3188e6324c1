"""Invitations by e-mail: a signed link, for that address only, that expires."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from forums import memberships
from forums.models import Space, SpaceMembership
from tests.forums.factories import MembershipFactory, SpaceFactory
from tests.forums.spaces import sign_in
from tests.kb.factories import UserFactory

LINK = re.compile(r"https?://\S+/invitation/\S+/")


@pytest.fixture
def space(db):
    return SpaceFactory(join_policy=Space.JoinPolicy.INVITATION)


@pytest.fixture
def moderator(space):
    return MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user


def invitation_path(client, space, moderator, email):
    sign_in(client, moderator)
    client.post(reverse("forums:invite", args=[space.slug]), {"email": email})
    client.logout()
    [message] = mail.outbox
    assert message.to == [email]
    return LINK.search(message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def test_the_invited_person_joins_from_the_link(client, space, moderator):
    guest = UserFactory(email="invitee@exemple.fr")
    path = invitation_path(client, space, moderator, "invitee@exemple.fr")
    sign_in(client, guest)

    client.post("/" + path, {"accepted_charter": "on"})

    membership = SpaceMembership.objects.get(space=space, user=guest)
    assert membership.status == SpaceMembership.Status.ACTIVE
    assert membership.charter_accepted_at is not None


def test_someone_else_cannot_use_the_link(client, space, moderator):
    path = invitation_path(client, space, moderator, "invitee@exemple.fr")
    sign_in(client, UserFactory(email="intrus@exemple.fr"))

    response = client.post("/" + path, {"accepted_charter": "on"}, follow=True)

    assert "envoyée à une autre adresse" in response.content.decode()
    assert not SpaceMembership.objects.filter(user__email="intrus@exemple.fr").exists()


def test_an_expired_link_is_refused(space, moderator):
    guest = UserFactory(email="invitee@exemple.fr")
    token = memberships.invitation_token(space, "invitee@exemple.fr")
    later = time.time() + (memberships.INVITATION_DAYS + 1) * 86_400

    with (
        mock.patch("django.core.signing.time.time", return_value=later),
        pytest.raises(memberships.InvitationExpired),
    ):
        memberships.accept_invitation(token, guest, accepted_charter=True)


def test_a_tampered_link_leads_nowhere(client, space, moderator):
    sign_in(client, UserFactory(email="invitee@exemple.fr"))
    token = memberships.invitation_token(space, "invitee@exemple.fr")

    response = client.get(reverse("forums:invitation", args=[space.slug, token[:-2] + "xx"]))

    assert response.status_code == 404
    assert not SpaceMembership.objects.filter(user__email="invitee@exemple.fr").exists()


def test_only_moderators_invite(client, space):
    sign_in(client, MembershipFactory(space=space).user)

    response = client.post(reverse("forums:invite", args=[space.slug]), {"email": "x@exemple.fr"})

    assert response.status_code == 404
    assert mail.outbox == []
