"""Where the observatory keeps its computed figures, for every web process and worker to read.

The site's cache lives in the memory of each process: figures that the worker
computes must be written to the database for the web processes to see them,
and a publication must make them stale for all processes at once, in the
transaction that publishes.

These models belong to the practices app; `practices.apps` loads them with the
rest of the observatory.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FiguresGeneration(models.Model):
    """One row: the number that fresh figures carry, raised by every change that alters them."""

    number = models.PositiveBigIntegerField(_("génération"), default=1)
    refresh_due_since = models.DateTimeField(
        _("en attente de recalcul depuis"),
        null=True,
        blank=True,
        help_text=_("Date de la première modification pas encore recalculée."),
    )

    class Meta:
        app_label = "practices"
        verbose_name = _("génération des chiffres de l’observatoire")
        verbose_name_plural = _("générations des chiffres de l’observatoire")

    def __str__(self):
        return str(self.number)


class FiguresSnapshot(models.Model):
    """The last value computed for one figure or page fragment, and the generation it is of."""

    key = models.CharField(_("clé"), max_length=120, unique=True)
    generation = models.PositiveBigIntegerField(_("génération"))
    value = models.BinaryField(_("valeur"))
    computed_at = models.DateTimeField(_("calculé le"))

    class Meta:
        app_label = "practices"
        verbose_name = _("chiffres calculés de l’observatoire")
        verbose_name_plural = _("chiffres calculés de l’observatoire")

    def __str__(self):
        return self.key
