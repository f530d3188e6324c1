"""Members write Markdown; what reaches the page is HTML with nothing executable left.

Python-Markdown renders, then nh3 (the Ammonia sanitiser) keeps an allow-list of
tags and attributes: scripts, styles, event handlers and `javascript:` URLs never
survive, whatever the Markdown or raw HTML says.
"""

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "strong", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text):
    """Sanitised HTML of a member's Markdown."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
