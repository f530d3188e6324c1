from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forums import permissions
from kb.markup import render_markdown

from .spaces import Space


class Topic(models.Model):
    """A discussion in a space; its first post is the question that opened it."""

    space = models.ForeignKey(
        Space, verbose_name=_("espace"), on_delete=models.CASCADE, related_name="topics"
    )
    title = models.CharField(_("titre"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur ou autrice"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="forum_topics",
    )
    pinned = models.BooleanField(_("épinglé"), default=False)
    locked = models.BooleanField(_("verrouillé"), default=False)
    capitalised_as = models.ForeignKey(
        "practices.PracticeSheetPage",
        verbose_name=_("fiche action issue du sujet"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_topics",
    )
    created_at = models.DateTimeField(_("ouvert le"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("dernière activité"), auto_now_add=True)

    class Meta:
        verbose_name = _("sujet")
        verbose_name_plural = _("sujets")
        ordering = ["-pinned", "-last_activity_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:topic", args=[self.space.slug, self.pk])


class PostQuerySet(models.QuerySet):
    """Which posts a person may read is `forums.permissions`' to say; these ask it."""

    def readable_by(self, user):
        return permissions.readable_posts(self, user)

    def published(self):
        return permissions.published_posts(self)

    def waiting(self):
        return permissions.waiting_posts(self)

    def written_by(self, user):
        return permissions.own_posts(self, user)


class Post(models.Model):
    """A message of a topic, written in Markdown and stored with its sanitised HTML."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente de modération")
        PUBLISHED = "published", _("Publié")
        HIDDEN = "hidden", _("Masqué par la modération")

    topic = models.ForeignKey(
        Topic, verbose_name=_("sujet"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur ou autrice"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="forum_posts",
    )
    anonymous = models.BooleanField(
        _("publier sans mon nom"),
        default=False,
        help_text=_("Votre nom reste visible des seuls modérateurs."),
    )
    body = models.TextField(_("message"))
    body_html = models.TextField(editable=False)
    status = models.CharField(
        _("statut"), max_length=20, choices=Status.choices, default=Status.PUBLISHED
    )
    deleted_at = models.DateTimeField(_("supprimé le"), null=True, blank=True)
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "created_at", "id"], name="post_in_topic_order")]

    def __str__(self):
        return f"{self.topic} #{self.pk}"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#message-{self.pk}"


class PostRevision(models.Model):
    """A post's text before an edit, kept for moderators."""

    post = models.ForeignKey(
        Post, verbose_name=_("message"), on_delete=models.CASCADE, related_name="revisions"
    )
    body = models.TextField(_("texte précédent"))
    replaced_at = models.DateTimeField(_("remplacé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("version précédente d’un message")
        verbose_name_plural = _("versions précédentes des messages")
        ordering = ["-replaced_at", "-pk"]

    def __str__(self):
        return f"{self.post} — {self.replaced_at:%d/%m/%Y %H:%M}"


CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}


def private_storage():
    """Files only a permission-checking view serves (see PRIVATE_MEDIA_ROOT)."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class Attachment(models.Model):
    """An image (re-encoded, metadata stripped) or a PDF attached to a post."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("Document PDF")

    post = models.ForeignKey(
        Post, verbose_name=_("message"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("fichier"), upload_to="forum/%Y/%m/", storage=private_storage)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("nom du fichier"), max_length=200)
    size = models.PositiveIntegerField(_("taille en octets"))

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:attachment", args=[self.post.topic.space.slug, self.pk])

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.file.name.rsplit(".", 1)[-1].lower(), "")
