"""A practices section under each home page, as editors set it up, and a cross-training in it."""

from dataclasses import dataclass

import pytest
from wagtail.models import Page

from .factories import (
    ExperimentIndexPageFactory,
    PracticeSheetIndexPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
)
from .training_fixtures import offer

__all__ = ["offer", "practices_en", "practices_fr"]


@dataclass
class PracticesSection:
    root: Page
    sheets: Page
    experiments: Page
    trainings: Page


@pytest.fixture
def practices_fr(home_page_fr):
    root = PracticesIndexPageFactory(parent=home_page_fr)
    return PracticesSection(
        root=root,
        sheets=PracticeSheetIndexPageFactory(parent=root),
        experiments=ExperimentIndexPageFactory(parent=root),
        trainings=TrainingOfferIndexPageFactory(parent=root),
    )


@pytest.fixture
def practices_en(home_page_en):
    root = PracticesIndexPageFactory(parent=home_page_en, title="Practices", slug="practices")
    return PracticesSection(
        root=root,
        sheets=PracticeSheetIndexPageFactory(parent=root, title="Action sheets", slug="sheets"),
        experiments=ExperimentIndexPageFactory(
            parent=root, title="Experience reports", slug="experiments"
        ),
        trainings=TrainingOfferIndexPageFactory(
            parent=root, title="Cross-training", slug="cross-training"
        ),
    )
