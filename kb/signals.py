from django.dispatch import receiver
from wagtail.signals import page_published

from kb.jobs import enqueue_after_commit
from kb.tasks import print_page_pdf


@receiver(page_published)
def reprint_pdf(sender, instance, **kwargs):
    printed_page = getattr(instance.specific, "printed_page", None)
    target = printed_page() if printed_page else None
    if target is not None:
        enqueue_after_commit(print_page_pdf, target.pk)
