"""Open data: practice sheets and experiments as CSV or JSON, described by a Table Schema.

The columns are those of the schemas in `practices/data/` (one per dataset), in
their order; each column's value is read from the page by the function of the
same name that the page's model declares in `open_data_columns`.
`datapackage.json` ties the files, their schemas and the Etalab Open Licence
2.0 together. Only pages anyone may read are exported
(`kb.publication.public_pages()`), in every language, a row per page.
"""

import csv
import datetime
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from kb.publication import public_pages
from practices.models import ExperimentPage, PracticeSheetPage

DATA_DIR = Path(__file__).resolve().parent / "data"
DATAPACKAGE_FILE = DATA_DIR / "datapackage.json"
CLASSIFICATION_RELATIONS = [
    "themes",
    "audiences",
    "establishment_types",
    "regions",
    "departments__region",
    "tagged_items__tag",
]


@dataclass(frozen=True)
class Dataset:
    name: str
    model: type
    relations: tuple[str, ...] = ()

    @property
    def columns(self):
        return self.model.open_data_columns

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


SHEETS = Dataset(name="fiches-action", model=PracticeSheetPage, relations=("establishments",))
EXPERIMENTS = Dataset(name="retours-experience", model=ExperimentPage, relations=("indicators",))
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
