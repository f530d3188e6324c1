"""Forgotten password: the e-mail, the link, the new password."""

import re

import pytest
from django.conf import settings
from django.core import mail

from tests.kb.factories import PASSWORD
from tests.kb.helpers import field_errors, text_of

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Heron-cendre-au-bord-du-Lez"


def reset_link(message):
    return re.search(re.escape(settings.SITE_URL) + r"(/\S+/)", message.body).group(1)


def test_password_reset_replaces_the_old_password(client, member):
    client.post("/comptes/password/reset/", {"email": "Lea.Roussel@exemple.fr"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lea.roussel@exemple.fr"]

    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    assert done.status_code == 200
    assert "Votre mot de passe a été modifié." in text_of(done)

    old = client.post("/comptes/login/", {"login": member.email, "password": PASSWORD})
    assert old.status_code == 200
    assert "_auth_user_id" not in client.session
    new = client.post("/comptes/login/", {"login": member.email, "password": NEW_PASSWORD})
    assert new["Location"] == "/comptes/profil/"


def test_password_reset_link_rejects_a_weak_new_password(client, member):
    client.post("/comptes/password/reset/", {"email": member.email})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0], {"password1": "motdepasse", "password2": "motdepasse"}
    )

    assert response.status_code == 200
    assert "Ce mot de passe est trop courant." in field_errors(response, "password1")
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_password_reset_for_unknown_address_sends_nothing(client):
    response = client.post("/comptes/password/reset/", {"email": "personne@exemple.fr"})

    assert response.status_code == 200
    assert field_errors(response, "email") == [
        "Cette adresse e-mail n'est pas associée à un compte utilisateur."
    ]
    assert mail.outbox == []


def test_tampered_reset_link_explains_it_is_invalid(client, member):
    client.post("/comptes/password/reset/", {"email": member.email})
    link = reset_link(mail.outbox[0])

    response = client.get(link[:-3] + "zz/", follow=True)

    assert response.status_code == 200
    assert "Mauvais jeton" in text_of(response)
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
