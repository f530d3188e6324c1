from .experiments import ExperimentDocument, ExperimentIndicator, ExperimentPage, ExperimentTag
from .indexes import (
    ExperimentIndexPage,
    PracticeSheetIndexPage,
    PracticesIndexPage,
    TrainingOfferIndexPage,
)
from .measurements import IndicatorMeasurement
from .sheets import (
    ConcernedEstablishment,
    PracticeLead,
    PracticeMilestone,
    PracticeSheetDocument,
    PracticeSheetIndicator,
    PracticeSheetPage,
    PracticeSheetTag,
)
from .trainings import TrainingOfferPage, TrainingOfferTag, TrainingRegistration, TrainingSession

__all__ = [
    "ConcernedEstablishment",
    "ExperimentDocument",
    "ExperimentIndexPage",
    "ExperimentIndicator",
    "ExperimentPage",
    "ExperimentTag",
    "IndicatorMeasurement",
    "PracticeLead",
    "PracticeMilestone",
    "PracticeSheetDocument",
    "PracticeSheetIndexPage",
    "PracticeSheetIndicator",
    "PracticeSheetPage",
    "PracticeSheetTag",
    "PracticesIndexPage",
    "TrainingOfferIndexPage",
    "TrainingOfferPage",
    "TrainingOfferTag",
    "TrainingRegistration",
    "TrainingSession",
]
