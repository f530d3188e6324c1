"""Yearly figures of the cross-training programme, as the regional roadmap asks for them.

Action 1.3 of the ITEP roadmap follows each year how many shared trainings were
held, by how many host structures, with how many seats and participants. Figures
count sessions that really took place: not cancelled, started before now.
"""

from dataclasses import dataclass

from django.db.models import Count, Min, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from kb.content_version import kept
from practices.models import TrainingOfferPage, TrainingRegistration, TrainingSession


@dataclass(frozen=True)
class YearFigures:
    year: int
    sessions_held: int
    host_structures: int
    seats_offered: int
    participants: int


def sessions_of_visible(offers):
    """The sessions not cancelled of the live public pages among `offers`, in any language.

    Sessions are matched through the offers' translation keys, so an English
    listing counts the sessions organised on the French pages.
    """
    visible = offers.live().public().values("translation_key")
    return TrainingSession.objects.filter(offer__translation_key__in=visible, is_cancelled=False)


def yearly_figures(offers, now=None):
    """Figures per year, most recent first, for the live public pages among `offers`."""
    held = sessions_of_visible(offers).filter(starts_at__lt=now or timezone.now())
    per_year = (
        held.annotate(year=ExtractYear("starts_at"))
        .values("year")
        .annotate(
            sessions=Count("pk"),
            hosts=Count("offer__host", distinct=True),
            seats=Sum("seats"),
        )
        .order_by("-year")
    )
    participants = dict(
        TrainingRegistration.objects.filter(
            session__in=held, status=TrainingRegistration.Status.CONFIRMED
        )
        .annotate(year=ExtractYear("session__starts_at"))
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    return [
        YearFigures(
            year=row["year"],
            sessions_held=row["sessions"],
            host_structures=row["hosts"],
            seats_offered=row["seats"],
            participants=participants.get(row["year"], 0),
        )
        for row in per_year
    ]


def figures_for_index(index_page):
    """Figures for the offers listed under a training index page."""
    return yearly_figures(TrainingOfferPage.objects.child_of(index_page))


def kept_figures_for_index(index_page, request=None):
    """`figures_for_index`, the same for every reader of the list: kept until the content
    changes (a publication, a session changed or cancelled, a registration to a session
    already held) or the next session starts."""
    offers = TrainingOfferPage.objects.child_of(index_page)

    def compute():
        now = timezone.now()
        coming = sessions_of_visible(offers).filter(starts_at__gte=now)
        return {
            "figures": yearly_figures(offers, now),
            "next_start": coming.aggregate(first=Min("starts_at"))["first"],
        }

    def until(value):
        return value["next_start"]

    return kept("training-figures", [index_page.pk], compute, request, until)["figures"]
