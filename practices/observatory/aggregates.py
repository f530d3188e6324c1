"""The observatory's figures, each computed by the database in a fixed number of queries.

Results are kept in the database with the generation they were computed for
(see `snapshots`), and refreshed by a job after a publication or a new reading.
Figures about people (participants, contributors of capitalised topics) under
`SMALL_COUNT` are withheld.
"""

import dataclasses
import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import CharField, Count, F, FloatField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Cast
from wagtail.models import WorkflowState

from kb.models import Department, Region
from practices.models import (
    ExperimentIndicator,
    IndicatorMeasurement,
    PracticeSheetIndicator,
    PracticeSheetPage,
    TrainingOfferPage,
)
from practices.observatory import sources
from practices.observatory.snapshots import cached
from practices.training_figures import yearly_figures

SMALL_COUNT = 5
INDICATOR_MODELS = {"sheet": PracticeSheetIndicator, "experiment": ExperimentIndicator}
PERCENT_UNITS = {"%", "pourcent", "pour cent", "percent"}


def disclosed(count):
    """A count about people, or None when it is small enough to point at someone."""
    return None if 0 < count < SMALL_COUNT else count


def sql_of(ids):
    """SQL and parameters of a subquery of ids; a queryset known to be empty selects no row
    (an integer one: PostgreSQL will not compare an id with an untyped NULL)."""
    try:
        return ids.query.sql_with_params()
    except EmptyResultSet:
        return "SELECT CAST(NULL AS integer) WHERE 1 = 0", ()


def region_pairs(model, pages):
    """SQL of distinct (page id, région code) pairs: a page is in the régions it names and
    in those of its départements, as the lists' région filter finds it."""
    regions = model._meta.get_field("regions").remote_field.through
    departments = model._meta.get_field("departments").remote_field.through
    page_field = model._meta.get_field("regions").m2m_column_name()
    region_column = model._meta.get_field("regions").m2m_reverse_name()
    department_column = model._meta.get_field("departments").m2m_reverse_name()
    dep_page_field = model._meta.get_field("departments").m2m_column_name()
    pages_sql, params = sql_of(pages.values("pk"))
    sql = (
        f"SELECT r.{page_field} AS page_id, g.code AS code FROM {regions._meta.db_table} r "
        f"JOIN {Region._meta.db_table} g ON g.id = r.{region_column} "
        f"WHERE r.{page_field} IN ({pages_sql}) "
        f"UNION SELECT d.{dep_page_field} AS page_id, g.code AS code "
        f"FROM {departments._meta.db_table} d "
        f"JOIN {Department._meta.db_table} k ON k.id = d.{department_column} "
        f"JOIN {Region._meta.db_table} g ON g.id = k.region_id "
        f"WHERE d.{dep_page_field} IN ({pages_sql})"
    )
    return sql, [*params, *params]


def fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def territory_counts(selection):
    """{"region": {code: pages}, "departement": {code: pages}}, distinct pages each."""

    def compute():
        pages = selection.pages()
        model = pages.model
        pairs_sql, params = region_pairs(model, pages)
        by_region = dict(
            fetch(
                f"SELECT code, COUNT(DISTINCT page_id) FROM ({pairs_sql}) t GROUP BY code", params
            )
        )
        through = model._meta.get_field("departments").remote_field.through
        page_field = model._meta.get_field("departments").m2m_field_name()
        by_department = dict(
            through.objects.filter(**{f"{page_field}__in": pages.values("pk")})
            .values_list("department__code")
            .annotate(n=Count(page_field, distinct=True))
            .order_by()
        )
        return {"region": by_region, "departement": by_department, "total": pages.count()}

    return cached("territories", territory_key(selection), compute)


def territory_key(selection):
    return [selection.kind, selection.locale.pk, *selection.filter_pairs()]


@dataclass
class Rollup:
    """Indicators of one group and one unit: never summed across units."""

    group: str
    unit: str
    indicators: int
    complete: int
    baseline: Decimal | None
    target: Decimal | None
    latest: Decimal | None
    label: str = ""

    @property
    def averaged(self):
        return self.unit.strip().casefold() in PERCENT_UNITS

    def shown(self, total):
        if total is None or not self.complete:
            return None
        return total / self.complete if self.averaged else total

    @property
    def shown_baseline(self):
        return self.shown(self.baseline)

    @property
    def shown_target(self):
        return self.shown(self.target)

    @property
    def shown_latest(self):
        return self.shown(self.latest)

    @property
    def progress_percent(self):
        if not self.complete or self.target == self.baseline:
            return None
        ratio = (self.latest - self.baseline) / (self.target - self.baseline)
        return round(100 * max(0, min(1, float(ratio))))


COMPLETE = (
    Q(baseline__isnull=False)
    & Q(target__isnull=False)
    & Q(latest_value__isnull=False)
    & ~Q(target=F("baseline"))
)
ROLLUP_SUMS = {
    "rollup_indicators": Count("pk"),
    "rollup_complete": Count("pk", filter=COMPLETE),
    "rollup_baseline": Sum("baseline", filter=COMPLETE),
    "rollup_target": Sum("target", filter=COMPLETE),
    "rollup_latest": Sum("latest_value", filter=COMPLETE),
}


def merge_rollups(rows):
    """Rows of the same group whose units differ only by case or spaces are one unit."""
    merged = {}
    for group, unit, indicators, complete, baseline, target, latest in rows:
        key = (group, unit.strip().casefold())
        if key not in merged:
            merged[key] = Rollup(group, unit.strip(), 0, 0, Decimal(0), Decimal(0), Decimal(0))
        row = merged[key]
        row.indicators += indicators
        row.complete += complete
        row.baseline += Decimal(baseline or 0)
        row.target += Decimal(target or 0)
        row.latest += Decimal(latest or 0)
    return sorted(merged.values(), key=lambda row: (str(row.group), -row.indicators, row.unit))


