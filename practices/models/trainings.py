"""Cross-training offers between establishments and partner institutions, and their sessions.

Sessions and registrations are plain models, not page children: a page revision
that is published or rolled back must never rewrite who holds a seat.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import CapitalisedPage
from .sheets import LIST_FEATURES


class UpcomingSessionsField(serializers.Field):
    """A training's coming sessions, shared by all the translations of its offer."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, offer):
        sessions = TrainingSession.objects.filter(
            offer__translation_key=offer.translation_key,
            is_cancelled=False,
            starts_at__gte=timezone.now(),
        )
        return [
            {
                "starts_at": serializers.DateTimeField().to_representation(session.starts_at),
                "ends_at": serializers.DateTimeField().to_representation(session.ends_at),
                "place": session.place,
                "seats_left": session.seats_left,
            }
            for session in sessions
        ]


class TrainingOfferPage(CapitalisedPage):
    host = models.CharField(
        _("structure d’accueil"),
        max_length=200,
        help_text=_("Établissement ou institution qui organise et accueille la formation."),
    )
    target_professions = models.CharField(
        _("métiers visés"),
        max_length=300,
        help_text=_("Ex. : éducateurs spécialisés, enseignants, infirmiers de pédopsychiatrie."),
    )
    topics = RichTextField(_("contenu de la formation"), features=LIST_FEATURES)
    organiser_email = models.EmailField(
        _("courriel de l’organisateur"),
        blank=True,
        help_text=_("Reçoit les nouvelles inscriptions et désistements."),
    )
    tags = ClusterTaggableManager(
        through="practices.TrainingOfferTag", blank=True, verbose_name=_("mots-clés")
    )

    content_panels = CapitalisedPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("host"),
        FieldPanel("target_professions"),
        FieldPanel("topics"),
        FieldPanel("organiser_email"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Formation")),
            ObjectList(CapitalisedPage.classification_panels, heading=_("Classement")),
            ObjectList(CapitalisedPage.contact_panels, heading=_("Contact")),
            CapitalisedPage.easy_read_tab(),
            ObjectList(CapitalisedPage.promote_panels, heading=_("Référencement")),
            ObjectList(CapitalisedPage.settings_panels, heading=_("Paramètres")),
        ]
    )
    search_fields = CapitalisedPage.search_fields + [
        index.SearchField("host"),
        index.SearchField("target_professions"),
        index.SearchField("topics"),
    ]
    api_fields = CapitalisedPage.api_fields + [
        "host",
        "target_professions",
        "topics",
        APIField("upcoming_sessions", serializer=UpcomingSessionsField()),
    ]

    parent_page_types = ["practices.TrainingOfferIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("formation croisée")
        verbose_name_plural = _("formations croisées")

    def upcoming_sessions(self):
        return self.sessions.filter(starts_at__gte=timezone.now()).order_by("starts_at")


class TrainingOfferTag(TaggedItemBase):
    content_object = ParentalKey(
        TrainingOfferPage, on_delete=models.CASCADE, related_name="tagged_items"
    )


class TrainingSession(models.Model):
    offer = models.ForeignKey(
        TrainingOfferPage,
        verbose_name=_("formation"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    place = models.CharField(_("lieu"), max_length=300)
    seats = models.PositiveSmallIntegerField(_("places"))
    # Kept in step by `practices.registrations` with conditional UPDATEs, so that the
    # database itself refuses an overbooking however many people register at once.
    seats_taken = models.PositiveSmallIntegerField(_("places occupées"), default=0, editable=False)
    is_cancelled = models.BooleanField(_("session annulée"), default=False)

    class Meta:
        verbose_name = _("session de formation")
        verbose_name_plural = _("sessions de formation")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("seats")), name="session_not_overbooked"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at)
        return f"{self.offer.title} — {start:%d/%m/%Y} — {self.place}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("La fin doit suivre le début de la session.")})
        if self.seats is not None and self.seats < self.seats_taken:
            raise ValidationError(
                {
                    "seats": _(
                        "%(taken)s personnes sont déjà inscrites : la session ne peut pas "
                        "compter moins de places."
                    )
                    % {"taken": self.seats_taken}
                }
            )

    @property
    def seats_left(self):
        return max(0, self.seats - self.seats_taken)

    @property
    def is_past(self):
        return self.starts_at < timezone.now()

    @property
    def is_open_for_registration(self):
        return not self.is_cancelled and not self.is_past


class TrainingRegistration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("inscrit")
        WAITING = "waiting", _("en liste d’attente")
        CANCELLED = "cancelled", _("désisté")

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    # A closed account leaves its past registrations anonymous, so that the session's
    # counts stay true; its future ones are withdrawn first (see practices.personal_data).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="training_registrations",
    )
    status = models.CharField(_("statut"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("inscrite le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["confirmed", "waiting"]),
                name="one_active_registration_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.session} ({self.get_status_display()})"
