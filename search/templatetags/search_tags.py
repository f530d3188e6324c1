"""Data for the search templates: labels in the visitor's language, and the links of the page.

Facet values and hits carry codes (French term slugs, INSEE codes, type keys);
here they get the names the visitor reads, in one query per kind of term, and
every facet value gets the address that adds or removes it.
"""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from forums.models import Post
from forums.search import DOC_TYPE as FORUM_POST
from kb.filters import AppliedFilter, url_without
from kb.models import Audience, Department, EstablishmentType, Region, Theme
from practices.models import PracticeSheetPage
from search.extraction import DOC_TYPES
from search.query import FILTERS

register = template.Library()

FACET_LABELS = {
    "type": _("Type de contenu"),
    "theme": _("Thème"),
    "audience": _("Public"),
    "region": _("Territoire"),
    "departement": _("Département"),
    "etablissement": _("Type d’établissement"),
    "tag": _("Mot-clé"),
    "year": _("Année"),
    "status": _("État d’avancement"),
}
TERM_MODELS = {"theme": Theme, "audience": Audience, "etablissement": EstablishmentType}
DOC_TYPE_LABELS = {doc_type: model for model, doc_type in DOC_TYPES.items()} | {FORUM_POST: Post}
# Values shown before "Voir plus" in a long facet.
VISIBLE_VALUES = 8


@register.filter
def doc_type_label(doc_type):
    model = DOC_TYPE_LABELS.get(doc_type)
    return capfirst(model._meta.verbose_name) if model else doc_type


def language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def term_labels(model, slugs):
    """{slug: name} in the visitor's language, the source language's name where none exists."""
    if not slugs:
        return {}
    current = language()
    rows = model.objects.filter(
        slug__in=slugs, locale__language_code__in={current, settings.LANGUAGE_CODE}
    ).values_list(
        "slug",
        "name",
        "locale__language_code",
        *(["acronym"] if model is EstablishmentType else []),
    )
    labels = {}
    for slug, name, code, *acronym in rows:
        if code == current or slug not in labels:
            labels[slug] = acronym[0] if acronym and acronym[0] else name
    return labels


class Labels:
    """Names of every code shown on a results page, fetched once per kind of term."""

    def __init__(self, results):
        wanted = {
            name: {value.value for value in values} for name, values in results.facets.items()
        }
        for name, values in results.request.filters.items():
            wanted.setdefault(name, set()).update(values)
        hits = [*results.hits, *results.promoted]
        wanted.setdefault("theme", set()).update(theme for hit in hits for theme in hit.themes)
        for name in ("region", "departement"):
            wanted.setdefault(name, set()).update(
                code for hit in hits for code in FILTERS[name].values_in(hit.territories)
            )
        self.terms = {
            name: term_labels(model, wanted.get(name)) for name, model in TERM_MODELS.items()
        }
        self.regions = {
            region.code: region.display_name
            for region in Region.objects.filter(code__in=wanted["region"])
        }
        self.departments = {
            department.code: (str(department), department.region.code)
            for department in Department.objects.filter(
                code__in=wanted["departement"]
            ).select_related("region")
        }

    def label(self, name, value):
        if name in TERM_MODELS:
            return self.terms[name].get(value, value)
        if name == "type":
            return doc_type_label(value)
        if name == "region":
            return self.regions.get(value, value)
        if name == "departement":
            return self.departments.get(value, (value, ""))[0]
        if name == "status" and value in PracticeSheetPage.Status.values:
            return capfirst(PracticeSheetPage.Status(value).label)
        return value


def query_string(request, remove=(), add=(), drop=("page",)):
    """The current search's GET pairs, without `remove` pairs or `drop` names, plus `add`."""
    pairs = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in drop
        for value in values
        if value and (name, value) not in remove
    ]
    pairs += [pair for pair in add if pair not in pairs]
    return f"{request.path}?{urlencode(pairs)}" if pairs else request.path


def facet_entry(request, labels, name, value):
    pair = (name, value.value)
    return {
        "value": value.value,
        "label": labels.label(name, value.value),
        "count": value.count,
        "selected": value.selected,
        "url": query_string(request, remove=[pair])
        if value.selected
        else query_string(request, add=[pair]),
    }


def territory_entries(request, labels, results):
    """Régions, each with its départements once the région or one of them is chosen."""
    departments = [
        facet_entry(request, labels, "departement", value)
        for value in results.facets.get("departement", [])
    ]
    regions = []
    for value in results.facets.get("region", []):
        entry = facet_entry(request, labels, "region", value)
        children = [
            d for d in departments if labels.departments.get(d["value"], ("", ""))[1] == value.value
        ]
        opened = value.selected or any(child["selected"] for child in children)
        entry["children"] = children if opened else []
        regions.append(entry)
    # A chosen département whose région is not listed stays visible, so it can be removed.
    listed = {child["value"] for region in regions for child in region["children"]}
    regions += [d for d in departments if d["selected"] and d["value"] not in listed]
    return regions


@register.simple_tag(takes_context=True)
def search_panel(context, results):
    """Facets, chosen filters and result details, labelled for the visitor."""
    request = context["request"]
    labels = Labels(results)
    facets = []
    for name in FILTERS:
        if name == "departement":
            continue
        if name == "region":
            entries = territory_entries(request, labels, results)
        else:
            entries = [
                facet_entry(request, labels, name, value) for value in results.facets.get(name, [])
            ]
            if name == "year":
                entries.sort(key=lambda entry: entry["value"], reverse=True)
        if entries:
            facets.append(
                {
                    "name": name,
                    "label": FACET_LABELS[name],
                    "values": entries[:VISIBLE_VALUES],
                    "more": entries[VISIBLE_VALUES:],
                }
            )
    active = [
        AppliedFilter(
            FACET_LABELS[name], labels.label(name, value), url_without(request, name, value)
        )
        for name, values in results.request.filters.items()
        for value in values
    ]
    ignored = [
        AppliedFilter(FACET_LABELS[name], value, url_without(request, name, value), ignored=True)
        for name, value in results.request.ignored
    ]
    return {
        "facets": facets,
        "active": active,
        "ignored": ignored,
        "clear_url": query_string(request, drop=("page", *FILTERS)) if active else "",
        "hits": [hit_details(hit, labels) for hit in results.hits],
        "promoted": [hit_details(hit, labels) for hit in results.promoted],
    }


def hit_details(hit, labels):
    """A hit with its themes and places named; départements when known, else régions."""
    departments = [
        labels.departments[code][0]
        for code in sorted(FILTERS["departement"].values_in(hit.territories))
        if code in labels.departments
    ]
    regions = [
        labels.regions[code]
        for code in sorted(FILTERS["region"].values_in(hit.territories))
        if code in labels.regions
    ]
    return {
        "hit": hit,
        "themes": [labels.label("theme", theme) for theme in hit.themes],
        "places": departments or regions,
    }


@register.simple_tag(takes_context=True)
def sort_links(context, search_request):
    request = context["request"]
    current = "date" if search_request.ranked_by_date else "relevance"
    choices = [("relevance", _("Pertinence")), ("date", _("Date"))]
    return [
        {
            "label": label,
            "url": query_string(
                request, remove=[("sort", current)], add=[("sort", value)], drop=("page", "sort")
            ),
            "current": value == current,
        }
        for value, label in choices
    ]


@register.simple_tag(takes_context=True)
def search_url_with(context, **params):
    """The current search with some parameters replaced (a corrected query, say), on page 1."""
    request = context["request"]
    replaced = [(name, str(value)) for name, value in params.items() if value]
    return query_string(request, add=replaced, drop=("page", *params))
