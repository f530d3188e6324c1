"""Opening a topic and replying, with the rules that keep a space calm.

A post waits for a moderator when the space is pre-moderated or while its
author is new there (their first posts in the space). Daily caps stop a new
account from flooding and grow once a member has posts accepted.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums import attachments, moderator_alerts, notifications, permissions
from forums.errors import Refusal
from forums.models import Post, PostRevision, Topic

Status = Post.Status
# Posts of a member in a space that a moderator reviews before anyone reads them.
REVIEWED_FIRST_POSTS = 2
# Posts a day: for members with fewer than TRUSTED_AFTER published posts, then for the others.
NEW_MEMBER_DAILY_CAP = 10
TRUSTED_DAILY_CAP = 50
TRUSTED_AFTER = 10


class PostingError(Refusal):
    message = _("Ce message n’a pas pu être publié.")


class NotAllowedToPost(PostingError):
    message = _("Seuls les membres de l’espace peuvent y écrire.")


class Barred(PostingError):
    message = _(
        "La modération de l’espace a suspendu votre participation ou vous en a exclu : vous "
        "ne pouvez pas y écrire."
    )


class TopicLocked(PostingError):
    message = _("Ce sujet est verrouillé : il n’accepte plus de réponse.")


class DailyCapReached(PostingError):
    message = _(
        "Vous avez atteint le nombre maximal de messages pour aujourd’hui. Vous pourrez "
        "écrire à nouveau demain."
    )


def published_count(user):
    return Post.objects.filter(author=user, status=Status.PUBLISHED).count()


def daily_cap(user):
    return TRUSTED_DAILY_CAP if published_count(user) >= TRUSTED_AFTER else NEW_MEMBER_DAILY_CAP


def check_daily_cap(user):
    since = timezone.now() - timedelta(days=1)
    if Post.objects.filter(author=user, created_at__gte=since).count() >= daily_cap(user):
        raise DailyCapReached


def status_of_new_post(space, user, rights=None):
    """`rights`: `user`'s `permissions.standing` in `space`, when the caller has it."""
    if (rights or permissions.standing(user, space)).moderates:
        return Status.PUBLISHED
    if space.premoderated:
        return Status.PENDING
    accepted = Post.objects.filter(author=user, topic__space=space, status=Status.PUBLISHED).count()
    return Status.PENDING if accepted < REVIEWED_FIRST_POSTS else Status.PUBLISHED


def will_be_held(space, user, rights=None):
    """Whether the next post of `user` in `space` waits for a moderator (said on the form)."""
    return status_of_new_post(space, user, rights) == Status.PENDING


def check_may_write(space, user):
    """Every write in a space (new post, edit) asks here; withdrawing a post asks `Barred`.
    The refusals say which of `permissions.may_write_in` failed."""
    rights = permissions.standing(user, space)
    if rights.barred:
        raise Barred
    if not rights.posts:
        raise NotAllowedToPost


def is_open_to(topic, user, rights=None):
    """A locked topic takes no more replies, but from its space's moderators."""
    return not topic.locked or (rights or permissions.standing(user, topic.space)).moderates


def may_reply(topic, user, rights=None):
    """Whether to offer `user` to reply to `topic` (the daily cap is told when reached).
    `rights`: `user`'s `permissions.standing` in the topic's space, when the caller has it."""
    rights = rights or permissions.standing(user, topic.space)
    return rights.writes and is_open_to(topic, user, rights)


def check_may_post(space, user):
    check_may_write(space, user)
    check_daily_cap(user)


def start_topic(space, user, *, title, body, anonymous=False, attachment=None):
    check_may_post(space, user)
    with transaction.atomic():
        topic = Topic.objects.create(space=space, author=user, title=title.strip())
        post = Post.objects.create(
            topic=topic,
            author=user,
            body=body,
            anonymous=anonymous,
            status=status_of_new_post(space, user),
        )
        if attachment is not None:
            attachments.attach(post, attachment)
        after_writing(post)
    return topic, post


def reply(topic, user, *, body, anonymous=False, attachment=None):
    check_may_post(topic.space, user)
    if not is_open_to(topic, user):
        raise TopicLocked
    with transaction.atomic():
        post = Post.objects.create(
            topic=topic,
            author=user,
            body=body,
            anonymous=anonymous,
            status=status_of_new_post(topic.space, user),
        )
        if attachment is not None:
            attachments.attach(post, attachment)
        if post.status == Status.PUBLISHED:
            Topic.objects.filter(pk=topic.pk).update(last_activity_at=post.created_at)
        after_writing(post)
    return post


def after_writing(post):
    """Authors follow the topics they write in; readers hear of the post once it is public,
    moderators at once when it waits for them."""
    notifications.follow(post.author, topic=post.topic)
    if post.status == Status.PUBLISHED:
        transaction.on_commit(lambda: notifications.post_published(post))
    else:
        moderator_alerts.post_held(post)


def quoted(post):
    """The Markdown that quotes `post` at the top of a reply."""
    lines = post.body.strip().splitlines() or [""]
    return "\n".join(f"> {line}" for line in lines) + "\n\n"


class NotYourPost(PostingError):
    message = _("Seul l’auteur d’un message peut le modifier ou le supprimer.")


def edit(post, user, *, body):
    """Replace a post's text, keeping the previous one for moderators. A post the moderation
    hid goes back to it once rewritten: the mail that told its author invites them to."""
    if not permissions.is_own_post(user, post):
        raise NotYourPost
    check_may_write(post.topic.space, user)
    if body == post.body:
        return post
    with transaction.atomic():
        PostRevision.objects.create(post=post, body=post.body)
        post.body = body
        post.edited_at = timezone.now()
        changed = ["body", "edited_at"]
        if post.status == Status.HIDDEN:
            post.status = Status.PENDING
            changed.append("status")
            moderator_alerts.post_held(post)
        post.save(update_fields=changed)
    return post


def delete(post, user):
    """Withdraw one's own post; it stays in the database, marked, for the moderation log."""
    if not permissions.is_own_post(user, post):
        raise NotYourPost
    if permissions.is_barred_from(user, post.topic.space):
        raise Barred
    post.deleted_at = timezone.now()
    post.save(update_fields=["deleted_at"])
