from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .taxonomy import Department


class Profile(models.Model):
    class Role(models.TextChoices):
        PROFESSIONAL = "professional", _("Professionnel ou professionnelle")
        MANAGER = "manager", _("Manager (direction, chef de service)")
        EDITOR = "editor", _("Éditeur ou éditrice")

    # Editors are named by the site's administrators, who also give them the rights.
    SELF_DECLARED_ROLES = [
        (Role.PROFESSIONAL.value, Role.PROFESSIONAL.label),
        (Role.MANAGER.value, Role.MANAGER.label),
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Établissement, service ou institution où vous exercez."),
    )
    territory = models.ForeignKey(
        Department,
        verbose_name=_("département d’exercice"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profils")

    def __str__(self):
        return str(self.user)


def user_display_name(user):
    """How people are named on the site: their full name, else their e-mail address."""
    return user.get_full_name() or user.email
