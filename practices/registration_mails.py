"""The e-mails of cross-training registrations: confirmation with a calendar entry, the
reminder the day before, a seat freed from the waiting list, a cancelled session, and the
organiser's notices.

Each mail is in the language of the offer's page. Sessions hang on the page they
were created for, usually the French source page, so people who registered from
the English translation read French.
"""

from datetime import timedelta

from django.core import mail
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event

from kb.mail import Link, compose
from kb.site_url import site_address

CALENDAR_FILE_NAME = "formation.ics"
# Sent from this long before the start, by `send_training_reminders` (every hour).
REMINDER_AHEAD = timedelta(days=1)


def describe_start(session):
    """When the session starts, as a sentence fragment in the active language."""
    start = timezone.localtime(session.starts_at)
    return gettext("%(date)s à %(time)s") % {
        "date": formats.date_format(start, "DATE_FORMAT"),
        "time": formats.time_format(start, "TIME_FORMAT"),
    }


def calendar_entry(session):
    """The session as an iCalendar file (RFC 5545) that calendars import in one click."""
    calendar = Calendar()
    calendar.add("prodid", "-//Pair-émulation et capitalisation médico-sociale//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"training-session-{session.pk}@{site_address()[0]}")
    event.add("dtstamp", timezone.now())
    # In the site's time zone, as the mail says them, described by a VTIMEZONE (RFC 5545).
    event.add("dtstart", timezone.localtime(session.starts_at))
    event.add("dtend", timezone.localtime(session.ends_at))
    event.add("summary", session.offer.title)
    event.add("location", session.place)
    if session.offer.full_url:
        event.add("url", session.offer.full_url)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _message(session, user_or_address, subject, body, *, details="", with_calendar=False):
    """A mail about `session` to a person (a user) or an address, in the offer's language;
    `details` (already written) follow the body."""
    with translation.override(session.offer.locale.language_code):
        facts = {
            "title": session.offer.title,
            "date": describe_start(session),
            "place": session.place,
        }
        actions = []
        if session.offer.full_url:
            actions.append(Link(gettext("Page de la formation"), session.offer.full_url))
        if isinstance(user_or_address, str):
            address, name = user_or_address, ""
        else:
            address, name = user_or_address.email, user_or_address.first_name
        content = "\n\n".join(filter(None, [gettext(body) % facts, details]))
        message = compose(address, gettext(subject) % facts, content, name=name, actions=actions)
    if with_calendar:
        message.attach(CALENDAR_FILE_NAME, calendar_entry(session), "text/calendar")
    return message


CONFIRMED_SUBJECT = _("Inscription confirmée : « %(title)s » le %(date)s")
CONFIRMED_BODY = _(
    "Votre inscription à la session de la formation « %(title)s » du %(date)s (%(place)s) "
    "est confirmée. Le fichier joint l’ajoute à votre agenda.\n\n"
    "Si vous ne pouvez plus venir, annulez votre inscription depuis la page de la formation "
    "pour laisser la place à quelqu’un d’autre."
)
WAITING_SUBJECT = _("Liste d’attente : « %(title)s » le %(date)s")
WAITING_BODY = _(
    "La session de la formation « %(title)s » du %(date)s (%(place)s) est complète : vous "
    "êtes sur sa liste d’attente. Nous vous écrirons si une place se libère."
)
REMINDER_SUBJECT = _("Rappel : « %(title)s » le %(date)s")
REMINDER_BODY = _(
    "Vous êtes inscrit ou inscrite à la session de la formation « %(title)s », le %(date)s "
    "(%(place)s).\n\n"
    "Si vous ne pouvez plus venir, annulez votre inscription depuis la page de la formation."
)
PROMOTED_SUBJECT = _("Une place s’est libérée : votre inscription à « %(title)s » est confirmée")
PROMOTED_BODY = _(
    "Une place s’est libérée pour la session de la formation « %(title)s » du %(date)s "
    "(%(place)s). Vous étiez sur la liste d’attente : votre inscription est maintenant "
    "confirmée. Le fichier joint l’ajoute à votre agenda.\n\n"
    "Si vous ne pouvez plus venir, annulez votre inscription depuis la page de la formation "
    "pour laisser la place à quelqu’un d’autre."
)
SESSION_CANCELLED_SUBJECT = _("Session annulée : « %(title)s » du %(date)s")
SESSION_CANCELLED_BODY = _(
    "La session de la formation « %(title)s » prévue le %(date)s (%(place)s) est annulée "
    "par ses organisateurs. Votre inscription est donc annulée elle aussi.\n\n"
    "Les autres sessions de cette formation sont sur sa page."
)
ORGANISER_JOINED_SUBJECT = _("Nouvelle inscription : « %(title)s » du %(date)s")
ORGANISER_LEFT_SUBJECT = _("Désistement : « %(title)s » du %(date)s")
ORGANISER_BODY = _("Session de la formation « %(title)s » du %(date)s (%(place)s) :")


def registered(registration):
    """Confirm a registration, or a place on the waiting list, to the person."""
    user = registration.user
    if not user.email:
        return
    confirmed = registration.status == registration.Status.CONFIRMED
    _message(
        registration.session,
        user,
        CONFIRMED_SUBJECT if confirmed else WAITING_SUBJECT,
        CONFIRMED_BODY if confirmed else WAITING_BODY,
        with_calendar=confirmed,
    ).send()


def reminder(registration):
    return _message(registration.session, registration.user, REMINDER_SUBJECT, REMINDER_BODY)


def promoted(session, registrations):
    messages = [
        _message(session, r.user, PROMOTED_SUBJECT, PROMOTED_BODY, with_calendar=True)
        for r in registrations
        if r.user.email
    ]
    mail.get_connection().send_messages(messages)


def session_cancelled(session, registrations):
    messages = [
        _message(session, r.user, SESSION_CANCELLED_SUBJECT, SESSION_CANCELLED_BODY)
        for r in registrations
        if r.user.email
    ]
    mail.get_connection().send_messages(messages)


def organiser_notice(registration, *, joined):
    """The notice to the offer's organiser of a registration or a withdrawal, or None."""
    session = registration.session
    recipient = session.offer.organiser_email
    if not recipient:
        return None
    person = registration.user
    with translation.override(session.offer.locale.language_code):
        line = gettext("%(person)s — %(email)s — %(status)s") % {
            "person": person.get_full_name() or person.get_username(),
            "email": person.email,
            "status": registration.get_status_display(),
        }
    return _message(
        session,
        recipient,
        ORGANISER_JOINED_SUBJECT if joined else ORGANISER_LEFT_SUBJECT,
        ORGANISER_BODY,
        details=line,
    )
