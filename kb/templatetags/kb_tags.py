"""Navigation helpers for templates: they return data, templates decide the markup."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, gettext_noop
from wagtail.models import Locale, Page

from kb.navigation import breadcrumb, localized_home
from kb.site_url import site_url

register = template.Library()

# What search engines show under the link when a page says nothing of itself.
SITE_DESCRIPTION = gettext_noop(
    "Base de connaissances des agences régionales de santé et de leurs partenaires : "
    "pratiques capitalisées, retours d’expérience et espaces de pair-émulation du secteur "
    "médico-social."
)
DESCRIPTION_LENGTH = 160


@register.simple_tag(takes_context=True)
def home_page(context):
    return localized_home(context["request"])


@register.simple_tag
def public_address():
    """The site's public address, for links read away from the site (e-mails)."""
    return site_url()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Children of the home page that editors ticked "show in menus"."""
    home = localized_home(context["request"])
    if home is None:
        return []
    current = context.get("page")
    items = []
    for child in home.get_children().live().in_menu():
        is_current = current is not None and (
            current.pk == child.pk or current.path.startswith(child.path)
        )
        items.append({"title": child.title, "url": child.url, "is_current": is_current})
    return items


@register.simple_tag(takes_context=True)
def page_breadcrumb(context, page):
    """Data for a breadcrumb: the page's ancestors below the home page."""
    links = [
        {"url": ancestor.url, "title": ancestor.title}
        for ancestor in page.get_ancestors().filter(depth__gt=2).live()
    ]
    return breadcrumb(context["request"], page.title, links)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the same content in that language.

    On a Wagtail page, the link goes to the page's translation when it is live,
    otherwise to that language's home page; elsewhere, to the same URL under the
    other language prefix, or to that language's home page when the URL leads
    nowhere (a "page not found").
    """
    request = context["request"]
    page = context.get("page")
    current_code = get_language()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    links = []
    for code, name in settings.LANGUAGES:
        locale = locales.get(code)
        if isinstance(page, Page):
            url = translated_page_url(request, page, locale) or home_url(request, locale, code)
        else:
            url = translated_view_url(request, code) or home_url(request, locale, code)
        links.append({"code": code, "name": name, "url": url, "is_current": code == current_code})
    return links


def translated_page_url(request, page, locale):
    translation = page.get_translation_or_none(locale) if locale else None
    # An alias is the source page copied untranslated: not worth switching language for.
    if translation is None or not translation.live or translation.alias_of_id is not None:
        return None
    return translation.get_url(request)


def translated_view_url(request, code):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    # Wagtail serves every other path: reaching a template without a page there
    # means the page does not exist, in this language or any other.
    if match.url_name == "wagtail_serve":
        return None
    return translate_url(request.get_full_path(), code)


def home_url(request, locale, code):
    home = localized_home(request)
    translation = home.get_translation_or_none(locale) if home and locale else None
    if translation is not None and translation.live:
        return translation.get_url(request)
    return translate_url("/", code)


@register.simple_tag(takes_context=True)
def pagination_links(context, current, num_pages, around=1):
    """Links of a paginated list that keep its filters; None where a link is disabled.

    Page numbers are the first, the last and the current one's neighbours; a None
    in `numbers` marks a gap.
    """
    if num_pages <= 1:
        return None
    request = context["request"]
    kept = [
        (key, value)
        for key, values in request.GET.lists()
        if key != "page"
        for value in values
        if value
    ]

    def url(number):
        return f"{request.path}?{urlencode([*kept, ('page', number)])}"

    numbers = []
    near = range(current - around, current + around + 1)
    for number in sorted({1, num_pages, *near} & set(range(1, num_pages + 1))):
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return {
        "first": url(1) if current > 1 else None,
        "previous": url(current - 1) if current > 1 else None,
        "next": url(current + 1) if current < num_pages else None,
        "last": url(num_pages) if current < num_pages else None,
        "pages": [
            None if number is None else {"number": number, "url": url(number)} for number in numbers
        ],
        "current": current,
    }


@register.simple_tag(takes_context=True)
def page_description(context):
    """The page's search description, else its summary or introduction, else the site's."""
    page = context.get("page")
    for name in ("search_description", "summary", "intro"):
        text = " ".join(strip_tags(getattr(page, name, "") or "").split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return gettext(SITE_DESCRIPTION)
