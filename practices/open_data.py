"""Open data: practice sheets and experiments as CSV or JSON, described by a Table Schema.

The columns are those of the schemas in `practices/data/` (one per dataset), in
their order; each column's value is read from the page by the function of the
same name below. `datapackage.json` ties the files, their schemas and the
Etalab Open Licence 2.0 together. Only pages anyone may read are exported
(`kb.publication.public_pages()`), in every language, a row per page.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from wagtail.rich_text import get_text_for_indexing

from kb.publication import public_pages
from practices.models import ExperimentPage, PracticeSheetPage

DATA_DIR = Path(__file__).resolve().parent / "data"
DATAPACKAGE_FILE = DATA_DIR / "datapackage.json"
LIST_SEPARATOR = ";"
CLASSIFICATION_RELATIONS = [
    "themes",
    "audiences",
    "establishment_types",
    "regions",
    "departments__region",
    "tagged_items__tag",
]


def joined(values):
    return LIST_SEPARATOR.join(sorted(set(values)))


def plain_text(html):
    """Rich text as one paragraph of plain text, tags dropped and blanks collapsed."""
    return " ".join(get_text_for_indexing(html or "").split())


def utc_timestamp(moment):
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def region_codes(page):
    regions = {region.code for region in page.regions.all()}
    return joined(regions | {department.region.code for department in page.departments.all()})


COMMON_COLUMNS: dict[str, Callable] = {
    "identifiant": lambda page: page.pk,
    "cle_traduction": lambda page: str(page.translation_key),
    "langue": lambda page: page.locale.language_code,
    "titre": lambda page: page.title,
    "resume": lambda page: page.summary,
    "url": lambda page: page.get_full_url(),
    "themes": lambda page: joined(theme.slug for theme in page.themes.all()),
    "publics": lambda page: joined(audience.slug for audience in page.audiences.all()),
    "types_etablissement": lambda page: joined(
        kind.slug for kind in page.establishment_types.all()
    ),
    "codes_regions": region_codes,
    "codes_departements": lambda page: joined(d.code for d in page.departments.all()),
    "mots_cles": lambda page: joined(item.tag.name for item in page.tagged_items.all()),
    "organisation_contact": lambda page: page.contact_organisation,
    "licence": lambda page: page.licence,
    "derniere_relecture": lambda page: page.last_reviewed,
    "date_premiere_publication": lambda page: utc_timestamp(page.first_published_at),
    "date_derniere_publication": lambda page: utc_timestamp(page.last_published_at),
}


@dataclass(frozen=True)
class Dataset:
    name: str
    model: type
    columns: dict[str, Callable]
    relations: tuple[str, ...] = ()

    @property
    def schema_file(self):
        return DATA_DIR / f"schema-{self.name}.json"

    def schema(self):
        return load_json(self.schema_file)

    def field_names(self):
        return [field["name"] for field in self.schema()["fields"]]

    def pages(self):
        return (
            public_pages(self.model)
            .select_related("locale")
            .prefetch_related(*CLASSIFICATION_RELATIONS, *self.relations)
            .order_by("pk")
        )

    def records(self):
        """One dict per public page, its keys the schema's columns in their order."""
        names = self.field_names()
        return [{name: self.columns[name](page) for name in names} for page in self.pages()]


SHEETS = Dataset(
    name="fiches-action",
    model=PracticeSheetPage,
    columns={
        **COMMON_COLUMNS,
        "etat_avancement": lambda page: page.status,
        "objectifs": lambda page: plain_text(page.objectives),
        "date_lancement": lambda page: page.start_date,
        "delai_mise_en_oeuvre": lambda page: page.implementation_delay,
        "calendrier": lambda page: page.calendar,
        "finess_etablissements": lambda page: joined(e.finess for e in page.establishments.all()),
    },
    relations=("establishments",),
)
EXPERIMENTS = Dataset(
    name="retours-experience",
    model=ExperimentPage,
    columns={
        **COMMON_COLUMNS,
        "type_dispositif": lambda page: page.kind,
        "description": lambda page: plain_text(page.description),
        "age_minimum": lambda page: page.age_min,
        "age_maximum": lambda page: page.age_max,
        "sexe": lambda page: page.sex,
        "date_debut": lambda page: page.period_start,
        "date_fin": lambda page: page.period_end,
        "etp_total": lambda page: page.staff_fte,
        "budget_annuel_euros": lambda page: page.annual_budget,
        "completude_pourcentage": lambda page: page.completeness_percent(),
    },
    relations=("indicators",),
)
DATASETS = {dataset.name: dataset for dataset in (SHEETS, EXPERIMENTS)}
FORMATS = ("csv", "json")


@cache
def load_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}


def datapackage(output_format="csv"):
    """The data package descriptor, its resources in `output_format`."""
    descriptor = load_json(DATAPACKAGE_FILE)
    resources = [
        {
            **resource,
            "path": f"{resource['name']}.{output_format}",
            "format": output_format,
            "mediatype": MEDIA_TYPES[output_format],
        }
        for resource in descriptor["resources"]
    ]
    return {**descriptor, "resources": resources}


def cell(value):
    """A value as a JSON document holds it: numbers stay numbers, empty text is null."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if value != "" else None


def as_csv(dataset):
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=dataset.field_names(), lineterminator="\n")
    writer.writeheader()
    for record in dataset.records():
        writer.writerow({name: "" if value is None else value for name, value in record.items()})
    return output.getvalue()


def as_json(dataset):
    rows = [{name: cell(value) for name, value in record.items()} for record in dataset.records()]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def export(dataset, output_format):
    return as_csv(dataset) if output_format == "csv" else as_json(dataset)


def write_package(directory, output_format):
    """Every dataset, its schema and the descriptor in `directory`; the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for dataset in DATASETS.values():
        data_path = directory / f"{dataset.name}.{output_format}"
        data_path.write_text(export(dataset, output_format), encoding="utf-8")
        schema_path = directory / dataset.schema_file.name
        schema_path.write_text(dataset.schema_file.read_text(encoding="utf-8"), encoding="utf-8")
        written += [data_path, schema_path]
    package_path = directory / DATAPACKAGE_FILE.name
    package_path.write_text(
        json.dumps(datapackage(output_format), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return [*written, package_path]
