"""An indicator's « dernière valeur » follows its most recent reading, and figures are refreshed.

Readings are kept out of page revisions; publishing a page writes its indicators
back from the revision, so the latest value is taken again from the readings
after each publication. Every change that alters a figure makes the stored
figures stale in its own transaction and asks, once it commits, for one
refresh job (see `snapshots`).
"""

from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from kb.background_jobs import enqueue_once_after_commit
from practices.models import (
    ExperimentIndicator,
    ExperimentPage,
    IndicatorMeasurement,
    PracticeSheetIndicator,
    PracticeSheetPage,
    TrainingOfferPage,
    TrainingRegistration,
    TrainingSession,
)
from practices.observatory import snapshots
from practices.observatory.tasks import refresh_observatory_figures

INDICATOR_FIELDS = {
    PracticeSheetIndicator: "sheet_indicator",
    ExperimentIndicator: "experiment_indicator",
}


def figures_changed():
    snapshots.figures_changed()
    enqueue_once_after_commit(refresh_observatory_figures)


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


@receiver(post_save, sender=TrainingRegistration)
@receiver(post_delete, sender=TrainingRegistration)
def registration_changed(sender, instance, **kwargs):
    """The figures count the confirmed registrations of the sessions already held. Members
    register for and withdraw from coming sessions only, many times a day: such a change
    alters no figure until the session starts, which the nightly refresh takes in."""
    if instance.session.is_past:
        figures_changed()


@receiver(post_save, sender=TrainingSession)
@receiver(post_delete, sender=TrainingSession)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
@receiver(page_slug_changed)
def counted_content_changed(sender, **kwargs):
    """Sessions make the training figures; restrictions, moves and
    slugs decide which pages are public, in the practices section, and where the
    map's links lead."""
    figures_changed()
