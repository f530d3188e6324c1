"""Yearly readings of the demo indicators, so that the observatory has a history to show.

Each indicator with a starting value and a target gets one reading at the end
of every year from its page's start to its latest value (or to last year):
a steady climb towards the latest value, with a little deterministic wobble so
that the curves look measured rather than drawn. Readings are keyed by
(indicator, date): running the builder again rewrites the same rows.
"""

import datetime as dt
import hashlib
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from practices.models import ExperimentIndicator, IndicatorMeasurement, PracticeSheetIndicator
from practices.observatory.measurements import figures_changed, sync_latest_values

# Readings never go back before this year, however old the practice.
FIRST_YEAR = 2017


def wobble(indicator, year):
    """A share between -0.06 and 0.06, always the same for one indicator and year."""
    digest = hashlib.sha256(f"{indicator.translation_key}/{year}".encode()).digest()
    return (digest[0] / 255 - 0.5) * 0.12


def start_year(indicator):
    page = indicator.page
    start = getattr(page, "start_date", None) or getattr(page, "period_start", None)
    return max(start.year if start else FIRST_YEAR, FIRST_YEAR)


def readings_of(indicator, this_year):
    baseline, target = float(indicator.baseline), float(indicator.target)
    if indicator.latest_value is not None and indicator.latest_value_date is not None:
        end_value, end = float(indicator.latest_value), indicator.latest_value_date
    else:
        end_value, end = baseline + 0.6 * (target - baseline), dt.date(this_year - 1, 12, 31)
    first = start_year(indicator)
    years = list(range(first, end.year))
    readings = {}
    for position, year in enumerate(years, start=1):
        share = position / (len(years) + 1) + wobble(indicator, year)
        value = baseline + max(0.0, min(1.0, share)) * (end_value - baseline)
        readings[dt.date(year, 12, 31)] = Decimal(str(round(value, 2 if abs(value) < 10 else 0)))
    readings[end] = Decimal(str(end_value))
    return readings


def build_readings():
    this_year = timezone.localdate().year
    source = {"locale__language_code": settings.LANGUAGE_CODE}
    for model, field_name in (
        (PracticeSheetIndicator, "sheet_indicator"),
        (ExperimentIndicator, "experiment_indicator"),
    ):
        indicators = model.objects.filter(
            baseline__isnull=False, target__isnull=False, **source
        ).select_related("page")
        for indicator in indicators:
            for date, value in readings_of(indicator, this_year).items():
                IndicatorMeasurement.objects.update_or_create(
                    **{field_name: indicator}, date=date, defaults={"value": value}
                )
        sync_latest_values(indicators)
    figures_changed()
