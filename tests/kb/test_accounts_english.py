"""The account journeys under /en/: same behaviour, every message in English."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from kb.models import Department
from tests.kb.factories import PASSWORD, UserFactory
from tests.kb.helpers import field_errors, input_value, text_of

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def signup_data():
    return {
        "email": "sam.taylor@example.org",
        "first_name": "Sam",
        "last_name": "Taylor",
        "role": "professional",
        "organisation": "SESSAD du Gers",
        "territory": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def test_signup_form_speaks_english(client):
    text = text_of(client.get("/en/comptes/signup/"))

    for label in ("First name", "Last name", "You are", "Organisation", "Password"):
        assert label in text
    assert "Prénom" not in text


def test_signup_sends_an_english_verification_link_under_en(client, signup_data):
    response = client.post("/en/comptes/signup/", signup_data, follow=True)

    assert "Verify Your Email Address" in text_of(response)
    body = mail.outbox[0].body
    assert "To confirm it, open this link:" in body
    link = re.search(re.escape(settings.SITE_URL) + r"(/\S+/)", body).group(1)
    assert link.startswith("/en/comptes/confirm-email/")

    client.post(link)
    login = client.post("/en/comptes/login/", {"login": signup_data["email"], "password": PASSWORD})
    assert login["Location"] == "/en/comptes/profil/"


def test_signup_with_existing_email_says_so_in_english(client, signup_data):
    UserFactory(email="sam.taylor@example.org")

    response = client.post(
        "/en/comptes/signup/", {**signup_data, "email": "Sam.Taylor@Example.org"}
    )

    assert response.status_code == 200
    assert field_errors(response, "email") == [
        "A user is already registered with this email address."
    ]
    assert "The form contains errors" in text_of(response)
    assert input_value(response, "organisation") == "SESSAD du Gers"
    assert User.objects.count() == 1


def test_weak_password_is_explained_in_english(client, signup_data):
    response = client.post(
        "/en/comptes/signup/", {**signup_data, "password1": "4815162342", "password2": "4815162342"}
    )

    assert "This password is entirely numeric." in field_errors(response, "password1")
    assert User.objects.count() == 0


def test_unverified_login_is_refused_in_english(client):
    UserFactory(email="sam.taylor@example.org", verified=False)

    response = client.post(
        "/en/comptes/login/", {"login": "sam.taylor@example.org", "password": PASSWORD}, follow=True
    )

    assert "_auth_user_id" not in client.session
    assert "Verify Your Email Address" in text_of(response)


def test_invalid_verification_link_is_explained_in_english(client):
    response = client.get("/en/comptes/confirm-email/unknown/")

    assert response.status_code == 200
    assert "This email confirmation link expired or is invalid." in text_of(response)


def test_english_profile_requires_login_and_saves_in_english(client, member):
    anonymous = client.get("/en/comptes/profil/")
    assert anonymous["Location"] == "/en/comptes/login/?next=/en/comptes/profil/"

    client.force_login(member)
    page = client.get("/en/comptes/profil/")
    assert "My profile" in text_of(page)
    saved = client.post(
        "/en/comptes/profil/",
        {
            "first_name": "Sam",
            "last_name": "Taylor",
            "role": "manager",
            "organisation": "IME",
            "territory": str(Department.objects.get(code="2A").pk),
        },
        follow=True,
    )
    assert "Your profile has been saved." in saved.content.decode()
    member.profile.refresh_from_db()
    assert member.profile.territory.code == "2A"


def test_english_profile_with_invalid_territory_is_an_english_form_error(client, member):
    client.force_login(member)

    response = client.post(
        "/en/comptes/profil/",
        {"first_name": "Sam", "last_name": "Taylor", "role": "manager", "territory": "999999"},
    )

    assert response.status_code == 200
    assert field_errors(response, "territory") == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert "The form contains errors" in text_of(response)


def test_english_password_reset_link_works(client, member):
    client.post("/en/comptes/password/reset/", {"email": member.email})
    link = re.search(re.escape(settings.SITE_URL) + r"(/\S+/)", mail.outbox[0].body).group(1)
    assert link.startswith("/en/comptes/password/reset/key/")

    form_page = client.get(link, follow=True)
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "Heron-cendre-au-bord", "password2": "Heron-cendre-au-bord"},
        follow=True,
    )

    assert "Your password is now changed." in text_of(done)
