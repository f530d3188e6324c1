"""The observatory's figures: territory counts, withheld small counts, private content left out."""

import csv
import datetime
import html
import io
import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from forums.models import Space, Topic
from kb.models import Department, Region, Theme
from practices.models import IndicatorMeasurement, PracticeSheetPage
from tests.practices.factories import (
    ExperimentPageFactory,
    PracticeSheetPageFactory,
    sheet_indicator,
    term,
)

pytestmark = pytest.mark.django_db

MAP = "/observatoire/carte/"
DASHBOARD = "/observatoire/"


def department(code):
    return Department.objects.get(code=code)


def sheet(section, codes=(), regions=(), **fields):
    return PracticeSheetPageFactory(
        parent=section.sheets,
        departments=[department(code) for code in codes],
        regions=list(Region.objects.filter(code__in=regions)),
        **fields,
    )


def map_rows(client, query=""):
    response = client.get(f"/observatoire/territoires.csv?{query}")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def counts(client, query=""):
    return {row[0]: int(row[-1]) for row in map_rows(client, query)[1:]}


def test_region_count_is_the_sum_of_its_departments(client, practices_fr):
    for code in ("34", "34", "30", "31", "69"):
        sheet(practices_fr, [code])
    by_department = counts(client, "niveau=departement")
    by_region = counts(client)
    occitanie = [d.name for d in Department.objects.filter(region__code="76")]
    assert by_region["Occitanie"] == sum(by_department[name] for name in occitanie) == 4
    assert by_region["Auvergne-Rhône-Alpes"] == by_department["Rhône"] == 1
    assert by_region["Bretagne"] == 0


def test_a_sheet_in_two_departments_counts_once_in_its_region_as_the_list_does(
    client, practices_fr
):
    sheet(practices_fr, ["34", "30"], regions=["76"])
    assert counts(client)["Occitanie"] == 1
    listing = client.get(f"{practices_fr.root.url}?type=sheet&region=76")
    assert "1 résultat" in listing.content.decode()


def test_drafts_and_restricted_pages_are_not_counted(client, practices_fr):
    sheet(practices_fr, ["34"])
    draft = sheet(practices_fr, ["34"])
    draft.unpublish()
    restricted = sheet(practices_fr, ["34"])
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    assert counts(client)["Occitanie"] == 1
    assert counts(client, "niveau=departement")["Hérault"] == 1


def test_filters_narrow_the_map_and_unknown_values_are_ignored(client, practices_fr):
    young = term(Theme, "jeunes-adultes")
    sheet(practices_fr, ["34"], themes=[young], status=PracticeSheetPage.Status.EVALUATED)
    sheet(practices_fr, ["34"])
    assert counts(client, "theme=jeunes-adultes")["Occitanie"] == 1
    assert counts(client, "status=evaluated")["Occitanie"] == 1
    assert counts(client, "theme=inconnu&niveau=nulle-part&quoi=rien")["Occitanie"] == 2
    response = client.get(f"{MAP}?theme=inconnu&niveau=nulle-part&annee=abc")
    assert response.status_code == 200
    assert "n’ont pas été appliqués" in response.content.decode()


def test_each_area_is_a_labelled_link_to_the_filtered_list(client, practices_fr):
    sheet(practices_fr, ["34"], themes=[term(Theme, "jeunes-adultes")])
    html = client.get(f"{MAP}?theme=jeunes-adultes").content.decode()
    links = re.findall(r'<a href="([^"]+)" class="kb-map__area" aria-label="([^"]+)"', html)
    assert len(links) == 18
    labels = dict((label, href) for href, label in links)
    href = labels["Occitanie : 1 page"]
    assert href == f"{practices_fr.root.url}?type=sheet&amp;region=76&amp;theme=jeunes-adultes"
    assert any(label.startswith("Mayotte : 0 page") for label in labels)
    html = client.get(f"{MAP}?niveau=departement").content.decode()
    assert len(re.findall('class="kb-map__area"', html)) == 101
    assert 'aria-label="Guyane : 0 page' in html


def test_experiments_and_trainings_are_counted_when_chosen(client, practices_fr):
    ExperimentPageFactory(parent=practices_fr.experiments, regions=[Region.objects.get(code="53")])
    assert counts(client, "quoi=experiment")["Bretagne"] == 1
    assert counts(client)["Bretagne"] == 0


