"""Data for the training templates: who sees what is decided here, never in the markup."""

from django import template

from kb.content_version import shows_part
from practices.registrations import seats_part, session_choices
from practices.training_figures import kept_figures_for_index

register = template.Library()


@register.simple_tag(takes_context=True)
def training_sessions(context, offer):
    """The offer's upcoming sessions with the visitor's status and the step open to them."""
    request = context["request"]
    shows_part(request, seats_part(offer))
    return session_choices(offer, request.user)


@register.simple_tag(takes_context=True)
def training_figures_of(context, index_page):
    return kept_figures_for_index(index_page, context.get("request"))
