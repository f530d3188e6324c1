"""Telling moderators what waits for them: join requests, posts held for validation, reports.

What waits is read from the rows themselves (pending memberships, pending posts,
open reports), so the counts in the header, on each space and in the digest are
never out of step. Each new item is also mailed at once to the moderators who
keep that choice (the default, so that nothing waits for weeks); the others find
it in their digest. Who is told is `forums.permissions` 's to say: a moderator
hears only of spaces they may moderate at that moment.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from forums import permissions, unsubscribing
from forums.models import NotificationSettings, Post, Report, Space, SpaceMembership
from kb.mail import Link, compose
from kb.models.profiles import Profile, user_display_name
from kb.site_url import absolute


@dataclass(frozen=True)
class WaitingWork:
    """What waits for the moderation of one space."""

    space: Space
    requests: int
    held_posts: int
    reports: int

    @property
    def total(self):
        return self.requests + self.held_posts + self.reports

    def summary(self):
        parts = []
        if self.requests:
            parts.append(
                ngettext("%(n)s demande d’adhésion", "%(n)s demandes d’adhésion", self.requests)
                % {"n": self.requests}
            )
        if self.held_posts:
            parts.append(
                ngettext("%(n)s message à valider", "%(n)s messages à valider", self.held_posts)
                % {"n": self.held_posts}
            )
        if self.reports:
            parts.append(
                ngettext("%(n)s signalement", "%(n)s signalements", self.reports)
                % {"n": self.reports}
            )
        return ", ".join(parts)


def waiting_work(user):
    """WaitingWork of each space `user` moderates where something waits, by space name."""
    spaces = list(permissions.moderated_spaces(user).order_by("name"))
    if not spaces:
        return []
    counts = _counts(spaces)
    work = [waiting_in(space, row) for space, row in zip(spaces, counts, strict=True)]
    return [item for item in work if item.total]


def waiting_in(space, counts=None):
    """WaitingWork of one space."""
    return WaitingWork(space, *(counts or _counts([space])[0]))


def waiting_count(user):
    return sum(item.total for item in waiting_work(user))


def _counts(spaces):
    """(join requests, held posts, open reports) of each of `spaces`, in three queries."""
    by_kind = [
        (SpaceMembership.objects.filter(status=SpaceMembership.Status.PENDING), "space"),
        (Post.objects.waiting(), "topic__space"),
        (Report.objects.filter(outcome=Report.Outcome.OPEN), "post__topic__space"),
    ]
    per_kind = [
        dict(
            rows.filter(**{f"{field}__in": spaces})
            .values(field)
            .annotate(n=Count("pk"))
            .values_list(field, "n")
        )
        for rows, field in by_kind
    ]
    return [tuple(counts.get(space.pk, 0) for counts in per_kind) for space in spaces]


# --- telling at once --------------------------------------------------------


def join_requested(membership):
    profile = getattr(membership.user, "profile", None)
    text = gettext("%(who)s demande à rejoindre l’espace « %(space)s ».") % {
        "who": user_display_name(membership.user),
        "space": membership.space.name,
    }
    # One line each: a role such as « Manager (direction, chef de service) » already holds
    # parentheses, and nesting them in a sentence reads badly.
    if profile:
        details = [
            (Profile._meta.get_field("role").verbose_name, profile.get_role_display()),
            (Profile._meta.get_field("organisation").verbose_name, profile.organisation),
            (Profile._meta.get_field("territory").verbose_name, profile.territory),
        ]
        text += "\n\n" + "\n".join(
            f"- {capfirst(label)} : {value}" for label, value in details if value
        )
    if membership.request_message:
        text += "\n\n" + "\n".join(f"> {line}" for line in membership.request_message.splitlines())
    link = Link(
        gettext("Répondre à la demande"),
        absolute(reverse("forums:join_requests", args=[membership.space.slug])),
    )
    _alert_after_commit(membership.space, text, link)


def post_held(post):
    space = post.topic.space
    text = gettext("Un message du sujet « %(topic)s » attend votre validation.") % {
        "topic": post.topic.title
    }
    _alert_after_commit(space, text, _queue_link(space))


def post_reported(report):
    space = report.post.topic.space
    text = gettext("Un message du sujet « %(topic)s » est signalé : « %(reason)s »") % {
        "topic": report.post.topic.title,
        "reason": report.reason,
    }
    _alert_after_commit(space, text, _queue_link(space))


def _queue_link(space):
    return Link(
        gettext("Ouvrir la file de modération"),
        absolute(reverse("forums:moderation", args=[space.slug])),
    )


def _alert_after_commit(space, text, link):
    transaction.on_commit(lambda: alert(space, text, link))


def alert(space, text, link):
    """Mail `text` at once to the moderators of `space` who asked for it; returns how many."""
    told = 0
    in_digest = NotificationSettings.objects.filter(moderation_alerts_at_once=False)
    for moderator in permissions.moderators_of(space).exclude(pk__in=in_digest.values("user")):
        if not moderator.email:
            continue
        subject = gettext("À modérer dans l’espace « %(space)s »") % {"space": space.name}
        compose(
            moderator.email,
            subject,
            text,
            name=moderator.first_name,
            actions=[link],
            subscription=unsubscribing.subscription_of(moderator),
        ).send()
        told += 1
    return told


def digest_section(user):
    """The Markdown of what waits for `user` as a moderator, for their digest ('' if nothing)."""
    work = waiting_work(user)
    if not work:
        return ""
    lines = [f"### {gettext('À modérer')}", ""]
    for item in work:
        lines.append(f"- {item.space.name} : {item.summary()}")
        # Join requests are answered on their own page; the queue holds posts and reports.
        if item.requests:
            answer = gettext("Répondre aux demandes d’adhésion")
            url = absolute(reverse("forums:join_requests", args=[item.space.slug]))
            lines.append(f"    - {answer} : {url}")
        if item.held_posts or item.reports:
            queue = _queue_link(item.space)
            lines.append(f"    - {queue.label} : {queue.url}")
    return "\n".join(lines)
