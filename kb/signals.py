from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from kb.background_jobs import enqueue_after_commit
from kb.content_version import content_changed
from kb.models import FooterSettings
from kb.models.taxonomy import TaxonomyTerm, Territory
from kb.tasks import print_page_pdf

# Rows that pages show or that decide who sees a page. A page's own rows count
# through its publication, unpublication, move or deletion: drafts, which no
# reader sees, leave the cache alone.
SHOWN_TO_THE_PUBLIC = (
    Locale,
    PageViewRestriction,
    TaxonomyTerm,
    Territory,
    Tag,
    FooterSettings,
    get_document_model(),
)


@receiver(page_published)
def reprint_pdf(sender, instance, **kwargs):
    printed_page = getattr(instance.specific, "printed_page", None)
    target = printed_page() if printed_page else None
    if target is not None:
        enqueue_after_commit(print_page_pdf, target.pk)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    content_changed()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()


@receiver(post_save)
@receiver(post_delete)
def shown_data_changed(sender, instance, **kwargs):
    if isinstance(instance, SHOWN_TO_THE_PUBLIC):
        content_changed()
