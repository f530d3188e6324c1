from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PhaseBlock(blocks.StructBlock):
    """One phase (or axis) of implementation and its steps, as in a "fiche action"."""

    title = blocks.CharBlock(label=_("intitulé de la phase"))
    steps = blocks.ListBlock(blocks.TextBlock(label=_("étape")), label=_("étapes"))

    class Meta:
        icon = "list-ol"
        label = _("Phase")
        template = "practices/blocks/phase.html"


class StepsBlock(blocks.StreamBlock):
    phase = PhaseBlock()
