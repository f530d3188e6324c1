"""Telling people about new posts: in the site at once, by e-mail sparingly.

E-mail is what forum users complain about most, so by default a post reaches
someone's mailbox only in their digest (daily at 7:00 or weekly on Monday at
7:00, grouped by topic, newest first). Those who ask for it also get an
immediate mail when they are mentioned or answered, within a daily cap. Every
mail is built at sending time from what the reader may still read and has not
read yet, and carries a one-click unsubscribe (RFC 8058).
"""

from datetime import datetime, time, timedelta
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from forums import moderator_alerts, permissions, unsubscribing
from forums.models import Follow, Notification, NotificationSettings, Post, SentMail
from forums.templatetags.forums_tags import post_author
from kb.mail import Link, compose
from kb.markup import MENTION
from kb.site_url import absolute

Reason = Notification.Reason
Digest = NotificationSettings.Digest
DIGEST_TIME = time(7, 0)
WEEKLY_DIGEST_WEEKDAY = 0  # Monday
# Immediate mails a day; the digest comes on top, so nobody gets more than five mails a day.
MAX_IMMEDIATE_MAILS_PER_DAY = 4
EXCERPT_LENGTH = 600


# --- following ----------------------------------------------------------------


def follow(user, *, space=None, topic=None):
    Follow.objects.get_or_create(user=user, space=space, topic=topic)


def unfollow(user, *, space=None, topic=None):
    Follow.objects.filter(user=user, space=space, topic=topic).delete()


def follows(user, *, space=None, topic=None):
    return Follow.objects.filter(user=user, space=space, topic=topic).exists()


def settings_of(user):
    return NotificationSettings.objects.get_or_create(user=user)[0]


# --- new posts ----------------------------------------------------------------


def mentioned_users(post):
    names = set(MENTION.findall(post.body))
    return get_user_model().objects.filter(username__in=names) if names else []


def recipients_of(post):
    """{user: reason} of who should hear about `post`, the strongest reason kept."""
    topic = post.topic
    reasons = {}
    followers = Follow.objects.filter(Q(topic=topic) | Q(space=topic.space_id))
    for follow_row in followers.select_related("user"):
        reasons[follow_row.user] = Reason.FOLLOWED
    if topic.author is not None:
        reasons[topic.author] = Reason.REPLY
    for user in mentioned_users(post):
        reasons[user] = Reason.MENTION
    reasons.pop(post.author, None)
    # Who reads a published post is who reads its space: two queries however many follow it.
    if not reasons or not Post.objects.published().filter(pk=post.pk).exists():
        return {}
    readers = set(
        permissions.space_readers(topic.space)
        .filter(pk__in=[user.pk for user in reasons])
        .values_list("pk", flat=True)
    )
    return {user: reason for user, reason in reasons.items() if user.pk in readers}


def post_published(post, now=None):
    """Record who should hear about a post just published; mail those who asked to be told at
    once. Call it once the post is committed and readable."""
    now = now or timezone.now()
    recipients = recipients_of(post)
    Notification.objects.bulk_create(
        [
            Notification(recipient=user, post=post, reason=reason, created_at=now)
            for user, reason in recipients.items()
        ],
        ignore_conflicts=True,
    )
    for user, reason in recipients.items():
        if reason in (Reason.MENTION, Reason.REPLY) and settings_of(user).immediate:
            send_immediate(user, post, reason, now)


def deliverable(notifications, user):
    """The notifications whose post `user` may still read, published: a post hidden or
    withdrawn since is no more news, even to the moderators who read it."""
    return notifications.filter(permissions.readable_published_post(user, via="post__"))


def unread_count(user):
    return deliverable(
        Notification.objects.filter(recipient=user, read_at__isnull=True), user
    ).count()


