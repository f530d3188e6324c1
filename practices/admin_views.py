"""Organisers' tools for training sessions: who may manage them, and the views they use.

Who organises an offer is decided by `practices.registrations.organised_offers`
(the person named on the offer, and the editors who publish it); the policy below
gives the Wagtail admin that same answer for sessions, so no separate permission
has to be granted and kept in step.
"""

import csv

import django_filters
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from practices import registrations
from practices.models import TrainingOfferPage, TrainingRegistration, TrainingSession

Status = TrainingRegistration.Status


class TrainingSessionPermissionPolicy(BasePermissionPolicy):
    """Sessions may be managed by the organisers of their offer."""

    cache_attribute = "_organised_offers_exist"

    def __init__(self):
        super().__init__(TrainingSession)

    def user_has_permission(self, user, action):
        return self.user_has_any_permission(user, {action})

    def user_has_any_permission(self, user, actions):
        if not user.is_authenticated or not user.is_active:
            return False
        # Asked once per row in listings: remember the answer for the request.
        if not hasattr(user, self.cache_attribute):
            setattr(user, self.cache_attribute, registrations.organised_offers(user).exists())
        return getattr(user, self.cache_attribute)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, {action}, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not registrations.can_organise(user, instance.offer):
            return False
        if set(actions) == {"delete"}:
            # Deleting would erase who registered; cancelling tells them instead.
            return not instance.registrations.exists()
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        return registrations.organised_sessions(user)

    def users_with_any_permission(self, actions):
        organisers = TrainingOfferPage.objects.exclude(organiser_email="").values(
            organiser=Lower("organiser_email")
        )
        named = EmailAddress.objects.alias(address=Lower("email")).filter(
            verified=True, address__in=organisers
        )
        publishers = PagePermissionPolicy().users_with_any_permission({"publish"})
        return get_user_model().objects.filter(
            Q(pk__in=publishers.values("pk")) | Q(pk__in=named.values("user_id"))
        )


def organised_offers_for(request):
    if request is None:
        return TrainingOfferPage.objects.none()
    return registrations.organised_offers(request.user).order_by("title")


class TrainingSessionFilterSet(WagtailFilterSet):
    offer = django_filters.ModelChoiceFilter(
        label=_("formation"), queryset=organised_offers_for, empty_label=_("Toutes")
    )
    is_cancelled = django_filters.BooleanFilter(label=_("session annulée"))

    class Meta:
        model = TrainingSession
        fields = ["offer", "is_cancelled"]


class OrganiserObjectMixin:
    """A session whose offer the user does not organise answers 404, before any work is done.

    Checked when the view is set up, before Wagtail's own permission check, which
    would tell someone who organises nothing that the session exists.
    """

    def setup(self, request, *args, **kwargs):
        pk = str(kwargs.get("pk", ""))
        organised = registrations.organised_sessions(request.user)
        if not pk.isdigit() or not organised.filter(pk=int(pk)).exists():
            raise Http404
        super().setup(request, *args, **kwargs)


class SessionIndexView(generic.IndexView):
    registrations_url_name = None
    cancel_url_name = None

    def get_base_queryset(self):
        waiting = Count("registrations", filter=Q(registrations__status=Status.WAITING))
        return (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .select_related("offer")
            .annotate(
                waiting_count=waiting,
                has_registrations=Exists(
                    TrainingRegistration.objects.filter(session=OuterRef("pk"))
                ),
            )
        )

    def get_delete_url(self, instance):
        if not instance.has_registrations:
            return super().get_delete_url(instance)
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Inscriptions"),
                url=reverse(self.registrations_url_name, args=[instance.pk]),
                icon_name="group",
                priority=5,
            )
        )
        buttons.append(
            MenuItem(
                _("Exporter les inscriptions (CSV)"),
                url=reverse("practices:export_session", args=[instance.pk]),
                icon_name="download",
                priority=25,
            )
        )
        if instance.is_open_for_registration:
            buttons.append(
                MenuItem(
                    _("Annuler la session"),
                    url=reverse(self.cancel_url_name, args=[instance.pk]),
                    icon_name="cross",
                    priority=28,
                )
            )
        return buttons


