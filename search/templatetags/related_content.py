"""The "Contenus proches" box of sheets, experiments and trainings (`search.related`)."""

from django import template
from django.contrib.auth.models import AnonymousUser

from kb.content_version import kept
from practices.kinds import kind_label, kind_of
from search.related import related_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def related_items(context, page):
    """Items to read next: from the search index, else shared terms.

    The box shows public pages only, the same for every reader: it is worked out
    once per publication and kept, not on every reading of the page.
    """
    request = context["request"]

    def items():
        return [
            {
                "title": related.title,
                "url": related.get_url(request),
                "summary": related.summary,
                "kind": kind_of(related),
            }
            for related in related_pages(page, AnonymousUser())
        ]

    return [
        {**item, "kind_label": kind_label(item["kind"])}
        for item in kept("related-items", [page.pk], items, request)
    ]
