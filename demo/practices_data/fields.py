"""How the demo specs of `demo.practices_data` become page field values.

Prose becomes rich text, figures become decimals, taxonomy slugs and INSEE codes
become the French terms and territories, tags and child rows become the
modelcluster rows that page constructors and revisions accept.
"""

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.utils.html import format_html, format_html_join
from stdnum import luhn
from taggit.models import Tag

from kb.models import Audience, Department, EstablishmentType, Region, Theme
from practices.models import (
    ConcernedEstablishment,
    ExperimentIndicator,
    ExperimentTag,
    PracticeLead,
    PracticeMilestone,
    PracticeSheetIndicator,
    PracticeSheetTag,
    TrainingOfferTag,
)

# Child rows (leads, milestones, indicators) of a page and of its translation share a
# translation key, as wagtail-localize expects; deriving it from the French slug and the
# row's position keeps it the same from one run to the next.
ROW_KEYS = uuid.UUID("5d0c8f52-6a1e-4c47-9a63-2f1f0c6b7e10")


class Vocabulary:
    """Taxonomy terms, territories and tags, each read once per run."""

    def __init__(self):
        source = {"locale__language_code": settings.LANGUAGE_CODE}
        self.tables = {
            "themes": {term.slug: term for term in Theme.objects.filter(**source)},
            "audiences": {term.slug: term for term in Audience.objects.filter(**source)},
            "types": {term.slug: term for term in EstablishmentType.objects.filter(**source)},
            "regions": {region.code: region for region in Region.objects.all()},
            "departments": {department.code: department for department in Department.objects.all()},
        }
        self.tags = {}

    def pick(self, table, keys):
        rows = self.tables[table]
        unknown = sorted(set(keys) - set(rows))
        if unknown:
            raise ValueError(f"Unknown {table} in the demo data: {', '.join(unknown)}")
        return [rows[key] for key in keys]

    def tag(self, name):
        if name not in self.tags:
            # Tags are case-insensitive on this site: reuse "CPOM" if an editor typed "cpom".
            self.tags[name] = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
                name=name
            )
        return self.tags[name]

    def classification(self, spec, tag_model):
        return {
            "themes": self.pick("themes", spec["themes"]),
            "audiences": self.pick("audiences", spec["audiences"]),
            "establishment_types": self.pick("types", spec["types"]),
            "regions": self.pick("regions", spec["regions"]),
            "departments": self.pick("departments", spec["departments"]),
            # Tags go through their child rows: the constructor and revisions only know those.
            "tagged_items": [tag_model(tag=self.tag(name)) for name in spec["tags"]],
        }


def rich(value):
    """A string is one paragraph, a list a bulleted list."""
    if not value:
        return ""
    if isinstance(value, str):
        return format_html("<p>{}</p>", value)
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in value)))


def day(value):
    return dt.date.fromisoformat(value) if value else None


def number(value):
    return None if value is None else Decimal(str(value))


def finess(department, serial):
    """A FINESS number whose last digit is the Luhn key of the eight before it."""
    body = f"{department}{serial}"
    return body + luhn.calc_check_digit(body)


def indicators(spec, model):
    return [
        model(
            name=name,
            unit=unit,
            baseline=number(baseline),
            target=number(target),
            latest_value=number(latest),
            latest_value_date=day(latest_date),
            translation_key=row_key(spec, "indicators", position),
        )
        for position, (name, unit, baseline, target, latest, latest_date) in enumerate(
            spec["indicators"]
        )
    ]


def contact_fields(spec):
    name, organisation, email = spec["contact"]
    return {
        "contact_name": name,
        "contact_organisation": organisation,
        "contact_email": email,
        "last_reviewed": day(spec["reviewed"]),
    }


def row_key(spec, relation, position):
    return uuid.uuid5(ROW_KEYS, f"{spec['slug']}/{relation}/{position}")


def sheet_fields(spec, vocabulary):
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "status": spec["status"],
        "context": rich(spec["context"]),
        "objectives": rich(spec["objectives"]),
        "implementation_delay": spec["delay"],
        "start_date": day(spec["start"]),
        "calendar": spec["calendar"],
        "participants": rich(spec["participants"]),
        "steps": [("phase", {"title": title, "steps": steps}) for title, steps in spec["steps"]],
        "resources": rich(spec["resources"]),
        "deliverables": rich(spec["deliverables"]),
        "leads": [
            PracticeLead(
                level=level,
                organisation=organisation,
                role=role,
                translation_key=row_key(spec, "leads", position),
            )
            for position, (level, organisation, role) in enumerate(spec["leads"])
        ],
        "milestones": [
            PracticeMilestone(
                date=day(date), label=label, translation_key=row_key(spec, "milestones", position)
            )
            for position, (date, label) in enumerate(spec["milestones"])
        ],
        "indicators": indicators(spec, PracticeSheetIndicator),
        "establishments": [
            ConcernedEstablishment(finess=finess(department, serial), name=name)
            for department, serial, name in spec["establishments"]
        ],
        **vocabulary.classification(spec, PracticeSheetTag),
        **contact_fields(spec),
    }


EXPERIMENT_TEXTS = [
    "situations",
    "partners",
    "description",
    "positive_results",
    "difficulties",
    "success_factors",
    "pitfalls",
    "organisation_model",
    "staff",
    "funding",
    "evaluation_method",
    "evaluation_results",
]


def experiment_fields(spec, vocabulary):
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "kind": spec["kind"],
        "age_min": spec["age_min"],
        "age_max": spec["age_max"],
        "sex": spec["sex"],
        "period_start": day(spec["period_start"]),
        "period_end": day(spec["period_end"]),
        "staff_fte": number(spec["staff_fte"]),
        "annual_budget": number(spec["budget"]),
        **{name: rich(spec[name]) for name in EXPERIMENT_TEXTS},
        "indicators": indicators(spec, ExperimentIndicator),
        **vocabulary.classification(spec, ExperimentTag),
        **contact_fields(spec),
    }


def training_fields(spec, vocabulary):
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "host": spec["host"],
        "target_professions": spec["target_professions"],
        "topics": rich(spec["topics"]),
        **vocabulary.classification(spec, TrainingOfferTag),
        **contact_fields(spec),
    }


def in_english(spec, english):
    """The French spec with its words replaced by `english`; slug, levels, dates, figures kept."""
    merged = {**spec, **english, "slug": spec["slug"]}
    if "leads" in english:
        merged["leads"] = [
            (level, organisation, role)
            for (level, _, _), (organisation, role) in zip(
                spec["leads"], english["leads"], strict=True
            )
        ]
    if "milestones" in english:
        merged["milestones"] = [
            (date, label)
            for (date, _), label in zip(spec["milestones"], english["milestones"], strict=True)
        ]
    merged["indicators"] = [
        (name, unit, *figures)
        for (_, _, *figures), (name, unit) in zip(
            spec.get("indicators", []), english.get("indicators", []), strict=True
        )
    ]
    name, _, email = spec["contact"]
    merged["contact"] = (name, english["contact_organisation"], email)
    return merged
