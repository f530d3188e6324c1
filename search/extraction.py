"""Turns a page into its flat search document.

The text that is searched is what each model declares in `search_fields`
(Wagtail's own declaration), so a new field becomes searchable in one place.

A rebuild reads tens of thousands of pages: what a document needs beyond the
page's own fields (taxonomy, tags, territories, sessions, language, view
restrictions) is read by a `Batch`, one query per relation for many pages, and
`page_document(page)` is simply a batch of one, so both give the same document.

Filters read the taxonomy by slug and code; search reads it by the words a
visitor sees on the page, in the page's language (`labels`): theme « Répit »,
establishment type « MAS » and « maison d’accueil spécialisée », « Hérault ».
"""

import re
from collections import defaultdict
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

from kb.models import (
    Audience,
    ContentPage,
    EstablishmentType,
    GuideChapterPage,
    GuidePage,
    SeminarPage,
    Theme,
)
from kb.models.taxonomy import labels_of, territory_codes
from kb.text import flatten
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

# Evaluated practices are the ones others can most safely reuse.
EVALUATED_BOOST = 1.2
# Taxonomy relations of capitalised pages, indexed by their terms' slugs, and their models.
TERM_MODELS = {"themes": Theme, "audiences": Audience, "establishment_types": EstablishmentType}
TERM_RELATIONS = list(TERM_MODELS)
BATCH_SIZE = 500
# What Wagtail's `wagtail_serve` route accepts after the site root: slugs, each with its slash.
SERVED_PATH = re.compile(r"(?:[\w\-]+/)*")
# The characters `reverse()` leaves unquoted in a path (RFC 3986 `pchar`).
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


class Area(NamedTuple):
    """What `territory_codes()` reads of a région or a département, without a model
    instance, and its names (`Territory.display_name`)."""

    code: str
    region: "Area | None" = None
    name: str = ""
    name_en: str = ""

    def label(self, language):
        """The area's name as a page in `language` shows it."""
        return area_label(self.name, self.name_en, language)


def area_label(name, name_en, language):
    """`Territory.display_name` in `language` rather than in the active language."""
    return name_en if name_en and language.startswith("en") else name


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


def body_text(page):
    skipped = {"title", "summary", "intro"}
    parts = []
    for search_field in page.search_fields:
        if isinstance(search_field, index.SearchField) and search_field.field_name not in skipped:
            value = getattr(page, search_field.field_name, None)
            if value is not None and not callable(value):
                parts.append(flatten(value))
    return "\n".join(part for part in parts if part)


class Vocabulary:
    """The words of taxonomy terms in each language, each model read once (a few dozen
    rows) for every batch of a rebuild.

    Pages link to the source-language terms; a page shows each term's translation in its
    own language when there is one (`kb.models.taxonomy.localized_terms`), else the term.
    """

    def __init__(self):
        self.terms = {}  # model -> {term id: (translation key, locale id, words)}
        self.translations = {}  # model -> {(translation key, locale id): words}

    def words(self, model, term_id, locale_id):
        """The term's name (and acronym, if it has one) in the language of `locale_id`."""
        if model not in self.terms:
            self.read(model)
        if term_id not in self.terms[model]:
            return []
        key, _locale_id, words = self.terms[model][term_id]
        return self.translations[model].get((key, locale_id), words)

    def read(self, model):
        has_acronym = any(field.name == "acronym" for field in model._meta.fields)
        columns = ["pk", "translation_key", "locale_id", "name"]
        rows = model.objects.values_list(*columns, *(["acronym"] if has_acronym else []))
        self.terms[model], self.translations[model] = {}, {}
        for pk, key, locale_id, *words in rows:
            self.terms[model][pk] = (key, locale_id, [word for word in words if word])
            self.translations[model][key, locale_id] = self.terms[model][pk][2]


