"""The peer-exchange spaces in Wagtail's admin, for site moderators only.

Contributors and editors reach the admin too; its listings, forms and choosers
of spaces, memberships, reports and moderation actions are kept to site
moderators by `forums.permissions.administered`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from forums import permissions
from forums.models import ModerationAction, Report, Space, SpaceMembership

FORUM_MODELS = [Space, SpaceMembership, Report, ModerationAction]


class SiteModeratorsPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, held by site moderators only (`forums.permissions`)."""

    def user_has_permission(self, user, action):
        return permissions.is_site_moderator(user) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return permissions.is_site_moderator(user) and super().user_has_any_permission(
            user, actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return permissions.administered(
            user, super().instances_user_has_any_permission_for(user, actions)
        )


for model in FORUM_MODELS:
    register_permission_policy(model, SiteModeratorsPermissionPolicy(model))


class AdministeredObjectsMixin:
    def get_object_list(self):
        return permissions.administered(self.request.user, super().get_object_list())


class AdministeredChooseView(AdministeredObjectsMixin, ChooseView):
    pass


class AdministeredChooseResultsView(AdministeredObjectsMixin, ChooseResultsView):
    pass


class AdministeredChosenView(SnippetChosenView):
    def get_object(self, pk):
        return permissions.administered(self.request.user, self.model_class.objects).get(pk=pk)


class AdministeredChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        objects = self.model_class.objects.filter(pk__in=pks)
        return permissions.administered(self.request.user, objects)


class AdministeredChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AdministeredChooseView
    choose_results_view_class = AdministeredChooseResultsView
    chosen_view_class = AdministeredChosenView
    chosen_multiple_view_class = AdministeredChosenMultipleView


class ForumSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = AdministeredChooserViewSet


class SpaceViewSet(ForumSnippetViewSet):
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


class SpaceMembershipViewSet(ForumSnippetViewSet):
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


class ReportViewSet(ForumSnippetViewSet):
    """Site moderators see every space's open reports; they act on them from the space's queue."""

    model = Report
    icon = "warning"
    list_display = ["post", "reason", "outcome", "created_at"]
    list_filter = ["outcome", "post__topic__space"]
    inspect_view_enabled = True
    panels = [FieldPanel("outcome", read_only=True), FieldPanel("reason", read_only=True)]


class ModerationLogViewSet(ForumSnippetViewSet):
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
