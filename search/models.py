from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from search.extraction import page_key
from search.query import normalise_query
from search.thesaurus import ONE_WAY, Synonyms, split_forms


class SynonymGroup(models.Model):
    """Words of the sector that mean the same thing: any one of them finds the others.

    The shipped thesaurus (`search/data/thesaurus/`) is loaded once; editors extend it.
    """

    language = models.CharField(
        _("langue"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    forms = models.CharField(
        _("formes équivalentes"),
        max_length=500,
        help_text=_(
            "Séparées par des virgules : « ITEP, institut thérapeutique éducatif et "
            "pédagogique ». Chacune trouve les autres. Un sigle s’écrit en capitales."
        ),
    )
    broader = models.CharField(
        _("trouve aussi (sens unique)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Termes plus larges que ces formes trouvent aussi, sans réciproque : pour "
            "« DITEP », « ITEP »."
        ),
    )

    # Searches on the database backend read the thesaurus again once it has changed.
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("language"), FieldPanel("forms"), FieldPanel("broader")]

    class Meta:
        verbose_name = _("groupe de synonymes")
        verbose_name_plural = _("thésaurus")
        ordering = ["language", "forms"]

    def __str__(self):
        return f"{self.forms} => {self.broader}" if self.broader else self.forms

    @property
    def synonyms(self):
        return Synonyms(split_forms(self.forms), split_forms(self.broader))

    def clean(self):
        group = self.synonyms
        if not group.forms or (len(group.forms) < 2 and not group.broader):
            raise ValidationError(
                _("Indiquez au moins deux formes équivalentes, ou un terme plus large.")
            )
        if any(ONE_WAY in form for form in (*group.forms, *group.broader)):
            raise ValidationError(_("Séparez les formes par des virgules, sans « => »."))
        self.forms = ", ".join(group.forms)
        self.broader = ", ".join(group.broader)


class PendingIndexOperation(models.Model):
    """A document the index must catch up with; it stays here until the engine has it.

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
    # The terms of the text as `search.terms` analyses it, which the full-text index reads:
    # a trigger fills `search_vector` from them on PostgreSQL (migration 0006), and SQLite
    # keeps its index in the FTS5 table `search_fulltext` instead, leaving it empty.
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    keyword_terms = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("document indexé")
        verbose_name_plural = _("documents indexés")
        indexes = [
            # Facet counts and ranking read these columns of thousands of documents: from
            # the index, SQLite need not walk past the long bodies stored before them.
            models.Index(
                fields=["locale", "doc_type", "year", "status", "rank_boost", "published_at"],
                name="search_document_facets",
            ),
        ]

    def __str__(self):
        return self.title


class IndexedTerm(models.Model):
    """One keyword value of an indexed document (theme, territory, tag…), for filters and facets."""

    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="terms")
    field = models.CharField(max_length=30)
    value = models.CharField(max_length=200)

    class Meta:
        # Facets count values over thousands of documents: with the document in the index,
        # the count never reads the table.
        indexes = [models.Index(fields=["field", "value", "document"], name="search_term_facets")]
        constraints = [
            models.UniqueConstraint(fields=["document", "field", "value"], name="unique_term"),
        ]

    def __str__(self):
        return f"{self.field}={self.value}"


class IndexedWord(models.Model):
    """A word of the indexed documents, as folded, and the term it is indexed under.

    What the database backend corrects typos towards and completes words from. A word
    stays until the next rebuild, even when the last document holding it has gone: a
    correction towards it then finds nothing, and is not proposed.
    """

    word = models.CharField(max_length=100, unique=True)
    term = models.CharField(max_length=100)

    def __str__(self):
        return self.word


class PromotedResult(models.Model):
    """An editors' pick: for one query, a page shown above the results."""

    query = models.CharField(
        _("requête"),
        max_length=200,
        help_text=_(
            "Les mots tels que les visiteurs les tapent ; majuscules et accents sont ignorés."
        ),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page mise en avant"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Elle n’est montrée que dans sa langue, et seulement à qui peut la voir."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    panels = [FieldPanel("query"), FieldPanel("page"), FieldPanel("position")]

    class Meta:
        verbose_name = _("résultat mis en avant")
        verbose_name_plural = _("résultats mis en avant")
        ordering = ["query", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["query", "page"], name="unique_promoted_page"),
        ]

    def __str__(self):
        return f"{self.query} → {self.page}"

    def save(self, *args, **kwargs):
        self.query = normalise_query(self.query)
        super().save(*args, **kwargs)

    @classmethod
    def keys_for(cls, text, language):
        """Search keys of the pages picked for `text` in `language`, in the editors' order."""
        query = normalise_query(text)
        if not query:
            return []
        picks = cls.objects.filter(query=query, page__locale__language_code=language)
        return [page_key(page_id) for page_id in picks.values_list("page_id", flat=True)]


class ZeroResultQuery(models.Model):
    """A query that found nothing: what the knowledge base lacks, or words it should know.

    Only the normalised words are kept, with how often and when they were last
    typed; nothing about who typed them.
    """

    query = models.CharField(_("requête"), max_length=200)
    language = models.CharField(_("langue"), max_length=10)
    count = models.PositiveIntegerField(_("nombre de recherches"), default=0)
    last_seen = models.DateTimeField(_("dernière recherche"), default=timezone.now)

    class Meta:
        verbose_name = _("recherche sans résultat")
        verbose_name_plural = _("recherches sans résultat")
        ordering = ["-count", "-last_seen"]
        constraints = [
            models.UniqueConstraint(fields=["query", "language"], name="unique_zero_result_query"),
        ]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, text, language):
        query = normalise_query(text)
        if not query:
            return
        row, _created = cls.objects.get_or_create(query=query, language=language)
        cls.objects.filter(pk=row.pk).update(count=F("count") + 1, last_seen=timezone.now())
