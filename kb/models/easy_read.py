"""An optional easy-read version ("Facile à lire et à comprendre", FALC) of a content page.

The easy-read text is written by an editor, not generated: short sentences, one
idea each, optionally beside a pictogram. It is served at `facile-a-lire/` under
the page, through the page's own serve view, so view restrictions and drafts
apply to it as to the page. It is left out of the search index: the full page
is the one people find, and it links to its easy-read version.
"""

import re

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

# The FALC rules ask for short sentences; past this many words an editor is warned.
MAX_WORDS_PER_SENTENCE = 15

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


class EasyReadSentenceBlock(blocks.StructBlock):
    pictogram = ImageChooserBlock(label=_("pictogramme"), required=False)
    pictogram_alt = blocks.CharBlock(
        label=_("texte alternatif du pictogramme"),
        required=False,
        max_length=150,
        help_text=_("Laisser vide si le pictogramme ne fait que répéter la phrase."),
    )
    text = blocks.TextBlock(
        label=_("phrase"),
        help_text=_("Une idée par phrase, 15 mots au plus, des mots de tous les jours."),
    )

    class Meta:
        icon = "pick"
        label = _("Phrase")
        template = "kb/easy_read_sentence_block.html"


class EasyReadBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Titre"), max_length=80, template="kb/easy_read_heading_block.html"
    )
    sentence = EasyReadSentenceBlock()


def long_sentences(stream_value, limit=MAX_WORDS_PER_SENTENCE):
    """The sentences of an easy-read text that have more than `limit` words."""
    found = []
    for block in stream_value:
        if block.block_type != "sentence":
            continue
        for sentence in SENTENCE_END.split(block.value["text"].strip()):
            if len(sentence.split()) > limit:
                found.append(sentence)
    return found


class EasyReadMixin(RoutablePageMixin, models.Model):
    """Gives a page an optional easy-read version, its admin tab and its address."""

    easy_read_body = StreamField(
        EasyReadBlock(),
        verbose_name=_("version facile à lire"),
        blank=True,
        help_text=_(
            "Version « Facile à lire et à comprendre » (FALC) de la page : "
            "des phrases courtes, avec un pictogramme si besoin."
        ),
    )
    # Kept in step with easy_read_body on save, so that lists filter on it in SQL.
    has_easy_read = models.BooleanField(
        _("version facile à lire disponible"), default=False, editable=False, db_index=True
    )

    easy_read_panels = [FieldPanel("easy_read_body")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.has_easy_read = bool(self.easy_read_body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "easy_read_body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "has_easy_read"}
        return super().save(*args, **kwargs)

    @classmethod
    def easy_read_tab(cls):
        return ObjectList(cls.easy_read_panels, heading=_("Facile à lire"))

    @classmethod
    def editorial_tabs(cls, content_panels):
        """The admin tabs of an editorial page: content, easy-read, promotion, settings."""
        return TabbedInterface(
            [
                ObjectList(content_panels, heading=_("Contenu")),
                cls.easy_read_tab(),
                ObjectList(Page.promote_panels, heading=_("Promotion")),
                ObjectList(Page.settings_panels, heading=_("Paramètres")),
            ]
        )

    @property
    def easy_read_url(self):
        return self.url + self.reverse_subpage("easy_read") if self.url else ""

    @path("facile-a-lire/", name="easy_read")
    def easy_read(self, request):
        if not self.has_easy_read:
            raise Http404
        return self.render(
            request,
            template="kb/easy_read_page.html",
            context_overrides={"easy_read": True},
        )
