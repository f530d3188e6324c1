"""Practice pages and their parts, built the way an editor would fill them in.

Taxonomy terms come from the data migrations: `term(Theme, "jeunes-adultes")`
returns the French (source) row that pages are tagged with.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from stdnum import luhn

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
