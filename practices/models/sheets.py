"""Practice sheets: the "fiche action" of a regional roadmap, made reusable."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from kb.api_fields import Rows
from practices.blocks import StepsBlock
from practices.open_data_values import joined, plain_text
from practices.validators import normalise_finess, validate_finess

from .base import CapitalisedPage, Indicator, RelatedDocument

LIST_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]


class PracticeSheetPage(CapitalisedPage):
    class Status(models.TextChoices):
        PLANNED = "planned", _("prévue")
        IN_PROGRESS = "in_progress", _("en cours")
        COMPLETED = "completed", _("réalisée")
        EVALUATED = "evaluated", _("évaluée")

    context = RichTextField(_("contexte"), features=LIST_FEATURES, blank=True)
    objectives = RichTextField(_("objectifs"), features=LIST_FEATURES)
    implementation_delay = models.CharField(
        _("délai de mise en œuvre"),
        max_length=100,
        blank=True,
        help_text=_("Ex. : 6 mois à 2 ans, plus d’un an."),
    )
    start_date = models.DateField(
        _("date de lancement"),
        null=True,
        blank=True,
        help_text=_("Sert au filtre par année."),
    )
    participants = RichTextField(
        _("qui y prend part"),
        features=LIST_FEATURES,
        blank=True,
        help_text=_("Groupe de travail, partenaires, institutions associées."),
    )
    steps = StreamField(StepsBlock(), verbose_name=_("étapes de mise en œuvre"), blank=True)
    resources = RichTextField(_("ressources mobilisables"), features=LIST_FEATURES, blank=True)
    deliverables = RichTextField(_("livrables"), features=LIST_FEATURES, blank=True)
    calendar = models.CharField(
        _("calendrier"),
        max_length=200,
        blank=True,
        help_text=_("Rythme de suivi, ex. : suivi annuel, mise à jour chaque printemps."),
    )
    status = models.CharField(
        _("état d’avancement"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    tags = ClusterTaggableManager(
        through="practices.PracticeSheetTag", blank=True, verbose_name=_("mots-clés")
    )

    content_panels = CapitalisedPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("status"),
        FieldPanel("context"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("implementation_delay"), FieldPanel("start_date"), FieldPanel("calendar")],
            heading=_("Calendrier"),
        ),
        InlinePanel("leads", label=_("Pilotage"), heading=_("Qui porte l’action")),
        FieldPanel("participants"),
        FieldPanel("steps"),
        FieldPanel("resources"),
        FieldPanel("deliverables"),
        InlinePanel("milestones", label=_("Jalon"), heading=_("Jalons")),
        InlinePanel(
            "indicators", label=_("Indicateur"), heading=_("Indicateurs de suivi et d’impact")
        ),
    ]
    classification_panels = CapitalisedPage.classification_panels + [
        InlinePanel(
            "establishments",
            label=_("Établissement"),
            heading=_("Établissements concernés (FINESS)"),
        ),
    ]
    resources_panels = [
        InlinePanel("documents", label=_("Document"), heading=_("Documents joints")),
        *CapitalisedPage.contact_panels,
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Fiche")),
            ObjectList(classification_panels, heading=_("Classement")),
            ObjectList(resources_panels, heading=_("Documents et contact")),
            CapitalisedPage.easy_read_tab(),
            ObjectList(CapitalisedPage.promote_panels, heading=_("Référencement")),
            ObjectList(CapitalisedPage.settings_panels, heading=_("Paramètres")),
        ]
    )
    search_fields = CapitalisedPage.search_fields + [
        index.SearchField("context"),
        index.SearchField("objectives"),
        index.SearchField("steps"),
        index.SearchField("deliverables"),
        index.FilterField("status"),
    ]
    api_fields = CapitalisedPage.api_fields + [
        "status",
        "context",
        "objectives",
        "implementation_delay",
        "start_date",
        "participants",
        "steps",
        "resources",
        "deliverables",
        "calendar",
        APIField("leads", serializer=Rows()),
        APIField("milestones", serializer=Rows()),
        APIField("indicators", serializer=Rows()),
        APIField("establishments", serializer=Rows()),
    ]
    open_data_columns = {
        **CapitalisedPage.open_data_columns,
        "etat_avancement": lambda page: page.status,
        "objectifs": lambda page: plain_text(page.objectives),
        "date_lancement": lambda page: page.start_date,
        "delai_mise_en_oeuvre": lambda page: page.implementation_delay,
        "calendrier": lambda page: page.calendar,
        "finess_etablissements": lambda page: joined(e.finess for e in page.establishments.all()),
    }

    parent_page_types = ["practices.PracticeSheetIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche action")
        verbose_name_plural = _("fiches action")

    @property
    def year(self):
        return self.start_date.year if self.start_date else None


class PracticeSheetTag(TaggedItemBase):
    content_object = ParentalKey(
        PracticeSheetPage, on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticeLead(TranslatableMixin, Orderable):
    """Translatable, like milestones, so that wagtail-localize translates it with the page."""

    class Level(models.TextChoices):
        REGIONAL = "regional", _("régional")
        DEPARTMENTAL = "departmental", _("départemental")
        ESTABLISHMENT = "establishment", _("établissement")

    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="leads")
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    organisation = models.CharField(
        _("qui porte"), max_length=200, help_text=_("Ex. : direction de l’autonomie de l’ARS.")
    )
    role = models.CharField(
        _("rôle dans le pilotage"),
        max_length=300,
        blank=True,
        help_text=_("Ex. : pilotage et suivi de l’action au niveau départemental."),
    )

    panels = [FieldPanel("level"), FieldPanel("organisation"), FieldPanel("role")]
    api_fields = ["level", "organisation", "role"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return f"{self.get_level_display()} — {self.organisation}"


class PracticeMilestone(TranslatableMixin, Orderable):
    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    label = models.CharField(_("jalon"), max_length=200)

    panels = [FieldPanel("date"), FieldPanel("label")]
    api_fields = ["date", "label"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["date"]

    def __str__(self):
        return self.label


class PracticeSheetIndicator(Indicator):
    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="indicators")


class PracticeSheetDocument(RelatedDocument):
    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="documents")


class ConcernedEstablishment(Orderable):
    """An establishment by its FINESS number, the key that maps and open data join on."""

    page = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="establishments")
    finess = models.CharField(_("numéro FINESS"), max_length=9, validators=[validate_finess])
    name = models.CharField(_("nom de l’établissement"), max_length=200)

    panels = [FieldPanel("finess"), FieldPanel("name")]
    api_fields = ["finess", "name"]

    def save(self, *args, **kwargs):
        self.finess = normalise_finess(self.finess)
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.name} ({self.finess})"
