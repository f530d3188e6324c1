"""Editors at work in the admin, from their first sign-in to what readers get.

- An editor signs in for the first time, sets up the second factor (recovery codes
  shown, then straight on to where they were going), publishes a new chapter of
  the guide and finds it in the table of contents, between its neighbours, and in
  the PDF, whose links carry the site's public address.
- A contributor writes a practice sheet and submits it; an editor asks for
  changes; the contributor makes them and submits again; the editor approves and
  readers find the sheet.
"""

import datetime
import re
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from playwright.sync_api import expect
from pypdf import PdfReader
from wagtail.models import TaskState

from kb.models import GuideChapterPage, GuidePage
from practices.models import PracticeSheetPage
from tests.kb.factories import PASSWORD, UserFactory
from tests.practices.factories import PracticeSheetIndexPageFactory, PracticesIndexPageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_CHAPTER = "Évaluer et ajuster le déploiement"


@pytest.fixture(autouse=True)
def files_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def guide(home_page_fr):
    guide = GuidePage(
        title="Guide méthodologique du déploiement local",
        slug="guide",
        edition="Édition 2025",
        edition_date=datetime.date(2025, 3, 1),
        intro="Les étapes d’un déploiement local.",
    )
    home_page_fr.add_child(instance=guide)
    guide.save_revision().publish()
    for slug, title in [
        ("objectifs", "Clarifier les objectifs partagés du territoire"),
        ("pilotage", "Installer les instances locales de pilotage"),
    ]:
        chapter = GuideChapterPage(slug=slug, title=title, summary=f"À propos de « {title} ».")
        guide.add_child(instance=chapter)
        chapter.save_revision().publish()
    return guide


