"""Turns a page into its flat search document.

The text that is searched is what each model declares in `search_fields`
(Wagtail's own declaration), so a new field becomes searchable in one place.

A rebuild reads tens of thousands of pages: what a document needs beyond the
page's own fields (taxonomy, tags, territories, sessions, language, view
restrictions) is read by a `Batch`, one query per relation for many pages, and
`page_document(page)` is simply a batch of one, so both give the same document.
"""

import re
from collections import defaultdict
from html import unescape
from itertools import islice
from typing import NamedTuple
from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.search import index

from kb.models import ContentPage, GuideChapterPage, GuidePage, SeminarPage
from kb.models.taxonomy import territory_codes
from practices.models import (
    ExperimentPage,
    PracticeSheetPage,
    TrainingOfferPage,
    TrainingSession,
)
from practices.models.base import CapitalisedPage

PUBLIC = "public"

DOC_TYPES = {
    PracticeSheetPage: "practice_sheet",
    ExperimentPage: "experiment",
    TrainingOfferPage: "training",
    ContentPage: "content",
    SeminarPage: "seminar",
    GuidePage: "guide",
    GuideChapterPage: "guide_chapter",
}

# Keys of StreamField data that are settings, not words a reader would search.
BLOCK_SETTINGS = {"id", "type", "level"}
HTML_TAG = re.compile(r"<[^>]+>")

# Evaluated practices are the ones others can most safely reuse.
EVALUATED_BOOST = 1.2
# Taxonomy relations of capitalised pages, indexed by their terms' slugs.
TERM_RELATIONS = ["themes", "audiences", "establishment_types"]
BATCH_SIZE = 500
# What Wagtail's `wagtail_serve` route accepts after the site root: slugs, each with its slash.
SERVED_PATH = re.compile(r"(?:[\w\-]+/)*")
# The characters `reverse()` leaves unquoted in a path (RFC 3986 `pchar`).
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


class Area(NamedTuple):
    """What `territory_codes()` reads of a région or a département, without a model instance."""

    code: str
    region: "Area | None" = None


def within(page_field, span):
    """Filter on a page reference between the two ids of `span`, both included."""
    first, last = span
    return {f"{page_field}__gte": first, f"{page_field}__lte": last}


def page_key(page_id):
    return f"page-{page_id}"


def doc_type_of(page):
    return DOC_TYPES.get(type(page))


class ViewRestrictions:
    """Which pages a view restriction hides, for many pages at the cost of a few queries.

    The rule of `Page.get_view_restrictions()`: a restriction on the page or on
    any of its ancestors applies, and an ancestor that is an alias (a
    wagtail-localize copy) answers with the restrictions of its source page.
    """

    def __init__(self):
        self.restricted_ids = set(PageViewRestriction.objects.values_list("page_id", flat=True))
        self.pages_by_path = {}
        self.source_of_alias = {}

    def hide(self, page):
        if not self.restricted_ids:
            return False
        self.read_ancestors([page])
        return any(
            self.source(page_id, alias_of_id) in self.restricted_ids
            for page_id, alias_of_id in (
                self.pages_by_path[path] for path in ancestor_paths(page, inclusive=True)
            )
        )

    def read_ancestors(self, pages):
        """Remember the id and alias source of every ancestor of `pages` not read yet."""
        if not self.restricted_ids:
            return
        missing = {
            path
            for page in pages
            for path in ancestor_paths(page, inclusive=True)
            if path not in self.pages_by_path
        }
        rows = Page.objects.filter(path__in=missing).values_list("path", "pk", "alias_of_id")
        for path, page_id, alias_of_id in rows:
            self.pages_by_path[path] = (page_id, alias_of_id)

    def source(self, page_id, alias_of_id):
        """The page whose restrictions apply: the page itself, or the source of an alias."""
        while alias_of_id is not None:
            page_id = alias_of_id
            if page_id not in self.source_of_alias:
                self.source_of_alias[page_id] = (
                    Page.objects.filter(pk=page_id).values_list("alias_of_id", flat=True).first()
                )
            alias_of_id = self.source_of_alias[page_id]
        return page_id


def ancestor_paths(page, inclusive=False):
    """Tree paths of the page's ancestors (and its own), without a query."""
    last = page.depth if inclusive else page.depth - 1
    return [page.path[: depth * page.steplen] for depth in range(1, last + 1)]


