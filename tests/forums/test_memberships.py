"""Joining a space, answering a request, leaving: as the people involved see it."""

import pytest
from django.core import mail
from django.urls import reverse

from forums import memberships
from forums.models import Space, SpaceMembership
from tests.forums.factories import MembershipFactory, SpaceFactory
from tests.forums.spaces import sign_in
from tests.kb.factories import UserFactory
from tests.kb.helpers import field_errors, html, text_of

Status = SpaceMembership.Status


def page_text(response):
    """All the visible text, messages above the main region included."""
    return " ".join(html(response).get_text(" ").split())


def join_url(space):
    return reverse("forums:join", args=[space.slug])


@pytest.fixture
def space_on_request(db):
    return SpaceFactory(join_policy=Space.JoinPolicy.ON_REQUEST)


def test_joining_an_open_space_gives_access_at_once(client, db):
    space = SpaceFactory(join_policy=Space.JoinPolicy.OPEN)
    user = UserFactory()
    sign_in(client, user)

    response = client.post(join_url(space), {"accepted_charter": "on"}, follow=True)

    assert "Bienvenue dans l’espace" in page_text(response)
    assert SpaceMembership.objects.get(space=space, user=user).status == Status.ACTIVE


def test_a_request_without_charter_or_reason_is_shown_again_with_what_was_typed(
    client, space_on_request
):
    sign_in(client, UserFactory())

    response = client.post(join_url(space_on_request), {"message": "Directrice de DITEP"})

    assert response.status_code == 400
    assert field_errors(response, "accepted_charter") == [
        "Pour rejoindre l’espace, acceptez d’abord sa charte."
    ]
    assert html(response).find("textarea", attrs={"name": "message"}).text.strip() == (
        "Directrice de DITEP"
    )
    assert not SpaceMembership.objects.exists()


def test_a_request_waits_for_the_moderators(client, space_on_request):
    user = UserFactory()
    sign_in(client, user)

    response = client.post(
        join_url(space_on_request),
        {"accepted_charter": "on", "message": "Je dirige un DITEP dans l’Aude."},
        follow=True,
    )

    membership = SpaceMembership.objects.get(space=space_on_request, user=user)
    assert membership.status == Status.PENDING
    assert membership.charter_accepted_at is not None
    assert "en cours d’examen" in page_text(response)


def test_an_invitation_only_space_refuses_requests(db):
    space = SpaceFactory(join_policy=Space.JoinPolicy.INVITATION, visibility="signed_in")

    with pytest.raises(memberships.InvitationOnly):
        memberships.join(space, UserFactory(), accepted_charter=True)


def test_asking_twice_is_refused_politely(space_on_request):
    user = UserFactory()
    memberships.join(space_on_request, user, accepted_charter=True, message="Bonjour")

    with pytest.raises(memberships.AlreadyAsked):
        memberships.join(space_on_request, user, accepted_charter=True, message="Encore")


def test_a_moderator_approves_and_the_person_is_told(
    client, space_on_request, django_capture_on_commit_callbacks
):
    moderator = MembershipFactory(space=space_on_request, role="moderator").user
    request = MembershipFactory(
        space=space_on_request, status=Status.PENDING, request_message="Cheffe de service"
    )
    sign_in(client, moderator)

    queue = client.get(reverse("forums:join_requests", args=[space_on_request.slug]))
    with django_capture_on_commit_callbacks(execute=True):
        with_decision = client.post(
            reverse("forums:decide", args=[space_on_request.slug, request.pk]),
            {"decision": "approve", "message": "Bienvenue parmi nous"},
            follow=True,
        )

    assert "Cheffe de service" in text_of(queue)
    assert "a rejoint l’espace" in page_text(with_decision)
    request.refresh_from_db()
    assert request.status == Status.ACTIVE
    assert [message.to for message in mail.outbox] == [[request.user.email]]
    assert "Bienvenue parmi nous" in mail.outbox[0].body
    assert space_on_request.get_absolute_url() in mail.outbox[0].body


def test_a_refusal_is_told_too(space_on_request, django_capture_on_commit_callbacks):
    moderator = MembershipFactory(space=space_on_request, role="moderator").user
    request = MembershipFactory(space=space_on_request, status=Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        memberships.decide(request.pk, moderator, approve=False, message="Espace complet")

    request.refresh_from_db()
    assert request.status == Status.REFUSED
    assert "n’a pas retenu votre demande" in mail.outbox[0].body
    assert "Espace complet" in mail.outbox[0].body


def test_the_second_decision_on_a_request_is_told_it_came_too_late(
    space_on_request, django_capture_on_commit_callbacks
):
    first, second = (
        MembershipFactory(space=space_on_request, role="moderator").user for _ in range(2)
    )
    request = MembershipFactory(space=space_on_request, status=Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        memberships.decide(request.pk, first, approve=True)
        with pytest.raises(memberships.AlreadyDecided):
            memberships.decide(request.pk, second, approve=False)

    request.refresh_from_db()
    assert request.status == Status.ACTIVE
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("who", ["member", "non_member", "anonymous"])
def test_only_moderators_see_and_answer_requests(client, space_on_request, who):
    request = MembershipFactory(space=space_on_request, status=Status.PENDING)
    users = {
        "member": MembershipFactory(space=space_on_request).user,
        "non_member": UserFactory(),
        "anonymous": None,
    }
    sign_in(client, users[who])

    queue = client.get(reverse("forums:join_requests", args=[space_on_request.slug]))
    decision = client.post(
        reverse("forums:decide", args=[space_on_request.slug, request.pk]),
        {"decision": "approve"},
    )

    assert queue.status_code in (302, 404)
    assert decision.status_code in (302, 404)
    request.refresh_from_db()
    assert request.status == Status.PENDING


def test_leaving_a_space_ends_access(client, space_on_request):
    member = MembershipFactory(space=space_on_request).user
    sign_in(client, member)

    client.post(reverse("forums:leave", args=[space_on_request.slug]))

    assert not SpaceMembership.objects.filter(space=space_on_request, user=member).exists()
