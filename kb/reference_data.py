"""Loads the reference taxonomy (geography, themes, audiences, establishment types).

The same function runs in the data migration (with historical models) and in
the `load_reference_data` command (with the live ones), so a fresh database and
an existing one end up with the same rows. It only adds or renames: rows that
editors created themselves are left alone.
"""

import json
import uuid
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCE_LANGUAGE = "fr"
TRANSLATION_LANGUAGE = "en"


def read_data(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def load_territories(get_model):
    Region = get_model("kb", "Region")
    Department = get_model("kb", "Department")
    data = read_data("territories.json")
    regions = {}
    for row in data["regions"]:
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "name_en": row["name_en"]}
        )
    for row in data["departments"]:
        Department.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "name_en": row["name_en"],
                "region": regions[row["region"]],
            },
        )


def load_translatable_terms(get_model, model_name, rows):
    """One row per language, both sharing a translation key, matched by slug."""
    Model = get_model("kb", model_name)
    Locale = get_model("wagtailcore", "Locale")
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    target, _ = Locale.objects.get_or_create(language_code=TRANSLATION_LANGUAGE)
    for row in rows:
        extra = {"acronym": row["acronym"]} if "acronym" in row else {}
        existing = Model.objects.filter(slug=row["slug"], locale=source).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for locale, name in ((source, row["fr"]), (target, row["en"])):
            Model.objects.update_or_create(
                slug=row["slug"],
                locale=locale,
                defaults={"name": name, "translation_key": key, **extra},
            )


def load_reference_data(get_model):
    load_territories(get_model)
    data = read_data("taxonomy.json")
    load_translatable_terms(get_model, "Theme", data["themes"])
    load_translatable_terms(get_model, "Audience", data["audiences"])
    load_translatable_terms(get_model, "EstablishmentType", data["establishment_types"])
