"""Items to read next, for the "Contenus proches" box of sheets, experiments and trainings.

The backend's documents like the page, among those the reader may see in the
page's language: with an engine, by their words, tags and themes
(`more_like_this`); in the database, by their shared themes and tags. When the
engine cannot be reached, or the index finds nothing, the theme and tag overlap
of `practices.related`.
"""

import logging

from wagtail.models import Page

from practices.kinds import KIND_MODELS
from practices.related import related_pages as shared_terms_related
from search.backends import get_backend
from search.engine_client import SearchEngineUnavailable
from search.extraction import page_key
from search.indexing import page_ids
from search.query import SearchRequest, visibility_for

logger = logging.getLogger(__name__)


def pages_for(keys):
    """Live public sheets, experiments and trainings of `keys`, in that order.

    The index holds every kind of page; the box names the kind of each item, and
    only these three have one. A stale index entry is left out too.
    """
    ids = page_ids(keys)
    pages = (
        Page.objects.live()
        .public()
        .type(*KIND_MODELS.values())
        .filter(pk__in=ids, alias_of__isnull=True)
        .specific()
    )
    by_id = {page.pk: page for page in pages}
    return [by_id[page_id] for page_id in ids if page_id in by_id]


def related_pages(page, user, limit=3):
    request = SearchRequest(
        language=page.locale.language_code, visibility=tuple(visibility_for(user))
    )
    try:
        keys = get_backend().related(request, page_key(page.pk), limit)
    except SearchEngineUnavailable as error:
        logger.warning("Search engine unreachable, related content from shared terms: %s", error)
    else:
        found = pages_for(keys)
        if found:
            return found
    return shared_terms_related(page, count=limit)
