from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kb.models import Department, Region, Theme
from kb.models.taxonomy import territory_codes
from kb.site_url import absolute


class Space(models.Model):
    """A closed peer-exchange space ("espace de pair-émulation") around a theme and a territory."""

    class Visibility(models.TextChoices):
        MEMBERS = "members", _("Membres de l’espace uniquement")
        SIGNED_IN = "signed_in", _("Toute personne connectée")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Ouvert à toute personne connectée")
        ON_REQUEST = "on_request", _("Sur demande, validée par la modération")
        INVITATION = "invitation", _("Sur invitation uniquement")

    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("adresse"), max_length=150, unique=True)
    description = models.TextField(_("présentation"))
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("thématique"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("département"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    charter = models.TextField(
        _("charte"),
        help_text=_("Règles de l’espace, que chaque membre accepte en le rejoignant."),
    )
    visibility = models.CharField(
        _("visibilité"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    join_policy = models.CharField(
        _("adhésion"), max_length=20, choices=JoinPolicy.choices, default=JoinPolicy.ON_REQUEST
    )
    premoderated = models.BooleanField(
        _("prémodération"),
        default=False,
        help_text=_("Chaque message attend la validation d’un modérateur avant d’être lu."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("espace de pair-émulation")
        verbose_name_plural = _("espaces de pair-émulation")
        ordering = ["name"]
        permissions = [("moderate_all_spaces", _("Modérer tous les espaces"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:space", args=[self.slug])

    def get_full_url(self):
        """The space's address for e-mails, which have no request to take the host from."""
        return absolute(self.get_absolute_url())

    def territory_codes(self):
        regions = [self.region] if self.region_id else []
        departments = [self.department] if self.department_id else []
        return territory_codes(regions, departments)


class SpaceMembership(models.Model):
    """A person's place in a space: requested, active (member or moderator), refused, or
    blocked by the moderation.

    `decided_at` is when the moderation last answered a request or blocked the person:
    invitations sent before a refusal or a block are no longer valid.
    """

    class Role(models.TextChoices):
        MEMBER = "member", _("Membre")
        MODERATOR = "moderator", _("Modérateur ou modératrice de l’espace")

    class Status(models.TextChoices):
        PENDING = "pending", _("Demande en attente")
        ACTIVE = "active", _("Membre")
        REFUSED = "refused", _("Demande refusée")
        BLOCKED = "blocked", _("Exclu par la modération")

    space = models.ForeignKey(
        Space, verbose_name=_("espace"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="space_memberships",
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    request_message = models.TextField(_("motif de la demande"), blank=True)
    charter_accepted_at = models.DateTimeField(_("charte acceptée le"), null=True, blank=True)
    suspended_until = models.DateTimeField(_("suspendu jusqu’au"), null=True, blank=True)
    suspension_reason = models.TextField(_("motif de la suspension"), blank=True)
    decided_at = models.DateTimeField(_("décision de la modération le"), null=True, blank=True)
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("adhésion à un espace")
        verbose_name_plural = _("adhésions aux espaces")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space")
        ]

    def __str__(self):
        return f"{self.user} — {self.space}"

    def is_suspended(self, at=None):
        return self.suspended_until is not None and self.suspended_until > (at or timezone.now())
