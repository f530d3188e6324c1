"""What the peer-exchange spaces add to the observatory: their topics turned into sheets."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from forums.models import Topic
from practices.observatory import sources
from practices.observatory.measurements import figures_changed


def capitalised_topics(sheets):
    return Topic.objects.filter(capitalised_as__in=sheets).count()


SOURCES = [
    sources.Source(
        key="forum_topics",
        label=_("Sujets des espaces d’échange transformés en fiches action"),
        count=capitalised_topics,
        note=_(
            "Les espaces d’échange ne sont comptés qu’en totaux ; un total inférieur à 5 "
            "n’est pas affiché."
        ),
    )
]


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def topic_changed(sender, instance, **kwargs):
    if instance.capitalised_as_id:
        figures_changed()