def is_indexable(page, restrictions):
    """Live, public, real (not a wagtail-localize alias) pages of a searchable type.

    A page type may add its own rule in `is_searchable()` (only the newest edition
    of the guide is found, older ones stay readable by their address).
    """
    return (
        page.live
        and page.alias_of_id is None
        and doc_type_of(page) is not None
        and not restrictions.hide(page)
        and (not hasattr(page, "is_searchable") or page.is_searchable())
    )


def flatten(value):
    """Plain text of a field value: rich text, StreamField data, or a plain string."""
    # Strings first: they are most of the calls, the leaves of every block.
    if isinstance(value, str):
        if "<" not in value and "&" not in value:
            return value
        # Tags become spaces so that "<p>a</p><p>b</p>" reads "a b", not "ab".
        return " ".join(unescape(HTML_TAG.sub(" ", value)).split())
    if value is None:
        return ""
    if isinstance(value, dict):
        return " ".join([flatten(item) for key, item in value.items() if key not in BLOCK_SETTINGS])
    if isinstance(value, list | tuple):
        return " ".join([flatten(item) for item in value])
    if hasattr(value, "raw_data"):
        return " ".join([flatten(item) for item in value.raw_data])
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


class Batch:
    """What the documents of `pages` need beyond each page's own fields, read at once.

    One query per relation and page type, whatever the number of pages; the
    values are those the pages' own relations give (`page.themes.all()`,
    `page.territory_codes()`, `page.locale`...).
    """

    def __init__(self, pages, restrictions=None, urls=None):
        self.restrictions = restrictions or ViewRestrictions()
        self.restrictions.read_ancestors(pages)
        self.urls = urls or PageUrls(Site.get_site_root_paths())
        self.languages = dict(Locale.objects.values_list("pk", "language_code"))
        self.values = defaultdict(list)  # (relation, page id) -> slugs, names or objects
        self.first_sessions = {}
        pages_by_class = defaultdict(list)
        for page in pages:
            pages_by_class[type(page)].append(page.pk)
        for page_class, ids in pages_by_class.items():
            # Relations are read for the span of ids rather than `id IN (...)`: a rebuild's
            # batch is a run of consecutive pages of one type, and Django takes longer to
            # prepare five hundred parameters than the database to read the span. Rows of
            # pages outside the batch are read for nothing and never looked up.
            span = (min(ids), max(ids))
            if issubclass(page_class, CapitalisedPage):
                self.read_classification(page_class, span)
            if issubclass(page_class, SeminarPage):
                self.read_seminar_classification(page_class, span)
            if issubclass(page_class, TrainingOfferPage):
                sessions = TrainingSession.objects.filter(**within("offer", span)).values("offer")
                self.first_sessions.update(
                    sessions.annotate(first=Min("starts_at")).values_list("offer", "first")
                )

    def read_classification(self, page_class, span):
        for relation in TERM_RELATIONS:
            for page_id, slug in self.links(page_class, relation, span, "slug"):
                self.values[relation, page_id].append(slug)
        for page_id, code in self.links(page_class, "regions", span, "code"):
            self.values["regions", page_id].append(Area(code))
        departments = self.links(page_class, "departments", span, "code", "region__code")
        for page_id, code, region in departments:
            self.values["departments", page_id].append(Area(code, Area(region)))
        self.read_tags(page_class, span)

    def read_seminar_classification(self, page_class, span):
        """A seminar has themes and tags like a practice, and one région when it is regional."""
        for page_id, slug in self.links(page_class, "themes", span, "slug"):
            self.values["themes", page_id].append(slug)
        regional = page_class.objects.filter(**within("pk", span), region__isnull=False)
        for page_id, code in regional.values_list("pk", "region__code"):
            self.values["regions", page_id].append(Area(code))
        self.read_tags(page_class, span)

    def read_tags(self, page_class, span):
        tagged = page_class.tags.through.objects.filter(**within("content_object", span))
        for page_id, name in tagged.values_list("content_object", "tag__name"):
            self.values["tags", page_id].append(name)

    @staticmethod
    def links(page_class, relation, span, *attributes):
        """(page id, attributes of the term...) of a many-to-many relation, for pages in `span`."""
        field = page_class._meta.get_field(relation)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = field.remote_field.through.objects.filter(**within(source, span))
        return links.values_list(source, *(f"{target}__{name}" for name in attributes))

    def classification(self, page):
        if not isinstance(page, CapitalisedPage | SeminarPage):
            return {}
        terms = {relation: sorted(self.values[relation, page.pk]) for relation in TERM_RELATIONS}
        return {
            **terms,
            "territories": territory_codes(
                self.values["regions", page.pk], self.values["departments", page.pk]
            ),
            "tags": sorted(self.values["tags", page.pk]),
        }

    def year(self, page):
        if isinstance(page, TrainingOfferPage):
            first = self.first_sessions.get(page.pk)
            return first.year if first else None
        return getattr(page, "year", None)

    def url(self, page):
        return self.urls.url(page)