class Batch:
    """What the documents of `pages` need beyond each page's own fields, read at once.

    One query per relation and page type, whatever the number of pages; the
    values are those the pages' own relations give (`page.themes.all()`,
    `page.territory_codes()`, `page.locale`...).
    """

    def __init__(self, pages, restrictions=None, urls=None, vocabulary=None):
        self.restrictions = restrictions or ViewRestrictions()
        self.restrictions.read_ancestors(pages)
        self.urls = urls or PageUrls(Site.get_site_root_paths())
        self.vocabulary = vocabulary or Vocabulary()
        self.languages = dict(Locale.objects.values_list("pk", "language_code"))
        self.values = defaultdict(list)  # (relation, page id) -> slugs, names or objects
        self.term_ids = defaultdict(list)  # (relation, page id) -> ids of the terms
        self.first_sessions = {}
        self.editions = {}  # chapter id -> (its edition's id, the edition's year)
        pages_by_class = defaultdict(list)
        for page in pages:
            pages_by_class[type(page)].append(page.pk)
        self.read_guides(
            [page for page in pages if isinstance(page, GuidePage)],
            [page for page in pages if isinstance(page, GuideChapterPage)],
        )
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
            self.read_terms(page_class, relation, span)
        regions = self.links(page_class, "regions", span, "code", "name", "name_en")
        for page_id, code, name, name_en in regions:
            self.values["regions", page_id].append(Area(code, None, name, name_en))
        departments = self.links(
            page_class,
            "departments",
            span,
            *("code", "name", "name_en", "region__code", "region__name", "region__name_en"),
        )
        for page_id, code, name, name_en, region, region_name, region_name_en in departments:
            region = Area(region, None, region_name, region_name_en)
            self.values["departments", page_id].append(Area(code, region, name, name_en))
        self.read_tags(page_class, span)

    def read_seminar_classification(self, page_class, span):
        """A seminar has themes and tags like a practice, and one région when it is regional."""
        self.read_terms(page_class, "themes", span)
        regional = page_class.objects.filter(**within("pk", span), region__isnull=False)
        columns = ("pk", "region__code", "region__name", "region__name_en")
        for page_id, code, name, name_en in regional.values_list(*columns):
            self.values["regions", page_id].append(Area(code, None, name, name_en))
        self.read_tags(page_class, span)

    def read_guides(self, editions, chapters):
        """An edition has its themes and the year of its date; its chapters share them.

        The guide is national: neither has a territory.
        """
        chapters_of = defaultdict(list)  # an edition's path -> its chapters' ids
        for chapter in chapters:
            chapters_of[chapter.path[: -chapter.steplen]].append(chapter.pk)
        edition_ids = {edition.pk for edition in editions}
        if chapters_of:
            rows = GuidePage.objects.filter(path__in=chapters_of).values_list(
                "path", "pk", "edition_date"
            )
            for path, edition_id, edition_date in rows:
                edition_ids.add(edition_id)
                for chapter_id in chapters_of[path]:
                    self.editions[chapter_id] = (edition_id, edition_date.year)
        if edition_ids:
            self.read_terms(GuidePage, "themes", (min(edition_ids), max(edition_ids)))

    def read_terms(self, page_class, relation, span):
        for page_id, slug, term_id in self.links(page_class, relation, span, "slug", "pk"):
            self.values[relation, page_id].append(slug)
            self.term_ids[relation, page_id].append(term_id)

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

    def classified_as(self, page):
        """The id of the page whose classification `page` has: its own, or its edition's."""
        if isinstance(page, CapitalisedPage | SeminarPage | GuidePage):
            return page.pk
        if isinstance(page, GuideChapterPage) and page.pk in self.editions:
            return self.editions[page.pk][0]
        return None

    def classification(self, page):
        source = self.classified_as(page)
        if source is None:
            return {}
        terms = {relation: sorted(self.values[relation, source]) for relation in TERM_RELATIONS}
        regions, departments = self.values["regions", source], self.values["departments", source]
        return {
            **terms,
            "territories": territory_codes(regions, departments),
            "tags": sorted(self.values["tags", source]),
            "labels": self.labels(source, page, regions, departments),
        }

    def labels(self, source, page, regions, departments):
        """The words of the terms and territories of `source`, as `page` shows them.

        A département brings its région, as in `territory_codes()`.
        """
        language = self.languages[page.locale_id]
        words = [
            word
            for relation, model in TERM_MODELS.items()
            for term_id in self.term_ids[relation, source]
            for word in self.vocabulary.words(model, term_id, page.locale_id)
        ]
        areas = [*regions, *departments, *(department.region for department in departments)]
        return labels_of(words + [area.label(language) for area in areas])

    def year(self, page):
        if isinstance(page, TrainingOfferPage):
            first = self.first_sessions.get(page.pk)
            return first.year if first else None
        if isinstance(page, GuidePage):
            return page.edition_date.year if page.edition_date else None
        if isinstance(page, GuideChapterPage):
            return self.editions[page.pk][1] if page.pk in self.editions else None
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
        "labels": [],
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
    vocabulary = Vocabulary()
    while chunk := list(islice(pages, batch_size)):
        batch = Batch(chunk, restrictions, urls, vocabulary)
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
