"""What the training offers hold about a person, for the export and the account's closing.

The register's framework is `kb.personal_data`; docs/donnees-personnelles.md
describes these rows for people. Past registrations stay as anonymous rows so
that training figures remain true; future ones are withdrawn first, freeing
the seats for others.
"""

from django.utils import timezone

from kb.personal_data import ANONYMISED, UserLink, iso
from practices import registrations
from practices.models import TrainingRegistration

USER_LINKS = {
    "practices.TrainingRegistration.user": UserLink("training_registrations", ANONYMISED),
}


def sections(user):
    return {
        "training_registrations": [
            {
                "training": registration.session.offer.title,
                "starts_at": iso(registration.session.starts_at),
                "status": registration.status,
                "created_at": iso(registration.created_at),
            }
            for registration in TrainingRegistration.objects.filter(user=user).select_related(
                "session__offer"
            )
        ],
    }


def before_closing(user):
    """Withdraw the registrations to sessions still to come, as the person would."""
    upcoming = TrainingRegistration.objects.filter(
        user=user, status__in=registrations.ACTIVE, session__starts_at__gt=timezone.now()
    ).select_related("session__offer")
    for registration in upcoming:
        registrations.cancel(registration, user)
