"""Turns a page into its flat search document.

The text that is searched is what each model declares in `search_fields`
(Wagtail's own declaration), so a new field becomes searchable in one place.
"""

import re
from html import unescape

from wagtail.models import Page
from wagtail.search import index

from kb.models import ContentPage
from practices.models import ExperimentPage, PracticeSheetPage, TrainingOfferPage
from practices.models.base import CapitalisedPage

PUBLIC = "public"

DOC_TYPES = {
    PracticeSheetPage: "practice_sheet",
    ExperimentPage: "experiment",
    TrainingOfferPage: "training",
    ContentPage: "content",
}

# Keys of StreamField data that are settings, not words a reader would search.
BLOCK_SETTINGS = {"id", "type", "level"}
HTML_TAG = re.compile(r"<[^>]+>")

# Evaluated practices are the ones others can most safely reuse.
EVALUATED_BOOST = 1.2


def page_key(page_id):
    return f"page-{page_id}"


def doc_type_of(page):
    return DOC_TYPES.get(type(page))


def is_indexable(page):
    """Live, public, real (not a wagtail-localize alias) pages of a searchable type."""
    return (
        page.live
        and page.alias_of_id is None
        and doc_type_of(page) is not None
        and not page.get_view_restrictions().exists()
    )


def flatten(value):
    """Plain text of a field value: rich text, StreamField data, or a plain string."""
    if value is None:
        return ""
    if hasattr(value, "raw_data"):
        return " ".join(flatten(item) for item in value.raw_data)
    if isinstance(value, dict):
        return " ".join(flatten(item) for key, item in value.items() if key not in BLOCK_SETTINGS)
    if isinstance(value, list | tuple):
        return " ".join(flatten(item) for item in value)
    if isinstance(value, str):
        # Tags become spaces so that "<p>a</p><p>b</p>" reads "a b", not "ab".
        return " ".join(unescape(HTML_TAG.sub(" ", value)).split())
    return ""


def body_text(page):
    skipped = {"title", "summary", "intro"}
    parts = []
    for search_field in page.search_fields:
        if isinstance(search_field, index.SearchField) and search_field.field_name not in skipped:
            value = getattr(page, search_field.field_name, None)
            if value is not None and not callable(value):
                parts.append(flatten(value))
    return "\n".join(part for part in parts if part)


def classification(page):
    if not isinstance(page, CapitalisedPage):
        return {}
    return {
        "themes": sorted(theme.slug for theme in page.themes.all()),
        "audiences": sorted(audience.slug for audience in page.audiences.all()),
        "establishment_types": sorted(kind.slug for kind in page.establishment_types.all()),
        "territories": page.territory_codes(),
        "tags": sorted(tag.name for tag in page.tags.all()),
    }


def year_of(page):
    if isinstance(page, TrainingOfferPage):
        first = page.sessions.order_by("starts_at").first()
        return first.starts_at.year if first else None
    return getattr(page, "year", None)


def page_document(page):
    """The search document of `page`, or None when it must not be searchable."""
    page = page.specific
    if not is_indexable(page):
        return None
    summary = getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description
    status = getattr(page, "status", "")
    # Readers date an item by its first publication; re-publishing a fix must not make it
    # look new. The last publication tells the drift check that the document changed.
    published_at = page.first_published_at or page.last_published_at
    updated_at = page.last_published_at or published_at
    return {
        "key": page_key(page.pk),
        "doc_type": doc_type_of(page),
        "title": page.title,
        "summary": flatten(summary),
        "body": body_text(page),
        "tags": [],
        "themes": [],
        "audiences": [],
        "establishment_types": [],
        "territories": [],
        **classification(page),
        "status": status,
        "locale": page.locale.language_code,
        "visibility": [PUBLIC],
        "year": year_of(page),
        "published_at": published_at.isoformat() if published_at else None,
        "updated_at": updated_at.isoformat() if updated_at else None,
        "url": page.get_url(),
        "rank_boost": EVALUATED_BOOST if status == PracticeSheetPage.Status.EVALUATED else 1.0,
    }


def indexable_pages():
    """Every page that should be in the index, for rebuilds and drift checks."""
    types = list(DOC_TYPES)
    return (
        Page.objects.live()
        .public()
        .filter(alias_of__isnull=True)
        .type(*types)
        .specific()
        .order_by("pk")
    )
