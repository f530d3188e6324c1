"""What a seminar leaves behind, as blocks: slides and reports, recordings, photos, takeaways."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from kb.publication import restricted_collections


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nom"), max_length=150)
    organisation = blocks.CharBlock(label=_("organisation"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("Intervenant ou intervenante")


class SpeakersBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()


class SeminarDocumentBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("nature"),
        choices=[("slides", _("Support de présentation")), ("report", _("Compte rendu"))],
        default="slides",
    )
    document = DocumentChooserBlock(label=_("document"))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "kb/seminar_document_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value["document"]
        # A document of a private collection is not named on a public page.
        private = (
            document is None or restricted_collections().filter(pk=document.collection_id).exists()
        )
        context["document"] = None if private else document
        return context


class RecordingBlock(blocks.StructBlock):
    """A video the site embeds: its player is fetched when the editor saves, never on display."""

    title = blocks.CharBlock(label=_("titre"), max_length=200)
    video = EmbedBlock(
        label=_("adresse de la vidéo"),
        help_text=_("Lien YouTube, Dailymotion, Vimeo ou PeerTube."),
    )

    class Meta:
        icon = "media"
        label = _("Enregistrement vidéo")
        template = "kb/seminar_recording_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        video = value["video"]
        # Only the player stored when the page was saved: showing the page never calls
        # the video platform, and an unknown player falls back to a plain link.
        cached = (
            Embed.objects.filter(hash=get_embed_hash(video.url, video.max_width, video.max_height))
            .values_list("html", flat=True)
            .first()
            if video
            else None
        )
        context["embed_html"] = cached or ""
        return context


class RecordingLinkBlock(blocks.StructBlock):
    """For a video whose platform cannot be embedded or is unreachable: a plain link."""

    title = blocks.CharBlock(label=_("titre"), max_length=200)
    url = blocks.URLBlock(label=_("adresse de la vidéo"))

    class Meta:
        icon = "link"
        label = _("Lien vers un enregistrement")
        template = "kb/seminar_recording_block.html"


class PhotoBlock(blocks.StructBlock):
    image = ImageBlock(label=_("photo"))
    caption = blocks.CharBlock(label=_("légende"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "kb/seminar_photo_block.html"


class TakeawayBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("enseignement"))
    practice_sheets = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticeSheetPage"),
        label=_("fiches action concernées"),
        default=[],
    )

    class Meta:
        icon = "pick"
        label = _("Enseignement clé")
        template = "kb/seminar_takeaway_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = [page.pk for page in value["practice_sheets"] if page is not None]
        # A sheet since unpublished or restricted is not named on a public page.
        visible = Page.objects.live().public().filter(pk__in=chosen).specific()
        by_pk = {page.pk: page for page in visible}
        context["sheets"] = [by_pk[pk] for pk in chosen if pk in by_pk]
        return context


class SeminarDocumentsBlock(blocks.StreamBlock):
    document = SeminarDocumentBlock()


class RecordingsBlock(blocks.StreamBlock):
    recording = RecordingBlock()
    recording_link = RecordingLinkBlock()


class PhotosBlock(blocks.StreamBlock):
    photo = PhotoBlock()


class TakeawaysBlock(blocks.StreamBlock):
    takeaway = TakeawayBlock()
