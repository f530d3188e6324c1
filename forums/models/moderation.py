from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .discussions import Post, Topic
from .spaces import Space


class Report(models.Model):
    """A member's flag on a post, with why; open until a moderator deals with it."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("À traiter")
        HIDDEN = "hidden", _("Message masqué")
        DISMISSED = "dismissed", _("Signalement écarté")

    post = models.ForeignKey(
        Post, verbose_name=_("message"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signalé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reason = models.TextField(_("motif"))
    outcome = models.CharField(
        _("suite donnée"), max_length=20, choices=Outcome.choices, default=Outcome.OPEN
    )
    created_at = models.DateTimeField(_("signalé le"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("traité le"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("traité par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(outcome="open"),
                name="one_open_report_per_person_and_post",
            )
        ]

    def __str__(self):
        return f"{self.post} — {self.get_outcome_display()}"


class ModerationAction(models.Model):
    """What a moderator did, to what, and why: the log moderators read and authors are told of."""

    class Kind(models.TextChoices):
        APPROVE = "approve", _("Message validé")
        HIDE = "hide", _("Message masqué")
        RESTORE = "restore", _("Message rétabli")
        DISMISS = "dismiss", _("Signalement écarté")
        LOCK = "lock", _("Sujet verrouillé")
        UNLOCK = "unlock", _("Sujet déverrouillé")
        PIN = "pin", _("Sujet épinglé")
        UNPIN = "unpin", _("Sujet désépinglé")
        MOVE = "move", _("Sujet déplacé")
        SUSPEND = "suspend", _("Membre suspendu")
        BLOCK = "block", _("Membre bloqué et contenus masqués")

    space = models.ForeignKey(
        Space, verbose_name=_("espace"), on_delete=models.CASCADE, related_name="+"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modérateur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kind = models.CharField(_("action"), max_length=20, choices=Kind.choices)
    reason = models.TextField(_("motif"), blank=True)
    post = models.ForeignKey(
        Post, verbose_name=_("message"), on_delete=models.SET_NULL, null=True, blank=True
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("sujet"), on_delete=models.SET_NULL, null=True, blank=True
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre concerné"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("effectuée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("action de modération")
        verbose_name_plural = _("journal de modération")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.created_at:%d/%m/%Y %H:%M}"


class CitationConsent(models.Model):
    """Whether an author agrees to be named in the practice sheet drawn from a topic.

    Only the author answers: the moderator asks, then the draft names only those
    who agreed.
    """

    class Answer(models.TextChoices):
        PENDING = "pending", _("Pas encore de réponse")
        AGREED = "agreed", _("Accepte d’être cité ou citée")
        DECLINED = "declined", _("Préfère ne pas être cité ou citée")

    topic = models.ForeignKey(
        Topic, verbose_name=_("sujet"), on_delete=models.CASCADE, related_name="citation_consents"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur ou autrice"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    answer = models.CharField(
        _("réponse"), max_length=10, choices=Answer.choices, default=Answer.PENDING
    )
    asked_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    answered_at = models.DateTimeField(_("répondu le"), null=True, blank=True)

    class Meta:
        verbose_name = _("accord pour être cité")
        verbose_name_plural = _("accords pour être cité")
        constraints = [
            models.UniqueConstraint(fields=["topic", "user"], name="one_consent_per_topic_author")
        ]

    def __str__(self):
        return f"{self.user} — {self.topic} ({self.get_answer_display()})"
