from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .discussions import Post, Topic
from .spaces import Space


class Follow(models.Model):
    """Someone following a whole space or one topic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows"
    )
    space = models.ForeignKey(
        Space, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(space__isnull=True) ^ models.Q(topic__isnull=True),
                name="follow_a_space_or_a_topic",
            ),
            models.UniqueConstraint(fields=["user", "space"], name="follow_space_once"),
            models.UniqueConstraint(fields=["user", "topic"], name="follow_topic_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.space or self.topic}"


class NotificationSettings(models.Model):
    """How someone wants to hear from the spaces: a digest by default, mail caps always."""

    class Digest(models.TextChoices):
        DAILY = "daily", _("Un récapitulatif par jour")
        WEEKLY = "weekly", _("Un récapitulatif par semaine")
        NEVER = "never", _("Aucun récapitulatif")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    digest = models.CharField(
        _("récapitulatif par e-mail"), max_length=10, choices=Digest.choices, default=Digest.WEEKLY
    )
    immediate = models.BooleanField(
        _("m’écrire aussitôt quand on me mentionne ou qu’on me répond"), default=False
    )
    moderation_alerts_at_once = models.BooleanField(
        _(
            "pour les espaces que je modère, m’écrire aussitôt qu’une demande d’adhésion, un "
            "message à valider ou un signalement arrive (sinon : dans mon récapitulatif)"
        ),
        default=True,
    )
    last_digest_at = models.DateTimeField(_("dernier récapitulatif"), null=True, blank=True)

    class Meta:
        verbose_name = _("préférences de notification")
        verbose_name_plural = _("préférences de notification")

    def __str__(self):
        return str(self.user)


class Notification(models.Model):
    """A post someone should hear about, in the site and possibly by e-mail."""

    class Reason(models.TextChoices):
        MENTION = "mention", _("Mention de votre nom")
        REPLY = "reply", _("Réponse à votre sujet")
        FOLLOWED = "followed", _("Sujet ou espace suivi")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When it left by e-mail, on its own or in a digest; never twice.
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "post"], name="notify_once_per_post")
        ]

    def __str__(self):
        return f"{self.recipient} — {self.post}"


class SentMail(models.Model):
    """One e-mail sent to someone by the spaces, counted against their daily cap."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("e-mail envoyé")
        verbose_name_plural = _("e-mails envoyés")

    def __str__(self):
        return f"{self.user} — {self.sent_at:%d/%m/%Y %H:%M}"


class TopicReading(models.Model):
    """Up to when someone has read a topic: what came after is shown as new."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="readings")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="one_reading_per_topic")
        ]

    def __str__(self):
        return f"{self.user} — {self.topic}"
