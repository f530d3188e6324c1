"""Parts of a page rendered once per content version, for every reader alike.

    {% load kept_fragments %}
    {% kept_fragment "sheet-article" page.pk %} … {% endkept_fragment %}

The markup between the tags is rendered the first time it is asked for after a
change (`kb.content_version`) and kept, under its name, the given values and the
active language; a preview of a draft is always rendered. Only for markup that
is the same for every reader: nothing inside may depend on who reads, nor on
the request beyond the page and the language.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kb.content_version import kept

register = template.Library()


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        html = kept(
            f"fragment:{name}",
            [*parts, get_language()],
            lambda: str(self.nodelist.render(context)),
            context.get("request"),
        )
        return mark_safe(html)


@register.tag
def kept_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and the values it depends on")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
