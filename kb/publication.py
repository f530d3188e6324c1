"""Which pages a channel open to anyone (feeds, sitemap, API, open data) may show.

Every such channel starts from `public_pages()`, so that one rule keeps drafts,
unpublished pages, pages under a view restriction (password, signed-in people,
groups) and wagtail-localize aliases (untranslated copies of another
language's page) out of all of them at once. Forum spaces are not pages: they
never reach these channels. Documents follow `restricted_collections()`: one
in a collection under a view restriction is never listed nor named.
"""

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page


def public_pages(model=Page):
    """Live pages with no view restriction on them or an ancestor, aliases left out."""
    return model.objects.live().public().filter(alias_of__isnull=True)


def public_pages_of_locale(locale: Locale, models=()):
    """The public pages of one language, of the given page types when any are named."""
    pages = public_pages().filter(locale=locale)
    return pages.type(*models) if models else pages


def restricted_collections():
    """Collections under a view restriction, and everything below them."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    ).values_list("path", flat=True)
    below = Q(pk__in=[])
    for path in paths:
        below |= Q(path__startswith=path)
    return Collection.objects.filter(below)
