from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from practices import registrations
from practices.models import TrainingRegistration
from practices.training_figures import YearFigures, figures_for_index, kept_figures_for_index
from tests.practices.training_fixtures import build_offer, build_session, build_user, take_seats

pytestmark = pytest.mark.django_db

Status = TrainingRegistration.Status
LAST_YEAR = timezone.now().year - 1
YEAR_BEFORE = LAST_YEAR - 1


def held_on(offer, year, month, *, seats, participants=0, **fields):
    starts_at = timezone.make_aware(datetime(year, month, 12, 9, 0))
    session = build_session(offer, starts_in=starts_at - timezone.now(), seats=seats, **fields)
    return take_seats(session, [build_user() for _ in range(participants)])


@pytest.fixture
def index(practices_fr):
    return practices_fr.trainings


def test_figures_count_held_sessions_hosts_seats_and_participants_per_year(index):
    itep = build_offer(index, host="ITEP Les Tilleuls")
    ime = build_offer(index, host="IME du Cantal")
    held_on(itep, LAST_YEAR, 3, seats=10, participants=3)
    held_on(ime, LAST_YEAR, 11, seats=8, participants=2)
    held_on(itep, YEAR_BEFORE, 6, seats=12, participants=5)

    assert figures_for_index(index) == [
        YearFigures(
            LAST_YEAR, sessions_held=2, host_structures=2, seats_offered=18, participants=5
        ),
        YearFigures(
            YEAR_BEFORE, sessions_held=1, host_structures=1, seats_offered=12, participants=5
        ),
    ]


def test_cancelled_and_upcoming_sessions_are_not_counted(index):
    offer = build_offer(index)
    held_on(offer, LAST_YEAR, 3, seats=10, participants=2)
    held_on(offer, LAST_YEAR, 5, seats=30, is_cancelled=True)
    take_seats(build_session(offer, seats=40, starts_in=timedelta(days=20)), [build_user()])

    [figures] = figures_for_index(index)

    assert (figures.sessions_held, figures.seats_offered, figures.participants) == (1, 10, 2)


def test_only_confirmed_registrations_count_as_participants(index):
    offer = build_offer(index)
    session = held_on(offer, LAST_YEAR, 3, seats=2, participants=2)
    take_seats(session, [build_user()], status=Status.WAITING)
    take_seats(session, [build_user()], status=Status.CANCELLED)

    [figures] = figures_for_index(index)

    assert figures.participants == 2


def test_unpublished_private_and_other_listings_offers_are_left_out(index, practices_en):
    counted = build_offer(index)
    held_on(counted, LAST_YEAR, 3, seats=10)
    held_on(build_offer(index, live=False), LAST_YEAR, 3, seats=100)
    private = build_offer(index)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    held_on(private, LAST_YEAR, 3, seats=200)
    held_on(build_offer(practices_en.trainings), LAST_YEAR, 3, seats=400)

    [figures] = figures_for_index(index)

    assert figures.seats_offered == 10


def test_the_english_listing_counts_the_sessions_of_the_french_pages(practices_fr):
    english = Locale.objects.get(language_code="en")
    offer = build_offer(practices_fr.trainings)
    held_on(offer, LAST_YEAR, 3, seats=10, participants=4)
    root_en = practices_fr.root.copy_for_translation(english)
    index_en = practices_fr.trainings.copy_for_translation(english)
    offer_en = offer.copy_for_translation(english)
    for page in (root_en, index_en, offer_en):
        page.specific.save_revision().publish()

    [figures] = figures_for_index(index_en)

    assert (figures.sessions_held, figures.participants) == (1, 4)


def test_figures_take_the_same_few_queries_however_many_sessions(
    index, django_assert_max_num_queries
):
    offer = build_offer(index)
    for month in range(1, 13):
        held_on(offer, LAST_YEAR, month, seats=10, participants=1)
        held_on(offer, YEAR_BEFORE, month, seats=10, participants=1)

    with django_assert_max_num_queries(3):
        figures = figures_for_index(index)

    assert [f.sessions_held for f in figures] == [12, 12]


def test_the_figures_table_has_a_caption_and_one_row_per_year(index):
    offer = build_offer(index)
    held_on(offer, LAST_YEAR, 3, seats=15, participants=4)

    html = render_to_string(
        "practices/includes/training_figures.html",
        {"training_figures": figures_for_index(index)},
    )

    assert "<caption>Bilan annuel des formations croisées</caption>" in html
    assert f'<th scope="row">{LAST_YEAR}</th>' in html
    assert "<td>15</td>" in html


def test_the_figures_table_says_when_nothing_has_been_held_yet(index):
    registrations.register(build_session(build_offer(index)), build_user())

    html = render_to_string(
        "practices/includes/training_figures.html",
        {"training_figures": figures_for_index(index)},
    )

    assert "<table" not in html
    assert "n’a encore eu lieu" in html


def test_the_training_list_shows_the_yearly_figures(index, client):
    offer = build_offer(index, host="ITEP Les Tilleuls")
    held_on(offer, LAST_YEAR, 3, seats=10, participants=3)

    response = client.get(index.url)

    assert response.status_code == 200
    assert "Bilan annuel des formations croisées" in response.text
    row = response.text.split(f'<th scope="row">{LAST_YEAR}</th>')[1].split("</tr>")[0]
    assert [cell.strip() for cell in row.split("<td>")[1:]] == [
        "1</td>",
        "1</td>",
        "10</td>",
        "3</td>",
    ]


def test_the_list_keeps_its_figures_until_the_next_session_starts(index):
    offer = build_offer(index)
    held_on(offer, LAST_YEAR, 3, seats=10)
    coming = build_session(offer, starts_in=timedelta(days=3), seats=5)
    assert [f.sessions_held for f in kept_figures_for_index(index)] == [1]
    # Kept: a change the content version does not know of is not seen...
    coming.seats = 7
    coming.save(update_fields=["seats"])
    assert [f.seats_offered for f in kept_figures_for_index(index)] == [10]

    # ...until the next session has started, when it counts among those held.
    started = coming.starts_at + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=started):
        figures = kept_figures_for_index(index)

    assert {(f.year, f.sessions_held) for f in figures} >= {(coming.starts_at.year, 1)}
    assert sum(f.sessions_held for f in figures) == 2
