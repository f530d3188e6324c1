"""Members write Markdown; what reaches the page is HTML with nothing executable left.

Python-Markdown renders (addresses written bare become links, @mentions are
marked), then nh3 (the Ammonia sanitiser) keeps an allow-list of tags and
attributes: scripts, styles, event handlers and `javascript:` URLs never survive,
whatever the Markdown or raw HTML says.
"""

import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

# "@prenom.nom" where an address or another mention does not run into it.
MENTION = re.compile(r"(?<![\w@])@([\w.+-]+\w)")
MENTION_CLASS = "kb-mention"

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "span", "strong", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_CLASSES = {"span": {MENTION_CLASS}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


class MentionProcessor(InlineProcessor):
    def handleMatch(self, match, data):  # noqa: N802 - Python-Markdown's name
        mention = etree.Element("span", {"class": MENTION_CLASS})
        mention.text = match.group(0)
        return mention, match.start(0), match.end(0)


class MentionExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # Below code spans and links (higher priorities): a mention there stays as written.
        md.inlinePatterns.register(MentionProcessor(MENTION.pattern, md), "mention", 65)


def render_markdown(text):
    """Sanitised HTML of a member's Markdown."""
    html = markdown.markdown(
        text or "",
        extensions=["sane_lists", "pymdownx.magiclink", MentionExtension()],
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
