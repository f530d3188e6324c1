"""Training pages show their sessions and free seats: a change there is a change readers see.

Editors change sessions now and then: every kept page may show them (lists give the
dates of the next session). Members register and withdraw all day long: only the
page of the training shows its free seats, so a registration changes that part of it
(`registrations.seats_part`), unless its session is already held, whose participants
the training figures count.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from kb.content_version import content_changed, part_changed
from practices.models import TrainingRegistration, TrainingSession
from practices.registrations import seats_part


@receiver(post_save, sender=TrainingSession)
@receiver(post_delete, sender=TrainingSession)
def sessions_changed(sender, **kwargs):
    content_changed()


@receiver(post_save, sender=TrainingRegistration)
@receiver(post_delete, sender=TrainingRegistration)
def seats_changed(sender, instance, **kwargs):
    session = instance.session
    part_changed(seats_part(session.offer))
    if session.is_past:
        content_changed()
