"""A manager finds the spaces from the home page, asks to join, and the moderator is told.

In French and in English: home → the menu's spaces → a space → the join request;
the moderator sees the count in the header and gets a mail at once, approves;
the new member writes with an image (a mention suggested on the way), held for
review as newcomers' posts are, and the moderator sees the image in the queue.
axe runs on each page.
"""

import io
import re

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect

from forums.models import SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SPACE_NAME = "Directions d’ITEP en Occitanie"
TEXTS = {
    "fr": {"prefix": "", "menu": "Espaces de pair-émulation", "to_moderate": "À modérer (1)"},
    "en": {"prefix": "/en", "menu": "Peer-support spaces", "to_moderate": "To moderate (1)"},
}


@pytest.fixture
def space():
    space = SpaceFactory(name=SPACE_NAME, slug="directions-itep")
    topic = TopicFactory(space=space, title="Tenir l’équipe pendant la transition")
    PostFactory(topic=topic, body="Comment avez-vous accompagné le changement ?")
    return space


@pytest.fixture
def moderator(space):
    return MembershipFactory(
        space=space, role=SpaceMembership.Role.MODERATOR, user__first_name="Sophie"
    ).user


@pytest.fixture
def moderator_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def sign_in(page, user):
    page.goto("/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_placeholder("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def a_photo(tmp_path):
    path = tmp_path / "atelier.png"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (0, 0, 145)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_to_spaces_join_alert_approve_post_with_image(
    page, moderator_page, axe, space, moderator, tmp_path, language
):
    texts = TEXTS[language]
    prefix = texts["prefix"]
    applicant = UserFactory(first_name="Karim", last_name="Benali")
    sign_in(page, applicant)
    sign_in(moderator_page, moderator)

    # From the home page, the menu leads to the spaces.
    page.goto(f"{prefix}/")
    axe(page)
    page.locator("#fr-navigation").get_by_role("link", name=texts["menu"]).click()
    expect(page).to_have_url(re.compile(f"{prefix}/espaces/$"))
    axe(page)
    page.get_by_role("link", name=SPACE_NAME).click()
    axe(page)

    # The join request, charter accepted.
    page.locator("label[for=id_accepted_charter]").click()
    page.locator("textarea[name=message]").fill("Je dirige un DITEP à Montpellier.")
    mail.outbox.clear()
    page.locator("form[action$='/rejoindre/'] button[type=submit]").click()
    expect(page.locator(".fr-alert--info").first).to_be_visible()

    # The moderator is told at once: a mail, and the count in the header.
    [alert] = [message for message in mail.outbox if message.to == [moderator.email]]
    assert "Karim Benali" in alert.body
    moderator_page.goto(f"{prefix}/espaces/")
    header_count = moderator_page.get_by_role("link", name=texts["to_moderate"]).first
    expect(header_count).to_be_visible()
    header_count.click()
    axe(moderator_page)
    moderator_page.goto(f"{prefix}/espaces/{space.slug}/demandes/")
    expect(moderator_page.locator("main")).to_contain_text("Je dirige un DITEP à Montpellier.")
    axe(moderator_page)
    moderator_page.locator("button[name=decision][value=approve]").click()
    expect(moderator_page.locator(".fr-alert--success")).to_be_visible()

    # The new member writes with an image: told first that it waits for the moderation.
    page.goto(f"{prefix}/espaces/{space.slug}/")
    page.get_by_role("link", name="Tenir l’équipe pendant la transition").click()
    expect(page.locator(".fr-notice")).to_be_visible()
    axe(page)
    body = page.locator("textarea[name=body]")
    body.press_sequentially("Merci @soph")
    expect(page.get_by_role("option", name=re.compile("Sophie"))).to_be_visible()
    body.press("Enter")
    expect(body).to_have_value(f"Merci @{moderator.username} ")
    body.fill("Notre atelier :\n\n- accueil\n- écoute")
    page.locator("input[name=attachment]").set_input_files(str(a_photo(tmp_path)))
    page.locator("form[action$='/repondre/'] button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("accueil")

    # The moderator sees the image in the queue, through the checked address.
    moderator_page.goto(f"{prefix}/espaces/{space.slug}/moderation/")
    thumbnail = moderator_page.locator("img.kb-attachment--thumbnail").first
    expect(thumbnail).to_be_visible()
    assert thumbnail.evaluate("image => image.naturalWidth") == 320
    axe(moderator_page)
