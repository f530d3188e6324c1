import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from practices import registrations
from tests.practices.factories import PracticesIndexPageFactory, TrainingOfferIndexPageFactory
from tests.practices.training_fixtures import PASSWORD, build_offer, build_session, build_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "sami.haddad@exemple.fr"


@pytest.fixture
def offer(home_page_fr):
    trainings = TrainingOfferIndexPageFactory(parent=PracticesIndexPageFactory(parent=home_page_fr))
    return build_offer(trainings, title="Comprendre le fonctionnement en dispositif ITEP")


@pytest.fixture
def professional():
    user = build_user(first_name="Sami", last_name="Haddad", email=EMAIL)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


def session_card(page, session_id):
    return page.locator(f"#session-{session_id}")


def test_professional_signs_in_registers_then_withdraws(page, axe, offer, professional):
    session = build_session(offer, seats=12, place="Le Puy-en-Velay, DITEP")

    page.goto(offer.url)
    card = session_card(page, session.pk)
    expect(card).to_contain_text("12 places libres sur 12")
    axe(page)

    card.get_by_role("link", name=re.compile("Se connecter pour s’inscrire")).click()
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_placeholder("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()

    expect(page).to_have_url(re.compile(re.escape(offer.url) + "$"))
    card.get_by_role("button", name=re.compile("S’inscrire")).click()

    expect(page.locator(".fr-alert--success")).to_contain_text("est confirmée")
    expect(card).to_contain_text("11 places libres sur 12")
    expect(card).to_contain_text("Inscription confirmée")
    axe(page)

    card.get_by_role("button", name=re.compile("Annuler mon inscription")).click()

    expect(page.locator(".fr-alert--success")).to_contain_text("est annulée")
    expect(card).to_contain_text("12 places libres sur 12")
    expect(card.get_by_role("button", name=re.compile("S’inscrire"))).to_be_visible()


def test_a_full_session_offers_the_waiting_list_with_a_position(page, axe, offer, professional):
    session = build_session(offer, seats=1)
    registrations.register(session, build_user())

    page.goto("/comptes/login/?next=" + offer.url)
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_placeholder("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    card = session_card(page, session.pk)
    expect(card).to_contain_text("Complet")

    card.get_by_role("button", name=re.compile("Rejoindre la liste d’attente")).click()

    expect(page.locator(".fr-alert--info")).to_contain_text("en position 1")
    expect(card).to_contain_text("Liste d’attente : position 1")
    axe(page)
