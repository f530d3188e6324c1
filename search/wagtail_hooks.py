"""Search in the admin: the thesaurus of synonyms, editors' picks, queries that found nothing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.models import PromotedResult, SynonymGroup, ZeroResultQuery


class RecordedByTheSitePolicy(ModelPermissionPolicy):
    """Zero-result queries are written by the search page alone: people read and clear them."""

    def user_has_permission(self, user, action):
        return action in {"view", "delete"} and super().user_has_permission(user, action)


# Registered before any view asks for a policy, or Wagtail settles on its fallback.
register_permission_policy(ZeroResultQuery, RecordedByTheSitePolicy(ZeroResultQuery))


class ThesaurusViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "openquote"
    menu_label = _("Thésaurus (synonymes)")
    list_display = ["forms", "broader", "language"]
    list_filter = ["language"]
    search_fields = ["forms", "broader"]
    ordering = ["language", "forms"]


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    list_display = ["query", "page", Column("language", accessor="page.locale", label=_("langue"))]
    search_fields = ["query"]
    ordering = ["query", "position"]


class ZeroResultQueryViewSet(SnippetViewSet):
    model = ZeroResultQuery
    icon = "warning"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["query", "language", "count", "last_seen"]
    list_filter = ["language"]
    search_fields = ["query"]
    ordering = ["-count", "-last_seen"]


class SearchGroup(SnippetViewSetGroup):
    menu_label = _("Recherche")
    menu_icon = "search"
    menu_order = 310
    items = [ThesaurusViewSet, PromotedResultViewSet, ZeroResultQueryViewSet]


register_snippet(SearchGroup)
