"""Dated readings of an indicator, so that its evolution can be followed year after year.

Readings are plain rows, not page content: a page revision published or rolled
back never rewrites the history of what was measured. The indicator's
« dernière valeur » follows its most recent reading (see
`practices.observatory.measurements`).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .experiments import ExperimentIndicator
from .sheets import PracticeSheetIndicator


class IndicatorMeasurement(models.Model):
    sheet_indicator = models.ForeignKey(
        PracticeSheetIndicator,
        verbose_name=_("indicateur de fiche action"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="measurements",
    )
    experiment_indicator = models.ForeignKey(
        ExperimentIndicator,
        verbose_name=_("indicateur de retour d’expérience"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="measurements",
    )
    date = models.DateField(_("date du relevé"))
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("relevé d’indicateur")
        verbose_name_plural = _("relevés d’indicateurs")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sheet_indicator__isnull=True) ^ Q(experiment_indicator__isnull=True),
                name="measurement_of_one_indicator",
            ),
            models.UniqueConstraint(
                fields=["sheet_indicator", "date"], name="one_sheet_measurement_a_day"
            ),
            models.UniqueConstraint(
                fields=["experiment_indicator", "date"], name="one_experiment_measurement_a_day"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} — {self.date:%d/%m/%Y} : {self.value}"

    @property
    def indicator(self):
        return self.sheet_indicator or self.experiment_indicator
