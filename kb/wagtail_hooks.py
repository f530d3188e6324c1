from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kb.models import (
    Audience,
    Department,
    DocumentClassification,
    EstablishmentType,
    Region,
    Theme,
)
from kb.models.easy_read import MAX_WORDS_PER_SENTENCE, EasyReadMixin, long_sentences
from kb.territory_chooser import TerritoryChooserViewSet


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class EstablishmentTypeViewSet(SnippetViewSet):
    model = EstablishmentType
    icon = "home"
    list_display = ["acronym", "name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "acronym"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    chooser_viewset_class = TerritoryChooserViewSet
    chooser_per_page = 200
    list_display = ["code", "name", "name_en"]
    search_fields = ["name", "code"]
    ordering = ["code"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "site"
    chooser_viewset_class = TerritoryChooserViewSet
    chooser_per_page = 200
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]
    ordering = ["code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomie")
    menu_icon = "tag"
    menu_order = 300
    items = [
        ThemeViewSet,
        AudienceViewSet,
        EstablishmentTypeViewSet,
        RegionViewSet,
        DepartmentViewSet,
    ]


register_snippet(TaxonomyGroup)


class DocumentClassificationViewSet(SnippetViewSet):
    """Themes and year of the documents, for the filters of the document library."""

    model = DocumentClassification
    icon = "doc-full"
    menu_label = _("Classement des documents")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["document", "year", "listed"]
    list_filter = ["listed"]


register_snippet(DocumentClassificationViewSet)


@hooks.register("insert_editor_js")
def filterable_territory_lists():
    """A search box over the régions and départements of the page editor (kb.page_forms)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-checkbox-filter.js"))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_long_easy_read_sentences(request, page):
    """FALC asks for short sentences: the editor is told, the page is saved all the same."""
    if not isinstance(page, EasyReadMixin):
        return
    found = long_sentences(page.easy_read_body)
    if found:
        messages.warning(
            request,
            ngettext(
                "Version facile à lire : %(count)d phrase dépasse %(limit)d mots. « %(first)s »",
                "Version facile à lire : %(count)d phrases dépassent %(limit)d mots. « %(first)s »",
                len(found),
            )
            % {"count": len(found), "limit": MAX_WORDS_PER_SENTENCE, "first": found[0]},
        )


class JobResultPermissionPolicy(ModelPermissionPolicy):
    """Administrators read the background jobs' results; only workers write them."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser


class JobResultViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "resubmit"
    menu_label = _("Tâches de fond")
    add_to_settings_menu = True
    # Never edited: the form exists only because Wagtail builds one for every model view set.
    form_fields = ["status"]
    list_display = ["task_name", "status", "enqueued_at", "finished_at", "exception_class_path"]
    list_filter = ["status", "task_path"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "worker_ids",
        "exception_class_path",
        "traceback",
    ]


register_permission_policy(DBTaskResult, JobResultPermissionPolicy(DBTaskResult))


@hooks.register("register_admin_viewset")
def register_job_results():
    return JobResultViewSet("background_jobs")
