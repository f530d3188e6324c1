from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kb.models import Audience, Department, EstablishmentType, Region, Theme


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
    list_display = ["code", "name", "name_en"]
    search_fields = ["name", "code"]
    ordering = ["code"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "site"
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
