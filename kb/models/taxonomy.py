"""The shared vocabulary that every content type is tagged with.

Themes, audiences and establishment types are editorial words: they are
translated through wagtail-localize like any snippet. Regions and départements
are the official geography (INSEE codes of the Code officiel géographique):
one row per area whatever the language, keyed by its code, with an English
name only where English uses another one (Corsica, Brittany...).
"""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index

from kb.content_version import kept


def sort_key(text):
    """Alphabetical order as a French reader expects it: "Île-de-France" sorts under I."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(
        _("identifiant"),
        max_length=150,
        help_text=_("Utilisé dans les adresses des listes filtrées, identique dans chaque langue."),
    )
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class EstablishmentType(TaxonomyTerm):
    acronym = models.CharField(_("sigle"), max_length=20, blank=True)

    search_fields = TaxonomyTerm.search_fields + [index.SearchField("acronym")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("type d’établissement")
        verbose_name_plural = _("types d’établissement")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        ordering = ["acronym", "name"]

    def __str__(self):
        return f"{self.acronym} — {self.name}" if self.acronym else self.name


class Territory(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom officiel"), max_length=100)
    name_en = models.CharField(
        _("nom en anglais"),
        max_length=100,
        blank=True,
        help_text=_("À remplir seulement si l’anglais emploie un autre nom."),
    )

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class Region(Territory):
    class Meta(Territory.Meta):
        verbose_name = _("région")
        verbose_name_plural = _("régions")


class Department(Territory):
    region = models.ForeignKey(
        Region, verbose_name=_("région"), on_delete=models.PROTECT, related_name="departments"
    )

    class Meta(Territory.Meta):
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.display_name} ({self.code})"


def territory_codes(regions, departments):
    """Territories as "region:<INSEE code>" and "departement:<INSEE code>", sorted.

    The kind keeps a région and a département apart where they share a code (76 is
    Occitanie and Seine-Maritime). A département also carries its région, so that
    searching a région finds what was described by département.
    """
    codes = {f"region:{region.code}" for region in regions}
    for department in departments:
        codes.update({f"departement:{department.code}", f"region:{department.region.code}"})
    return sorted(codes)


def labels_of(words):
    """The `labels` of a search document: the words of its terms and territories, sorted,
    each once, none empty."""
    return sorted({word for word in words if word})


@dataclass(frozen=True)
class Term:
    pk: int
    slug: str
    label: str


def localized_terms(model, locale_id):
    """Source-language terms by primary key, each labelled in the language of `locale_id`.

    Pages point to the source terms. One query fetches them with their
    translations, where `.localized` would cost a query for every term shown; the
    answer is kept until the taxonomy changes (`kb.content_version`).
    """
    return kept("terms", [model._meta.label, locale_id], lambda: read_terms(model, locale_id))


def read_terms(model, locale_id):
    rows = list(
        model.objects.filter(
            Q(locale__language_code=settings.LANGUAGE_CODE) | Q(locale_id=locale_id)
        ).select_related("locale")
    )
    translations = {row.translation_key: row for row in rows if row.locale_id == locale_id}
    return {
        row.pk: Term(row.pk, row.slug, str(translations.get(row.translation_key, row)))
        for row in rows
        if row.locale.language_code == settings.LANGUAGE_CODE
    }
