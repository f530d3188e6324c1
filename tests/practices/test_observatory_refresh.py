"""After a change the observatory serves the previous figures until its refresh job has run.

Jobs go to the database queue here, as in production, and a worker runs them
when the test says so: in between, visitors must get the figures of before,
with no computation in their request.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from kb.background_jobs import QUEUES
from kb.models import Department, Theme
from practices import registrations
from practices.observatory.models import FiguresGeneration, FiguresSnapshot
from practices.observatory.snapshots import REFRESH_DEADLINE
from practices.observatory.tasks import refresh_figures, refresh_observatory_figures
from tests.jobs import run_job_worker
from tests.practices.factories import PracticeSheetPageFactory, sheet_indicator, term
from tests.practices.training_fixtures import build_session, build_user, take_seats

pytestmark = pytest.mark.django_db

MAP = "/observatoire/carte/"
DASHBOARD = "/observatoire/"
DATABASE_JOBS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": QUEUES}}
# Tables that only a computation of the figures reads: a request served from the stored
# figures never touches them.
FIGURE_TABLES = (
    "practices_practicesheetpage_regions",
    "practices_practicesheetpage_departments",
    "practices_practicesheetindicator",
    "practices_indicatormeasurement",
)


@pytest.fixture
def database_jobs(settings):
    settings.TASKS = DATABASE_JOBS


def run_worker():
    run_job_worker()


def queued_refreshes():
    return DBTaskResult.objects.filter(
        task_path=refresh_observatory_figures.module_path, status=TaskResultStatus.READY
    )


def sheet(section, code="34", **fields):
    return PracticeSheetPageFactory(
        parent=section.sheets, departments=[Department.objects.get(code=code)], **fields
    )


def published_sheet(section, code="34", **fields):
    """A sheet published as an editor publishes it: the observatory hears of it."""
    page = sheet(section, code, **fields)
    page.save_revision().publish()
    return page


def visit(client, url):
    """The page's HTML, and whether the request computed figures rather than reading them."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    computed = any(table in query["sql"] for query in captured for table in FIGURE_TABLES)
    return response.content.decode(), computed, len(captured)


