"""Seminars: the national capitalisation seminar and the regional restitution seminars.

A seminar page announces the day (programme, place) and, once it is held,
keeps what it produced: summary, slides and reports, recordings, photos, and
the key takeaways, each pointing to the practice sheets it concerns.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
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
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from kb.api_fields import TagNames, slugs
from kb.page_forms import PageForm

from .easy_read import EasyReadMixin
from .seminar_blocks import (
    PhotosBlock,
    RecordingsBlock,
    SeminarDocumentsBlock,
    SpeakersBlock,
    TakeawaysBlock,
)

PAST_SEMINARS_PER_PAGE = 10


def source_locale_terms():
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class SeminarIndexPage(Page):
    base_form_class = PageForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["kb.SeminarPage"]

    class Meta:
        verbose_name = _("liste des séminaires")
        verbose_name_plural = _("listes des séminaires")

    def seminars(self):
        """Live, public seminars under this page, each with its last day as `last_day`."""
        return (
            SeminarPage.objects.live()
            .public()
            .child_of(self)
            .annotate(last_day=Coalesce("end_date", "start_date"))
            .select_related("region")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        seminars, today = self.seminars(), timezone.localdate()
        past = Paginator(
            seminars.filter(last_day__lt=today).order_by("-start_date", "-pk"),
            PAST_SEMINARS_PER_PAGE,
        )
        context["upcoming"] = seminars.filter(last_day__gte=today).order_by("start_date", "pk")
        context["past_page"] = past.get_page(request.GET.get("page"))
        return context


class SeminarPage(EasyReadMixin, Page):
    base_form_class = PageForm

    class Scope(models.TextChoices):
        NATIONAL = "national", _("national")
        REGIONAL = "regional", _("régional")

    summary = models.TextField(
        _("présentation"),
        max_length=600,
        help_text=_("Deux ou trois phrases : pour qui, pour quoi."),
    )
    scope = models.CharField(
        _("portée"), max_length=10, choices=Scope.choices, default=Scope.NATIONAL
    )
    region = models.ForeignKey(
        "kb.Region",
        verbose_name=_("région"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Pour un séminaire régional."),
    )
    start_date = models.DateField(_("premier jour"))
    end_date = models.DateField(
        _("dernier jour"), null=True, blank=True, help_text=_("Vide pour un séminaire d’un jour.")
    )
    place = models.CharField(
        _("lieu"), max_length=250, help_text=_("Ex. : Paris, ministère des Solidarités.")
    )
    themes = ParentalManyToManyField(
        "kb.Theme",
        verbose_name=_("thèmes"),
        blank=True,
        limit_choices_to=source_locale_terms,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through="kb.SeminarPageTag", blank=True, verbose_name=_("mots-clés")
    )
    outputs_summary = RichTextField(
        _("synthèse des échanges"),
        features=["h3", "bold", "italic", "link", "document-link", "ul", "ol"],
        blank=True,
    )
    documents = StreamField(
        SeminarDocumentsBlock(), verbose_name=_("supports et comptes rendus"), blank=True
    )
    recordings = StreamField(RecordingsBlock(), verbose_name=_("enregistrements"), blank=True)
    photos = StreamField(PhotosBlock(), verbose_name=_("photos"), blank=True)
    takeaways = StreamField(TakeawaysBlock(), verbose_name=_("enseignements clés"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("scope"), FieldPanel("region")]),
            ],
            heading=_("Quand, où, à quelle échelle"),
        ),
        InlinePanel("sessions", label=_("Séquence"), heading=_("Programme")),
    ]
    classification_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    outputs_panels = [
        FieldPanel("outputs_summary"),
        FieldPanel("takeaways"),
        FieldPanel("documents"),
        FieldPanel("recordings"),
        FieldPanel("photos"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Séminaire")),
            ObjectList(outputs_panels, heading=_("Productions")),
            ObjectList(classification_panels, heading=_("Classement")),
            EasyReadMixin.easy_read_tab(),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("outputs_summary"),
        index.SearchField("takeaways"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        "summary",
        "scope",
        APIField(
            "region", serializer=serializers.SlugRelatedField(read_only=True, slug_field="code")
        ),
        "start_date",
        "end_date",
        "place",
        APIField("themes", serializer=slugs()),
        APIField("tags", serializer=TagNames()),
        "outputs_summary",
    ]

    parent_page_types = ["kb.SeminarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("séminaire")
        verbose_name_plural = _("séminaires")

    def clean(self):
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Le dernier jour suit le premier.")})
        if self.scope == self.Scope.REGIONAL and self.region_id is None:
            raise ValidationError({"region": _("Un séminaire régional a sa région.")})
        if self.scope == self.Scope.NATIONAL:
            self.region = None

    @property
    def year(self):
        return self.start_date.year if self.start_date else None

    @property
    def is_upcoming(self):
        return (self.end_date or self.start_date) >= timezone.localdate()

    @property
    def scope_label(self):
        if self.scope == self.Scope.REGIONAL and self.region:
            return _("Séminaire régional — %(region)s") % {"region": self.region.display_name}
        return _("Séminaire national")

    @property
    def has_outputs(self):
        return any(
            (self.outputs_summary, self.documents, self.recordings, self.photos, self.takeaways)
        )


class SeminarPageTag(TaggedItemBase):
    content_object = ParentalKey(SeminarPage, on_delete=models.CASCADE, related_name="tagged_items")


class SeminarSession(TranslatableMixin, Orderable):
    """One slot of the programme; translatable so that wagtail-localize offers it with the page."""

    page = ParentalKey(SeminarPage, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(
        _("jour"), null=True, blank=True, help_text=_("Pour un séminaire de plusieurs jours.")
    )
    starts_at = models.TimeField(_("début"))
    ends_at = models.TimeField(_("fin"), null=True, blank=True)
    title = models.CharField(_("intitulé"), max_length=250)
    speakers = StreamField(SpeakersBlock(), verbose_name=_("intervenants"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("title"),
        FieldPanel("speakers"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("séquence du programme")
        verbose_name_plural = _("séquences du programme")

    def __str__(self):
        return self.title
