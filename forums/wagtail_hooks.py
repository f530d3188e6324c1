from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from forums.models import ModerationAction, Report, Space, SpaceMembership


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


class ReportViewSet(SnippetViewSet):
    """Site moderators see every space's open reports; they act on them from the space's queue."""

    model = Report
    icon = "warning"
    list_display = ["post", "reason", "outcome", "created_at"]
    list_filter = ["outcome", "post__topic__space"]
    inspect_view_enabled = True
    panels = [FieldPanel("outcome", read_only=True), FieldPanel("reason", read_only=True)]


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationAction
    icon = "history"
    list_display = ["kind", "space", "moderator", "member", "reason", "created_at"]
    list_filter = ["kind", "space"]
    inspect_view_enabled = True
    panels = [FieldPanel("kind", read_only=True), FieldPanel("reason", read_only=True)]


class SpacesGroup(SnippetViewSetGroup):
    menu_label = _("Pair-émulation")
    menu_icon = "group"
    menu_order = 310
    items = [SpaceViewSet, SpaceMembershipViewSet, ReportViewSet, ModerationLogViewSet]


register_snippet(SpacesGroup)
