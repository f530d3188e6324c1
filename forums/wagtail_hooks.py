from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from forums.models import Space, SpaceMembership


class SpaceViewSet(SnippetViewSet):
    model = Space
    icon = "group"
    list_display = ["name", "visibility", "join_policy", "premoderated"]
    list_filter = ["visibility", "join_policy"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("theme"), FieldRowPanel([FieldPanel("region"), FieldPanel("department")])],
            heading=_("Thématique et territoire"),
        ),
        FieldPanel("charter"),
        MultiFieldPanel(
            [FieldPanel("visibility"), FieldPanel("join_policy"), FieldPanel("premoderated")],
            heading=_("Accès et modération"),
        ),
    ]


class SpaceMembershipViewSet(SnippetViewSet):
    model = SpaceMembership
    icon = "user"
    list_display = ["user", "space", "role", "status", "suspended_until"]
    list_filter = ["space", "role", "status"]
    panels = [
        FieldPanel("space"),
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("status")]),
        FieldPanel("request_message", read_only=True),
        MultiFieldPanel(
            [FieldPanel("suspended_until"), FieldPanel("suspension_reason")],
            heading=_("Suspension"),
        ),
    ]


class SpacesGroup(SnippetViewSetGroup):
    menu_label = _("Pair-émulation")
    menu_icon = "group"
    menu_order = 310
    items = [SpaceViewSet, SpaceMembershipViewSet]


register_snippet(SpacesGroup)
