"""Experiment write-ups: respite units, mobile teams and other devices, told for reuse.

Funders ask that an experiment can be spread elsewhere ("essaimage"): a write-up
has three parts — the experiment, its organisational and economic model, its
evaluation — and tells how complete each part is so that editors can chase
what is missing. The whole write-up downloads as a "spreading kit" PDF
(`kit-essaimage/`), printed like the methodological guide (see `kb.pdf`).
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.search import index

from kb.api_fields import Rows
from kb.models.printable import PrintablePageMixin
from practices.open_data_values import plain_text

from .base import CapitalisedPage, Indicator, RelatedDocument
from .sheets import LIST_FEATURES


class ExperimentPage(PrintablePageMixin, CapitalisedPage):
    class Kind(models.TextChoices):
        RESPITE_UNIT = "respite_unit", _("unité ou espace de répit")
        MOBILE_UNIT = "mobile_unit", _("équipe ou unité mobile")
        PREVENTION = "prevention", _("dispositif de prévention des ruptures")
        OTHER = "other", _("autre dispositif innovant")

    class Sex(models.TextChoices):
        ALL = "all", _("filles et garçons, femmes et hommes")
        FEMALE = "female", _("filles ou femmes")
        MALE = "male", _("garçons ou hommes")

    kind = models.CharField(_("type de dispositif"), max_length=20, choices=Kind.choices)
    age_min = models.PositiveSmallIntegerField(_("âge minimum"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("âge maximum"), null=True, blank=True)
    sex = models.CharField(_("sexe"), max_length=10, choices=Sex.choices, default=Sex.ALL)
    situations = RichTextField(
        _("situations concernées"),
        features=LIST_FEATURES,
        blank=True,
        help_text=_("Cas types, sans aucune donnée permettant d’identifier une personne."),
    )
    period_start = models.DateField(_("début"), null=True, blank=True)
    period_end = models.DateField(_("fin"), null=True, blank=True, help_text=_("Vide si en cours."))
    partners = RichTextField(_("partenaires"), features=LIST_FEATURES, blank=True)

    description = RichTextField(_("ce qui a été fait"), features=LIST_FEATURES, blank=True)
    positive_results = RichTextField(_("résultats positifs"), features=LIST_FEATURES, blank=True)
    difficulties = RichTextField(_("difficultés rencontrées"), features=LIST_FEATURES, blank=True)
    success_factors = RichTextField(
        _("facteurs clés de succès"), features=LIST_FEATURES, blank=True
    )
    pitfalls = RichTextField(_("écueils à éviter"), features=LIST_FEATURES, blank=True)

    staff = RichTextField(
        _("équipe"),
        features=LIST_FEATURES,
        blank=True,
        help_text=_("Métiers et équivalents temps plein (ETP)."),
    )
    staff_fte = models.DecimalField(
        _("ETP au total"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    annual_budget = models.DecimalField(
        _("budget annuel (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding = RichTextField(
        _("financement"),
        features=LIST_FEATURES,
        blank=True,
        help_text=_("Financeurs, crédits mobilisés (ex. : crédits non reconductibles de l’ARS)."),
    )
    organisation_model = RichTextField(
        _("organisation"),
        features=LIST_FEATURES,
        blank=True,
        help_text=_("Fonctionnement, horaires, orientation des personnes, coordination."),
    )

    evaluation_method = RichTextField(_("méthode d’évaluation"), features=LIST_FEATURES, blank=True)
    evaluation_results = RichTextField(
        _("résultats de l’évaluation"), features=LIST_FEATURES, blank=True
    )

    tags = ClusterTaggableManager(
        through="practices.ExperimentTag", blank=True, verbose_name=_("mots-clés")
    )

    experiment_panels = CapitalisedPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max"), FieldPanel("sex")]),
                FieldPanel("situations"),
            ],
            heading=_("Populations concernées"),
        ),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Période")),
        FieldPanel("partners"),
        FieldPanel("description"),
        FieldPanel("positive_results"),
        FieldPanel("difficulties"),
        FieldPanel("success_factors"),
        FieldPanel("pitfalls"),
    ]
    model_panels = [
        FieldPanel("organisation_model"),
        FieldPanel("staff"),
        FieldRowPanel([FieldPanel("staff_fte"), FieldPanel("annual_budget")]),
        FieldPanel("funding"),
    ]
    evaluation_panels = [
        FieldPanel("evaluation_method"),
        FieldPanel("evaluation_results"),
        InlinePanel("indicators", label=_("Indicateur"), heading=_("Indicateurs")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(experiment_panels, heading=_("L’expérimentation")),
            ObjectList(model_panels, heading=_("Modèle")),
            ObjectList(evaluation_panels, heading=_("Évaluation")),
            ObjectList(CapitalisedPage.classification_panels, heading=_("Classement")),
            ObjectList(
                [
                    InlinePanel("documents", label=_("Document"), heading=_("Documents")),
                    *CapitalisedPage.contact_panels,
                ],
                heading=_("Documents et contact"),
            ),
            CapitalisedPage.easy_read_tab(),
            ObjectList(CapitalisedPage.promote_panels, heading=_("Référencement")),
            ObjectList(CapitalisedPage.settings_panels, heading=_("Paramètres")),
        ]
    )
    search_fields = CapitalisedPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("positive_results"),
        index.SearchField("success_factors"),
        index.SearchField("evaluation_results"),
        index.FilterField("kind"),
    ]
    api_fields = CapitalisedPage.api_fields + [
        "kind",
        "age_min",
        "age_max",
        "sex",
        "situations",
        "period_start",
        "period_end",
        "partners",
        "description",
        "positive_results",
        "difficulties",
        "success_factors",
        "pitfalls",
        "organisation_model",
        "staff",
        "staff_fte",
        "annual_budget",
        "funding",
        "evaluation_method",
        "evaluation_results",
        APIField("indicators", serializer=Rows()),
    ]
    open_data_columns = {
        **CapitalisedPage.open_data_columns,
        "type_dispositif": lambda page: page.kind,
        "description": lambda page: plain_text(page.description),
        "age_minimum": lambda page: page.age_min,
        "age_maximum": lambda page: page.age_max,
        "sexe": lambda page: page.sex,
        "date_debut": lambda page: page.period_start,
        "date_fin": lambda page: page.period_end,
        "etp_total": lambda page: page.staff_fte,
        "budget_annuel_euros": lambda page: page.annual_budget,
        "completude_pourcentage": lambda page: page.completeness_percent(),
    }

    parent_page_types = ["practices.ExperimentIndexPage"]
    subpage_types = []

    # What each part needs before another territory can reproduce the experiment.
    COMPLETENESS_PARTS = {
        "experiment": (
            _("L’expérimentation"),
            [
                "summary",
                "situations",
                "period_start",
                "partners",
                "description",
                "positive_results",
                "difficulties",
                "success_factors",
                "pitfalls",
            ],
        ),
        "model": (
            _("Le modèle organisationnel et économique"),
            ["organisation_model", "staff", "staff_fte", "annual_budget", "funding"],
        ),
        "evaluation": (
            _("L’évaluation"),
            ["evaluation_method", "evaluation_results", "indicators"],
        ),
    }

    class Meta:
        verbose_name = _("retour d’expérience")
        verbose_name_plural = _("retours d’expérience")

    pdf_template = "practices/experiment_kit_print.html"

    @property
    def year(self):
        return self.period_start.year if self.period_start else None

    def pdf_filename(self):
        return f"kit-essaimage-{slugify(self.title)}.pdf"

    @path("kit-essaimage/", name="spreading_kit")
    def spreading_kit(self, request):
        from kb.pdf import pdf_response

        return pdf_response(self)

    @property
    def spreading_kit_url(self):
        return self.url + self.reverse_subpage("spreading_kit") if self.url else ""

    def is_filled(self, field_name):
        if field_name == "indicators":
            return self.indicators.exists()
        value = getattr(self, field_name)
        if isinstance(value, str):
            return bool(value.strip())
        return value is not None

    def completeness(self):
        """Per part: its label, the share of filled items and the labels of the missing ones."""
        parts = []
        for key, (label, field_names) in self.COMPLETENESS_PARTS.items():
            missing = [name for name in field_names if not self.is_filled(name)]
            parts.append(
                {
                    "key": key,
                    "label": label,
                    "percent": round(100 * (len(field_names) - len(missing)) / len(field_names)),
                    "missing": [self.field_label(name) for name in missing],
                }
            )
        return parts

    def completeness_percent(self, parts=None):
        """Share of all items filled; pass `completeness()` if you already have it."""
        total = sum(len(names) for _label, names in self.COMPLETENESS_PARTS.values())
        missing = sum(len(part["missing"]) for part in parts or self.completeness())
        return round(100 * (total - missing) / total)

    @classmethod
    def field_label(cls, field_name):
        if field_name == "indicators":
            return _("indicateurs")
        return cls._meta.get_field(field_name).verbose_name


class ExperimentTag(TaggedItemBase):
    content_object = ParentalKey(
        ExperimentPage, on_delete=models.CASCADE, related_name="tagged_items"
    )


class ExperimentIndicator(Indicator):
    page = ParentalKey(ExperimentPage, on_delete=models.CASCADE, related_name="indicators")


class ExperimentDocument(RelatedDocument):
    page = ParentalKey(ExperimentPage, on_delete=models.CASCADE, related_name="documents")
