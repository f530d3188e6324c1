"""The kinds of capitalised page the practices section lists, and what dates a training."""

from django.utils.text import capfirst

from practices.models import ExperimentPage, PracticeSheetPage, TrainingOfferPage, TrainingSession

KIND_MODELS = {
    "sheet": PracticeSheetPage,
    "experiment": ExperimentPage,
    "training": TrainingOfferPage,
}


def kind_of(page):
    """The listing's name for a capitalised page's type: sheet, experiment or training."""
    for kind, model in KIND_MODELS.items():
        if isinstance(page, model):
            return kind
    return None


def kind_label(kind):
    return capfirst(KIND_MODELS[kind]._meta.verbose_name)


def sessions_of(offer_translation_keys):
    """Sessions are attached to one language's offer and shared by all its translations."""
    return TrainingSession.objects.filter(
        offer__translation_key__in=offer_translation_keys, is_cancelled=False
    )