def rollup(client, slug, query=""):
    response = client.get(f"/observatoire/{slug}.csv?{query}")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))[1:]


def test_indicators_of_different_units_are_never_summed(client, practices_fr):
    sheet(
        practices_fr,
        ["34"],
        themes=[term(Theme, "jeunes-adultes")],
        indicators=[
            sheet_indicator(unit="jeunes", baseline=10, target=30, latest_value=20),
            sheet_indicator(name="Places", unit="places", baseline=0, target=10, latest_value=10),
        ],
    )
    sheet(
        practices_fr,
        ["69"],
        themes=[term(Theme, "jeunes-adultes")],
        indicators=[sheet_indicator(unit="Jeunes ", baseline=0, target=10, latest_value=10)],
    )
    rows = rollup(client, "indicateurs-theme")
    by_unit = {row[1].casefold(): row for row in rows}
    assert set(by_unit) == {"jeunes", "places"}
    # Whole numbers without decimals (« 10 », never « 10,0 »).
    assert by_unit["jeunes"][2:] == ["2", "10", "30", "40", "67"]
    assert by_unit["places"][2:] == ["1", "0", "10", "10", "100"]
    regions = {(row[0], row[1]) for row in rollup(client, "indicateurs-region")}
    assert regions == {
        ("Occitanie", "jeunes"),
        ("Occitanie", "places"),
        ("Auvergne-Rhône-Alpes", "Jeunes"),
    } or (
        {("Occitanie", "jeunes"), ("Occitanie", "places"), ("Auvergne-Rhône-Alpes", "jeunes")}
        == regions
    )


def test_readings_give_yearly_progress_and_the_latest_value(client, practices_fr):
    page = sheet(practices_fr, ["34"], indicators=[sheet_indicator(baseline=0, target=100)])
    indicator = page.indicators.get()
    for year, value in ((2022, 20), (2023, 50), (2024, 80)):
        IndicatorMeasurement.objects.create(
            sheet_indicator=indicator, date=datetime.date(year, 12, 31), value=value
        )
    indicator.refresh_from_db()
    assert indicator.latest_value == 80
    assert indicator.latest_value_date == datetime.date(2024, 12, 31)
    page.save_revision().publish()
    indicator.refresh_from_db()
    assert indicator.latest_value == 80
    assert rollup(client, "releves-annuels") == [
        ["2022", "1", "20"],
        ["2023", "1", "50"],
        ["2024", "1", "80"],
    ]


def test_status_funnel_counts_how_many_sheets_reached_each_stage(client, practices_fr):
    Status = PracticeSheetPage.Status
    for status in (Status.PLANNED, Status.IN_PROGRESS, Status.IN_PROGRESS, Status.EVALUATED):
        sheet(practices_fr, ["34"], status=status)
    rows = rollup(client, "avancement")
    assert [row[1:] for row in rows] == [["1", "4"], ["2", "3"], ["0", "1"], ["1", "1"]]


def test_capitalised_topics_under_five_are_withheld(
    client, practices_fr, django_user_model, django_capture_on_commit_callbacks
):
    author = django_user_model.objects.create_user("auteur", "auteur@exemple.fr", "x")
    space = Space.objects.create(name="Espace", slug="espace", description="d", charter="c")
    for number in range(3):
        Topic.objects.create(
            space=space,
            title=f"Sujet {number}",
            author=author,
            capitalised_as=sheet(practices_fr, ["34"]),
        )
    rows = rollup(client, "capitalisation")
    assert rows[0][1] == ""
    html = client.get(DASHBOARD).content.decode()
    assert "moins de 5" in html
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3, 6):
            Topic.objects.create(
                space=space,
                title=f"Sujet {number}",
                author=author,
                capitalised_as=sheet(practices_fr, ["34"]),
            )
    assert rollup(client, "capitalisation")[0][1] == "6"


def test_dashboard_and_map_answer_unknown_input_without_error(client, practices_fr):
    for url in (
        f"{DASHBOARD}?theme=%00&status=fini&region=999",
        f"{DASHBOARD}?status=evaluated&theme=jeunes-adultes",
        f"{MAP}?quoi=experiment&status=evaluated",
        f"{MAP}?niveau=commune&quoi=%ff",
        "/observatoire/indicateurs-region.csv?status=evaluated",
    ):
        assert client.get(url).status_code == 200
    assert client.get("/observatoire/inconnu.csv").status_code == 404
    assert reverse("observatory_map") == MAP


