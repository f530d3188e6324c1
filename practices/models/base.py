"""What every capitalised item shares: classification, contact, reuse licence, indicators.

Taxonomy links always point to the source-language (French) terms, whatever the
page's language: filters then work by slug in every language, and templates show
each term's translation with `.localized`.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from kb.api_fields import TagNames, slugs
from kb.models.easy_read import EasyReadMixin
from kb.models.taxonomy import territory_codes
from kb.page_forms import PageForm
from practices.open_data_values import joined, region_codes, utc_timestamp


def source_locale_terms():
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class Licence(models.TextChoices):
    ETALAB_2 = "etalab-2.0", _("Licence Ouverte / Open Licence 2.0 (Etalab)")
    CC_BY_4 = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA_4 = (
        "cc-by-sa-4.0",
        _("Creative Commons Attribution – Partage dans les mêmes conditions 4.0"),
    )
    CC_BY_NC_4 = (
        "cc-by-nc-4.0",
        _("Creative Commons Attribution – Pas d’utilisation commerciale 4.0"),
    )


LICENCE_URLS = {
    Licence.ETALAB_2: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY_NC_4: "https://creativecommons.org/licenses/by-nc/4.0/deed.fr",
}


class CapitalisedPage(EasyReadMixin, Page):
    base_form_class = PageForm

    summary = models.TextField(
        _("résumé"),
        max_length=600,
        help_text=_("Trois phrases au plus : ce qui a été fait, pour qui, avec quel résultat."),
    )
    themes = ParentalManyToManyField(
        "kb.Theme",
        verbose_name=_("thèmes"),
        blank=True,
        limit_choices_to=source_locale_terms,
        related_name="+",
    )
    audiences = ParentalManyToManyField(
        "kb.Audience",
        verbose_name=_("publics"),
        blank=True,
        limit_choices_to=source_locale_terms,
        related_name="+",
    )
    establishment_types = ParentalManyToManyField(
        "kb.EstablishmentType",
        verbose_name=_("types d’établissement"),
        blank=True,
        limit_choices_to=source_locale_terms,
        related_name="+",
    )
    regions = ParentalManyToManyField(
        "kb.Region", verbose_name=_("régions"), blank=True, related_name="+"
    )
    departments = ParentalManyToManyField(
        "kb.Department", verbose_name=_("départements"), blank=True, related_name="+"
    )
    contact_name = models.CharField(_("nom du contact"), max_length=150, blank=True)
    contact_organisation = models.CharField(
        _("organisation du contact"), max_length=200, blank=True
    )
    contact_email = models.EmailField(_("courriel du contact"), blank=True)
    licence = models.CharField(
        _("licence de réutilisation"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.ETALAB_2,
    )
    last_reviewed = models.DateField(
        _("dernière relecture"),
        null=True,
        blank=True,
        help_text=_("Date à laquelle le contenu a été vérifié pour la dernière fois."),
    )

    classification_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("establishment_types", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("departments", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Territoire"),
        ),
        FieldPanel("tags"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("licence"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("locale_id"),
    ]
    # Contact names and e-mail addresses stay on the page: they are personal data,
    # not data to re-publish.
    api_fields = [
        "summary",
        APIField("themes", serializer=slugs()),
        APIField("audiences", serializer=slugs()),
        APIField("establishment_types", serializer=slugs()),
        APIField("territories", serializer=serializers.ListField(source="territory_codes")),
        APIField("tags", serializer=TagNames()),
        "contact_organisation",
        "licence",
        "licence_url",
        "last_reviewed",
    ]
    # Relations the fields above read through a method (`territory_codes`), which the
    # API cannot guess from the names: fetched for a whole list page at once.
    api_prefetch = ["regions", "departments__region"]
    # Each column of the open data files (practices.open_data, described by the
    # schemas in practices/data/) and how it is read from the page.
    open_data_columns = {
        "identifiant": lambda page: page.pk,
        "cle_traduction": lambda page: str(page.translation_key),
        "langue": lambda page: page.locale.language_code,
        "titre": lambda page: page.title,
        "resume": lambda page: page.summary,
        "url": lambda page: page.get_full_url(),
        "themes": lambda page: joined(theme.slug for theme in page.themes.all()),
        "publics": lambda page: joined(audience.slug for audience in page.audiences.all()),
        "types_etablissement": lambda page: joined(
            kind.slug for kind in page.establishment_types.all()
        ),
        "codes_regions": region_codes,
        "codes_departements": lambda page: joined(d.code for d in page.departments.all()),
        "mots_cles": lambda page: joined(item.tag.name for item in page.tagged_items.all()),
        "organisation_contact": lambda page: page.contact_organisation,
        "licence": lambda page: page.licence,
        "derniere_relecture": lambda page: page.last_reviewed,
        "date_premiere_publication": lambda page: utc_timestamp(page.first_published_at),
        "date_derniere_publication": lambda page: utc_timestamp(page.last_published_at),
    }

    class Meta:
        abstract = True

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def territory_codes(self):
        return territory_codes(self.regions.all(), self.departments.all())


class Indicator(TranslatableMixin, Orderable):
    """A follow-up or impact indicator as structured figures, so that they can be rolled up.

    Translatable so that wagtail-localize offers its name and unit for translation
    along with the page.
    """

    name = models.CharField(_("indicateur"), max_length=200)
    unit = models.CharField(
        _("unité"), max_length=50, blank=True, help_text=_("Ex. : %, jeunes, places, jours.")
    )
    baseline = models.DecimalField(
        _("valeur de départ"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("cible"), max_digits=12, decimal_places=2, null=True, blank=True)
    latest_value = models.DecimalField(
        _("dernière valeur"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    latest_value_date = models.DateField(_("date de la dernière valeur"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldPanel("baseline"),
        FieldPanel("target"),
        FieldPanel("latest_value"),
        FieldPanel("latest_value_date"),
    ]
    api_fields = ["name", "unit", "baseline", "target", "latest_value", "latest_value_date"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.name

    @property
    def progress(self):
        """Share of the way from baseline to target, between 0 and 1, when it can be told."""
        if None in (self.baseline, self.target, self.latest_value) or self.target == self.baseline:
            return None
        ratio = (self.latest_value - self.baseline) / (self.target - self.baseline)
        return max(0, min(1, float(ratio)))


class RelatedDocument(Orderable):
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True
