"""What the document library shows: public documents, filtered and paginated.

A document is listed unless its collection is under a view restriction (the
rule the document API follows too, `kb.publication.restricted_collections`) or an
editor unchecked it. Forum attachments are not Wagtail documents: they never
reach this list. Filters are the site's (`kb.filters`), as on the practices lists:
an unknown value is reported and ignored.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.paginator import Paginator
from django.db.models import F, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.documents import get_document_model

from kb.filters import Choice, Filter, apply_request, page_number, related_to
from kb.models import Theme
from kb.models.library import FILE_FAMILIES, DocumentClassification, file_family_label
from kb.models.taxonomy import localized_terms, sort_key
from kb.publication import restricted_collections

DOCUMENTS_PER_PAGE = 12


@dataclass
class LibraryItem:
    document: object
    family_label: str
    extension: str
    size: int | None
    year: int | None
    themes: list[str]


def listed_documents():
    documents = get_document_model().objects.exclude(collection__in=restricted_collections())
    return documents.exclude(classification__listed=False).annotate(
        library_year=Coalesce("classification__year", ExtractYear("created_at"))
    )


def with_extensions(extensions):
    return reduce(or_, (Q(file__iendswith=f".{extension}") for extension in extensions))


def type_filter():
    choices = [
        Choice(key, label, lambda kind, exts=exts: with_extensions(exts))
        for key, (label, exts) in FILE_FAMILIES.items()
    ]
    return Filter("type", _("Type de fichier"), choices, _("Tous les types"))


def theme_filter(theme_terms):
    choices = [
        Choice(term.slug, term.label, related_to("classification__themes", term.pk))
        for term in theme_terms.values()
    ]
    choices.sort(key=lambda choice: sort_key(choice.label))
    return Filter("theme", _("Thème"), choices, _("Tous les thèmes"))


def tag_filter(documents):
    through = get_document_model().tags.through
    in_use = through.objects.filter(object_id__in=documents.values("pk")).values("tag_id")
    tags = Tag.objects.filter(pk__in=in_use).order_by("name")
    choices = [Choice(tag.slug, tag.name, related_to("tags", tag.pk)) for tag in tags]
    return Filter("tag", _("Mot-clé"), choices, _("Tous les mots-clés"))


def year_filter(documents):
    years = sorted(
        {year for year in documents.values_list("library_year", flat=True) if year},
        reverse=True,
    )
    choices = [Choice(str(year), str(year), related_to("library_year", year)) for year in years]
    return Filter("year", _("Année"), choices, _("Toutes les années"))


def library_item(document, theme_ids, theme_terms):
    extension = document.file_extension
    return LibraryItem(
        document=document,
        family_label=file_family_label(extension),
        extension=extension.upper(),
        size=document.get_file_size(),
        year=document.library_year,
        themes=sorted(theme_terms[pk].label for pk in theme_ids if pk in theme_terms),
    )


def library_context(request, page):
    documents = listed_documents()
    theme_terms = localized_terms(Theme, page.locale_id)
    filters = [
        type_filter(),
        theme_filter(theme_terms),
        tag_filter(documents),
        year_filter(documents),
    ]
    conditions, applied = apply_request(request, filters)
    for condition in conditions:
        documents = documents.filter(condition(None))
    documents = documents.distinct().order_by(
        F("library_year").desc(nulls_last=True), "title", "pk"
    )

    paginator = Paginator(documents.values_list("pk", flat=True), DOCUMENTS_PER_PAGE)
    page_obj = paginator.page(page_number(request.GET.get("page"), paginator.num_pages))
    ids = list(page_obj.object_list)
    shown = {document.pk: document for document in listed_documents().filter(pk__in=ids)}
    theme_ids = defaultdict(list)
    links = DocumentClassification.themes.through.objects.filter(
        documentclassification__document__in=ids
    ).values_list("documentclassification__document", "theme")
    for document_id, theme_id in links:
        theme_ids[document_id].append(theme_id)

    return {
        "items": [library_item(shown[pk], theme_ids[pk], theme_terms) for pk in ids if pk in shown],
        "result_count": paginator.count,
        "page_obj": page_obj,
        "filters": filters,
        "applied_filters": [item for item in applied if not item.ignored],
        "ignored_filters": [item for item in applied if item.ignored],
        "clear_filters_url": request.path if applied else "",
    }
