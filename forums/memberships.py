"""Joining a space, deciding on a request, invitations by e-mail, leaving.

A decision is one conditional UPDATE of a pending request: when two moderators
answer the same request at the same moment, the first one wins and the second
is told that it was already decided; nothing is applied, nor mailed, twice.
"""

from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums import moderator_alerts, permissions
from forums.errors import Refusal
from forums.models import Space, SpaceMembership
from kb.mail import Link, compose
from kb.site_url import absolute

Status = SpaceMembership.Status


class MembershipError(Refusal):
    """A refusal about joining, inviting or deciding on a request."""


class CharterNotAccepted(MembershipError):
    message = _("Pour rejoindre l’espace, acceptez d’abord sa charte.")


class InvitationOnly(MembershipError):
    message = _("Cet espace n’accueille que des personnes invitées par sa modération.")


class AlreadyAsked(MembershipError):
    message = _("Vous êtes déjà membre de cet espace ou votre demande est en cours d’examen.")


class AlreadyDecided(MembershipError):
    message = _("Cette demande a déjà été traitée par un autre modérateur.")


class Blocked(MembershipError):
    message = _("La modération de cet espace vous en a exclu : vous ne pouvez pas le rejoindre.")


class Suspended(MembershipError):
    message = _(
        "Votre participation à cet espace est suspendue : vous pourrez le rejoindre à nouveau "
        "à la fin de la suspension."
    )


class NotModerator(MembershipError):
    message = _("Seuls les modérateurs de l’espace peuvent répondre aux demandes.")


def refuse_joining(space, existing):
    """Raise why `existing` (the person's membership, or None) may not join `space` now."""
    if space.join_policy == Space.JoinPolicy.INVITATION:
        raise InvitationOnly
    if existing is None:
        return
    if existing.status == Status.BLOCKED:
        raise Blocked
    if existing.is_suspended():
        raise Suspended
    if existing.status != Status.REFUSED:
        raise AlreadyAsked


def may_ask_to_join(space, existing):
    """Whether the space's page offers `existing` (a membership, or None) to join or ask."""
    try:
        refuse_joining(space, existing)
    except MembershipError:
        return False
    return True


def join(space, user, *, accepted_charter, message=""):
    """Join an open space at once, or ask to join one on request; returns the membership."""
    if not accepted_charter:
        raise CharterNotAccepted
    status = Status.ACTIVE if space.join_policy == Space.JoinPolicy.OPEN else Status.PENDING
    existing = SpaceMembership.objects.filter(space=space, user=user).first()
    refuse_joining(space, existing)
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
    if status == Status.PENDING:
        moderator_alerts.join_requested(membership)
    return membership


def mentionable_members(space, typed, limit=8):
    """Active members of `space` whose username or name starts with `typed`, for the
    suggestions of the post forms."""
    words = Q(username__istartswith=typed) | Q(first_name__istartswith=typed)
    words |= Q(last_name__istartswith=typed)
    active = space.memberships.filter(status=Status.ACTIVE).exclude(
        suspended_until__gt=timezone.now()
    )
    users = get_user_model().objects.filter(is_active=True, pk__in=active.values("user_id"))
    return users.filter(words).order_by("first_name", "last_name", "username")[:limit]


def pending_requests(space):
    return space.memberships.filter(status=Status.PENDING).select_related(
        "user__profile__territory"
    )


def decide(membership_id, moderator, *, approve, message=""):
    """Approve or refuse a pending request, tell the person, and return the membership."""
    membership = SpaceMembership.objects.select_related("space", "user").get(pk=membership_id)
    if not permissions.can_moderate_space(moderator, membership.space):
        raise NotModerator
    decided = Status.ACTIVE if approve else Status.REFUSED
    with transaction.atomic():
        updated = SpaceMembership.objects.filter(pk=membership.pk, status=Status.PENDING).update(
            status=decided, decided_at=timezone.now()
        )
        if not updated:
            raise AlreadyDecided
        membership.status = decided
        transaction.on_commit(lambda: tell_decision(membership, message.strip()))
    return membership


def leave(space, user):
    """Leave a space; a pending request is withdrawn the same way. Returns whether one existed.

    A suspended member who leaves stays on record, suspended, so that leaving and
    joining again does not end the suspension.
    """
    current = SpaceMembership.objects.filter(
        space=space, user=user, status__in=[Status.ACTIVE, Status.PENDING]
    )
    suspended = current.filter(suspended_until__gt=timezone.now())
    kept = suspended.update(status=Status.REFUSED, role=SpaceMembership.Role.MEMBER)
    deleted, _details = current.delete()
    return bool(kept or deleted)


