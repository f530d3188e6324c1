"""Creating an account: the form, its errors, and the e-mail verification."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from kb.models import Department
from tests.kb.factories import PASSWORD, UserFactory
from tests.kb.helpers import field_errors, html, input_value, text_of

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def signup_data():
    return {
        "email": "zoe.lefebvre@exemple.fr",
        "first_name": "Zoé",
        "last_name": "Lefebvre",
        "role": "manager",
        "organisation": "IME Les Tilleuls",
        "territory": str(Department.objects.get(code="34").pk),
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def confirmation_link(message):
    return re.search(re.escape(settings.SITE_URL) + r"(/\S+/)", message.body).group(1)


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_signup_saves_names_and_profile_and_sends_one_verification_email(client, signup_data):
    response = client.post("/comptes/signup/", signup_data, follow=True)

    user = User.objects.get(email="zoe.lefebvre@exemple.fr")
    assert (user.first_name, user.last_name) == ("Zoé", "Lefebvre")
    assert user.profile.role == "manager"
    assert user.profile.organisation == "IME Les Tilleuls"
    assert user.profile.territory.code == "34"
    assert not EmailAddress.objects.get(user=user).verified
    assert "Vérifiez votre adresse e-mail" in text_of(response)
    assert not is_logged_in(client)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["zoe.lefebvre@exemple.fr"]
    assert "/comptes/confirm-email/" in mail.outbox[0].body


def test_verification_email_names_the_site_not_the_server(client, signup_data):
    client.post("/comptes/signup/", signup_data)

    body = mail.outbox[0].body
    assert "Pair-émulation et capitalisation médico-sociale" in body
    assert "testserver !" not in body


def test_login_before_verification_is_refused_with_an_explanation(client, signup_data):
    client.post("/comptes/signup/", signup_data)

    response = client.post(
        "/comptes/login/", {"login": signup_data["email"], "password": PASSWORD}, follow=True
    )

    assert not is_logged_in(client)
    assert response.redirect_chain[-1][0] == "/comptes/confirm-email/"
    assert "Vérifiez votre adresse e-mail" in text_of(response)


def test_confirmed_address_lets_the_member_log_in_to_their_profile(client, signup_data):
    client.post("/comptes/signup/", signup_data)
    link = confirmation_link(mail.outbox[0])

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    assert "zoe.lefebvre@exemple.fr" in text_of(confirm_page)
    client.post(link)

    assert EmailAddress.objects.get(email="zoe.lefebvre@exemple.fr").verified
    response = client.post(
        "/comptes/login/", {"login": "Zoe.Lefebvre@exemple.fr", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/comptes/profil/"
    assert is_logged_in(client)


def test_login_with_a_wrong_password_says_so(client):
    UserFactory(email="lea.roussel@exemple.fr")

    response = client.post(
        "/comptes/login/", {"login": "lea.roussel@exemple.fr", "password": "pas-le-bon-mot"}
    )

    assert response.status_code == 200
    alert = html(response).find(role="alert").get_text(" ", strip=True)
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in alert
    assert not is_logged_in(client)


@pytest.mark.parametrize("email", ["lea.roussel@exemple.fr", "Lea.Roussel@EXEMPLE.fr"])
def test_signup_with_existing_email_keeps_typed_values(client, signup_data, email):
    UserFactory(email="lea.roussel@exemple.fr")

    response = client.post("/comptes/signup/", {**signup_data, "email": email})

    assert response.status_code == 200
    assert field_errors(response, "email") == [
        "Un autre utilisateur utilise déjà cette adresse e-mail."
    ]
    assert input_value(response, "email") == email
    assert input_value(response, "first_name") == "Zoé"
    assert input_value(response, "last_name") == "Lefebvre"
    assert input_value(response, "organisation") == "IME Les Tilleuls"
    assert input_value(response, "role") == "manager"
    assert input_value(response, "territory") == signup_data["territory"]
    assert User.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab3-kq", "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères."),
        ("motdepasse", "Ce mot de passe est trop courant."),
        ("4815162342", "Ce mot de passe est entièrement numérique."),
        (
            "zoe.lefebvre@exemple.fr",
            "Le mot de passe est trop semblable au champ « adresse e-mail ».",
        ),
    ],
    ids=["too-short", "too-common", "numeric", "equal-to-email"],
)
def test_signup_with_weak_password_explains_why_and_creates_nothing(
    client, signup_data, password, message
):
    response = client.post(
        "/comptes/signup/", {**signup_data, "password1": password, "password2": password}
    )

    assert response.status_code == 200
    assert message in [error.replace("\xa0", " ") for error in field_errors(response, "password1")]
    assert User.objects.count() == 0
    assert mail.outbox == []


def test_signup_with_mismatched_confirmation_creates_nothing(client, signup_data):
    response = client.post("/comptes/signup/", {**signup_data, "password2": PASSWORD + "!"})

    assert response.status_code == 200
    assert field_errors(response, "password2") == [
        "Vous devez saisir deux fois le même mot de passe."
    ]
    assert User.objects.count() == 0


def test_signup_without_required_fields_flags_each_of_them(client):
    response = client.post("/comptes/signup/", {})

    assert response.status_code == 200
    assert "Le formulaire contient des erreurs" in text_of(response)
    for name in ("email", "first_name", "last_name", "role", "password1"):
        assert field_errors(response, name) in (["Champ requis."], ["Ce champ est obligatoire."])


def test_signup_with_unknown_territory_is_a_form_error(client, signup_data):
    response = client.post("/comptes/signup/", {**signup_data, "territory": "999999"})

    assert response.status_code == 200
    assert field_errors(response, "territory")
    assert User.objects.count() == 0


def test_after_confirming_their_address_newcomers_land_where_they_started(client, signup_data):
    started_at = "/espaces/"
    client.get(f"/comptes/signup/?next={started_at}")
    client.post("/comptes/signup/", {**signup_data, "next": started_at})
    client.post(confirmation_link(mail.outbox[0]))

    response = client.post(
        "/comptes/login/", {"login": "zoe.lefebvre@exemple.fr", "password": PASSWORD}
    )

    assert response["Location"] == started_at


def test_a_next_to_another_site_is_not_kept_through_the_confirmation(client, signup_data):
    client.post("/comptes/signup/", {**signup_data, "next": "https://ailleurs.example/"})
    client.post(confirmation_link(mail.outbox[0]))

    response = client.post(
        "/comptes/login/", {"login": "zoe.lefebvre@exemple.fr", "password": PASSWORD}
    )

    assert response["Location"] == "/comptes/profil/"