def mark_topic_read(user, topic, now=None):
    Notification.objects.filter(recipient=user, post__topic=topic, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


# --- e-mail -------------------------------------------------------------------


def message_to(user, subject, content, now, actions=()):
    """A mail of the spaces to `user`, counted against their daily cap."""
    SentMail.objects.create(user=user, sent_at=now)
    return compose(
        user.email,
        subject,
        content,
        name=user.first_name,
        actions=actions,
        subscription=unsubscribing.subscription_of(user),
    )


def excerpt(markdown, limit=EXCERPT_LENGTH):
    """The first lines of a post's Markdown, whole lines up to about `limit` characters, so
    that lists and paragraphs keep their shape."""
    kept, length = [], 0
    for line in markdown.strip().splitlines():
        if length and length + len(line) > limit:
            kept.append("…")
            break
        kept.append(line)
        length += len(line)
    return "\n".join(kept)


def describe(post, with_link=True):
    """A post as a reader of the mail sees it (Markdown): who (anonymity kept), its first
    lines quoted, a link."""
    quoted = "\n".join(f"> {line}".rstrip() for line in excerpt(post.body).splitlines())
    parts = [f"**{post_author(post)}** :", quoted]
    if with_link:
        parts.append(absolute(post.get_absolute_url()))
    return "\n\n".join(parts) + "\n"


def send_immediate(user, post, reason, now):
    since = now - timedelta(days=1)
    immediate_today = SentMail.objects.filter(user=user, sent_at__gt=since).count()
    if immediate_today >= MAX_IMMEDIATE_MAILS_PER_DAY or not user.email:
        return False
    notification = Notification.objects.filter(recipient=user, post=post, mailed_at__isnull=True)
    if not notification.update(mailed_at=now):
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            gettext("%(space)s : on vous mentionne dans « %(topic)s »")
            if reason == Reason.MENTION
            else gettext("%(space)s : nouvelle réponse à « %(topic)s »")
        ) % {"space": post.topic.space.name, "topic": post.topic.title}
        read = Link(gettext("Lire et répondre"), absolute(post.get_absolute_url()))
        message_to(user, subject, describe(post, with_link=False), now, [read]).send()
    return True


def last_digest_slot(frequency, now):
    """The most recent moment a digest of `frequency` was due, at or before `now`."""
    local = timezone.localtime(now)
    slot = timezone.make_aware(datetime.combine(local.date(), DIGEST_TIME), local.tzinfo)
    if slot > local:
        slot -= timedelta(days=1)
    if frequency == Digest.WEEKLY:
        slot -= timedelta(days=(slot.weekday() - WEEKLY_DIGEST_WEEKDAY) % 7)
    return slot


def digest_is_due(preferences, now):
    if preferences.digest == Digest.NEVER:
        return False
    slot = last_digest_slot(preferences.digest, now)
    return preferences.last_digest_at is None or preferences.last_digest_at < slot


def send_digest(preferences, now):
    """Mail one person their digest if anything awaits; returns whether a mail left."""
    user = preferences.user
    waiting = deliverable(
        Notification.objects.filter(
            recipient=user, mailed_at__isnull=True, read_at__isnull=True, created_at__lte=now
        ),
        user,
    ).select_related("post__topic__space", "post__author")
    notifications = sorted(
        waiting, key=lambda n: (n.post.topic_id, n.post.created_at), reverse=True
    )
    preferences.last_digest_at = now
    preferences.save(update_fields=["last_digest_at"])
    with translation.override(settings.LANGUAGE_CODE):
        moderation = moderator_alerts.digest_section(user)
    if not (notifications or moderation) or not user.email:
        return False
    # Topics in the order of their newest post, posts newest first within each.
    by_topic = [
        list(posts) for _topic, posts in groupby(notifications, key=lambda n: n.post.topic_id)
    ]
    by_topic.sort(key=lambda group: group[0].post.created_at, reverse=True)
    with translation.override(settings.LANGUAGE_CODE):
        count = len(notifications)
        subject = (
            ngettext(
                "Votre récapitulatif : %(count)s nouveau message",
                "Votre récapitulatif : %(count)s nouveaux messages",
                count,
            )
            % {"count": count}
            if count
            else gettext("Votre récapitulatif : des demandes attendent la modération")
        )
        sections = [moderation] if moderation else []
        for group in by_topic:
            topic = group[0].post.topic
            heading = f"### {topic.title} ({topic.space.name})"
            sections.append("\n\n".join([heading, *(describe(n.post) for n in group)]))
        message_to(user, subject, "\n\n".join(sections), now).send()
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(mailed_at=now)
    return True


def send_due_digests(now=None):
    """Send every digest that is due; safe to run as often as wanted. Returns mails sent."""
    now = now or timezone.now()
    sent = 0
    for preferences in NotificationSettings.objects.exclude(digest=Digest.NEVER).select_related(
        "user"
    ):
        if digest_is_due(preferences, now) and send_digest(preferences, now):
            sent += 1
    return sent
