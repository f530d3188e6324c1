"""Verification links that are wrong, altered or too old explain themselves."""

import time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.conf import settings

from tests.kb.factories import UserFactory
from tests.kb.helpers import text_of

pytestmark = pytest.mark.django_db

INVALID_LINK_MESSAGE = "Ce lien de confirmation d'adresse e-mail a expiré ou n'est pas valide."


@pytest.fixture
def unverified_address():
    user = UserFactory(email="zoe.lefebvre@exemple.fr", verified=False)
    return EmailAddress.objects.get(user=user)


def confirmation_key(address, days_ago=0):
    """A key as the verification e-mail carries it, signed `days_ago` days ago."""
    signed_at = time.time() - days_ago * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=signed_at):
        return EmailConfirmationHMAC(address).key


def test_valid_key_verifies_the_address(client, unverified_address):
    key = confirmation_key(unverified_address)

    response = client.post(f"/comptes/confirm-email/{key}/")

    assert response.status_code == 302
    unverified_address.refresh_from_db()
    assert unverified_address.verified


@pytest.mark.parametrize("key", ["inconnue", "MQ:1vXXXX:signature-inventee"])
def test_unknown_key_shows_allauths_message(client, key):
    response = client.get(f"/comptes/confirm-email/{key}/")

    assert response.status_code == 200
    assert INVALID_LINK_MESSAGE in text_of(response)


def test_tampered_key_neither_verifies_nor_crashes(client, unverified_address):
    _payload, timestamp, signature = confirmation_key(unverified_address).split(":")
    # Someone pointing a genuine signature at another account (pk 99, base64 "OTk").
    tampered = f"OTk:{timestamp}:{signature}"

    page = client.get(f"/comptes/confirm-email/{tampered}/")
    submission = client.post(f"/comptes/confirm-email/{tampered}/")

    assert page.status_code == 200
    assert INVALID_LINK_MESSAGE in text_of(page)
    assert submission.status_code == 404
    unverified_address.refresh_from_db()
    assert not unverified_address.verified


def test_expired_key_is_refused_with_a_message(client, unverified_address):
    expiry_days = getattr(settings, "ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS", 3)
    key = confirmation_key(unverified_address, days_ago=expiry_days + 1)

    page = client.get(f"/comptes/confirm-email/{key}/")
    client.post(f"/comptes/confirm-email/{key}/")

    assert page.status_code == 200
    assert INVALID_LINK_MESSAGE in text_of(page)
    unverified_address.refresh_from_db()
    assert not unverified_address.verified