def code_of(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def sign_in(page, user, next_url):
    page.goto(next_url)
    expect(page).to_have_url(re.compile("/comptes/login/"))
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_placeholder("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def footer_action(page, name):
    """An action of the editor's footer: its main button, or one in the drop-down beside it."""
    action = page.get_by_role("button", name=name, exact=True)
    if not action.is_visible():
        page.get_by_role("button", name="Plus d'actions").click()
    action.click()


@pytest.mark.staff_without_second_factor
def test_editor_sets_up_the_second_factor_then_publishes_a_chapter_seen_in_the_pdf(
    page, axe, screenshots, guide, live_server
):
    editor = UserFactory(first_name="Claire", last_name="Martin", groups=["Éditeurs"])
    sign_in(page, editor, f"/admin/pages/{guide.pk}/")

    # Straight to the set-up, no second password prompt.
    expect(page).to_have_url(re.compile("/comptes/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(code_of(secret))
    page.locator("main button[type=submit]").click()

    expect(page).to_have_url(re.compile("/comptes/2fa/recovery-codes/"))
    codes = page.locator("textarea#recovery_codes").input_value().split()
    assert len(codes) == 10
    axe(page)
    screenshots(page, "codes-de-recuperation")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("codes", re.IGNORECASE)).filter(
            has_text=re.compile("Télécharger")
        ).click()
    assert codes[0] in Path(download.value.path()).read_text()
    page.get_by_role("link", name="Continuer").click()
    expect(page).to_have_url(re.compile(f"/admin/pages/{guide.pk}/$"))
    expect(page.locator("body")).to_contain_text("(Édition 2025)")

    # A new chapter, published.
    page.goto(f"/admin/pages/add/kb/guidechapterpage/{guide.pk}/")
    page.locator("#id_title").fill(NEW_CHAPTER)
    page.locator("#id_summary").fill("Mesurer ce qui a changé et corriger la trajectoire.")
    footer_action(page, "Publier")
    expect(page.locator(".messages")).to_contain_text(NEW_CHAPTER)
    chapter = GuideChapterPage.objects.get(title=NEW_CHAPTER)
    assert chapter.live
    assert chapter.slug == "evaluer-et-ajuster-le-deploiement"

    # Readers find it in the table of contents and after the chapter before it.
    page.goto(guide.url)
    page.get_by_role("link", name=NEW_CHAPTER).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_CHAPTER)
    previous = page.locator("a[rel=prev]")
    expect(previous).to_contain_text("Installer les instances locales de pilotage")
    # The tile says « ← Chapitre précédent »; DSFR's forward arrow would contradict it.
    assert previous.evaluate("link => getComputedStyle(link, '::after').content") == "none"
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        box = previous.bounding_box()
        assert box["width"] > 200, f"lien « précédent » écrasé à {width} px : {box}"
    axe(page)
    screenshots(page, "chapitre")

    # And in the PDF, which names the site's public address.
    page.goto(guide.url)
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le guide").first.click()
    reader = PdfReader(Path(download.value.path()))
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    assert NEW_CHAPTER in text
    assert f"Version en ligne : {live_server.url}/guide/" in text
    assert "http://localhost/" not in text


@pytest.fixture
def sheets(home_page_fr):
    practices = PracticesIndexPageFactory(parent=home_page_fr)
    return PracticeSheetIndexPageFactory(parent=practices)


def fill_rich_text(page, field_name, text):
    editor = page.locator(f"[data-contentpath={field_name}] [contenteditable=true]")
    editor.click()
    page.keyboard.type(text)
    # Draftail writes its content into the form's field when the editor loses the focus.
    editor.blur()
    expect(page.locator(f"input[name={field_name}]")).to_have_value(re.compile(text.split()[0]))


def test_contributor_and_editor_take_a_sheet_through_review_to_readers(
    page, browser, live_server, axe, screenshots, sheets
):
    contributor = UserFactory(first_name="Karim", last_name="Benali", groups=["Contributeurs"])
    editor = UserFactory(first_name="Claire", last_name="Martin", groups=["Éditeurs"])
    title = "Un accueil de jour itinérant en Lozère"

    # The contributor writes the sheet and submits it.
    sign_in(page, contributor, f"/admin/pages/add/practices/practicesheetpage/{sheets.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Une équipe qui se déplace de village en village.")
    fill_rich_text(page, "objectives", "Rompre l’isolement des familles.")
    footer_action(page, "Soumettre à Relecture éditoriale")
    expect(page.locator(".messages")).to_contain_text(title)
    sheet = PracticeSheetPage.objects.get(title=title)
    assert sheet.workflow_in_progress and not sheet.live

    # The editor asks for changes.
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    editor_page = context.new_page()
    sign_in(editor_page, editor, "/admin/")
    editor_page.get_by_role("link", name=title).first.click()
    footer_action(editor_page, "Demander des modifications")
    modal = editor_page.locator(".modal-content")
    modal.locator("textarea[name=comment]").fill("Précisez le public accueilli.")
    modal.get_by_role("button", name="Demander des modifications").click()
    expect(editor_page.locator(".messages")).to_contain_text(title)

    # The contributor makes them and submits again.
    assert TaskState.objects.get(status=TaskState.STATUS_REJECTED).comment == (
        "Précisez le public accueilli."
    )
    page.goto(f"/admin/pages/{sheet.pk}/edit/")
    page.locator("#id_summary").fill("Une équipe qui va de village en village, pour les familles.")
    footer_action(page, "Resoumettre à Validation par un éditeur")
    expect(page.locator(".messages")).to_contain_text(title)

    # The editor approves: the sheet goes live.
    editor_page.goto(f"/admin/pages/{sheet.pk}/edit/")
    footer_action(editor_page, "Approuver et Publier")
    expect(editor_page.locator(".messages")).to_contain_text(title)
    screenshots(editor_page, "relecture")
    context.close()

    sheet.refresh_from_db()
    assert sheet.live
    page.goto(sheet.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("main")).to_contain_text("pour les familles")
    axe(page)
    screenshots(page, "fiche-publiee")