class PageUrls:
    """`page.get_url()` for many pages, without reversing a route for each.

    Wagtail's address of a page is its site root's language prefix, reversed
    under that language ("/fr/"), followed by the page's `url_path` below the
    root, quoted as `reverse()` quotes it. The prefix is reversed once per root
    and active language; a path the route would not accept is left to Wagtail.
    """

    def __init__(self, site_root_paths):
        self.site_root_paths = site_root_paths
        self.single_site = len({root.site_id for root in site_root_paths}) == 1
        self.prefixes = {}

    def url(self, page):
        root = next(
            (root for root in self.site_root_paths if page.url_path.startswith(root.root_path)),
            None,
        )
        below_root = page.url_path[len(root.root_path) :] if root else ""
        if root is None or not SERVED_PATH.fullmatch(below_root):
            page._wagtail_cached_site_root_paths = self.site_root_paths
            return page.get_url()
        path = self.prefix(root) + quote(below_root, safe=URL_SAFE)
        if not WAGTAIL_APPEND_SLASH and path != "/":
            path = path.rstrip("/")
        return path if self.single_site else root.root_url + path

    def prefix(self, root):
        """What `reverse("wagtail_serve")` puts before the page's path under `root`."""
        active = translation.get_language()
        key = (root, active)
        if key not in self.prefixes:
            language = root.language_code
            try:
                if get_supported_content_language_variant(active) == language:
                    language = active
            except LookupError:
                pass
            with translation.override(language):
                self.prefixes[key] = reverse("wagtail_serve", args=("",))
        return self.prefixes[key]


def page_document(page, batch=None):
    """The search document of `page`, or None when it must not be searchable."""
    page = page.specific
    batch = batch or Batch([page])
    if not is_indexable(page, batch.restrictions):
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
        **batch.classification(page),
        "status": status,
        "locale": batch.languages[page.locale_id],
        "visibility": [PUBLIC],
        "year": batch.year(page),
        "published_at": published_at.isoformat() if published_at else None,
        "updated_at": updated_at.isoformat() if updated_at else None,
        "url": batch.url(page),
        "rank_boost": EVALUATED_BOOST if status == PracticeSheetPage.Status.EVALUATED else 1.0,
    }


def page_documents(pages, batch_size=BATCH_SIZE):
    """(page, document or None) for each of `pages` (specific pages), read by batches."""
    pages = iter(pages)
    restrictions, urls = ViewRestrictions(), PageUrls(Site.get_site_root_paths())
    while chunk := list(islice(pages, batch_size)):
        batch = Batch(chunk, restrictions, urls)
        for page in chunk:
            yield page, page_document(page, batch)


# Wagtail's record of a page's editing and scheduling, which no document reads.
UNREAD_PAGE_FIELDS = [
    "numchild",
    "translation_key",
    "latest_revision",
    "has_unpublished_changes",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "draft_title",
    "slug",
    "owner",
    "latest_revision_created_at",
    "show_in_menus",
    "seo_title",
]


def unread_fields(page_class):
    """Columns a rebuild leaves unread: Wagtail's record, and the block fields that are not
    searched (easy-read versions, photos...), whose JSON took a fifth of its reading time."""
    searched = {search_field.field_name for search_field in page_class.search_fields}
    unsearched_blocks = [
        field.name
        for field in page_class._meta.concrete_fields
        if isinstance(field, StreamField) and field.name not in searched
    ]
    return UNREAD_PAGE_FIELDS + unsearched_blocks


def indexable_pages_by_type():
    """`indexable_pages()` as one query per page type, each read with its own model.

    A rebuild reads pages this way: `.specific()` reads each page twice (its
    tree row, then its type's row) and makes two objects of it. Columns no
    document needs are left unread.
    """
    for page_class in DOC_TYPES:
        content_type = ContentType.objects.get_for_model(page_class)
        yield (
            page_class.objects.live()
            .public()
            .filter(alias_of__isnull=True, content_type=content_type)
            .defer(*unread_fields(page_class))
            .order_by("pk")
        )


def indexable_pages():
    """Every page that should be in the index, for drift checks and tests."""
    types = list(DOC_TYPES)
    return (
        Page.objects.live()
        .public()
        .filter(alias_of__isnull=True)
        .type(*types)
        .specific()
        .order_by("pk")
    )
