"""Read-only JSON API (Wagtail API v2) of the published, public content.

Every list, detail, search and tree filter (`child_of`, `descendant_of`...)
starts from `kb.publication.public_pages()`, whoever asks: a signed-in editor
gets the same answers as anyone, so that nothing private is ever cached or
re-published from here. Documents of a collection under a view restriction
are never listed.

What the API shows of a page type, beyond id, type and title, is what its
model declares in `api_fields` (Wagtail's declaration; `kb.api_fields` holds
the serializers they name): a new field is declared next to the model, not here.

Besides Wagtail's own filters (`type`, `locale`, `child_of`, a field's
name...), three filters read the taxonomy: `theme=<slug>`,
`territory=region:<INSEE code>` or `territory=departement:<INSEE code>`, and
`tag=<name>`. The first two are the site's list filters (`kb.filters`); a theme or a
territory that names nothing answers 400 with the reason.
`search=<words>` is the site's search (`SiteSearchFilter`), not Wagtail's; on documents it
matches their titles (`DocumentTitleFilter`).
"""

from django.conf import settings
from django.db.models import Case, Q, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import APIException
from rest_framework.filters import BaseFilterBackend
from taggit.models import Tag
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import Locale, Site, get_page_models

from kb.filters import Choice, Condition, Filter, apply_request, in_region, matching, related_to
from kb.models import Department, Region, Theme
from kb.publication import public_pages, restricted_collections
from search.backends import get_backend
from search.engine_client import SearchEngineUnavailable
from search.indexing import page_ids
from search.query import SearchRequest, clean_text

# How many best matches of `?search=` are kept, per language, before the other filters apply.
SEARCH_CANDIDATES = 1000


def api_page_types():
    """The page types that declare what the API shows of them (`api_fields`)."""
    return [model for model in get_page_models() if getattr(model, "api_fields", None)]


def prefetched(model):
    """The relations the declared fields of `model` read, fetched for a whole list page at once.

    A relation named in `api_fields` is found by its name; one that a field reads
    through a method is declared in `api_prefetch`.
    """
    names = {getattr(field, "name", field) for field in getattr(model, "api_fields", ())}
    declared = [
        field.name
        for field in model._meta.get_fields()
        if field.name in names and (field.many_to_many or field.one_to_many)
    ]
    return declared + list(getattr(model, "api_prefetch", ()))


def related_to_any(relation, condition):
    """Pages of any API page type whose `relation` meets `condition`, as one Q."""
    matches = Q(pk__in=[])
    for model in api_page_types():
        if holds(model, relation):
            matches |= Q(pk__in=model.objects.filter(condition).values("pk"))
    return matches


def holds(model, relation):
    return any(field.name == relation for field in model._meta.get_fields())


def where_held(*alternatives) -> Condition:
    """The condition of the first (relation, condition) whose relation a page type has;
    None for a page type that has none of them."""

    def condition(model):
        for relation, relation_condition in alternatives:
            if holds(model, relation):
                return relation_condition(model)
        return None

    return condition


def theme_filter():
    themes = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    choices = [
        Choice(theme.slug, theme.name, where_held(("themes", related_to("themes", theme.pk))))
        for theme in themes
    ]
    return Filter("theme", gettext_lazy("Thème"), choices)


def territory_filter():
    """`region:<code>` finds what was described by région or by one of its départements, and
    the seminars held in it."""
    regions = [
        Choice(
            f"region:{region.code}",
            region.display_name,
            where_held(
                ("regions", in_region(region.pk)), ("region", related_to("region", region.pk))
            ),
        )
        for region in Region.objects.all()
    ]
    departments = [
        Choice(
            f"departement:{department.code}",
            str(department),
            where_held(("departments", related_to("departments", department.pk))),
        )
        for department in Department.objects.all()
    ]
    return Filter("territory", gettext_lazy("Territoire"), regions + departments)


def unknown_theme(value, filter_):
    known = ", ".join(choice.value for choice in filter_.choices)
    return _("Thème inconnu « %(slug)s ». Thèmes connus : %(known)s.") % {
        "slug": value,
        "known": known,
    }


def unknown_territory(value, filter_):
    return _(
        "Territoire inconnu « %(value)s ». Écrivez region:<code INSEE> "
        "(ex. region:76) ou departement:<code INSEE> (ex. departement:34)."
    ) % {"value": value}


