"""Every form that asks for the password counts wrong ones with the sign-in's: after five,
even the right password is refused for a while, and the page says so."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.kb.factories import PASSWORD, UserFactory

WRONG = "pas-le-bon-mot-de-passe"


def assert_locked_out(response):
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.text
    assert "30 minutes" in response.text


def close_account(client, password):
    return client.post(reverse("close_account"), {"password": password, "confirm": "on"})


def change_password(client, password):
    new = "Un-tout-nouveau-mot-de-passe-77"
    return client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": new, "password2": new},
    )


def test_closing_the_account_is_refused_after_five_wrong_passwords_even_with_the_right_one(
    client, member
):
    client.force_login(member)
    for _attempt in range(5):
        assert close_account(client, WRONG).status_code in (400, 429)

    response = close_account(client, PASSWORD)

    assert_locked_out(response)
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_changing_the_password_is_refused_after_five_wrong_ones_even_with_the_right_one(
    client, member
):
    client.force_login(member)
    for _attempt in range(5):
        change_password(client, WRONG)

    response = change_password(client, PASSWORD)

    assert_locked_out(response)
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_changing_the_e_mail_address_asks_for_the_password_and_counts_wrong_ones(client, member):
    client.force_login(member)

    asked = client.post(reverse("account_email"), {"action_add": "", "email": "autre@exemple.fr"})
    assert asked.status_code == 302
    confirm = asked["Location"]
    assert confirm.startswith(reverse("account_reauthenticate"))
    for _attempt in range(5):
        client.post(confirm, {"password": WRONG})
    response = client.post(confirm, {"password": PASSWORD})

    assert_locked_out(response)
    assert not EmailAddress.objects.filter(email="autre@exemple.fr").exists()


@pytest.mark.staff_without_second_factor
def test_setting_up_a_second_factor_counts_wrong_passwords(client, editor):
    client.force_login(editor)

    confirm = client.get(reverse("mfa_activate_totp"))["Location"]
    assert confirm.startswith(reverse("account_reauthenticate"))
    for _attempt in range(5):
        client.post(confirm, {"password": WRONG})
    response = client.post(confirm, {"password": PASSWORD})

    assert_locked_out(response)


def test_wrong_passwords_on_a_confirmation_form_lock_the_sign_in_too(client, member):
    client.force_login(member)
    for _attempt in range(5):
        close_account(client, WRONG)
    client.logout()

    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})

    assert_locked_out(response)


def test_a_few_wrong_passwords_then_the_right_one_close_the_account(client, db):
    member = UserFactory()
    client.force_login(member)
    for _attempt in range(2):
        close_account(client, WRONG)

    response = close_account(client, PASSWORD)

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
