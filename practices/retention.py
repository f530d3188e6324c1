"""How long the training offers keep who registered (framework: `kb.retention`)."""

from kb.retention import Rule
from practices.models import TrainingRegistration

RULES = [
    Rule(
        "training_registrations",
        "Inscriptions aux sessions de formation passées (rendues anonymes)",
        lambda cutoff: TrainingRegistration.objects.filter(
            session__ends_at__lt=cutoff, user__isnull=False
        ),
        anonymise={"user": None},
    ),
]
