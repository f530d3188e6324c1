"""Registering to cross-training sessions, leaving them, and cancelling a session.

Capacity lives in the database: a seat is taken by one conditional UPDATE of the
session's counter, so two people asking for the last seat at the same moment
cannot both get it, whatever the number of web processes. Every change to a
session's registrations first locks the session row (by that UPDATE or by
`select_for_update()`), which keeps the counter and the rows in step and gives
all writers the same lock order.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from kb.content_version import content_changed, part_changed
from practices import registration_mails
from practices.models import TrainingOfferPage, TrainingRegistration, TrainingSession
from practices.registration_mails import describe_start  # noqa: F401 - the views' name for it

Status = TrainingRegistration.Status
ACTIVE = (Status.CONFIRMED, Status.WAITING)


class RegistrationError(Exception):
    """A refusal the person can understand and act upon; `message` says which."""

    message = _("Cette demande n’a pas pu être prise en compte.")

    def __init__(self, session=None):
        super().__init__(str(self.message))
        self.session = session


class SessionCancelled(RegistrationError):
    message = _("Cette session a été annulée : elle n’accepte plus d’inscriptions.")


class SessionStarted(RegistrationError):
    message = _("Cette session a déjà commencé : les inscriptions et les désistements sont clos.")


class SessionFull(RegistrationError):
    message = _(
        "La dernière place vient d’être prise : la session est complète. Vous pouvez "
        "rejoindre la liste d’attente, nous vous écrirons si une place se libère."
    )


class AlreadyRegistered(RegistrationError):
    def __init__(self, session, registration):
        self.registration = registration
        super().__init__(session)

    @property
    def message(self):
        if self.registration.status == Status.WAITING:
            return _("Vous êtes déjà sur la liste d’attente de cette session.")
        return _("Vous êtes déjà inscrit ou inscrite à cette session.")


class NotRegistered(RegistrationError):
    message = _("Vous n’avez pas d’inscription en cours à cette session.")


class NotAllowed(RegistrationError):
    message = _(
        "Seules la personne inscrite et l’équipe qui organise la formation peuvent annuler "
        "cette inscription."
    )


def organised_offers(user):
    """Offers whose sessions and registrations `user` may manage.

    The person named on the offer as its organiser (one of their confirmed
    addresses is the offer's `organiser_email`), and the editors who may publish
    the offer's page. Editing rights alone are not enough: contributors may edit
    every page to propose changes, not organise every training.
    """
    if not user.is_authenticated or not user.is_active:
        return TrainingOfferPage.objects.none()
    publishable = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return TrainingOfferPage.objects.alias(organiser=Lower("organiser_email")).filter(
        Q(pk__in=publishable.values("pk")) | Q(organiser__in=confirmed_addresses(user))
    )


def can_organise(user, offer):
    return organised_offers(user).filter(pk=offer.pk).exists()


def organised_sessions(user):
    return TrainingSession.objects.filter(offer__in=organised_offers(user))


def confirmed_addresses(user):
    """The user's confirmed e-mail addresses, lower-cased."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return sorted({address.lower() for address in addresses})


def seats_part(offer):
    """The free seats of `offer`'s sessions, shown on its page in every language, as a part
    of the content (`kb.content_version.part_version`)."""
    return f"seats:{offer.translation_key}"


def register(session, user, *, waiting_list=True):
    """Give `user` a seat, or a place on the waiting list when `waiting_list` allows it."""
    try:
        with transaction.atomic():
            took_seat = _take_seat(session)
            if not took_seat:
                _refuse_if_closed(_locked(session))
                # A withdrawal may have freed a seat since the first try, and handed it to
                # nobody: this registration was not yet on the waiting list. Seats are freed
                # only under the session's lock, held from here to the end.
                took_seat = _take_seat(session)
            if not took_seat and not waiting_list:
                raise SessionFull(session)
            registration = TrainingRegistration.objects.create(
                session=session,
                user=user,
                status=Status.CONFIRMED if took_seat else Status.WAITING,
            )
    except IntegrityError:
        existing = active_registration(session, user)
        if existing is None:
            raise
        raise AlreadyRegistered(session, existing) from None
    transaction.on_commit(lambda: registration_mails.registered(registration))
    _tell_organiser(registration, joined=True)
    return registration


def cancel(registration, by_user):
    """Withdraw `registration`; a freed seat goes at once to the oldest waiting person."""
    session = registration.session
    if registration.user_id != by_user.pk and not can_organise(by_user, session.offer):
        raise NotAllowed(session)
    with transaction.atomic():
        session = _locked(session)
        current = TrainingRegistration.objects.select_for_update().get(pk=registration.pk)
        if current.status not in ACTIVE:
            raise NotRegistered(session)
        if session.is_past:
            raise SessionStarted(session)
        was_confirmed = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.save(update_fields=["status", "updated_at"])
        if was_confirmed:
            TrainingSession.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") - 1)
            _fill_free_seats(session)
    _tell_organiser(current, joined=False)
    return current


def active_registration(session, user):
    return TrainingRegistration.objects.filter(
        session=session, user=user, status__in=ACTIVE
    ).first()


def promote_waiting(session):
    """Hand the session's free seats to its waiting list, oldest first (after a resize)."""
    with transaction.atomic():
        return _fill_free_seats(_locked(session))


def cancel_session(session):
    """Cancel the session and every active registration, and tell each person by e-mail."""
    with transaction.atomic():
        session = _locked(session)
        if session.is_cancelled:
            return []
        told = list(
            session.registrations.select_for_update(of=("self",))
            .filter(status__in=ACTIVE)
            .select_related("user")
        )
        TrainingRegistration.objects.filter(pk__in=[r.pk for r in told]).update(
            status=Status.CANCELLED, updated_at=timezone.now()
        )
        TrainingSession.objects.filter(pk=session.pk).update(is_cancelled=True, seats_taken=0)
        content_changed()
        session.is_cancelled = True
        transaction.on_commit(lambda: registration_mails.session_cancelled(session, told))
    return told


def waiting_position(registration):
    """1 for the next person to get a seat; None when not on the waiting list."""
    if registration.status != Status.WAITING:
        return None
    return TrainingRegistration.objects.filter(
        _ahead_of_or_equal(registration.session_id, registration.created_at, registration.pk)
    ).count()


@dataclass(frozen=True)
class SessionChoice:
    """One session as a given visitor sees it, and what they may do about it."""

    REGISTER = "register"
    JOIN_WAITING_LIST = "join_waiting_list"
    CANCEL = "cancel"
    LEAVE_WAITING_LIST = "leave_waiting_list"
    SIGN_IN = "sign_in"

    session: TrainingSession
    status: str | None
    waiting_position: int | None
    action: str | None

    @property
    def is_full(self):
        return self.session.seats_left == 0


def session_choices(offer, user):
    """The upcoming sessions of `offer` (in any language) with `user`'s status and next step.

    Two queries whatever the number of sessions: the sessions, then the
    visitor's registrations with their place in each waiting list.
    """
    sessions = list(
        TrainingSession.objects.filter(
            offer__translation_key=offer.translation_key, starts_at__gte=timezone.now()
        ).order_by("starts_at", "pk")
    )
    mine = {}
    if user.is_authenticated and sessions:
        ahead = _waiting_position()
        for registration in TrainingRegistration.objects.filter(
            session__in=sessions, user=user, status__in=ACTIVE
        ).annotate(position=Subquery(ahead)):
            mine[registration.session_id] = registration
    return [_choice(session, mine.get(session.pk), user) for session in sessions]


def upcoming_registrations(user):
    """`user`'s seats and waiting-list places in sessions still to come, soonest first.

    Each comes with its `offer` and, on the waiting list, its `position`; a person
    may withdraw from any of them until the session starts.
    """
    ahead = _waiting_position()
    return (
        TrainingRegistration.objects.filter(
            user=user,
            status__in=ACTIVE,
            session__starts_at__gte=timezone.now(),
            session__offer__in=TrainingOfferPage.objects.live().public(),
        )
        .select_related("session__offer")
        .annotate(position=Subquery(ahead))
        .order_by("session__starts_at", "pk")
    )


def _choice(session, registration, user):
    status = registration.status if registration else None
    position = registration.position if status == Status.WAITING else None
    if not session.is_open_for_registration:
        action = None
    elif not user.is_authenticated:
        action = SessionChoice.SIGN_IN
    elif status == Status.CONFIRMED:
        action = SessionChoice.CANCEL
    elif status == Status.WAITING:
        action = SessionChoice.LEAVE_WAITING_LIST
    elif session.seats_left:
        action = SessionChoice.REGISTER
    else:
        action = SessionChoice.JOIN_WAITING_LIST
    return SessionChoice(session, status, position, action)


def _waiting_position():
    """A subquery: the place in its session's waiting list of the outer registration."""
    return (
        TrainingRegistration.objects.filter(
            _ahead_of_or_equal(OuterRef("session_id"), OuterRef("created_at"), OuterRef("pk"))
        )
        .values("session_id")
        .annotate(n=Count("pk"))
        .values("n")
    )


def _ahead_of_or_equal(session_id, created_at, pk):
    return Q(session_id=session_id, status=Status.WAITING) & (
        Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lte=pk)
    )


