"""Joining a space, deciding on a request, leaving.

A decision is one conditional UPDATE of a pending request: when two moderators
answer the same request at the same moment, the first one wins and the second
is told that it was already decided; nothing is applied, nor mailed, twice.
"""

from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums import permissions
from forums.models import Space, SpaceMembership

Status = SpaceMembership.Status


class MembershipError(Exception):
    """A refusal the person can understand; `message` says which."""

    message = _("Cette demande n’a pas pu être prise en compte.")

    def __init__(self):
        super().__init__(str(self.message))


class CharterNotAccepted(MembershipError):
    message = _("Pour rejoindre l’espace, acceptez d’abord sa charte.")


class InvitationOnly(MembershipError):
    message = _("Cet espace n’accueille que des personnes invitées par sa modération.")


class AlreadyAsked(MembershipError):
    message = _("Vous êtes déjà membre de cet espace ou votre demande est en cours d’examen.")


class AlreadyDecided(MembershipError):
    message = _("Cette demande a déjà été traitée par un autre modérateur.")


class NotModerator(MembershipError):
    message = _("Seuls les modérateurs de l’espace peuvent répondre aux demandes.")


def join(space, user, *, accepted_charter, message=""):
    """Join an open space at once, or ask to join one on request; returns the membership."""
    if not accepted_charter:
        raise CharterNotAccepted
    if space.join_policy == Space.JoinPolicy.INVITATION:
        raise InvitationOnly
    status = Status.ACTIVE if space.join_policy == Space.JoinPolicy.OPEN else Status.PENDING
    existing = SpaceMembership.objects.filter(space=space, user=user).first()
    if existing is not None and existing.status != Status.REFUSED:
        raise AlreadyAsked
    fields = {
        "status": status,
        "role": SpaceMembership.Role.MEMBER,
        "request_message": message.strip(),
        "charter_accepted_at": timezone.now(),
    }
    try:
        with transaction.atomic():
            membership, _created = SpaceMembership.objects.update_or_create(
                space=space, user=user, defaults=fields
            )
    except IntegrityError as error:  # the same person asked twice at once
        raise AlreadyAsked from error
    return membership


def pending_requests(space):
    return space.memberships.filter(status=Status.PENDING).select_related("user")


def decide(membership_id, moderator, *, approve, message=""):
    """Approve or refuse a pending request, tell the person, and return the membership."""
    membership = SpaceMembership.objects.select_related("space", "user").get(pk=membership_id)
    if not permissions.can_moderate_space(moderator, membership.space):
        raise NotModerator
    decided = Status.ACTIVE if approve else Status.REFUSED
    with transaction.atomic():
        updated = SpaceMembership.objects.filter(pk=membership.pk, status=Status.PENDING).update(
            status=decided
        )
        if not updated:
            raise AlreadyDecided
        membership.status = decided
        transaction.on_commit(lambda: tell_decision(membership, message.strip()))
    return membership


def leave(space, user):
    """Leave a space; a pending request is withdrawn the same way. Returns whether one existed."""
    deleted, _details = SpaceMembership.objects.filter(
        space=space, user=user, status__in=[Status.ACTIVE, Status.PENDING]
    ).delete()
    return bool(deleted)


APPROVED_SUBJECT = _("Bienvenue dans l’espace « %(space)s »")
APPROVED_BODY = _(
    "Bonjour,\n\n"
    "Votre demande pour rejoindre l’espace de pair-émulation « %(space)s » est acceptée. "
    "Vous pouvez lire ses échanges et y participer : %(url)s\n"
)
REFUSED_SUBJECT = _("Votre demande pour l’espace « %(space)s »")
REFUSED_BODY = _(
    "Bonjour,\n\n"
    "La modération de l’espace de pair-émulation « %(space)s » n’a pas retenu votre demande "
    "pour le moment.\n"
)
MODERATOR_NOTE = _("\nMessage de la modération :\n%(message)s\n")


def tell_decision(membership, note):
    facts = {"space": membership.space.name, "url": membership.space.get_full_url()}
    approved = membership.status == Status.ACTIVE
    subject = gettext(APPROVED_SUBJECT if approved else REFUSED_SUBJECT) % facts
    body = gettext(APPROVED_BODY if approved else REFUSED_BODY) % facts
    if note:
        body += gettext(MODERATOR_NOTE) % {"message": note}
    if membership.user.email:
        mail.EmailMessage(subject, body, to=[membership.user.email]).send()
