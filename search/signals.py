"""Every change that affects what is searchable asks the index to follow."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from forums.search import post_key
from forums.signals import posts_changed
from kb.content_version import content_changed
from kb.models import Audience, Department, EstablishmentType, GuidePage, Region, Theme
from practices.models import TrainingSession
from search.backends import get_backend
from search.backends.opensearch_concepts import Classifications
from search.extraction import DOC_TYPES, page_key
from search.filter_expressions import Territories
from search.indexing import (
    rebuild_after_commit,
    refresh_after_commit,
    refresh_now_after_commit,
    subtree_keys,
)
from search.models import PromotedResult, SynonymGroup


@receiver(page_published)
@receiver(page_unpublished)
def refresh_page(sender, instance, **kwargs):
    refresh_after_commit([page_key(instance.pk)])


@receiver(page_published, sender=GuidePage)
@receiver(page_unpublished, sender=GuidePage)
def refresh_every_edition(sender, instance, **kwargs):
    """A new edition makes the previous one unsearchable, and unpublishing it does the reverse."""
    keys = []
    for edition in GuidePage.objects.sibling_of(instance, inclusive=True):
        keys += subtree_keys(edition)
    refresh_after_commit(keys)


@receiver(post_delete)
def remove_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        refresh_after_commit([page_key(instance.pk)])


@receiver(post_page_move)
@receiver(page_slug_changed)
def refresh_moved_subtree(sender, instance, **kwargs):
    refresh_after_commit(subtree_keys(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def refresh_restricted_subtree(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_after_commit(subtree_keys(page))


@receiver(post_save, sender=TrainingSession)
@receiver(post_delete, sender=TrainingSession)
def refresh_training_offer(sender, instance, **kwargs):
    refresh_after_commit([page_key(instance.offer_id)])


@receiver(posts_changed)
def refresh_forum_posts(sender, post_ids, readers_changed, **kwargs):
    """A change of who may read a post leaves search results before the request answers."""
    keys = [post_key(pk) for pk in post_ids]
    (refresh_now_after_commit if readers_changed else refresh_after_commit)(keys)


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def apply_new_synonyms(sender, instance, raw=False, **kwargs):
    # Rows loaded from a fixture (`raw`) come with a rebuild of their own, by command.
    if not raw and get_backend().synonyms_in_index:
        rebuild_after_commit()


# The relation of the indexed pages to each term or territory they show by name.
CLASSIFICATION_RELATIONS = {
    Theme: "themes",
    Audience: "audiences",
    EstablishmentType: "establishment_types",
    Region: "regions",
    Department: "departments",
}


def names_read_by_search(receiver_function):
    """Connect `receiver_function` to the saving and deleting of every term and territory."""
    for model in CLASSIFICATION_RELATIONS:
        post_save.connect(receiver_function, sender=model)
        post_delete.connect(receiver_function, sender=model)
    return receiver_function


@names_read_by_search
def forget_names(sender, **kwargs):
    """Searches read the names again, in this process at once, in others within a minute."""
    territory = sender in (Region, Department)
    (Territories if territory else Classifications).load.cache_clear()


@receiver(post_save, sender=Theme)
@receiver(post_save, sender=Audience)
@receiver(post_save, sender=EstablishmentType)
@receiver(post_save, sender=Region)
@receiver(post_save, sender=Department)
def refresh_pages_showing_the_name(sender, instance, created=False, raw=False, **kwargs):
    """A renamed term or territory: the documents that carry its name (`labels`) follow."""
    if created or raw:
        return
    relation = CLASSIFICATION_RELATIONS[sender]
    conditions = [{relation: instance}]
    if sender is Region:
        # A département's pages show its région's name too.
        conditions.append({"departments__region": instance})
    keys = []
    for page_class in DOC_TYPES:
        names = {field.name for field in page_class._meta.get_fields()}
        for condition in conditions:
            if next(iter(condition)).split("__")[0] not in names:
                continue
            for page in page_class.objects.filter(**condition).distinct():
                # Guide chapters take their edition's classification.
                keys += subtree_keys(page) if isinstance(page, GuidePage) else [page_key(page.pk)]
    refresh_after_commit(keys)


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
@receiver(post_save, sender=PromotedResult)
@receiver(post_delete, sender=PromotedResult)
def search_answers_changed(sender, **kwargs):
    """The thesaurus and editors' picks change what a search finds: kept searches go."""
    content_changed()
