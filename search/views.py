"""The public search page and its autocomplete endpoint.

Both answer GET only and work on either backend. When the engine cannot be
reached the page still answers, saying so in the visitor's language, and the
JSON endpoint answers 503: an engine error never reaches a visitor.
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kb.navigation import breadcrumb
from search.backends import get_backend
from search.engine_client import SearchEngineUnavailable
from search.models import ZeroResultQuery
from search.query import SearchRequest, SearchResults, clean_text, visibility_for
from search.templatetags.search_tags import doc_type_label

logger = logging.getLogger(__name__)

MIN_SUGGESTION_LENGTH = 2
MAX_SUGGESTIONS = 8


def current_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def unfiltered_total(backend, search_request):
    """How many results the words alone would find, to offer removing the filters."""
    try:
        return backend.search(search_request.without_filters()).total
    except SearchEngineUnavailable:
        return None


@require_GET
def search(request):
    search_request = SearchRequest.from_querydict(
        request.GET, current_language(), visibility_for(request.user)
    )
    backend = get_backend()
    unavailable = False
    try:
        results = backend.search(search_request)
    except SearchEngineUnavailable as error:
        logger.warning("Search engine unreachable, search page answered without results: %s", error)
        results, unavailable = SearchResults(search_request), True
    without_filters = None
    recorded = False
    if not unavailable and search_request.text and results.total == 0:
        if search_request.filters:
            without_filters = unfiltered_total(backend, search_request)
        # Only words that find nothing on their own tell what the base lacks.
        if not search_request.filters or without_filters == 0:
            ZeroResultQuery.record(search_request.text, search_request.language)
            recorded = True
    response = render(
        request,
        "search/search.html",
        {
            "query": search_request.text,
            "search_request": search_request,
            "results": results,
            "unavailable": unavailable,
            "without_filters": without_filters,
            "breadcrumb": breadcrumb(request, _("Recherche")),
        },
    )
    # Not kept for the next visitor (kb.page_cache): an engine that is back answers
    # them, and each search that finds nothing counts for editors.
    if unavailable or recorded:
        patch_cache_control(response, private=True)
    return response


@require_GET
def suggestions(request):
    """Titles and tags completing what the visitor is typing, as JSON."""
    text = clean_text(request.GET.get("q", ""))
    if len(text) < MIN_SUGGESTION_LENGTH:
        return JsonResponse({"query": text, "suggestions": []})
    search_request = SearchRequest(
        text=text,
        language=current_language(),
        visibility=tuple(visibility_for(request.user)),
    )
    try:
        found = get_backend().autocomplete(search_request, limit=MAX_SUGGESTIONS)
    except SearchEngineUnavailable as error:
        logger.warning("Search engine unreachable, no suggestions: %s", error)
        return JsonResponse(
            {"error": _("Les suggestions sont momentanément indisponibles.")}, status=503
        )
    search_url = reverse("search")
    # Read out by screen readers when the list changes (the script has no texts of its own).
    status = ngettext(
        "%(count)d suggestion, parcourue avec les flèches haut et bas.",
        "%(count)d suggestions, parcourues avec les flèches haut et bas.",
        len(found),
    ) % {"count": len(found)}
    return JsonResponse(
        {
            "query": text,
            "status": status if found else _("Aucune suggestion."),
            "suggestions": [
                {
                    "kind": suggestion.kind,
                    "label": suggestion.label,
                    "url": suggestion.url or f"{search_url}?{urlencode({'tag': suggestion.label})}",
                    "type": str(doc_type_label(suggestion.doc_type))
                    if suggestion.doc_type
                    else _("Mot-clé"),
                }
                for suggestion in found
            ],
        }
    )