def indicator_rollups(selection, dimension, labels):
    """Indicators of sheets and experiments by `dimension` (theme, region or status) and unit."""

    def compute():
        rows = []
        for kind, indicator_model in INDICATOR_MODELS.items():
            pages = selection.pages_of(kind)
            indicators = indicator_model.objects.filter(page__in=pages.values("pk"))
            if dimension == "status":
                if kind != "sheet":
                    continue
                grouped = indicators.values_list("page__status", "unit")
                rows += grouped.annotate(**ROLLUP_SUMS).order_by()
            elif dimension == "theme":
                grouped = indicators.filter(page__themes__isnull=False).values_list(
                    "page__themes", "unit"
                )
                rows += grouped.annotate(**ROLLUP_SUMS).order_by()
            else:
                rows += region_rollup(indicator_model, pages)
        return merge_rollups(rows)

    rollups = cached(f"rollup-{dimension}", territory_key(selection), compute)
    # Labelled copies: the stored rows serve every language.
    labelled = [dataclasses.replace(row, label=labels.get(row.group, row.group)) for row in rollups]
    return [row for row in labelled if row.label]


def region_rollup(indicator_model, pages):
    pairs_sql, params = region_pairs(pages.model, pages)
    table = indicator_model._meta.db_table
    complete = (
        "i.baseline IS NOT NULL AND i.target IS NOT NULL AND i.latest_value IS NOT NULL "
        "AND i.target <> i.baseline"
    )
    sql = (
        f"SELECT t.code, i.unit, COUNT(*), SUM(CASE WHEN {complete} THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN {complete} THEN i.baseline END), "
        f"SUM(CASE WHEN {complete} THEN i.target END), "
        f"SUM(CASE WHEN {complete} THEN i.latest_value END) "
        f"FROM {table} i JOIN ({pairs_sql}) t ON t.page_id = i.page_id GROUP BY t.code, i.unit"
    )
    return fetch(sql, params)


def status_funnel(selection):
    """Sheets at each stage, in order, and how many reached at least that stage."""

    def compute():
        counts = dict(
            selection.pages_of("sheet").values_list("status").annotate(n=Count("pk")).order_by()
        )
        statuses = PracticeSheetPage.Status
        reached, rows = 0, []
        for value, label in reversed(statuses.choices):
            reached += counts.get(value, 0)
            rows.append(
                {"status": value, "label": label, "count": counts.get(value, 0), "reached": reached}
            )
        return list(reversed(rows))

    return cached("funnel", territory_key(selection), compute)


def yearly_progress(selection):
    """Per year of reading: readings taken, and their mean share of the way to the target."""

    def compute():
        years = defaultdict(lambda: [0, 0.0])
        for kind, indicator_model in INDICATOR_MODELS.items():
            field_name = "sheet_indicator" if kind == "sheet" else "experiment_indicator"
            indicators = indicator_model.objects.filter(
                page__in=selection.pages_of(kind).values("pk"),
                baseline__isnull=False,
                target__isnull=False,
            ).exclude(target=F("baseline"))
            share = (
                Cast("value", FloatField()) - Cast(f"{field_name}__baseline", FloatField())
            ) / (
                Cast(f"{field_name}__target", FloatField())
                - Cast(f"{field_name}__baseline", FloatField())
            )
            # Grouped by date, not by year: readings share few dates, and extracting
            # the year of each reading costs a function call per row on SQLite.
            rows = (
                IndicatorMeasurement.objects.filter(**{f"{field_name}__in": indicators})
                .values_list("date")
                .annotate(n=Count("pk"), total=Sum(share))
                .order_by()
            )
            for date, count, total in rows:
                years[date.year][0] += count
                years[date.year][1] += total or 0
        return [
            {
                "year": year,
                "readings": count,
                "percent": round(100 * max(0.0, min(1.0, total / count))) if count else None,
            }
            for year, (count, total) in sorted(years.items())
        ]

    return cached("years", territory_key(selection), compute)


def training_years(locale):
    def compute():
        return [
            {
                "year": row.year,
                "sessions": row.sessions_held,
                "hosts": row.host_structures,
                "seats": row.seats_offered,
                "participants": disclosed(row.participants),
            }
            for row in yearly_figures(TrainingOfferPage.objects.filter(locale=locale))
        ]

    return cached("trainings", [locale.pk], compute)


def capitalisation(locale):
    """Items of each source turned into sheets and how many of those sheets are published
    ({source key: (items, published)}), and the median days from review to publication."""

    def compute():
        all_sheets = PracticeSheetPage.objects.all()
        public_sheets = all_sheets.live().public()
        return {
            "sources": {
                source.key: (
                    disclosed(source.count(all_sheets)),
                    disclosed(source.count(public_sheets)),
                )
                for source in sources.sources()
            },
            "median_days": median_review_days(public_sheets.filter(locale=locale)),
        }

    return cached("capitalisation-by-source", [locale.pk], compute)


def median_review_days(sheets):
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    first_submission = (
        WorkflowState.objects.filter(
            base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    pairs = (
        sheets.filter(first_published_at__isnull=False)
        .annotate(submitted=Subquery(first_submission))
        .filter(submitted__isnull=False)
        .values_list("submitted", "first_published_at")
    )
    days = [
        max((published - submitted) / datetime.timedelta(days=1), 0)
        for submitted, published in pairs
    ]
    if len(days) < SMALL_COUNT:
        return None
    return round(statistics.median(days), 1)
