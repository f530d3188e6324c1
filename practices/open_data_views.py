"""The « Données ouvertes » page and the downloads it offers: data, schemas, descriptor."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from kb.models import Theme
from kb.models.taxonomy import localized_terms, sort_key
from kb.navigation import breadcrumb
from practices.open_data import DATASETS, FORMATS, MEDIA_TYPES, datapackage, export, load_json

JSON_OPTIONS = {"ensure_ascii": False, "indent": 2}


def dataset_named(name):
    if name not in DATASETS:
        raise Http404(_("Ce jeu de données n’existe pas."))
    return DATASETS[name]


@require_GET
def open_data_page(request):
    descriptor = datapackage()
    datasets = [
        {
            "title": resource["title"],
            "count": DATASETS[resource["name"]].pages().count(),
            "downloads": [
                (
                    output_format.upper(),
                    reverse("open_data_download", args=[resource["name"], output_format]),
                )
                for output_format in FORMATS
            ],
            "schema_url": reverse("open_data_schema", args=[resource["name"]]),
        }
        for resource in descriptor["resources"]
    ]
    themes = sorted(
        localized_terms(Theme, Locale.get_active().pk).values(),
        key=lambda term: sort_key(term.label),
    )
    return render(
        request,
        "practices/open_data.html",
        {
            "datasets": datasets,
            "licence": descriptor["licenses"][0],
            "themes": themes,
            "breadcrumb": breadcrumb(request, _("Données ouvertes")),
        },
    )


@require_GET
def download(request, name, output_format):
    dataset = dataset_named(name)
    if output_format not in FORMATS:
        raise Http404(_("Ce format n’est pas proposé."))
    response = HttpResponse(
        export(dataset, output_format),
        content_type=f"{MEDIA_TYPES[output_format]}; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.{output_format}"'
    return response


@require_GET
def schema(request, name):
    return JsonResponse(load_json(dataset_named(name).schema_file), json_dumps_params=JSON_OPTIONS)


@require_GET
def datapackage_descriptor(request):
    return JsonResponse(datapackage(), json_dumps_params=JSON_OPTIONS)
