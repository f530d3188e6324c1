"""The observatory's figures, kept in the database and served stale while their refresh runs.

Every change that alters a figure (a publication, a reading, a registration)
raises the generation in its own transaction and asks for one refresh job
after it commits (see `measurements` and `tasks`). Each stored figure carries
the generation it was computed for:

- of the current generation, it is served;
- older, it is still served while a refresh is due and not overdue: visitors
  get the previous figures, never a computation, until the job replaces them;
- missing (a filter combination nobody asked for yet), or older once the
  refresh has run without it, it is computed in the request and kept.

The job computes the pages that visitors reach without choosing filters and
writes their figures together, in one transaction, at the end.
"""

import contextlib
import contextvars
import datetime
import hashlib
import logging
import pickle
from dataclasses import dataclass, field

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Case, F, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from practices.observatory.models import FiguresGeneration, FiguresSnapshot

logger = logging.getLogger(__name__)

# Past this delay without a refresh (no worker running?), stale figures are recomputed
# by the visitors who ask for them: never staler than this.
REFRESH_DEADLINE = datetime.timedelta(minutes=10)
GENERATION_ROW = 1


@dataclass
class Refresh:
    """Figures computed by one refresh run, all of the generation it started at."""

    generation: int
    values: dict = field(default_factory=dict)

    def value(self, key, compute):
        if key not in self.values:
            self.values[key] = compute()
        return self.values[key]


running_refresh = contextvars.ContextVar("running_refresh", default=None)
computed_in_request = contextvars.ContextVar("computed_in_request", default=None)


def figures_changed():
    """Make every stored figure stale, in the caller's transaction."""
    now = timezone.now()
    raised = FiguresGeneration.objects.filter(pk=GENERATION_ROW).update(
        number=F("number") + 1, refresh_due_since=Coalesce("refresh_due_since", Value(now))
    )
    if not raised:
        generation_row(number=2, refresh_due_since=now)


def generation_row(**defaults):
    try:
        with transaction.atomic():
            row, _created = FiguresGeneration.objects.get_or_create(
                pk=GENERATION_ROW, defaults=defaults
            )
    except IntegrityError:
        row = FiguresGeneration.objects.get(pk=GENERATION_ROW)
    return row


def key_of(name, parts):
    return f"{name}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"


def stored(key):
    """(current generation, refresh due since, stored generation, stored value), in one query."""
    snapshot = FiguresSnapshot.objects.filter(key=key)
    row = (
        FiguresGeneration.objects.filter(pk=GENERATION_ROW)
        .annotate(
            stored_generation=Subquery(snapshot.values("generation")[:1]),
            stored_value=Subquery(snapshot.values("value")[:1]),
        )
        .values_list("number", "refresh_due_since", "stored_generation", "stored_value")
        .first()
    )
    if row is None:
        generation_row()
        return stored(key)
    return row


def refresh_under_way(due_since):
    return due_since is not None and timezone.now() - due_since < REFRESH_DEADLINE


def cached(name, parts, compute):
    """The figure `name` of `parts`, from the database when it may be served, else `compute()`d.

    The figures computed within one request are kept together, in one transaction,
    as of the generation read before the first of them was computed.
    """
    key = key_of(name, parts)
    refresh = running_refresh.get()
    if refresh is not None:
        return refresh.value(key, compute)
    generation, due_since, stored_generation, value = stored(key)
    if value is not None and (stored_generation >= generation or refresh_under_way(due_since)):
        return pickle.loads(value)
    computed = computed_in_request.get()
    if computed is not None:
        computed[key] = compute()
        return computed[key]
    computed = {}
    token = computed_in_request.set(computed)
    try:
        computed[key] = compute()
    finally:
        computed_in_request.reset(token)
    try:
        with transaction.atomic():
            keep(computed, generation)
    except DatabaseError:
        # Figures that cannot be kept (the database busy with a write) are still shown.
        logger.warning("Observatory figure %s computed but not kept", name, exc_info=True)
    return computed[key]


def keep(values, generation):
    """Store `values` by key as of `generation`, leaving alone any already of a newer one."""
    newer = set(
        FiguresSnapshot.objects.filter(key__in=values, generation__gt=generation).values_list(
            "key", flat=True
        )
    )
    now = timezone.now()
    FiguresSnapshot.objects.bulk_create(
        [
            FiguresSnapshot(
                key=key,
                generation=generation,
                value=pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
                computed_at=now,
            )
            for key, value in values.items()
            if key not in newer
        ],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["generation", "value", "computed_at"],
    )


@contextlib.contextmanager
def refreshing():
    """Compute afresh every figure asked for within, then replace the stored ones at once.

    Until the final transaction commits, visitors are served the previous
    figures. A change committed meanwhile has raised the generation again and
    queued another refresh: the figures written here are stale at once, still
    served, and the deadline starts over for that next run.
    """
    refresh = Refresh(generation_row().number)
    token = running_refresh.set(refresh)
    try:
        yield refresh
    finally:
        running_refresh.reset(token)
    with transaction.atomic():
        keep(refresh.values, refresh.generation)
        # Older figures will not be served once this refresh is written (at most
        # recomputed): dropping them keeps one row per filter combination asked since.
        FiguresSnapshot.objects.filter(generation__lt=refresh.generation).delete()
        FiguresGeneration.objects.filter(pk=GENERATION_ROW).update(
            refresh_due_since=Case(
                When(number=refresh.generation, then=Value(None)), default=Value(timezone.now())
            )
        )
