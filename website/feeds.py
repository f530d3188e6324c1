"""RSS and Atom feeds of newly published practices, all themes together or one theme.

A feed speaks the language of its address (French at /, English under /en/) and
lists only the public pages of that language (`kb.publication`). Each item
carries the page's themes, in the feed's language, and its tags as categories.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F, Q
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from kb.models import SeminarPage, Theme
from kb.models.taxonomy import localized_terms
from kb.publication import public_pages, public_pages_of_locale
from kb.site_url import absolute
from practices.models import ExperimentPage, PracticeSheetPage, PracticesIndexPage

# The page types a feed announces, newest first whatever their type. A type
# with a `themes` relation appears in theme feeds too; `summary` and `tags` are
# read when the type has them.
FEED_PAGE_TYPES = (PracticeSheetPage, ExperimentPage, SeminarPage)
FEED_LENGTH = 30


@dataclass(frozen=True)
class FeedScope:
    locale: Locale
    theme: Theme | None
    request: object


@dataclass(frozen=True)
class FeedItem:
    title: str
    summary: str
    url: str
    published_at: datetime | None
    updated_at: datetime | None
    categories: list[str]


def has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def themed_types():
    return [model for model in FEED_PAGE_TYPES if has_field(model, "themes")]


def of_theme(theme):
    """Pages of any themed feed type that carry `theme`."""
    condition = Q(pk__in=[])
    for model in themed_types():
        condition |= Q(pk__in=model.objects.filter(themes=theme).values("pk"))
    return condition


def newest_pages(locale, theme=None):
    pages = public_pages_of_locale(locale, FEED_PAGE_TYPES)
    if theme is not None:
        pages = pages.filter(of_theme(theme))
    return list(
        pages.order_by(F("first_published_at").desc(nulls_last=True), "-pk").values_list(
            "pk", flat=True
        )[:FEED_LENGTH]
    )


def specific_pages(page_ids):
    """The pages of `page_ids`, as their own type with their terms, in the order given."""
    found = {}
    for model in FEED_PAGE_TYPES:
        relations = [name for name in ("themes", "tags") if has_field(model, name)]
        for page in model.objects.filter(pk__in=page_ids).prefetch_related(*relations):
            found[page.pk] = page
    return [found[pk] for pk in page_ids if pk in found]


def feed_item(page, theme_terms, request):
    categories = []
    if hasattr(page, "themes"):
        categories += [theme_terms[t.pk].label for t in page.themes.all() if t.pk in theme_terms]
    if hasattr(page, "tags"):
        categories += sorted(tag.name for tag in page.tags.all())
    return FeedItem(
        title=page.title,
        summary=getattr(page, "summary", "") or page.search_description,
        url=page.get_full_url(request=request),
        published_at=page.first_published_at,
        updated_at=page.last_published_at,
        categories=categories,
    )


def practices_index_url(scope):
    index = public_pages(PracticesIndexPage).filter(locale=scope.locale).first()
    url = index.get_full_url(request=scope.request) if index else absolute("/")
    return f"{url}?theme={scope.theme.slug}" if scope.theme else url


def theme_of_slug(slug):
    """The source-language theme whose slug this is; themes share their slug across languages."""
    theme = Theme.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()
    if theme is None:
        raise Http404(_("Aucun thème ne porte cet identifiant."))
    return theme


class PracticesFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, slug=None):
        theme = theme_of_slug(slug) if slug is not None else None
        return FeedScope(locale=Locale.get_active(), theme=theme, request=request)

    def title(self, scope):
        if scope.theme:
            return _("Nouvelles pratiques — %(theme)s") % {"theme": scope.theme.localized.name}
        return _("Nouvelles pratiques du secteur médico-social")

    def description(self, scope):
        return _(
            "Les dernières fiches action, les derniers retours d’expérience et séminaires "
            "publiés sur la base de connaissances."
        )

    def link(self, scope):
        return practices_index_url(scope)

    def feed_url(self, scope):
        return absolute(scope.request.path)

    def items(self, scope):
        pages = specific_pages(newest_pages(scope.locale, scope.theme))
        theme_terms = localized_terms(Theme, scope.locale.pk)
        return [feed_item(page, theme_terms, scope.request) for page in pages]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return item.categories


class PracticesAtomFeed(PracticesFeed):
    feed_type = Atom1Feed

    def subtitle(self, scope):
        return self.description(scope)
