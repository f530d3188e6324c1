"""Which public pages the observatory counts, and the filters a visitor chose among them.

The filters are those of the practices lists, with the same GET parameters, so
that a territory on the map links to the list that shows the same pages. An
unknown value is ignored and reported, as on the lists.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from kb.filters import AppliedFilter, Choice, Filter, apply_request, term_filter
from kb.models import Audience, EstablishmentType, Theme
from kb.models.taxonomy import localized_terms
from practices.filters import of_kind, status_filter
from practices.kinds import KIND_MODELS, kind_label
from practices.listing import of_kinds, section_pages
from practices.models import PracticesIndexPage

LEVELS = {"region": _("Régions"), "departement": _("Départements")}
FILTER_NAMES = ("theme", "audience", "etablissement", "status")


@dataclass
class Selection:
    kind: str
    level: str
    locale: Locale
    root: Page | None
    filters: list[Filter]
    conditions: list
    applied: list[AppliedFilter] = field(default_factory=list)
    ignored: list[AppliedFilter] = field(default_factory=list)

    @property
    def kind_label(self):
        return kind_label(self.kind)

    @property
    def kind_plural(self):
        return KIND_MODELS[self.kind]._meta.verbose_name_plural

    def pages(self):
        """Live public pages of the chosen kind, language and filters, aliases left out."""
        return self.pages_of(self.kind)

    def pages_of(self, kind):
        if self.root is not None:
            section = section_pages(self.root, tuple(KIND_MODELS))
        else:
            section = Page.objects.live().public().filter(locale=self.locale, alias_of__isnull=True)
        matching = of_kinds([kind], self.conditions)
        pages = section.filter(matching) if matching is not None else section.none()
        return KIND_MODELS[kind].objects.filter(pk__in=pages.values("pk"))

    def filter_pairs(self):
        """The chosen filter values as GET pairs, for links, cache keys and downloads."""
        return [
            (filter_.name, choice.value)
            for filter_ in self.filters
            if filter_.name in FILTER_NAMES
            for choice in filter_.choices
            if choice.selected
        ]

    def listing_url(self, level, code):
        if self.root is None:
            return ""
        pairs = [("type", self.kind), (level, code), *self.filter_pairs()]
        return f"{self.root.url}?{urlencode(pairs)}"

    def query_string(self, **changes):
        pairs = {"quoi": self.kind, "niveau": self.level, **changes}
        return urlencode([*pairs.items(), *self.filter_pairs()])


def kind_filter():
    choices = [Choice(kind, kind_label(kind), of_kind(kind)) for kind in KIND_MODELS]
    return Filter("quoi", _("Contenus comptés"), choices)


def level_filter():
    return Filter(
        "niveau", _("Échelle"), [Choice(code, label, None) for code, label in LEVELS.items()]
    )


def chosen(filter_, request, default):
    raw = request.GET.get(filter_.name, "").strip()
    values = [choice.value for choice in filter_.choices]
    value = raw if raw in values else default
    for choice in filter_.choices:
        choice.selected = choice.value == value
    ignored = [] if not raw or raw in values else [AppliedFilter(filter_.label, raw, "", True)]
    return value, ignored


def practices_root(locale):
    return PracticesIndexPage.objects.live().filter(locale=locale).order_by("path").first()


def selection_for(request, locale=None, with_status=True):
    """The visitor's selection; `locale` defaults to the language being read.

    `locale` says which pages are counted; the filters' terms are always named in the
    language being read, even when the source-language pages are counted.
    """
    reading = Locale.get_active()
    locale = locale or reading
    kinds, levels = kind_filter(), level_filter()
    kind, ignored_kind = chosen(kinds, request, "sheet")
    level, ignored_level = chosen(levels, request, "region")
    filters = [
        term_filter(
            "theme", _("Thème"), _("Tous les thèmes"), localized_terms(Theme, reading.pk), "themes"
        ),
        term_filter(
            "audience",
            _("Public"),
            _("Tous les publics"),
            localized_terms(Audience, reading.pk),
            "audiences",
        ),
        term_filter(
            "etablissement",
            _("Type d’établissement"),
            _("Tous les types"),
            localized_terms(EstablishmentType, reading.pk),
            "establishment_types",
        ),
        *([status_filter()] if with_status and kind == "sheet" else []),
    ]
    conditions, applied = apply_request(request, filters)
    return Selection(
        kind=kind,
        level=level,
        locale=locale,
        root=practices_root(locale),
        filters=[kinds, levels, *filters],
        conditions=conditions,
        applied=[item for item in applied if not item.ignored],
        ignored=[*ignored_kind, *ignored_level, *(item for item in applied if item.ignored)],
    )


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)
