from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from practices import registrations
from practices.admin_views import (
    CancelSessionView,
    SessionCreateView,
    SessionDeleteView,
    SessionEditView,
    SessionHistoryView,
    SessionIndexView,
    SessionRegistrationsView,
    SessionUsageView,
    TrainingSessionFilterSet,
    TrainingSessionPermissionPolicy,
)
from practices.forms import TrainingSessionForm
from practices.models import TrainingOfferPage, TrainingSession
from practices.observatory.admin import measurement_buttons, measurements

# Registered before any view asks for a policy, or Wagtail settles on a
# permission-based fallback that nobody is granted.
register_permission_policy(TrainingSession, TrainingSessionPermissionPolicy())


def start_text(session):
    # The listing's own date column says "3 minutes ago", which reads wrong for a date to come.
    return formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")


def state_text(session):
    if session.is_cancelled:
        return _("annulée")
    if session.is_past:
        return _("passée")
    if session.seats_left == 0:
        return _("complète")
    return _("ouverte")


class TrainingSessionViewSet(ModelViewSet):
    model = TrainingSession
    name = "training_sessions"
    url_prefix = "formations/sessions"
    icon = "date"
    menu_label = _("Sessions de formation")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = TrainingSessionFilterSet
    ordering = ["-starts_at"]
    list_display = [
        "offer",
        Column("starts_at", label=_("début"), accessor=start_text, sort_key="starts_at"),
        Column("place", label=_("lieu")),
        Column("seats", label=_("places")),
        Column("seats_taken", label=_("inscrits")),
        Column("waiting_count", label=_("en attente")),
        Column("state", label=_("état"), accessor=state_text),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("offer"),
            FieldPanel("starts_at"),
            FieldPanel("ends_at"),
            FieldPanel("place"),
            FieldPanel("seats"),
        ],
        base_form_class=TrainingSessionForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            registrations_url_name=self.get_url_name("registrations"),
            cancel_url_name=self.get_url_name("cancel"),
            **kwargs,
        )

    @property
    def registrations_view(self):
        return self.construct_view(
            SessionRegistrationsView,
            index_url_name=self.get_url_name("index"),
            registrations_url_name=self.get_url_name("registrations"),
            cancel_url_name=self.get_url_name("cancel"),
        )

    @property
    def cancel_view(self):
        return self.construct_view(CancelSessionView, index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("registrations/<int:pk>/", self.registrations_view, name="registrations"),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
        ]


training_sessions = TrainingSessionViewSet()


@hooks.register("register_admin_viewset")
def register_training_sessions():
    return training_sessions


@hooks.register("register_page_header_buttons")
def training_offer_buttons(page, user, view_name, next_url=None):
    if page.specific_class is not TrainingOfferPage or not page.pk:
        return []
    if not registrations.can_organise(user, page):
        return []
    return [
        MenuItem(
            _("Sessions de la formation"),
            url=reverse(training_sessions.get_url_name("index")) + f"?offer={page.pk}",
            icon_name="date",
            priority=80,
        ),
        MenuItem(
            _("Ajouter une session"),
            url=reverse(training_sessions.get_url_name("add")) + f"?offer={page.pk}",
            icon_name="plus",
            priority=81,
        ),
        MenuItem(
            _("Exporter les inscriptions (CSV)"),
            url=reverse("practices:export_offer", args=[page.pk]),
            icon_name="download",
            priority=82,
        ),
    ]


@hooks.register("register_admin_viewset")
def register_indicator_measurements():
    return measurements


@hooks.register("register_page_header_buttons")
def indicator_measurement_buttons(page, user, view_name, next_url=None):
    return measurement_buttons(page, user)
