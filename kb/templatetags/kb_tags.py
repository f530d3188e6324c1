"""Navigation helpers for templates: they return data, templates decide the markup."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_from_request, gettext, gettext_noop
from wagtail.models import Locale, Page

from kb.content_version import kept
from kb.models import FooterSettings
from kb.navigation import breadcrumb, in_reading_language, localized_home, source_home
from kb.site_url import absolute, site_url

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
def footer_links(context):
    """The footer's accessibility status and legal pages in the page's language.

    The same on every page: worked out once and kept until the footer's settings
    or a page change (`kb.content_version`).
    """
    request = context["request"]

    def links():
        footer = FooterSettings.for_request(request)

        def url(page):
            return page.localized.get_url(request) if page else ""

        return {
            "accessibility_status": footer.get_accessibility_status_display(),
            "accessibility_url": url(footer.accessibility_page),
            "legal_notice_url": url(footer.legal_notice_page),
            "personal_data_url": url(footer.personal_data_page),
        }

    return kept("footer-links", [request.get_host(), get_language()], links, request)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Children of the home page that editors ticked "show in menus", in every language.

    The menu is the source-language one, so that an entry not translated yet leads to
    the French page (`language` says so) instead of disappearing from the English menu.
    The same on every page but for the current item: kept until a page changes.
    """
    request = context["request"]
    home = source_home(request)
    if home is None:
        return []

    def children():
        pages = in_reading_language(home.get_children().live().in_menu())
        return [
            {
                "path": child.path,
                "translation_key": str(child.translation_key),
                "title": child.title,
                "url": child.get_url(request),
                "language": language,
            }
            for child, language in pages
        ]

    current = context.get("page")
    return [
        {
            "title": child["title"],
            "url": child["url"],
            "language": child["language"],
            "is_current": current is not None
            and (
                str(current.translation_key) == child["translation_key"]
                or current.path.startswith(child["path"])
            ),
        }
        for child in kept("main-menu", [home.pk, get_language()], children, request)
    ]


@register.simple_tag
def chosen_page(page, field_name):
    """The page chosen in one of `page`'s fields (a home tile), as it reads in the active language.

    A translation whose field is empty uses its source's choice. Returns None when
    nothing is chosen, else the page with the language it is written in.
    """
    target = getattr(page, field_name)
    if target is None and page.locale.language_code != settings.LANGUAGE_CODE:
        source = page.get_translation_or_none(Locale.get_default())
        target = source and getattr(source.specific, field_name)
    found = in_reading_language([target]) if target is not None else []
    if not found:
        return None
    version, language = found[0]
    return {"url": version.url, "language": language}


@register.simple_tag(takes_context=True)
def page_breadcrumb(context, page):
    """Data for a breadcrumb: the page's ancestors below the home page, kept until one changes."""

    def links():
        return [
            {"url": ancestor.url, "title": ancestor.title}
            for ancestor in page.get_ancestors().filter(depth__gt=2).live()
        ]

    request = context["request"]
    return breadcrumb(request, page.title, kept("ancestors", [page.pk], links, request))


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the same content in that language.

    On a Wagtail page, the link goes to the page's translation when it is live,
    otherwise to that language's home page, and `untranslated` is True so that the
    switcher says so; elsewhere, to the same URL under the other language prefix,
    or to that language's home page when the URL leads nowhere (a "page not found").
    `exists` says whether the same content exists in that language.
    """
    request = context["request"]
    page = context.get("page")
    on_page = isinstance(page, Page)
    if on_page:
        # The same for every reader of the page: kept until a page changes.
        found = kept("language-urls", [page.pk], lambda: language_urls(request, page), request)
    else:
        found = language_urls(request)
    current_code = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url, home = found[code]
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or home,
                "exists": url is not None,
                "untranslated": url is None and on_page,
                "is_current": code == current_code,
            }
        )
    return links


def language_urls(request, page=None):
    """Per language, the address of the same content (None when it has none) and the
    address of that language's home page."""
    homes = home_urls(request)
    if page is None:
        return {code: (translated_view_url(request, code), homes[code]) for code in homes}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    urls = {}
    for code, _name in settings.LANGUAGES:
        locale = locales.get(code)
        if locale is not None and page.locale_id == locale.pk:
            url = page.get_url(request)
        else:
            url = translated_page_url(request, page, locale)
        urls[code] = (url, homes[code])
    return urls


def home_urls(request):
    """Per language, the address of its home page: the same for every visitor of the
    host, kept until a page changes (the spaces' and accounts' pages ask on each request)."""

    def compute():
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        return {
            code: home_url(request, locales.get(code), code) for code, _name in settings.LANGUAGES
        }

    return kept("home-urls", [request.get_host()], compute, request)


@register.simple_tag(takes_context=True)
def alternate_languages(context):
    """The page's address in each language it exists in, for `<link rel="alternate">`."""
    existing = [link for link in language_links(context) if link["exists"]]
    if len(existing) < 2:
        return []
    return [{"code": link["code"], "url": absolute(link["url"])} for link in existing]


@register.simple_tag(takes_context=True)
def missing_translation(context):
    """The visitor's language when this page has no version in it, else None.

    A visitor whose browser asks for English and who reaches a page written only in
    French (from a menu entry, a search engine or a shared link) is told so in English,
    with the way to the English home page.
    """
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    wanted = get_language_from_request(context["request"])
    if wanted == get_language():
        return None
    for link in language_links(context):
        if link["code"] == wanted and link["untranslated"]:
            return link
    return None


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
