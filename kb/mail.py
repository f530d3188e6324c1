"""Every e-mail the site sends, from one family of templates, plain text and HTML together.

A mail is a greeting, its content, the links to act on it, the site's name and,
for mails people may stop, why they get it and how to stop it. The content is
Markdown: the text part keeps it as written (a list still reads as a list), the
HTML part renders it through the same sanitiser as the members' posts. Every
link is absolute on the site's public address (`kb.site_url`).

Mails the libraries write (allauth's account mails, Wagtail's workflow mails)
come through the same templates: allauth's through `AccountAdapter`, Wagtail's
because `templates/wagtailadmin/notifications/` extends them.
"""

from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kb.markup import render_markdown

TEXT_TEMPLATE = "email/base.txt"
HTML_TEMPLATE = "email/base.html"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Subscription:
    """Why someone gets a mail they may stop, and where they stop it."""

    why: str
    unsubscribe_url: str
    settings_url: str = ""

    def headers(self):
        """One-click unsubscribe (RFC 8058), which mail clients show by the sender's name."""
        return {
            "List-Unsubscribe": f"<{self.unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }


def compose(to, subject, content, *, name="", actions=(), subscription=None, headers=None):
    """An e-mail to `to` (an address or a list), `content` being Markdown.

    `name` completes the greeting; `actions` are `Link`s shown after the content.
    """
    context = {
        "name": name,
        "content": content.strip(),
        # Safe: render_markdown keeps only an allow-list of tags and attributes (nh3).
        "content_html": mark_safe(render_markdown(content)),
        "actions": actions,
        "subscription": subscription,
    }
    all_headers = {**(subscription.headers() if subscription else {}), **(headers or {})}
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        render_to_string(TEXT_TEMPLATE, context),
        to=[to] if isinstance(to, str) else list(to),
        headers=all_headers,
    )
    message.attach_alternative(render_to_string(HTML_TEMPLATE, context), "text/html")
    return message
