"""The admin's document form: the title readers see is written by the editor.

Wagtail fills the title in from the file's name as soon as a file is chosen, and
that name then shows on the site (« CR_copil_v3_def »). Here the title stays
empty until the editor writes it, and a title that is only the file's name is
refused with the reason.
"""

from pathlib import PurePath

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminTagWidget
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    class Meta(BaseDocumentForm.Meta):
        # Without Wagtail's data-controller="w-sync", which copies the file name into the title.
        widgets = {"tags": AdminTagWidget, "file": forms.FileInput()}
        help_texts = {
            "title": _(
                "Le titre que les lecteurs verront sur le site, par exemple « Compte rendu "
                "du séminaire régional du 12 mars 2026 »."
            )
        }

    def clean(self):
        cleaned_data = super().clean()
        title = cleaned_data.get("title")
        upload = cleaned_data.get("file") or self.instance.file
        if title and upload and is_file_name(title, upload.name):
            self.add_error(
                "title",
                _(
                    "Ce titre est le nom du fichier : écrivez plutôt ce que le document "
                    "contient, tel que les lecteurs le verront sur le site."
                ),
            )
        return cleaned_data


def is_file_name(title, file_name):
    name = PurePath(file_name).name
    stem = PurePath(name).stem
    variants = {name, stem, stem.replace("_", " ").replace("-", " ")}
    return title.strip().casefold() in {variant.casefold() for variant in variants}