class SessionCreateView(generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        if offer_id := self.request.GET.get("offer", "").strip():
            initial["offer"] = offer_id
        return initial


class SessionEditView(OrganiserObjectMixin, generic.EditView):
    def save_instance(self):
        session = super().save_instance()
        # Seats added by the organiser go to the waiting list straight away.
        registrations.promote_waiting(session)
        return session

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except IntegrityError:
            # Someone registered between opening the form and saving it.
            session = TrainingSession.objects.get(pk=self.object.pk)
            form.add_error(
                "seats",
                _(
                    "%(taken)s personnes sont maintenant inscrites : la session ne peut pas "
                    "compter moins de places."
                )
                % {"taken": session.seats_taken},
            )
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class SessionDeleteView(OrganiserObjectMixin, generic.DeleteView):
    def get_object(self, queryset=None):
        session = super().get_object(queryset)
        if session.registrations.exists():
            raise PermissionDenied
        return session


class SessionHistoryView(OrganiserObjectMixin, generic.HistoryView):
    pass


class SessionUsageView(OrganiserObjectMixin, generic.UsageView):
    pass


class SessionObjectView(
    OrganiserObjectMixin, generic.WagtailAdminTemplateMixin, generic.BaseObjectMixin
):
    """Base for the session pages that are not part of ModelViewSet's generic views."""

    model = TrainingSession
    index_url_name = None
    header_icon = "date"

    def get_base_object_queryset(self):
        return TrainingSession.objects.select_related("offer")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": TrainingSession._meta.verbose_name_plural,
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


class SessionRegistrationsView(SessionObjectView, generic.BaseListingView):
    page_title = _("Inscriptions")
    header_icon = "group"
    registrations_url_name = None
    cancel_url_name = None
    verbose_name_plural = _("inscriptions")
    paginate_by = 50
    columns = [
        Column("person", label=_("Personne"), accessor=lambda r: _person(r.user)),
        Column("email", label=_("Courriel"), accessor="user.email"),
        Column("organisation", label=_("Organisation")),
        Column("status", label=_("Statut"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Inscrite le")),
    ]

    def get_base_queryset(self):
        return (
            self.object.registrations.select_related("user")
            .annotate(organisation=F("user__profile__organisation"))
            .order_by("status", "created_at", "pk")
        )

    def get_index_url(self):
        return reverse(self.registrations_url_name, args=[self.object.pk])

    @cached_property
    def header_buttons(self):
        buttons = [
            HeaderButton(
                _("Exporter (CSV)"),
                url=reverse("practices:export_session", args=[self.object.pk]),
                icon_name="download",
            )
        ]
        if self.object.is_open_for_registration:
            buttons.append(
                HeaderButton(
                    _("Annuler la session"),
                    url=reverse(self.cancel_url_name, args=[self.object.pk]),
                    icon_name="cross",
                )
            )
        return buttons


class CancelSessionView(SessionObjectView, View):
    page_title = _("Annuler la session")
    header_icon = "cross"
    template_name = "practices/admin/confirm_cancel_session.html"

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, self.get_template_names(), self.get_context_data())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            session=self.object,
            told_count=self.object.registrations.filter(status__in=registrations.ACTIVE).count(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if self.object.is_past:
            messages.error(
                request, gettext("Cette session a déjà commencé : elle ne peut plus être annulée.")
            )
            return redirect(self.index_url_name)
        told = registrations.cancel_session(self.object)
        messages.success(
            request,
            ngettext(
                "Session annulée : %(count)s personne a été prévenue par courriel.",
                "Session annulée : %(count)s personnes ont été prévenues par courriel.",
                len(told),
            )
            % {"count": len(told)},
        )
        return redirect(self.index_url_name)


CSV_HEADER = [
    _("Session"),
    _("Date"),
    _("Lieu"),
    _("Nom"),
    _("Prénom"),
    _("Courriel"),
    _("Organisation"),
    _("Statut"),
    _("Inscrit le"),
]
# Spreadsheets run a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@login_required
def export_session(request, pk):
    session = get_object_or_404(TrainingSession.objects.select_related("offer"), pk=pk)
    if not registrations.can_organise(request.user, session.offer):
        raise PermissionDenied
    start = timezone.localtime(session.starts_at)
    return _registrations_csv(
        TrainingRegistration.objects.filter(session=session),
        f"inscriptions-{session.offer.slug}-{start:%Y-%m-%d}.csv",
    )


@login_required
def export_offer(request, page_id):
    offer = get_object_or_404(TrainingOfferPage, pk=page_id)
    if not registrations.can_organise(request.user, offer):
        raise PermissionDenied
    return _registrations_csv(
        TrainingRegistration.objects.filter(session__offer=offer), f"inscriptions-{offer.slug}.csv"
    )


def _registrations_csv(queryset, filename):
    """Registrations as a CSV file that French spreadsheet software opens as it is."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(heading) for heading in CSV_HEADER])
    rows = (
        queryset.select_related("session__offer", "user")
        .annotate(organisation=F("user__profile__organisation"))
        .order_by("session__starts_at", "session_id", "created_at", "pk")
    )
    for registration in rows:
        session = registration.session
        writer.writerow(
            _safe_cell(value)
            for value in [
                session.offer.title,
                _period(session),
                session.place,
                *_identity(registration.user),
                registration.organisation or "",
                registration.get_status_display(),
                f"{timezone.localtime(registration.created_at):%d/%m/%Y %H:%M}",
            ]
        )
    return response


def _identity(user):
    """Last name, first name and e-mail of a participant; a closed account left none."""
    if user is None:
        return [gettext("compte supprimé"), "", ""]
    return [user.last_name, user.first_name, user.email]


def _person(user):
    if user is None:
        return gettext("compte supprimé")
    return user.get_full_name() or user.get_username()


def _period(session):
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    end_format = "%H:%M" if end.date() == start.date() else "%d/%m/%Y %H:%M"
    return f"{start:%d/%m/%Y %H:%M} – {end.strftime(end_format)}"


def _safe_cell(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value
