"""An indicator's « dernière valeur » follows its most recent reading, and figures are refreshed.

Readings are kept out of page revisions; publishing a page writes its indicators
back from the revision, so the latest value is taken again from the readings
after each publication. Every change that alters a figure bumps the
observatory's cache generation.
"""

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from forums.models import Topic
from practices.models import (
    ExperimentIndicator,
    ExperimentPage,
    IndicatorMeasurement,
    PracticeSheetIndicator,
    PracticeSheetPage,
    TrainingOfferPage,
)

GENERATION_KEY = "observatory:generation"
INDICATOR_FIELDS = {
    PracticeSheetIndicator: "sheet_indicator",
    ExperimentIndicator: "experiment_indicator",
}


def generation():
    """The number that cached figures are stored under; a new one makes them all stale."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def figures_changed():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def sync_latest_values(indicators):
    """Copy the most recent reading of each indicator into its latest value and date."""
    model = indicators.model
    readings = IndicatorMeasurement.objects.filter(
        **{INDICATOR_FIELDS[model]: OuterRef("pk")}
    ).order_by("-date", "-pk")
    measured = indicators.filter(measurements__isnull=False).distinct()
    model.objects.filter(pk__in=measured.values("pk")).update(
        latest_value=Subquery(readings.values("value")[:1]),
        latest_value_date=Subquery(readings.values("date")[:1]),
    )


@receiver(post_save, sender=IndicatorMeasurement)
@receiver(post_delete, sender=IndicatorMeasurement)
def reading_changed(sender, instance, **kwargs):
    indicator = instance.indicator
    if indicator is not None:
        sync_latest_values(type(indicator).objects.filter(pk=indicator.pk))
    figures_changed()


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, PracticeSheetPage):
        sync_latest_values(PracticeSheetIndicator.objects.filter(page=page))
    elif isinstance(page, ExperimentPage):
        sync_latest_values(ExperimentIndicator.objects.filter(page=page))
    figures_changed()


@receiver(post_delete, sender=PracticeSheetPage)
@receiver(post_delete, sender=ExperimentPage)
@receiver(post_delete, sender=TrainingOfferPage)
def page_deleted(sender, instance, **kwargs):
    figures_changed()


@receiver(post_save, sender=Topic)
def topic_saved(sender, instance, **kwargs):
    if instance.capitalised_as_id:
        figures_changed()
