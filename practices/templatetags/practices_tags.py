"""Data for the practices templates: they return data, templates decide the markup.

What a visitor may see (the missing items of a write-up) is decided here, in
Python, never in a template.
"""

from urllib.parse import urlencode

from django import template
from django.utils.translation import gettext_lazy as _

from kb.content_version import kept
from kb.models import Audience, EstablishmentType, Theme
from kb.models.taxonomy import localized_terms
from practices.kinds import kind_label, kind_of
from practices.models import PracticeLead

register = template.Library()


@register.simple_tag
def page_kind(page):
    """The page's type as the listings name it, and its label for a badge."""
    kind = kind_of(page)
    return {"key": kind, "label": kind_label(kind)} if kind else None


@register.simple_tag(takes_context=True)
def classification_links(context, page):
    """The page's terms, each linking to its type's list filtered on that term.

    Six relations and the parent page to read, the same for every reader: kept
    until a page or a term changes (`kb.content_version`).
    """
    request = context["request"]
    return kept("classification", [page.pk], lambda: read_classification(request, page), request)


def read_classification(request, page):
    index_url = page.get_parent().get_url(request)

    def link(parameter, value, label):
        return {"label": label, "url": f"{index_url}?{urlencode({parameter: value})}"}

    def term_links(parameter, model, terms):
        labels = localized_terms(model, page.locale_id)
        return [link(parameter, term.slug, labels[term.pk].label) for term in terms]

    groups = [
        (_("Thèmes"), term_links("theme", Theme, page.themes.all())),
        (_("Publics"), term_links("audience", Audience, page.audiences.all())),
        (
            _("Types d’établissement"),
            term_links("etablissement", EstablishmentType, page.establishment_types.all()),
        ),
        (
            _("Territoire"),
            [link("region", region.code, region.display_name) for region in page.regions.all()]
            + [
                link("departement", department.code, str(department))
                for department in page.departments.all()
            ],
        ),
        (_("Mots-clés"), [link("tag", tag.slug, tag.name) for tag in page.tags.all()]),
    ]
    return [{"label": label, "links": links} for label, links in groups if links]


@register.simple_tag(takes_context=True)
def user_can_edit(context, page):
    return page.permissions_for_user(context["request"].user).can_edit()


@register.simple_tag(takes_context=True)
def completeness_report(context, page):
    """How complete an experiment write-up is; what is missing is told to its editors only."""
    show_missing = user_can_edit(context, page)
    completeness = page.completeness()
    parts = [{**part, "missing": part["missing"] if show_missing else []} for part in completeness]
    return {
        "parts": parts,
        "percent": page.completeness_percent(completeness),
        "show_missing": show_missing,
    }


@register.simple_tag
def leads_by_level(page):
    """Who steers the action, regional level first, as the roadmaps present it."""
    leads = list(page.leads.all())
    groups = [
        (label, [lead for lead in leads if lead.level == level])
        for level, label in PracticeLead.Level.choices
    ]
    return [{"level": label, "leads": members} for label, members in groups if members]


@register.simple_tag
def page_documents(page):
    return page.documents.select_related("document")


@register.filter
def as_percent(ratio):
    """A share between 0 and 1 as a whole percentage."""
    return None if ratio is None else round(ratio * 100)
