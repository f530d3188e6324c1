"""Every forum change that affects what is searchable asks the index to follow."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from forums.models import Post, Space, Topic
from forums.search import post_key, space_keys, topic_keys
from search.indexing import refresh_after_commit


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def refresh_post(sender, instance, **kwargs):
    refresh_after_commit([post_key(instance.pk)])


@receiver(post_save, sender=Topic)
def refresh_topic(sender, instance, created, **kwargs):
    # A new topic has no post yet; a renamed or moved one changes all its posts.
    if not created:
        refresh_after_commit(topic_keys(instance))


@receiver(post_save, sender=Space)
def refresh_space(sender, instance, created, **kwargs):
    if not created:
        refresh_after_commit(space_keys(instance))
