"""Every forum change that affects what is searchable asks the index to follow.

A change of who may read a post (its topic moved, its space's visibility changed,
the post withdrawn or hidden) reaches the index before the request answers; other
changes go through the search worker.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from forums.models import Post, Space, Topic
from forums.search import post_key, space_keys, topic_keys
from search.indexing import refresh_after_commit, refresh_now_after_commit

# Saves of these fields change who may read the posts concerned.
READERS_OF_POST = {"status", "deleted_at", "topic"}
READERS_OF_TOPIC = {"space"}


def changes_readers(update_fields, fields):
    """A save of every field (`update_fields` None) may change anything."""
    return update_fields is None or bool(fields & set(update_fields))


@receiver(post_save, sender=Post)
def refresh_post(sender, instance, created, update_fields=None, **kwargs):
    if not created and changes_readers(update_fields, READERS_OF_POST):
        refresh_now_after_commit([post_key(instance.pk)])
    else:
        refresh_after_commit([post_key(instance.pk)])


@receiver(post_delete, sender=Post)
def remove_post(sender, instance, **kwargs):
    refresh_now_after_commit([post_key(instance.pk)])


@receiver(post_save, sender=Topic)
def refresh_topic(sender, instance, created, update_fields=None, **kwargs):
    # A new topic has no post yet; a renamed or moved one changes all its posts.
    if created:
        return
    if changes_readers(update_fields, READERS_OF_TOPIC):
        refresh_now_after_commit(topic_keys(instance))
    else:
        refresh_after_commit(topic_keys(instance))


@receiver(post_save, sender=Space)
def refresh_space(sender, instance, created, **kwargs):
    if not created:
        refresh_now_after_commit(space_keys(instance))
