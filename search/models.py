from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class GlossaryTerm(models.Model):
    """An acronym of the sector and its expansion, used as search synonyms."""

    acronym = models.CharField(_("sigle"), max_length=30, unique=True)
    expansion = models.CharField(_("forme développée"), max_length=300)

    panels = [FieldPanel("acronym"), FieldPanel("expansion")]

    class Meta:
        verbose_name = _("terme du glossaire")
        verbose_name_plural = _("glossaire")
        ordering = ["acronym"]

    def __str__(self):
        return f"{self.acronym} — {self.expansion}"


class PendingIndexOperation(models.Model):
    """A document the index must catch up with, recorded when the engine could not be reached.

    Only the key is kept: replaying recomputes the document from the database, so
    the index ends equal to the database whatever happened in between, and one row
    per key means each change is replayed once.
    """

    key = models.CharField(_("document"), max_length=100, unique=True)
    queued_at = models.DateTimeField(_("en attente depuis"), auto_now=True)
    attempts = models.PositiveIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        verbose_name = _("mise à jour d’index en attente")
        verbose_name_plural = _("mises à jour d’index en attente")
        ordering = ["queued_at", "pk"]

    def __str__(self):
        return self.key


class IndexedDocument(models.Model):
    """The database backend's copy of a search document (used when no engine is configured)."""

    key = models.CharField(max_length=100, unique=True)
    locale = models.CharField(max_length=10, db_index=True)
    doc_type = models.CharField(max_length=30, db_index=True)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=20, blank=True, db_index=True)
    rank_boost = models.FloatField(default=1.0)
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("document indexé")
        verbose_name_plural = _("documents indexés")

    def __str__(self):
        return self.title


class IndexedTerm(models.Model):
    """One keyword value of an indexed document (theme, territory, tag…), for filters and facets."""

    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="terms")
    field = models.CharField(max_length=30)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["field", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "field", "value"], name="unique_term"),
        ]

    def __str__(self):
        return f"{self.field}={self.value}"
