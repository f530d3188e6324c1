"""Practice pages and their parts, built the way an editor would fill them in.

Taxonomy terms come from the data migrations: `term(Theme, "jeunes-adultes")`
returns the French (source) row that pages are tagged with.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from stdnum import luhn

from kb.models import Audience, Department, EstablishmentType, Region, Theme
from practices.models import (
    ConcernedEstablishment,
    ExperimentIndexPage,
    ExperimentIndicator,
    ExperimentPage,
    PracticeLead,
    PracticeMilestone,
    PracticeSheetIndexPage,
    PracticeSheetIndicator,
    PracticeSheetPage,
    PracticesIndexPage,
    TrainingOfferIndexPage,
    TrainingOfferPage,
    TrainingSession,
)


def term(model, slug):
    return model.objects.get(slug=slug, locale__language_code="fr")


def valid_finess(prefix="34", body="000123"):
    """A FINESS number whose last digit is the Luhn key of the first eight."""
    number = f"{prefix}{body}"
    return number + luhn.calc_check_digit(number)


class TaggedPageFactory(wagtail_factories.PageFactory):
    """Tags are not a plain field: they are added once the page exists, then saved."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()


class PracticesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pratiques"
    slug = "pratiques"

    class Meta:
        model = PracticesIndexPage


class PracticeSheetIndexPageFactory(wagtail_factories.PageFactory):
    title = "Fiches action"
    slug = "fiches-action"

    class Meta:
        model = PracticeSheetIndexPage


class ExperimentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Retours d’expérience"
    slug = "retours-experience"

    class Meta:
        model = ExperimentIndexPage


class TrainingOfferIndexPageFactory(wagtail_factories.PageFactory):
    title = "Formations croisées"
    slug = "formations-croisees"

    class Meta:
        model = TrainingOfferIndexPage


class PracticeSheetPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Fiche action {n}")
    summary = factory.Sequence(lambda n: f"Résumé de la fiche action {n}.")
    objectives = "<p>Garantir quatre modalités d’accueil sur chaque territoire.</p>"

    class Meta:
        model = PracticeSheetPage


class ExperimentPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Retour d’expérience {n}")
    summary = factory.Sequence(lambda n: f"Résumé du retour d’expérience {n}.")
    kind = ExperimentPage.Kind.RESPITE_UNIT

    class Meta:
        model = ExperimentPage


class TrainingOfferPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Formation croisée {n}")
    summary = factory.Sequence(lambda n: f"Résumé de la formation {n}.")
    host = "DITEP Les Chênes"
    target_professions = "Éducateurs spécialisés, enseignants"
    topics = "<p>Connaître les missions de chacun.</p>"

    class Meta:
        model = TrainingOfferPage


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    offer = factory.SubFactory(TrainingOfferPageFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(hours=7))
    place = "Montpellier"
    seats = 12

    class Meta:
        model = TrainingSession


def sheet_indicator(**fields):
    defaults = {"name": "Jeunes accompagnés", "unit": "jeunes", "baseline": 10, "target": 30}
    return PracticeSheetIndicator(**{**defaults, **fields})


def experiment_indicator(**fields):
    defaults = {"name": "Séjours de répit", "unit": "séjours", "baseline": 0, "target": 40}
    return ExperimentIndicator(**{**defaults, **fields})


def lead(level, organisation, role=""):
    return PracticeLead(level=level, organisation=organisation, role=role)


def milestone(date, label):
    return PracticeMilestone(date=date, label=label)


def establishment(name, finess=None):
    return ConcernedEstablishment(name=name, finess=finess or valid_finess())


def described_page(section, title, description):
    """A page of `section` as a plain description says: kind, term slugs, codes, tags, year."""
    fields = {
        "title": title,
        "themes": [term(Theme, slug) for slug in description["themes"]],
        "audiences": [term(Audience, slug) for slug in description.get("audiences", [])],
        "establishment_types": [
            term(EstablishmentType, slug) for slug in description["establishments"]
        ],
        "regions": list(Region.objects.filter(code__in=description.get("regions", []))),
        "departments": list(Department.objects.filter(code__in=description.get("departments", []))),
        "tags": description.get("tags", []),
    }
    kind, year = description["kind"], description["year"]
    if kind == "sheet":
        fields.update(status=description["status"], start_date=datetime.date(year, 3, 1))
        return PracticeSheetPageFactory(parent=section.sheets, **fields)
    if kind == "experiment":
        return ExperimentPageFactory(
            parent=section.experiments, period_start=datetime.date(year, 9, 1), **fields
        )
    offer = TrainingOfferPageFactory(parent=section.trainings, **fields)
    starts_at = timezone.make_aware(datetime.datetime(year, 6, 15, 9))
    TrainingSessionFactory(offer=offer, starts_at=starts_at)
    return offer


def rich_items(section, count, theme_slugs, departments):
    """`count` pages of each type, each with several terms, tags, indicators and sessions."""
    themes = [term(Theme, slug) for slug in theme_slugs]
    for index in range(count):
        common = {
            "themes": themes,
            "departments": departments,
            "tags": [f"mot-{index}-{n}" for n in range(4)],
        }
        PracticeSheetPageFactory(
            parent=section.sheets,
            indicators=[sheet_indicator(name=f"Indicateur {n}") for n in range(5)],
            **common,
        )
        ExperimentPageFactory(
            parent=section.experiments,
            indicators=[experiment_indicator(name=f"Indicateur {n}") for n in range(5)],
            **common,
        )
        offer = TrainingOfferPageFactory(parent=section.trainings, **common)
        for day in range(3):
            TrainingSessionFactory(
                offer=offer, starts_at=timezone.now() + datetime.timedelta(days=10 + day)
            )
