"""How long the site keeps what it records, and the purge that enforces it.

Each rule names rows past their retention period (in days, from
settings.DATA_RETENTION_DAYS) and either deletes them or removes the person from
them. Each installed app declares the rules of its own models as `RULES` in a
`retention` module (this one for accounts, background tasks, sessions and
sign-in attempts; `forums/retention.py`, `practices/retention.py`,
`search/retention.py`), found through the app registry.
docs/donnees-personnelles.md is the register these rules apply: a change here
is a change there.
"""

from dataclasses import dataclass
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kb.discovery import app_modules


@dataclass(frozen=True)
class Rule:
    """Rows that are kept no longer than `settings.DATA_RETENTION_DAYS[key]` days."""

    key: str
    label: str
    expired: callable  # (cutoff) -> queryset of the rows to purge
    anonymise: dict | None = None  # fields to empty instead of deleting the rows

    @property
    def days(self):
        return settings.DATA_RETENTION_DAYS[self.key]

    def queryset(self, now):
        return self.expired(now - timedelta(days=self.days))

    def apply(self, now):
        """Purge the expired rows; return how many there were."""
        rows = self.queryset(now)
        if self.anonymise:
            return rows.update(**self.anonymise)
        count = rows.count()
        rows.delete()
        return count


def unverified_accounts(cutoff):
    """Sign-ups whose address was never confirmed: the person never could sign in."""
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return (
        get_user_model()
        .objects.filter(
            date_joined__lt=cutoff, last_login__isnull=True, is_staff=False, is_superuser=False
        )
        .exclude(Exists(verified))
    )


RULES = [
    Rule(
        "unverified_accounts",
        "Comptes dont l’adresse n’a jamais été confirmée",
        unverified_accounts,
    ),
    Rule(
        "finished_tasks",
        "Résultats des tâches de fond terminées",
        lambda cutoff: DBTaskResult.objects.finished().filter(finished_at__lt=cutoff),
    ),
    Rule(
        "expired_sessions",
        "Sessions de connexion expirées",
        lambda cutoff: Session.objects.filter(expire_date__lt=cutoff),
    ),
    # What django-axes records of sign-ins: identifier typed, IP address, browser.
    Rule(
        "sign_in_attempts",
        "Échecs de connexion comptés pour le blocage",
        lambda cutoff: AccessAttempt.objects.filter(attempt_time__lt=cutoff),
    ),
    Rule(
        "sign_in_attempts",
        "Journal des échecs de connexion",
        lambda cutoff: AccessFailureLog.objects.filter(attempt_time__lt=cutoff),
    ),
    Rule(
        "sign_in_attempts",
        "Journal des connexions",
        lambda cutoff: AccessLog.objects.filter(attempt_time__lt=cutoff),
    ),
]


def rules():
    """Every installed app's rules, in INSTALLED_APPS order."""
    return [rule for module in app_modules("retention") for rule in module.RULES]


def purge(now=None, *, dry_run=False):
    """Apply every rule; return (rule, count) pairs. `dry_run` only counts."""
    now = now or timezone.now()
    results = []
    for rule in rules():
        if dry_run:
            results.append((rule, rule.queryset(now).count()))
            continue
        with transaction.atomic():
            results.append((rule, rule.apply(now)))
    return results