APPROVED_SUBJECT = _("Bienvenue dans l’espace « %(space)s »")
APPROVED_BODY = _(
    "Votre demande pour rejoindre l’espace de pair-émulation « %(space)s » est acceptée. "
    "Vous pouvez lire ses échanges et y participer."
)
REFUSED_SUBJECT = _("Votre demande pour l’espace « %(space)s »")
REFUSED_BODY = _(
    "La modération de l’espace de pair-émulation « %(space)s » n’a pas retenu votre demande "
    "pour le moment."
)
MODERATOR_NOTE = _("Message de la modération :")


def tell_decision(membership, note):
    if not membership.user.email:
        return
    space = membership.space
    facts = {"space": space.name}
    approved = membership.status == Status.ACTIVE
    parts = [gettext(APPROVED_BODY if approved else REFUSED_BODY) % facts]
    if note:
        parts.append(gettext(MODERATOR_NOTE) + "\n\n" + note)
    actions = [Link(gettext("Ouvrir l’espace"), space.get_full_url())] if approved else []
    compose(
        membership.user.email,
        gettext(APPROVED_SUBJECT if approved else REFUSED_SUBJECT) % facts,
        "\n\n".join(parts),
        name=membership.user.first_name,
        actions=actions,
    ).send()


# --- invitations ----------------------------------------------------------------

INVITATION_SALT = "forums.invitation"
INVITATION_DAYS = 14


class InvitationInvalid(MembershipError):
    message = _("Ce lien d’invitation n’est pas valable. Demandez-en un nouveau à la modération.")


class InvitationExpired(MembershipError):
    message = _("Ce lien d’invitation a expiré. Demandez-en un nouveau à la modération.")


class InvitationWithdrawn(MembershipError):
    message = _(
        "Cette invitation n’est plus valable : la modération de l’espace a pris une décision "
        "depuis qu’elle a été envoyée."
    )


class InvitationForSomeoneElse(MembershipError):
    message = _(
        "Cette invitation a été envoyée à une autre adresse : connectez-vous avec l’adresse "
        "qui l’a reçue."
    )


def invitation_token(space, email):
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    return signer.sign_object({"space": space.pk, "email": email.strip().lower()})


def invite(space, moderator, email):
    """Send a signed link, valid INVITATION_DAYS days, that lets `email` join the space."""
    if not permissions.can_moderate_space(moderator, space):
        raise NotModerator
    path = reverse("forums:invitation", args=[space.slug, invitation_token(space, email)])
    facts = {"space": space.name, "days": INVITATION_DAYS}
    compose(
        email,
        gettext(INVITATION_SUBJECT) % facts,
        gettext(INVITATION_BODY) % facts,
        actions=[Link(gettext("Rejoindre l’espace"), absolute(path))],
    ).send()


def accept_invitation(token, user, *, accepted_charter):
    """Make `user` a member of the space they were invited to; returns the membership."""
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    try:
        invitation = signer.unsign_object(token, max_age=timedelta(days=INVITATION_DAYS))
    except signing.SignatureExpired as error:
        raise InvitationExpired from error
    except signing.BadSignature as error:
        raise InvitationInvalid from error
    space = Space.objects.filter(pk=invitation["space"]).first()
    if space is None:
        raise InvitationInvalid
    verified = user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    if invitation["email"] not in {address.lower() for address in verified}:
        raise InvitationForSomeoneElse
    if not accepted_charter:
        raise CharterNotAccepted
    with transaction.atomic():
        existing = SpaceMembership.objects.select_for_update().filter(space=space, user=user)
        existing = existing.first()
        if existing is not None and _decided_since(existing, _issued_at(token)):
            raise InvitationWithdrawn
        membership, _created = SpaceMembership.objects.update_or_create(
            space=space,
            user=user,
            defaults={"status": Status.ACTIVE, "charter_accepted_at": timezone.now()},
        )
    return membership


def _issued_at(token):
    """When a token that passed its signature check was signed (to the second)."""
    _payload, stamp, _signature = token.rsplit(signing.Signer().sep, 2)
    return datetime.fromtimestamp(signing.b62_decode(stamp), tz=UTC)


def _decided_since(membership, issued_at):
    """A refusal or a block after the invitation was sent voids it; a new invitation does not."""
    if membership.status not in (Status.REFUSED, Status.BLOCKED) or membership.decided_at is None:
        return False
    return issued_at <= membership.decided_at


def space_of_invitation(token):
    """The space a token invites to, without checking its age (for showing the charter)."""
    try:
        invitation = signing.TimestampSigner(salt=INVITATION_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    return Space.objects.filter(pk=invitation["space"]).first()


INVITATION_SUBJECT = _("Invitation à l’espace de pair-émulation « %(space)s »")
INVITATION_BODY = _(
    "La modération de l’espace de pair-émulation « %(space)s » vous invite à le rejoindre. "
    "Le lien ci-dessous est valable %(days)s jours.\n\n"
    "Vous devrez vous connecter (ou créer un compte) avec cette adresse électronique, puis "
    "accepter la charte de l’espace."
)
