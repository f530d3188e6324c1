"""A professional reads the methodological guide chapter to chapter, then downloads its PDF."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils.text import slugify
from playwright.sync_api import expect
from pypdf import PdfReader

from kb.models import GuideChapterPage, GuidePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHAPTERS = [
    ("objectifs", "Clarifier les objectifs", "Partir des situations vécues"),
    ("pilotage", "Installer les instances locales de pilotage", "Le comité stratégique"),
    ("diagnostic", "Formaliser un diagnostic territorial", "Cartographier l’offre"),
]


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
    for slug, title, section in CHAPTERS:
        chapter = GuideChapterPage(
            slug=slug,
            title=title,
            summary=f"Ce que apporte le chapitre « {title} ».",
            body=[
                ("heading", {"text": section, "level": "h2"}),
                ("paragraph", "<p>Un texte de méthode.</p>"),
                ("heading", {"text": "Ce que disent les territoires", "level": "h3"}),
                ("paragraph", "<p>Des retours de terrain.</p>"),
            ],
        )
        guide.add_child(instance=chapter)
        chapter.save_revision().publish()
    return guide


def test_reader_goes_through_the_guide_chapter_by_chapter(page, axe, guide):
    page.goto(guide.url)
    axe(page)
    page.get_by_role("link", name=CHAPTERS[0][1]).first.click()

    for number, (_slug, title, section) in enumerate(CHAPTERS):
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        # The table of contents leads to the section's heading.
        page.get_by_role("navigation", name="Dans ce chapitre").get_by_role(
            "link", name=section
        ).click()
        expect(page).to_have_url(re.compile(f"#{slugify(section)}$"))
        expect(page.get_by_role("heading", name=section)).to_be_in_viewport()
        if number == 0:
            axe(page)
        if number < len(CHAPTERS) - 1:
            page.locator("a[rel=next]").click()

    expect(page.locator("a[rel=next]")).to_have_count(0)
    page.locator("a[rel=prev]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CHAPTERS[1][1])


def test_reader_reads_the_whole_guide_and_downloads_its_pdf(page, axe, guide):
    page.goto(guide.url)
    page.get_by_role("link", name="Lire tout le guide sur une page").first.click()
    for _slug, title, _section in CHAPTERS:
        expect(page.get_by_role("heading", name=title)).to_be_visible()
    axe(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le guide").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    reader = PdfReader(Path(download.value.path()))
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    for _slug, title, _section in CHAPTERS:
        assert title in text
