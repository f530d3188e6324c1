"""What the spaces announce when their posts change, for whoever keeps a copy of them.

`posts_changed` is sent with the ids of the posts concerned and whether who may
read them changed (`readers_changed`: the post hidden, withdrawn or moved, its
space's visibility changed): such a change must reach the copies before the
request answers, the others may follow later. Saves of posts, topics and spaces
send it from here; moderation sends it for the posts it changes in one UPDATE,
which Django's model signals do not see.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from forums.models import Post, Space, Topic

posts_changed = Signal()

# Saves of these fields change who may read the posts concerned.
READERS_OF_POST = {"status", "deleted_at", "topic"}
READERS_OF_TOPIC = {"space"}


def changes_readers(update_fields, fields):
    """A save of every field (`update_fields` None) may change anything."""
    return update_fields is None or bool(fields & set(update_fields))


def announce(post_ids, *, readers_changed):
    posts_changed.send(sender=Post, post_ids=list(post_ids), readers_changed=readers_changed)


@receiver(post_save, sender=Post)
def post_saved(sender, instance, created, update_fields=None, **kwargs):
    readers_changed = not created and changes_readers(update_fields, READERS_OF_POST)
    announce([instance.pk], readers_changed=readers_changed)


@receiver(post_delete, sender=Post)
def post_deleted(sender, instance, **kwargs):
    announce([instance.pk], readers_changed=True)


@receiver(post_save, sender=Topic)
def topic_saved(sender, instance, created, update_fields=None, **kwargs):
    # A new topic has no post yet; a renamed or moved one changes all its posts.
    if created:
        return
    post_ids = instance.posts.values_list("pk", flat=True)
    announce(post_ids, readers_changed=changes_readers(update_fields, READERS_OF_TOPIC))


@receiver(post_save, sender=Space)
def space_saved(sender, instance, created, **kwargs):
    if not created:
        post_ids = Post.objects.filter(topic__space=instance).values_list("pk", flat=True)
        announce(post_ids, readers_changed=True)