def test_a_publication_queues_one_refresh_once_committed(
    database_jobs, practices_fr, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        published_sheet(practices_fr, "34")
        published_sheet(practices_fr, "30")
        assert not queued_refreshes().exists()
    assert queued_refreshes().count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        published_sheet(practices_fr, "31")
    assert queued_refreshes().count() == 1


def test_a_rolled_back_publication_queues_nothing(
    database_jobs, practices_fr, django_capture_on_commit_callbacks
):
    page = sheet(practices_fr)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        page.save_revision().publish()
        raise RuntimeError("the editor's request failed")
    assert callbacks == []
    assert not queued_refreshes().exists()


def test_registering_for_a_coming_session_and_withdrawing_leave_the_figures_as_they_are(
    database_jobs, offer, django_capture_on_commit_callbacks
):
    coming = build_session(offer, seats=1)
    held = build_session(offer, starts_in=-datetime.timedelta(days=30), seats=5)
    before = FiguresGeneration.objects.get().number

    with django_capture_on_commit_callbacks(execute=True):
        seat = registrations.register(coming, build_user())
        waiting = registrations.register(coming, build_user())
        registrations.cancel(seat, seat.user)
        registrations.cancel(waiting, waiting.user)
    assert (FiguresGeneration.objects.get().number, queued_refreshes().count()) == (before, 0)

    # The participants of a session already held are counted: a change there is news.
    with django_capture_on_commit_callbacks(execute=True):
        take_seats(held, [build_user()])
    assert (FiguresGeneration.objects.get().number, queued_refreshes().count()) == (before + 1, 1)


def test_visitors_get_the_previous_figures_until_the_refresh_has_run(
    database_jobs, client, practices_fr, django_capture_on_commit_callbacks
):
    sheet(practices_fr, "34", indicators=[sheet_indicator()])
    with django_capture_on_commit_callbacks(execute=True):
        published_sheet(practices_fr, "34")
    run_worker()
    visit(client, MAP)  # The first request of a process reads the site's settings once.
    html, computed, warm_queries = visit(client, MAP)
    assert "Occitanie : 2 pages" in html
    assert not computed

    with django_capture_on_commit_callbacks(execute=True):
        published_sheet(practices_fr, "30", indicators=[sheet_indicator()])
    assert queued_refreshes().count() == 1
    html, computed, _queries = visit(client, MAP)
    assert "Occitanie : 2 pages" in html
    assert not computed
    # Once the menu and footer a publication changed are worked out again, the map
    # costs what it cost before: its figures are read as they were stored.
    html, computed, queries = visit(client, MAP)
    assert "Occitanie : 2 pages" in html
    assert not computed
    assert queries == warm_queries
    rows = client.get("/observatoire/territoires.csv").content.decode()
    assert "Occitanie,2" in rows
    dashboard, computed, _queries = visit(client, DASHBOARD)
    assert not computed

    run_worker()

    assert not queued_refreshes().exists()
    html, computed, queries = visit(client, MAP)
    assert "Occitanie : 3 pages" in html
    assert not computed
    assert queries == warm_queries
    assert "Occitanie,3" in client.get("/observatoire/territoires.csv").content.decode()
    refreshed, computed, _queries = visit(client, DASHBOARD)
    assert refreshed != dashboard
    assert not computed


def test_the_refresh_computes_every_page_the_site_links_to_in_both_languages(client, practices_fr):
    sheet(practices_fr, "34", themes=[term(Theme, "jeunes-adultes")])
    refresh_figures()
    for url in (
        MAP,
        f"{MAP}?niveau=departement",
        DASHBOARD,
        f"{DASHBOARD}?theme=jeunes-adultes",
        f"/en{DASHBOARD}",
        f"/en{MAP}?niveau=departement",
    ):
        _html, computed, _queries = visit(client, url)
        assert not computed, url


def test_a_filter_combination_nobody_asked_for_is_computed_then_kept(
    client, practices_fr, django_capture_on_commit_callbacks
):
    url = f"{MAP}?niveau=departement&theme=jeunes-adultes&status=evaluated"
    young = [term(Theme, "jeunes-adultes")]
    sheet(practices_fr, "34", themes=young, status="evaluated")
    html, computed, _queries = visit(client, url)
    assert computed
    assert "Hérault : 1 page" in html
    assert not visit(client, url)[1]

    with django_capture_on_commit_callbacks(execute=True):
        published_sheet(practices_fr, "34", themes=young, status="evaluated")
    html, computed, _queries = visit(client, url)
    assert computed
    assert "Hérault : 2 pages" in html


def test_the_refresh_command_recomputes_linked_pages_and_makes_the_others_stale(
    client, practices_fr
):
    unusual = f"{MAP}?theme=jeunes-adultes&status=evaluated"
    sheet(practices_fr, "34", themes=[term(Theme, "jeunes-adultes")], status="evaluated")
    assert visit(client, unusual)[1]
    output = io.StringIO()
    call_command("refresh_observatory", stdout=output)
    assert "chiffres de l’observatoire recalculés" in output.getvalue()
    assert not visit(client, MAP)[1]
    generation = FiguresGeneration.objects.get().number
    assert not FiguresSnapshot.objects.filter(generation__lt=generation).exists()
    assert visit(client, unusual)[1]


def test_with_no_worker_past_the_deadline_visitors_get_fresh_figures(
    database_jobs, client, practices_fr, django_capture_on_commit_callbacks
):
    sheet(practices_fr, "34")
    assert "Occitanie : 1 page" in visit(client, MAP)[0]
    with django_capture_on_commit_callbacks(execute=True):
        published_sheet(practices_fr, "30")
    assert "Occitanie : 1 page" in visit(client, MAP)[0]

    FiguresGeneration.objects.update(
        refresh_due_since=timezone.now() - REFRESH_DEADLINE - datetime.timedelta(minutes=1)
    )
    html, computed, _queries = visit(client, MAP)
    assert computed
    assert "Occitanie : 2 pages" in html


def test_the_refresh_leaves_out_drafts_and_private_pages(
    database_jobs, client, practices_fr, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        published_sheet(practices_fr, "34")
        draft = published_sheet(practices_fr, "34")
        draft.unpublish()
        private = published_sheet(practices_fr, "34")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        never_published = sheet(practices_fr, "34")
        never_published.unpublish()
        never_published.save_revision()
    run_worker()
    html, computed, _queries = visit(client, f"{MAP}?niveau=departement")
    assert not computed
    assert "Hérault : 1 page" in html
    funnel = client.get("/observatoire/avancement.csv").content.decode().splitlines()
    assert funnel[1].endswith(",1")


def test_a_render_costs_the_same_queries_with_5_or_50_sheets(client, practices_fr):
    linked = (MAP, f"{MAP}?niveau=departement", DASHBOARD)
    unusual = f"{DASHBOARD}?status=evaluated&audience=familles-aidants"

    def queries_of_each_page():
        """Served from the refreshed figures, then computed in the request."""
        refresh_figures()
        served = [visit(client, url)[2] for url in linked]
        FiguresSnapshot.objects.all().delete()
        computed = [visit(client, url)[2] for url in (*linked, unusual)]
        return served, computed

    codes = ["34", "30", "31", "69", "75", "971", "13", "35", "59", "67"]
    for number in range(5):
        sheet(practices_fr, codes[number], indicators=[sheet_indicator()])
    visit(client, MAP)  # The first request of a process reads the site's settings once.
    few = queries_of_each_page()
    for number in range(45):
        sheet(practices_fr, codes[number % len(codes)], indicators=[sheet_indicator()])
    assert queries_of_each_page() == few
