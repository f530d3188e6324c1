"""What a visitor asks of the search, and what every backend answers.

Both backends take a `SearchRequest` and return a `SearchResults`, so views and
templates never know which one answered. Everything typed by a visitor is
cleaned here, once: the text is plain text (never a query syntax), filter values
are checked against what they may be, and the page number is bounded.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace
from math import ceil
from typing import NamedTuple

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from forums.permissions import search_visibility
from forums.search import DOC_TYPE as FORUM_POST
from practices.models import PracticeSheetPage
from search.extraction import DOC_TYPES, PUBLIC
from search.filter_expressions import WORD, AllOf, Terms, folded

MAX_QUERY_LENGTH = 200
MAX_VALUE_LENGTH = 100
MAX_VALUES_PER_FILTER = 20
PAGE_SIZE = 10
# Engines refuse to page beyond 10,000 hits (index.max_result_window).
MAX_PAGE = 10_000 // PAGE_SIZE
RELEVANCE, DATE = "relevance", "date"
SORTS = (RELEVANCE, DATE)

# Highlighters mark matches with these private-use characters; `safe_excerpt`
# escapes the text and only then turns them into <mark>, so no markup from the
# documents can ever reach the page.
MARK_START, MARK_END = "\ue000", "\ue001"

# Control and format characters (zero-width, bidirectional overrides) and the
# private-use area that carries the highlight marks.
UNWANTED_CHARACTERS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ue000-\uf8ff]"
)
# Below this many results, a corrected query is worth suggesting.
SUGGEST_BELOW = 3
TERRITORY_CODE = re.compile(r"^(\d{2,3}|2[AB])$")
YEAR = re.compile(r"^(19|20)\d{2}$")


def clean_text(raw, limit=MAX_QUERY_LENGTH):
    """Plain, single-line text of at most `limit` characters."""
    text = unicodedata.normalize("NFC", str(raw or ""))
    text = UNWANTED_CHARACTERS.sub(" ", text)
    return " ".join(text.split())[:limit].strip()


def normalise_query(text):
    """The form under which queries are compared and counted: "L’ITEP " and "l'itep" meet."""
    return folded(clean_text(text).replace("’", "'"))


def visibility_for(user):
    """The visibility values whose documents `user` may see: public ones, and those of the
    forum spaces they may read, as `forums.permissions` decides."""
    return (PUBLIC, *search_visibility(user))


# --- request ----------------------------------------------------------------


@dataclass(frozen=True)
class FilterSpec:
    """A filter of the search page: its GET parameter, document field and facet size.

    Filters sharing a field tell their values apart by a `kind` written before
    them: territories hold "region:76" and "departement:76", since a région and
    a département may share a code (76 is Occitanie and Seine-Maritime).
    """

    name: str
    field: str
    size: int
    valid: object = None
    kind: str = ""

    def accepts(self, value):
        return self.valid is None or self.valid(value)

    @property
    def prefix(self):
        """What begins every stored value of this filter ("" when it has its field to itself)."""
        return f"{self.kind}:" if self.kind else ""

    def stored(self, value):
        """`value` as documents hold it."""
        return f"{self.prefix}{value}" if self.kind else value

    def chosen(self, stored):
        """The value a visitor chooses for a `stored` one, or None if it is another filter's."""
        if not self.kind:
            return stored
        stored = str(stored)
        return stored.removeprefix(self.prefix) if stored.startswith(self.prefix) else None

    def values_in(self, stored_values):
        """This filter's values among a document's `stored_values`, in their order."""
        values = (self.chosen(stored) for stored in stored_values)
        return [value for value in values if value is not None]


STATUS_VALUES = frozenset(PracticeSheetPage.Status.values)
TYPE_VALUES = frozenset([*DOC_TYPES.values(), FORUM_POST])

FILTERS = {
    spec.name: spec
    for spec in (
        FilterSpec("type", "doc_type", 10, TYPE_VALUES.__contains__),
        FilterSpec("theme", "themes", 100),
        FilterSpec("audience", "audiences", 100),
        FilterSpec("region", "territories", 100, TERRITORY_CODE.match, kind="region"),
        FilterSpec("departement", "territories", 200, TERRITORY_CODE.match, kind="departement"),
        FilterSpec("etablissement", "establishment_types", 100),
        FilterSpec("tag", "tags", 100),
        FilterSpec("year", "year", 100, YEAR.match),
        FilterSpec("status", "status", 10, STATUS_VALUES.__contains__),
    )
}


