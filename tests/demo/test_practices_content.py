"""`load_demo_content` builds a believable practices section, and running it again changes nothing.

The command takes several seconds: tests/demo/conftest.py runs it twice for the
whole package, in a transaction rolled back at its end.
"""

import pytest
from django.utils import timezone, translation
from taggit.models import Tag
from wagtail.models import Locale, Page

from kb.models import GuideChapterPage, GuidePage, HomePage
from practices.models import (
    ConcernedEstablishment,
    ExperimentIndicator,
    ExperimentPage,
    ExperimentTag,
    PracticeLead,
    PracticeMilestone,
    PracticeSheetIndicator,
    PracticeSheetPage,
    PracticeSheetTag,
    TrainingOfferPage,
    TrainingOfferTag,
    TrainingRegistration,
    TrainingSession,
)
from practices.validators import validate_finess

COUNTED_MODELS = [
    Page,
    PracticeSheetPage,
    ExperimentPage,
    TrainingOfferPage,
    PracticeLead,
    PracticeMilestone,
    PracticeSheetIndicator,
    ExperimentIndicator,
    ConcernedEstablishment,
    PracticeSheetTag,
    ExperimentTag,
    TrainingOfferTag,
    Tag,
    TrainingSession,
    TrainingRegistration,
]


def row_counts():
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


@pytest.fixture
def demo(counts_after_first_run, db):
    return {model.__name__: counts_after_first_run[model] for model in COUNTED_MODELS}


@pytest.fixture(autouse=True)
def active_language_restored():
    """A request under /en/ leaves the thread in English; the modules after this expect French."""
    with translation.override(translation.get_language()):
        yield


def french(model):
    return model.objects.live().filter(locale__language_code="fr")


def test_second_run_duplicates_nothing(demo):
    assert row_counts() == demo


def test_the_page_tree_stays_sound(demo):
    # Bad paths, steps, orphans, depths, child counts: none.
    assert Page.find_problems() == ([], [], [], [], [])


def test_practices_section_has_enough_live_content(demo):
    assert french(PracticeSheetPage).count() >= 20
    assert french(ExperimentPage).count() >= 6
    assert french(TrainingOfferPage).count() >= 5
    statuses = set(french(PracticeSheetPage).values_list("status", flat=True))
    assert statuses == {"planned", "in_progress", "completed", "evaluated"}


def test_home_page_leads_to_the_practices_section(demo):
    home = HomePage.objects.get(locale__language_code="fr")
    assert home.practices_page.specific.slug == "pratiques"
    assert home.practices_page.show_in_menus


def test_sheets_cover_several_regions(demo):
    regions = set()
    for sheet in french(PracticeSheetPage).prefetch_related("regions", "departments__region"):
        regions.update(
            code.removeprefix("region:")
            for code in sheet.territory_codes()
            if code.startswith("region:")
        )
    assert {"84", "76", "52"} <= regions
    assert len(regions) >= 5


def test_some_experiments_still_miss_parts_of_their_write_up(demo):
    percents = [page.completeness_percent() for page in french(ExperimentPage)]
    assert 100 in percents
    assert min(percents) < 100


def test_english_translations_are_served_under_en(demo, client):
    english = (
        Page.objects.live()
        .filter(locale__language_code="en")
        .type(PracticeSheetPage, ExperimentPage, TrainingOfferPage)
    )
    for model in (PracticeSheetPage, ExperimentPage, TrainingOfferPage):
        # At least half of each kind reads in English.
        assert english.type(model).count() * 2 >= french(model).count(), model
    for page in english.specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.url.startswith("/en/practices/")
        assert page.title in response.content.decode()


def test_newest_guide_edition_reads_in_english(demo, client):
    edition = GuidePage.objects.live().get(locale__language_code="en")
    chapters = GuideChapterPage.objects.live().child_of(edition)
    assert edition.title == "Methodological guide to local deployment"
    french_edition = edition.get_translation(Locale.objects.get(language_code="fr"))
    assert chapters.count() == GuideChapterPage.objects.child_of(french_edition).count() == 6
    assert HomePage.objects.get(locale__language_code="en").guide_page_id == edition.pk
    for chapter in chapters:
        assert chapter.title in client.get(chapter.url).content.decode()


def test_english_index_pages_exist(demo, client):
    for url in [
        "/en/practices/",
        "/en/practices/action-sheets/",
        "/en/practices/experiments/",
        "/en/practices/cross-training/",
    ]:
        assert client.get(url).status_code == 200, url


def test_every_finess_number_is_valid(demo):
    numbers = list(ConcernedEstablishment.objects.values_list("finess", flat=True))
    assert len(numbers) >= 10
    for number in numbers:
        validate_finess(number)


def test_session_counters_match_confirmed_registrations(demo):
    sessions = TrainingSession.objects.all()
    assert sessions.filter(starts_at__gt=timezone.now()).exists()
    assert sessions.filter(starts_at__lt=timezone.now()).exists()
    for session in sessions:
        confirmed = session.registrations.filter(status=TrainingRegistration.Status.CONFIRMED)
        assert session.seats_taken == confirmed.count(), session
        assert 8 <= session.seats <= 20
    assert TrainingRegistration.objects.filter(session__starts_at__gt=timezone.now()).exists()
