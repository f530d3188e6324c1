"""Moderating a space: reports, and what moderators do about posts, topics and members.

Every action is one transaction that changes the rows, writes the moderation
log and, once committed, tells the author. Actions on a post or a report are
conditional UPDATEs of its current state, so when two moderators act on the
same thing at the same moment one wins and the other is told; nothing is
applied or mailed twice.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums import moderator_alerts, notifications, permissions, signals
from forums.errors import Refusal
from forums.models import ModerationAction, Post, Report, SpaceMembership, Topic
from kb.mail import Link, compose
from kb.site_url import absolute

Kind = ModerationAction.Kind
PostStatus = Post.Status
REPORTS_PER_DAY = 10


class ModerationError(Refusal):
    message = _("Cette action n’a pas pu être faite.")


class NotModerator(ModerationError):
    message = _("Seuls les modérateurs de l’espace peuvent faire cela.")


class AlreadyHandled(ModerationError):
    message = _("Un autre modérateur vient de traiter ce message ou ce signalement.")


class AlreadyReported(ModerationError):
    message = _("Vous avez déjà signalé ce message ; la modération va l’examiner.")


class TooManyReports(ModerationError):
    message = _("Vous avez fait beaucoup de signalements aujourd’hui ; réessayez demain.")


class CannotReport(ModerationError):
    message = _("Vous ne pouvez pas signaler ce message.")


def require_moderator(user, space):
    if not permissions.can_moderate_space(user, space):
        raise NotModerator


def log(space, moderator, kind, reason="", **targets):
    return ModerationAction.objects.create(
        space=space, moderator=moderator, kind=kind, reason=reason.strip(), **targets
    )


# --- reports ----------------------------------------------------------------


def report(post, reporter, reason):
    if not permissions.actions_on_post(reporter, post).report:
        raise CannotReport
    since = timezone.now() - timedelta(days=1)
    if Report.objects.filter(reporter=reporter, created_at__gte=since).count() >= REPORTS_PER_DAY:
        raise TooManyReports
    try:
        with transaction.atomic():
            created = Report.objects.create(post=post, reporter=reporter, reason=reason.strip())
    except IntegrityError as error:
        raise AlreadyReported from error
    moderator_alerts.post_reported(created)
    return created


def open_reports(space):
    return Report.objects.filter(post__topic__space=space, outcome=Report.Outcome.OPEN)


def dismiss(report_id, moderator, reason=""):
    report = Report.objects.select_related("post__topic__space").get(pk=report_id)
    space = report.post.topic.space
    require_moderator(moderator, space)
    with transaction.atomic():
        closed = Report.objects.filter(pk=report.pk, outcome=Report.Outcome.OPEN).update(
            outcome=Report.Outcome.DISMISSED, resolved_at=timezone.now(), resolved_by=moderator
        )
        if not closed:
            raise AlreadyHandled
        log(space, moderator, Kind.DISMISS, reason, post=report.post)


# --- posts ------------------------------------------------------------------


def change_post(post_id, moderator, kind, reason=""):
    """Approve, hide or restore a post, from the state that action applies to."""
    transitions = {
        Kind.APPROVE: ([PostStatus.PENDING], PostStatus.PUBLISHED),
        Kind.HIDE: ([PostStatus.PENDING, PostStatus.PUBLISHED], PostStatus.HIDDEN),
        Kind.RESTORE: ([PostStatus.HIDDEN], PostStatus.PUBLISHED),
    }
    allowed_from, new_status = transitions[kind]
    post = Post.objects.select_related("topic__space", "author").get(pk=post_id)
    space = post.topic.space
    require_moderator(moderator, space)
    with transaction.atomic():
        changed = Post.objects.filter(pk=post.pk, status__in=allowed_from).update(status=new_status)
        if not changed:
            raise AlreadyHandled
        post.status = new_status
        signals.announce([post.pk], readers_changed=True)
        if kind == Kind.HIDE:
            open_reports(space).filter(post=post).update(
                outcome=Report.Outcome.HIDDEN, resolved_at=timezone.now(), resolved_by=moderator
            )
        if kind == Kind.APPROVE:
            Topic.objects.filter(pk=post.topic_id, last_activity_at__lt=post.created_at).update(
                last_activity_at=post.created_at
            )
            transaction.on_commit(lambda: notifications.post_published(post))
        log(space, moderator, kind, reason, post=post, topic=post.topic, member=post.author)
        if kind != Kind.APPROVE:
            tell_author(post.author, space, kind, reason, post.topic.title, post)
    return post


# --- topics -----------------------------------------------------------------


def set_topic_flag(topic, moderator, kind, reason=""):
    flags = {
        Kind.LOCK: ("locked", True),
        Kind.UNLOCK: ("locked", False),
        Kind.PIN: ("pinned", True),
        Kind.UNPIN: ("pinned", False),
    }
    field, value = flags[kind]
    require_moderator(moderator, topic.space)
    with transaction.atomic():
        setattr(topic, field, value)
        topic.save(update_fields=[field])
        log(topic.space, moderator, kind, reason, topic=topic)


def move_topic(topic, moderator, to_space, reason=""):
    """Move a topic to another space both ends of which the moderator moderates."""
    require_moderator(moderator, topic.space)
    require_moderator(moderator, to_space)
    with transaction.atomic():
        origin = topic.space
        topic.space = to_space
        topic.save(update_fields=["space"])
        log(origin, moderator, Kind.MOVE, reason, topic=topic, member=topic.author)
        log(to_space, moderator, Kind.MOVE, reason, topic=topic, member=topic.author)
        tell_author(topic.author, origin, Kind.MOVE, reason, topic.title)


# --- members ----------------------------------------------------------------


def suspend(membership, moderator, until, reason):
    require_moderator(moderator, membership.space)
    with transaction.atomic():
        membership.suspended_until = until
        membership.suspension_reason = reason.strip()
        membership.save(update_fields=["suspended_until", "suspension_reason"])
        log(membership.space, moderator, Kind.SUSPEND, reason, member=membership.user)
        tell_author(membership.user, membership.space, Kind.SUSPEND, reason, "")


def block(space, member, moderator, reason):
    """Remove a member from the space and hide everything they wrote there, all or nothing."""
    require_moderator(moderator, space)
    with transaction.atomic():
        SpaceMembership.objects.update_or_create(
            space=space,
            user=member,
            defaults={
                "status": SpaceMembership.Status.BLOCKED,
                "role": SpaceMembership.Role.MEMBER,
                "decided_at": timezone.now(),
            },
        )
        posts = Post.objects.filter(topic__space=space, author=member).exclude(
            status=PostStatus.HIDDEN
        )
        hidden_ids = list(posts.values_list("pk", flat=True))
        Post.objects.filter(pk__in=hidden_ids).update(status=PostStatus.HIDDEN)
        signals.announce(hidden_ids, readers_changed=True)
        open_reports(space).filter(post__author=member).update(
            outcome=Report.Outcome.HIDDEN, resolved_at=timezone.now(), resolved_by=moderator
        )
        log(space, moderator, Kind.BLOCK, reason, member=member)
        tell_author(member, space, Kind.BLOCK, reason, "")
    return len(hidden_ids)


# --- telling the author -----------------------------------------------------

NOTICES = {
    Kind.HIDE: _("Un de vos messages du sujet « %(topic)s » a été masqué par la modération."),
    Kind.RESTORE: _("Un de vos messages du sujet « %(topic)s » est de nouveau visible."),
    Kind.MOVE: _("Votre sujet « %(topic)s » a été déplacé dans un autre espace."),
    Kind.SUSPEND: _("Votre participation à l’espace « %(space)s » est suspendue pour un temps."),
    Kind.BLOCK: _("Vous ne faites plus partie de l’espace « %(space)s »."),
}
NOTICE_SUBJECT = _("Modération de l’espace « %(space)s »")
NOTICE_REASON = _("Motif donné par la modération :")


def tell_author(user, space, kind, reason, topic_title, post=None):
    """Tell `user` what the moderation did; a hidden post comes back to them with a way to
    edit it."""
    if user is None or not user.email:
        return
    facts = {"space": space.name, "topic": topic_title}
    parts = [gettext(NOTICES[kind]) % facts]
    if reason.strip():
        parts.append(gettext(NOTICE_REASON) + "\n\n" + quote(reason))
    actions = []
    if post is not None and kind == Kind.HIDE:
        parts.append(gettext("Votre message :") + "\n\n" + quote(post.body))
        edit_url = absolute(reverse("forums:edit_post", args=[space.slug, post.pk]))
        actions.append(Link(gettext("Modifier votre message"), edit_url))
    elif post is not None:
        actions.append(Link(gettext("Voir le sujet"), absolute(post.get_absolute_url())))
    message = compose(
        user.email,
        gettext(NOTICE_SUBJECT) % facts,
        "\n\n".join(parts),
        name=user.first_name,
        actions=actions,
    )
    transaction.on_commit(message.send)


def quote(markdown):
    return "\n".join(f"> {line}".rstrip() for line in markdown.strip().splitlines())
