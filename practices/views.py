"""Registering to a training session and withdrawing, from the training's page, and
the profile page with « Mes inscriptions ».

Both endpoints answer a form posted from the sessions block and go back to the
page with a message: people never land on a page of their own.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kb import views as kb_views
from kb.navigation import next_url
from practices import registrations
from practices.models import TrainingOfferPage, TrainingRegistration, TrainingSession

Status = TrainingRegistration.Status
REFUSAL_LEVELS = {
    registrations.AlreadyRegistered: messages.INFO,
    registrations.NotRegistered: messages.INFO,
    registrations.SessionFull: messages.WARNING,
}


class ProfileView(kb_views.ProfileView):
    """The profile, with the sessions to come the person may still withdraw from."""

    template_name = "practices/profile.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "registrations": registrations.upcoming_registrations(self.request.user),
        }


@require_POST
def register(request, pk):
    session = _open_session(pk)
    back = _back_url(request, session)
    if not request.user.is_authenticated:
        return _sign_in_first(request, back)
    wants_waiting_list = request.POST.get("waiting_list") == "1"
    try:
        registration = registrations.register(
            session, request.user, waiting_list=wants_waiting_list
        )
    except registrations.RegistrationError as refusal:
        _refused(request, refusal)
        return redirect(back)
    if registration.status == Status.CONFIRMED:
        messages.success(
            request,
            _("Votre inscription à la session du %(date)s est confirmée.")
            % {"date": registrations.describe_start(session)},
        )
    else:
        messages.info(
            request,
            _(
                "Vous êtes sur la liste d’attente de la session du %(date)s, en position "
                "%(position)s. Nous vous écrirons si une place se libère."
            )
            % {
                "date": registrations.describe_start(session),
                "position": registrations.waiting_position(registration),
            },
        )
    return redirect(back)


@require_POST
def cancel(request, pk):
    session = _open_session(pk)
    back = _back_url(request, session)
    if not request.user.is_authenticated:
        return _sign_in_first(request, back)
    registration = registrations.active_registration(session, request.user)
    was_waiting = registration is not None and registration.status == Status.WAITING
    try:
        if registration is None:
            raise registrations.NotRegistered(session)
        registrations.cancel(registration, by_user=request.user)
    except registrations.RegistrationError as refusal:
        _refused(request, refusal)
        return redirect(back)
    if was_waiting:
        text = _("Vous avez quitté la liste d’attente de la session du %(date)s.")
    else:
        text = _(
            "Votre inscription à la session du %(date)s est annulée. Merci d’avoir libéré la place."
        )
    messages.success(request, text % {"date": registrations.describe_start(session)})
    return redirect(back)


def _open_session(pk):
    visible_offers = TrainingOfferPage.objects.live().public()
    return get_object_or_404(
        TrainingSession.objects.select_related("offer"), pk=pk, offer__in=visible_offers
    )


def _back_url(request, session):
    """The page the form was posted from, so a visitor reading in English stays in English."""
    return next_url(request, session.offer.localized.get_url(request))


def _sign_in_first(request, back):
    messages.info(
        request,
        _(
            "Connectez-vous pour vous inscrire : vous reviendrez ensuite sur la page "
            "de la formation."
        ),
    )
    return redirect_to_login(back)


def _refused(request, refusal):
    level = REFUSAL_LEVELS.get(type(refusal), messages.ERROR)
    messages.add_message(request, level, refusal.message)