def page_number(raw):
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    language: str = settings.LANGUAGE_CODE
    visibility: tuple = (PUBLIC,)
    filters: dict = field(default_factory=dict)
    sort: str = RELEVANCE
    page: int = 1
    page_size: int = PAGE_SIZE
    # The words exactly as typed: no typo tolerance (the link under « searched instead »).
    exact: bool = False
    # (filter name, value) of the values no document can hold: reported, and ignored.
    ignored: tuple = ()

    @classmethod
    def from_querydict(cls, data, language, visibility):
        filters, ignored = {}, []
        for name, spec in FILTERS.items():
            values = [clean_text(value, MAX_VALUE_LENGTH) for value in data.getlist(name)]
            values = [value for value in dict.fromkeys(values) if value]
            accepted = [value for value in values if spec.accepts(value)]
            ignored += [(name, value) for value in values if not spec.accepts(value)]
            if accepted:
                filters[name] = tuple(accepted[:MAX_VALUES_PER_FILTER])
        text = clean_text(data.get("q", ""))
        sort = data.get("sort", "")
        return cls(
            text=text,
            language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
            visibility=tuple(sorted(set(visibility))),
            filters=filters,
            sort=sort if sort in SORTS else (RELEVANCE if text else DATE),
            page=page_number(data.get("page", 1)),
            exact=data.get("exact") == "1",
            ignored=tuple(ignored),
        )

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @property
    def ranked_by_date(self):
        # Without words there is no relevance to rank by.
        return self.sort == DATE or not self.text

    def with_page(self, page):
        return replace(self, page=page)

    def within(self, total):
        """This request, or past the last page of `total` results, the last page: a page
        number beyond the results shows the last results rather than none."""
        last = last_page(total, self.page_size)
        return self.with_page(last) if self.page > last else self

    def without_filters(self):
        return replace(self, filters={}, ignored=(), page=1)

    def base_filter(self):
        """What every query of this request is restricted to: language and visibility."""
        return AllOf((Terms("locale", (self.language,)), Terms("visibility", self.visibility)))

    def places(self, territories):
        """The words without the territory names they hold, and a `Place` for each name."""
        places, kept, end = [], [], 0
        for (start, stop), named in territories.named_in(self.text):
            stored = sorted(FILTERS[kind].stored(code) for kind, code in named)
            places.append(Place(self.text[start:stop], Terms("territories", tuple(stored))))
            kept.append(self.text[end:start])
            end = stop
        kept.append(self.text[end:])
        return " ".join(" ".join(kept).split()), places

    def filter_expressions(self):
        """{filter name: expression} of the filters the visitor chose."""
        expressions = {}
        for name, values in self.filters.items():
            spec = FILTERS[name]
            typed = (int(value) for value in values) if name == "year" else values
            expressions[name] = Terms(spec.field, tuple(spec.stored(value) for value in typed))
        return expressions


class Place(NamedTuple):
    """A région or département named in the words: the name as typed, and its pages' filter."""

    name: str
    pages: Terms


# --- results ----------------------------------------------------------------


class Suggestion(NamedTuple):
    """One autocomplete proposal: a page to open, or a tag to filter on (`url` empty)."""

    kind: str
    label: str
    url: str = ""
    doc_type: str = ""


def starts_words(candidate, text):
    """Whether every word of `text` begins a word of `candidate`, accents and case aside."""
    wanted = WORD.findall(normalise_query(text))
    have = WORD.findall(normalise_query(candidate))
    return bool(wanted) and all(any(word.startswith(w) for word in have) for w in wanted)


class FacetValue(NamedTuple):
    value: str
    count: int
    selected: bool


@dataclass
class SearchHit:
    key: str
    doc_type: str
    title: str
    url: str
    summary: str = ""
    excerpt: SafeString = field(default_factory=lambda: mark_safe(""))
    title_html: SafeString = field(default_factory=lambda: mark_safe(""))
    territories: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    date: object = None
    year: int | None = None


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)
    did_you_mean: str | None = None
    promoted: list = field(default_factory=list)
    # The words searched for instead of unknown ones (« scolarisaton » → « scolarisation »).
    searched_instead: str | None = None

    @property
    def page(self):
        return self.request.page

    @property
    def num_pages(self):
        return max(1, min(ceil(self.total / self.request.page_size), MAX_PAGE))

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages


def last_page(total, page_size=PAGE_SIZE):
    return max(1, min(ceil(total / page_size), MAX_PAGE))


def facet_values(counts, selected, size):
    """FacetValue list from {value: count}: biggest first, chosen values always kept.

    Documents without a value (no status, no year) are counted under "" or None,
    which is not something a visitor can choose.
    """
    values = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    kept = [(str(value), count) for value, count in values if count > 0 and value not in ("", None)]
    kept = kept[:size]
    kept_values = {value for value, _count in kept}
    kept += [(value, counts.get(value, 0)) for value in selected if value not in kept_values]
    return [FacetValue(value, count, value in selected) for value, count in kept]


def safe_excerpt(fragment):
    """HTML of a highlighted fragment: the text escaped, the marks as balanced <mark>."""
    parts, open_mark = [], False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", fragment or ""):
        if piece == MARK_START and not open_mark:
            parts.append("<mark>")
            open_mark = True
        elif piece == MARK_END and open_mark:
            parts.append("</mark>")
            open_mark = False
        elif piece not in (MARK_START, MARK_END):
            parts.append(str(escape(piece)))
    if open_mark:
        parts.append("</mark>")
    # Safe: every piece of text was escaped above, and the only markup added is <mark>.
    return mark_safe("".join(parts))


def excerpt_of(summary_marked, body_marked, summary):
    """The summary if the words were found there, else the body's fragment, else the summary."""
    for fragment in (summary_marked, body_marked):
        if fragment and MARK_START in fragment:
            return safe_excerpt(fragment)
    return plain_excerpt(summary)


def plain_excerpt(text, limit=300):
    """The start of `text`, cut at a word boundary, as safe HTML."""
    text = clean_text(text, limit + 1)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return safe_excerpt(text)
