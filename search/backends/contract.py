"""What every search backend offers, and the few rules of their answers they share.

The site talks to a backend only through `SearchBackend`: indexing sends it the
flat documents of `search.extraction`, the views send it a `SearchRequest` and
read a `SearchResults`. `tests/search/test_backend_contract.py` checks that both
backends behave the same.
"""

from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

from search.query import (
    FILTERS,
    SearchHit,
    SearchRequest,
    SearchResults,
    Suggestion,
    excerpt_of,
    facet_values,
    safe_excerpt,
    starts_words,
)

# Tags suggested under the titles while a visitor types.
MAX_TAG_SUGGESTIONS = 3


@runtime_checkable
class SearchBackend(Protocol):
    name: str
    # Whether the thesaurus's synonyms are part of the index, so that a change of the
    # thesaurus needs a rebuild.
    synonyms_in_index: bool

    # --- writing ---------------------------------------------------------------

    def upsert(self, documents: Iterable[dict]) -> None:
        """Index `documents`, replacing those of the same keys."""

    def remove(self, keys: Iterable[str]) -> None:
        """Forget the documents of `keys`; an unknown key is no error."""

    def rebuild(
        self, documents: Iterable[dict], progress: Callable[[int], None] | None = None
    ) -> dict[str, int]:
        """Replace every document with `documents`, telling `progress` how many were written
        batch by batch; returns {language: documents written}. Searches never see the index
        empty."""

    def refresh(self) -> None:
        """Make what was just written visible to the next search."""

    # --- reading ---------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        """A results page: hits, every facet, highlights, editors' picks, suggestions."""

    def ranked_keys(self, request: SearchRequest, limit: int) -> list[str]:
        """Keys of the documents the words find, best first, at most `limit`."""

    def autocomplete(self, request: SearchRequest, limit: int = 8) -> list[Suggestion]:
        """Titles, then tags, that complete the words typed so far."""

    def related(self, request: SearchRequest, key: str, limit: int = 3) -> list[str]:
        """Keys of the documents most like the one of `key`, that `request` may see."""

    # --- upkeep ----------------------------------------------------------------

    def indexed_versions(self) -> dict[str, tuple]:
        """{key: (language, updated_at)} of every indexed document."""

    def outdated_languages(self) -> list[str]:
        """The languages whose index an older version of the analysis built."""

    def status(self) -> dict:
        """{"backend", "languages": {code: {"alias", "indexes", "count"}}, "orphans"}."""


def search_hit(key, document, published_at, marked=(None, None, None)):
    """The hit of a document (its stored fields) with its title, summary and body
    fragment as the backend marked them, or None for each that holds no searched word."""
    title_marked, summary_marked, body_marked = marked
    summary = document.get("summary", "")
    return SearchHit(
        key=key,
        doc_type=document.get("doc_type", ""),
        title=document.get("title", ""),
        url=document.get("url") or "",
        summary=summary,
        excerpt=excerpt_of(summary_marked, body_marked, summary),
        title_html=safe_excerpt(title_marked or document.get("title", "")),
        territories=document.get("territories") or [],
        themes=document.get("themes") or [],
        date=published_at,
        year=document.get("year"),
    )


def facets_from(counts, request):
    """Every facet's values from {facet: {value: count}}, the visitor's choices kept."""
    return {
        name: facet_values(counts.get(name, {}), request.filters.get(name, ()), spec.size)
        for name, spec in FILTERS.items()
    }


def suggestions(request, pages, tags, limit):
    """Page suggestions then the first tags whose words begin with those typed, `limit` in
    all, the tags always shown."""
    tags = [tag for tag in tags if starts_words(tag, request.text)][:MAX_TAG_SUGGESTIONS]
    return pages[: limit - len(tags)] + [Suggestion("tag", tag) for tag in tags]