# The taxonomy filters of the API, and what it answers when a value names nothing.
TAXONOMY_FILTERS = {
    "theme": (theme_filter, unknown_theme),
    "territory": (territory_filter, unknown_territory),
}


class TaxonomyFilter(BaseFilterBackend):
    """`theme` and `territory`, filtered as every list of the site is (`kb.filters`). A
    value naming nothing answers 400 with the reason, where a list reports it and shows
    everything: a program that asks for it gets no list it did not ask for."""

    def filter_queryset(self, request, queryset, view):
        conditions = []
        for name, (build, unknown) in TAXONOMY_FILTERS.items():
            if name not in request.GET:
                continue
            filter_ = build()
            chosen, applied = apply_request(request, [filter_])
            for item in applied:
                if item.ignored:
                    raise BadRequestError(unknown(item.value, filter_))
            conditions += chosen
        if not conditions:
            return queryset
        found = matching(api_page_types(), conditions, lambda model: model.objects.all())
        return queryset.filter(found) if found is not None else queryset.none()


class TagFilter(BaseFilterBackend):
    """`tag=<name>`: a tag is a word anyone may have typed, matched by name or slug; one
    that no page holds finds nothing."""

    def filter_queryset(self, request, queryset, view):
        if "tag" not in request.GET:
            return queryset
        tag = request.GET["tag"]
        # By slug as well: SQLite compares only ASCII letters without case.
        condition = Q(tags__name__iexact=tag) | Q(tags__slug=Tag().slugify(tag))
        return queryset.filter(related_to_any("tags", condition))


class KnownLocaleFilter(LocaleFilter):
    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            known = ", ".join(Locale.objects.values_list("language_code", flat=True))
            raise BadRequestError(
                _("Langue inconnue « %(code)s ». Langues : %(known)s.")
                % {"code": code, "known": known}
            )
        return super().filter_queryset(request, queryset, view)


class SiteSearchFilter(BaseFilterBackend):
    """`?search=` answered by the site's search (`search.backends`), best first.

    The same words, synonyms, typo tolerance and ranking as the search page, among
    public documents, in the language of `locale` (in every language otherwise,
    French first). The API's other filters then decide which of them are shown.
    An unreachable engine answers 503.
    """

    def filter_queryset(self, request, queryset, view):
        text = clean_text(request.GET.get("search", ""))
        if not text:
            return queryset
        code = request.GET.get("locale")
        languages = [code] if code else [language for language, _name in settings.LANGUAGES]
        backend = get_backend()
        try:
            keys = [
                key
                for language in languages
                for key in backend.ranked_keys(
                    SearchRequest(text=text, language=language), SEARCH_CANDIDATES
                )
            ]
        except SearchEngineUnavailable as error:
            raise SearchUnavailable from error
        ranked_ids = page_ids(keys)
        found = queryset.filter(pk__in=ranked_ids)
        if "order" in request.GET or not ranked_ids:
            return found
        return found.order_by(Case(*(When(pk=pk, then=rank) for rank, pk in enumerate(ranked_ids))))


class SearchUnavailable(APIException):
    status_code = 503
    default_detail = gettext_lazy("La recherche est momentanément indisponible.")


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        {LocaleFilter: KnownLocaleFilter, SearchFilter: SiteSearchFilter}.get(backend, backend)
        for backend in PagesAPIViewSet.filter_backends
    ]
    # The search must come last: its results cannot be filtered further.
    filter_backends[-1:-1] = [TaxonomyFilter, TagFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        ["theme", "territory", "tag"]
    )

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("locale").prefetch_related(*prefetched(queryset.model))

    def get_base_queryset(self):
        """The public pages of the site's tree in every language."""
        site = Site.find_for_request(self.request)
        if site is None:
            return public_pages().none()
        roots = Q()
        for root in [site.root_page, *site.root_page.get_translations()]:
            roots |= Q(path__startswith=root.path)
        return public_pages().filter(roots)


class DocumentTitleFilter(BaseFilterBackend):
    """`?search=` on documents: each word found in the title, plainly.

    Wagtail's own search hands the words to the database's full-text syntax, where
    a lone quote is an error; a title match cannot fail that way.
    """

    MAX_WORDS = 10

    def filter_queryset(self, request, queryset, view):
        for word in request.GET.get("search", "").split()[: self.MAX_WORDS]:
            queryset = queryset.filter(title__icontains=word)
        return queryset


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = [
        DocumentTitleFilter if backend is SearchFilter else backend
        for backend in DocumentsAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collections()).order_by("id")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
