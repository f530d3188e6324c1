"""The document library: every public Wagtail document, with its themes and year.

Wagtail documents already carry tags. Themes and a year live in a side model,
`DocumentClassification`, rather than in a custom document model: practice
pages and their migrations point to `wagtaildocs.Document`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from kb.page_forms import PageForm

FILE_FAMILIES = {
    "pdf": (_("PDF"), ("pdf",)),
    "tableur": (_("Tableur"), ("xlsx", "xls", "ods", "csv")),
    "presentation": (_("Présentation"), ("pptx", "ppt", "odp")),
    "texte": (_("Texte"), ("docx", "doc", "odt", "rtf", "txt")),
}


def file_family(extension):
    """The family key of a file extension ("pdf", "tableur"...), or "" when it has none."""
    extension = (extension or "").lower()
    return next((key for key, (_label, exts) in FILE_FAMILIES.items() if extension in exts), "")


def file_family_label(extension):
    family = file_family(extension)
    return FILE_FAMILIES[family][0] if family else _("Autre")


def source_locale_terms():
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class DocumentClassification(models.Model):
    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="classification",
    )
    themes = models.ManyToManyField(
        "kb.Theme",
        verbose_name=_("thèmes"),
        blank=True,
        limit_choices_to=source_locale_terms,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        help_text=_("Année de parution. Vide : l’année où le document a été déposé."),
    )
    listed = models.BooleanField(
        _("montrer dans la médiathèque"),
        default=True,
        help_text=_("Décocher pour un document de travail joint à une page seulement."),
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("themes"),
        FieldPanel("year"),
        FieldPanel("listed"),
    ]

    class Meta:
        verbose_name = _("classement d’un document")
        verbose_name_plural = _("classements des documents")

    def __str__(self):
        return str(self.document)


class DocumentLibraryPage(Page):
    base_form_class = PageForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("médiathèque")
        verbose_name_plural = _("médiathèques")

    def get_context(self, request, *args, **kwargs):
        from kb.document_library import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request, self))
        return context
