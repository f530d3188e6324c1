"""An English reader goes from `/en/` to an action sheet, a guide chapter and the observatory.

The site holds the demo content, as `make run` loads it. At each step the page is
checked with axe and photographed at a desktop and a phone width; the pictures
are kept in `test-results/screenshots/english_reader/` for people to look at.
"""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ARTEFACTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots" / "english_reader"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
SHEET = "Bringing peer workers into a Communauté 360"
CHAPTER = "Agreeing on objectives"


@pytest.fixture
def demo_site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    # As on a fresh site whose worker has not started: nothing is printed or recounted
    # at each of the demo's publications; the observatory counts on its first visit.
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "search"],
        }
    }
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def english_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def photograph(page, name):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=ARTEFACTS / f"{name}-{width}.png", full_page=True)


def menu_link(page, name):
    return page.get_by_role("navigation", name="Main menu").get_by_role("link", name=name)


def test_english_reader_finds_a_sheet_a_guide_chapter_and_the_observatory(
    english_page, axe, demo_site
):
    page = english_page
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["desktop"], strict=True)))
    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Seminars are not translated: the entry stays, says so and leads to the French page.
    seminars = menu_link(page, "Séminaires (in French)")
    expect(seminars).to_have_attribute("hreflang", "fr")
    axe(page)
    photograph(page, "home")

    seminars.click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_text("This page is only available in French.")).to_be_visible()
    switcher = page.get_by_role("group", name="Choix de la langue")
    switcher.get_by_role("button").click()
    english = switcher.get_by_role("link", name=re.compile("EN - English"))
    expect(english).to_contain_text("This page is not translated: home page")
    english.click()

    expect(page).to_have_url(re.compile("/en/$"))
    menu_link(page, "Practices").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Practices")
    expect(page.get_by_text(re.compile(r"\d+ more items exist only in French"))).to_be_visible()
    page.goto("/en/practices/action-sheets/")
    page.get_by_role("link", name=SHEET).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SHEET)
    axe(page)
    photograph(page, "sheet")

    menu_link(page, "Methodological guide to local deployment").click()
    page.get_by_role("link", name=CHAPTER).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CHAPTER)
    axe(page)
    photograph(page, "guide-chapter")

    menu_link(page, "Observatory").click()
    expect(page).to_have_url(re.compile("/en/observatoire/"))
    axe(page)
    photograph(page, "observatory")

    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["phone"], strict=True)))
    for name, path in [
        ("home", "/en/"),
        ("sheet", page_path(page, SHEET, "/en/practices/action-sheets/")),
        ("guide-chapter", "/en/methodological-guide-2025/objectives/"),
        ("observatory", "/en/observatoire/"),
    ]:
        page.goto(path)
        axe(page)
        photograph(page, name)


def page_path(page, title, listing):
    page.goto(listing)
    return page.get_by_role("link", name=title).get_attribute("href")
