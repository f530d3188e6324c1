import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "camille.durand@exemple.fr"
PASSWORD = "répit-Occitanie-2026"
# "Nom" alone would also match "Prénom"; the label ends with a required-field star.
LAST_NAME_LABEL = re.compile(r"^Nom\b")


def confirmation_link(message):
    match = re.search(r"https?://\S+/confirm-email/\S+", message.body)
    assert match, f"pas de lien de confirmation dans :\n{message.body}"
    return match.group(0)


def test_new_member_signs_up_confirms_email_and_reaches_profile(page, mailoutbox):
    page.goto("/comptes/signup/")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Prénom").fill("Camille")
    page.get_by_label(LAST_NAME_LABEL).fill("Durand")
    page.get_by_label("Vous êtes").select_option(label="Manager (direction, chef de service)")
    page.get_by_placeholder("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_placeholder("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_role("button", name="Création de compte").click()

    expect(page).to_have_url(re.compile(r"/comptes/confirm-email/$"))
    assert [message.to for message in mailoutbox] == [[EMAIL]]

    page.goto(confirmation_link(mailoutbox[0]))
    page.get_by_role("button", name="Confirmer").click()

    expect(page).to_have_url(re.compile(r"/comptes/login/$"))
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_placeholder("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()

    expect(page).to_have_url(re.compile(r"/comptes/profil/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon profil")
    expect(page.get_by_text(EMAIL)).to_be_visible()
    expect(page.get_by_label("Prénom")).to_have_value("Camille")
    expect(page.get_by_label(LAST_NAME_LABEL)).to_have_value("Durand")