def _take_seat(session):
    return bool(
        TrainingSession.objects.filter(
            pk=session.pk,
            is_cancelled=False,
            starts_at__gt=timezone.now(),
            seats_taken__lt=F("seats"),
        ).update(seats_taken=F("seats_taken") + 1)
    )


def _locked(session):
    # `of` keeps the lock on the session row: the joined page rows stay free for editors.
    return (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("offer")
        .get(pk=session.pk)
    )


def _refuse_if_closed(session):
    if session.is_cancelled:
        raise SessionCancelled(session)
    if session.is_past:
        raise SessionStarted(session)


def _fill_free_seats(session):
    """Confirm waiting people into free seats; the caller holds the session lock."""
    session.refresh_from_db(fields=["seats", "seats_taken", "is_cancelled"])
    free = session.seats - session.seats_taken
    if free <= 0 or not session.is_open_for_registration:
        return []
    promoted = list(
        session.registrations.select_for_update(of=("self",))
        .filter(status=Status.WAITING)
        .order_by("created_at", "pk")
        .select_related("user")[:free]
    )
    if promoted:
        TrainingRegistration.objects.filter(pk__in=[r.pk for r in promoted]).update(
            status=Status.CONFIRMED, updated_at=timezone.now()
        )
        TrainingSession.objects.filter(pk=session.pk).update(
            seats_taken=F("seats_taken") + len(promoted)
        )
        part_changed(seats_part(session.offer))
        transaction.on_commit(lambda: registration_mails.promoted(session, promoted))
    return promoted


def send_reminders(now=None):
    """Remind the people with a seat of a session starting within a day, once each; those
    who registered less than a day before the start just had their confirmation. Returns how
    many were reminded."""
    now = now or timezone.now()
    due = TrainingRegistration.objects.filter(
        status=Status.CONFIRMED,
        reminded_at__isnull=True,
        user__isnull=False,
        session__is_cancelled=False,
        session__starts_at__gt=now,
        session__starts_at__lte=now + registration_mails.REMINDER_AHEAD,
        created_at__lt=F("session__starts_at") - registration_mails.REMINDER_AHEAD,
    ).select_related("session__offer", "user")
    reminded = 0
    for registration in due:
        # One conditional UPDATE per person: two runs at once remind nobody twice.
        if TrainingRegistration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
            reminded_at=now
        ):
            if registration.user.email:
                registration_mails.reminder(registration).send()
            reminded += 1
    return reminded


def _tell_organiser(registration, *, joined):
    notice = registration_mails.organiser_notice(registration, joined=joined)
    if notice is not None:
        transaction.on_commit(notice.send)