def test_query_count_does_not_grow_with_the_data(client, practices_fr):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from practices.observatory.models import FiguresSnapshot

    def queries(url):
        FiguresSnapshot.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    sheet(practices_fr, ["34"], indicators=[sheet_indicator()])
    queries(DASHBOARD)
    few = queries(DASHBOARD), queries(MAP)
    for code in ("30", "31", "69", "75", "971"):
        sheet(practices_fr, [code], indicators=[sheet_indicator(), sheet_indicator()])
    assert (queries(DASHBOARD), queries(MAP)) == few


def test_training_participants_under_five_are_withheld(
    client, practices_fr, django_user_model, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from practices.models import TrainingRegistration
    from tests.practices.factories import TrainingOfferPageFactory, TrainingSessionFactory

    offer = TrainingOfferPageFactory(parent=practices_fr.trainings)
    starts = timezone.make_aware(datetime.datetime(2024, 3, 4, 9))
    small = TrainingSessionFactory(offer=offer, starts_at=starts, seats=12)
    for number in range(3):
        person = django_user_model.objects.create_user(f"p{number}", f"p{number}@exemple.fr")
        TrainingRegistration.objects.create(session=small, user=person, status="confirmed")
    assert rollup(client, "formations") == [["2024", "1", "1", "12", ""]]
    with django_capture_on_commit_callbacks(execute=True):
        bigger = TrainingSessionFactory(offer=offer, starts_at=starts.replace(month=5), seats=10)
        for number in range(3, 6):
            person = django_user_model.objects.create_user(f"p{number}", f"p{number}@exemple.fr")
            TrainingRegistration.objects.create(session=bigger, user=person, status="confirmed")
    assert rollup(client, "formations") == [["2024", "2", "1", "22", "6"]]


def test_a_fractional_figure_keeps_its_decimal(client, practices_fr):
    sheet(
        practices_fr,
        ["34"],
        indicators=[sheet_indicator(unit="%", baseline=12.5, target=80, latest_value=40.4)],
    )

    by_unit = {row[1]: row for row in rollup(client, "indicateurs-region")}

    assert by_unit["%"][3:6] == ["12,5", "40,4", "80"]


def test_chart_labels_are_whole_and_every_table_is_in_the_page_summary(client, practices_fr):
    long_theme = term(Theme, "transformation-offre")
    sheet(
        practices_fr,
        ["34"],
        themes=[long_theme],
        indicators=[sheet_indicator(unit="places", baseline=0, target=10, latest_value=5)],
    )

    response = client.get(DASHBOARD)

    page = response.content.decode()
    labels = re.findall(r'<span class="kb-bars__label">([^<]+)</span>', page)
    assert f"{long_theme.name} (places)" in [html.unescape(label) for label in labels]
    summary = re.search(r'<nav class="fr-summary.*?</nav>', page, re.S).group(0)
    for slug in ("avancement", "indicateurs-theme", "formations", "capitalisation"):
        assert f'href="#table-{slug}"' in summary


def test_units_of_one_group_share_its_row_heading_on_the_page_not_in_the_csv(client, practices_fr):
    theme = term(Theme, "jeunes-adultes")
    sheet(
        practices_fr,
        ["34"],
        themes=[theme],
        indicators=[
            sheet_indicator(unit="jeunes", baseline=10, target=30, latest_value=20),
            sheet_indicator(name="Places", unit="places", baseline=0, target=10, latest_value=10),
        ],
    )

    page = client.get(DASHBOARD).content.decode()

    section = re.search(r'id="table-indicateurs-theme".*?</section>', page, re.S).group(0)
    headings = re.findall(
        r'<th scope="row"(?: class="[^"]*")?( rowspan="\d+")?>([^<]+)</th>', section
    )
    assert [(span, html.unescape(name)) for span, name in headings] == [
        (' rowspan="2"', theme.name)
    ]
    assert [row[0] for row in rollup(client, "indicateurs-theme")] == [theme.name, theme.name]
