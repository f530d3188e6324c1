"""Indicator readings in the admin: a list per page, reached from the page's header."""

import django_filters
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from practices.models import ExperimentPage, IndicatorMeasurement, PracticeSheetPage


class MeasurementFilterSet(WagtailFilterSet):
    page = django_filters.NumberFilter(label=_("page"), method="of_page")

    class Meta:
        model = IndicatorMeasurement
        fields = []

    def of_page(self, queryset, name, value):
        return queryset.filter(
            Q(sheet_indicator__page_id=value) | Q(experiment_indicator__page_id=value)
        )


class MeasurementViewSet(ModelViewSet):
    model = IndicatorMeasurement
    name = "indicator_measurements"
    url_prefix = "indicateurs/releves"
    icon = "table"
    menu_label = _("Relevés d’indicateurs")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = MeasurementFilterSet
    ordering = ["-date"]
    list_display = [
        Column("indicator", label=_("indicateur")),
        Column("date", label=_("date du relevé")),
        Column("value", label=_("valeur")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("sheet_indicator"),
            FieldPanel("experiment_indicator"),
            FieldRowPanel([FieldPanel("date"), FieldPanel("value")]),
        ]
    )


measurements = MeasurementViewSet()


def measurement_buttons(page, user):
    if page.specific_class not in (PracticeSheetPage, ExperimentPage) or not page.pk:
        return []
    if not user.has_perm("practices.view_indicatormeasurement"):
        return []
    return [
        MenuItem(
            _("Relevés des indicateurs"),
            url=reverse(measurements.get_url_name("index")) + f"?page={page.pk}",
            icon_name="table",
            priority=83,
        )
    ]
