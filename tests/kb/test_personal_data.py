"""A member downloads what the site holds about them, and closes their account."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forums.models import Notification, SpaceMembership
from practices.models import TrainingRegistration
from tests.forums.factories import MembershipFactory, PostFactory
from tests.kb.factories import PASSWORD, UserFactory
from tests.kb.helpers import field_errors, text_of
from tests.practices.conftest import practices_fr  # noqa: F401
from tests.practices.training_fixtures import build_offer, build_session, refreshed, take_seats


@pytest.fixture
def member(db):
    return UserFactory(first_name="Nadia", last_name="Chérif")


@pytest.fixture
def history(member, practices_fr):  # noqa: F811
    membership = MembershipFactory(user=member, request_message="Cheffe de service en IME")
    post = PostFactory(topic__space=membership.space, author=member, body="Notre retour d’IME")
    offer = build_offer(practices_fr.trainings, title="Formation croisée IME–FAM")
    upcoming = take_seats(build_session(offer, seats=2), [member])
    past = build_session(offer, starts_in=timedelta(days=-30))
    take_seats(past, [member])
    return {"membership": membership, "post": post, "upcoming": upcoming, "past": past}


def test_a_member_downloads_their_data_as_json(client, member, history):
    client.force_login(member)

    response = client.get(reverse("export_personal_data"))

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["space_memberships"][0]["request_message"] == "Cheffe de service en IME"
    assert data["posts"][0]["body"] == "Notre retour d’IME"
    assert {r["training"] for r in data["training_registrations"]} == {"Formation croisée IME–FAM"}


def test_the_export_is_for_the_signed_in_person_only(client, db):
    response = client.get(reverse("export_personal_data"))

    assert response.status_code == 302


def test_a_wrong_password_closes_nothing(client, member, history):
    client.force_login(member)

    response = client.post(reverse("close_account"), {"password": "pas-le-bon", "confirm": "on"})

    assert response.status_code == 400
    assert field_errors(response, "password") == ["Ce mot de passe n’est pas le bon."]
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_closing_an_account_keeps_the_discussion_and_frees_the_seats(client, member, history):
    client.force_login(member)
    Notification.objects.create(recipient=member, post=history["post"], reason="followed")

    response = client.post(
        reverse("close_account"), {"password": PASSWORD, "confirm": "on"}, follow=True
    )

    assert "Votre compte est supprimé" in response.content.decode()
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not SpaceMembership.objects.filter(pk=history["membership"].pk).exists()
    assert not Notification.objects.exists()
    reader = MembershipFactory(space=history["membership"].space).user
    client.force_login(reader)
    topic_page = text_of(client.get(history["post"].topic.get_absolute_url()))
    assert "Notre retour d’IME" in topic_page
    assert "Ancien membre" in topic_page
    assert "Chérif" not in topic_page
    assert refreshed(history["upcoming"]).seats_taken == 0
    past = TrainingRegistration.objects.get(session=history["past"])
    assert past.user is None
    assert refreshed(history["past"]).seats_taken == 1
