"""Training pages show their sessions and free seats: a change there is a change readers see."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from kb.content_version import content_changed
from practices.models import TrainingRegistration, TrainingSession


@receiver(post_save, sender=TrainingSession)
@receiver(post_delete, sender=TrainingSession)
@receiver(post_save, sender=TrainingRegistration)
@receiver(post_delete, sender=TrainingRegistration)
def seats_changed(sender, **kwargs):
    content_changed()
