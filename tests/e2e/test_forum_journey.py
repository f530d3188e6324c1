"""A manager asks to join a space, is let in, writes, reports a post, and sees it hidden.

Two people, each in their own browser context: the applicant and the space's
moderator.
"""

import re

import pytest
from playwright.sync_api import expect

from forums.models import SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OFFENSIVE = "Ce message insultant n’a rien à faire ici."


@pytest.fixture
def space():
    space = SpaceFactory(name="Directions d’ITEP en Occitanie", slug="directions-itep")
    topic = TopicFactory(space=space, title="Tenir l’équipe pendant la transition")
    PostFactory(topic=topic, body="Comment avez-vous accompagné le changement ?")
    PostFactory(topic=topic, author=MembershipFactory(space=space).user, body=OFFENSIVE)
    return space


@pytest.fixture
def moderator(space):
    return MembershipFactory(
        space=space, role=SpaceMembership.Role.MODERATOR, user__first_name="Sophie"
    ).user


@pytest.fixture
def second_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def sign_in(page, user, next_url):
    page.goto(f"/comptes/login/?next={next_url}")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_placeholder("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def test_join_post_report_and_hide(page, second_page, axe, space, moderator):
    applicant = UserFactory(first_name="Karim", last_name="Benali")
    moderator_page = second_page

    # The applicant asks to join, charter accepted, with a reason.
    sign_in(page, applicant, "/espaces/")
    page.get_by_role("link", name=space.name).click()
    # The DSFR draws the box on the label, which is what a person clicks.
    page.get_by_text(re.compile("J’ai lu la charte")).click()
    page.get_by_label("Pourquoi souhaitez-vous rejoindre cet espace ?").fill(
        "Je dirige un DITEP à Montpellier."
    )
    page.get_by_role("button", name="Demander à rejoindre l’espace").click()
    expect(page.locator(".fr-alert--info").first).to_contain_text("transmise à la modération")

    # The moderator lets them in.
    sign_in(moderator_page, moderator, f"/espaces/{space.slug}/")
    moderator_page.get_by_role("link", name=re.compile("1 demande d’adhésion")).click()
    expect(moderator_page.locator("main")).to_contain_text("Je dirige un DITEP à Montpellier.")
    axe(moderator_page)
    moderator_page.get_by_role("button", name="Accepter").click()
    expect(moderator_page.locator(".fr-alert--success")).to_contain_text("a rejoint l’espace")

    # The new member replies (held for review, as a newcomer) and reports a post.
    page.reload()
    page.get_by_role("link", name="Tenir l’équipe pendant la transition").click()
    page.get_by_label("Votre message").fill("Nous avons fait des **formations croisées**.")
    page.get_by_role("button", name="Publier ma réponse").click()
    expect(page.locator("main")).to_contain_text("En attente de modération")
    offensive = page.locator("li.kb-post", has_text=OFFENSIVE)
    offensive.get_by_text("Signaler ce message").click()
    offensive.get_by_label("Pourquoi signalez-vous ce message ?").fill("Propos insultants")
    offensive.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.locator(".fr-alert--success")).to_contain_text("va examiner ce message")
    axe(page)

    # The moderator approves the reply and hides the reported post, with a reason.
    moderator_page.goto(f"/espaces/{space.slug}/moderation/")
    pending = moderator_page.locator("li", has_text="formations croisées").first
    pending.get_by_role("button", name="Valider").click()
    report = moderator_page.locator("li", has_text="Propos insultants").first
    report.get_by_label("Motif (communiqué à l’auteur)").fill("Insultes envers un collègue")
    report.get_by_role("button", name="Masquer").click()
    expect(moderator_page.locator("main")).to_contain_text("Aucun signalement à traiter.")
    expect(moderator_page.locator("main")).to_contain_text("Insultes envers un collègue")
    axe(moderator_page)

    # The member sees the result.
    page.reload()
    expect(page.locator("main")).not_to_contain_text(OFFENSIVE)
    expect(page.locator("main")).to_contain_text("formations croisées")
    expect(page.locator("main")).not_to_contain_text("En attente de modération")
