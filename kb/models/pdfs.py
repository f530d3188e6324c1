from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


def printed_files():
    """PDFs are served through their page, which checks who may read it, never by the web server."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class PagePdf(models.Model):
    """The PDF last printed from a page (a guide edition, an experiment's spreading kit)."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    file = models.FileField(_("fichier"), storage=printed_files, upload_to="pdf/")
    source_version = models.DateTimeField(
        _("version imprimée"), help_text=_("Date de la publication que le PDF reflète.")
    )
    printed_at = models.DateTimeField(_("imprimé le"), auto_now=True)

    class Meta:
        verbose_name = _("PDF d’une page")
        verbose_name_plural = _("PDF des pages")

    def __str__(self):
        return self.file.name
