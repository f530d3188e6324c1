"""Many people registering at the same moment, each request on its own connection.

Only PostgreSQL runs these transactions really side by side: SQLite lets one
writer at a time, so a pass there would prove nothing.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from practices import registrations
from practices.models import TrainingRegistration, TrainingSession
from tests.practices.training_fixtures import build_offer, build_session, build_user, take_seats
from tests.services import require_service

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

Status = TrainingRegistration.Status


@pytest.fixture(autouse=True)
def postgresql():
    require_service(
        connection.vendor == "postgresql",
        "Le test de concurrence des inscriptions a besoin de PostgreSQL "
        "(DATABASE_URL=postgres://…) : SQLite n’exécute qu’une écriture à la fois.",
    )


def all_at_once(action, arguments):
    """Run `action` for every argument in its own thread, released together by a barrier."""
    barrier = threading.Barrier(len(arguments))

    def run(argument):
        try:
            barrier.wait(timeout=30)
            return action(argument)
        except registrations.RegistrationError as refusal:
            return refusal
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        return list(pool.map(run, arguments))


def assert_counter_matches_rows(session):
    session = TrainingSession.objects.get(pk=session.pk)
    confirmed = TrainingRegistration.objects.filter(session=session, status=Status.CONFIRMED)
    assert session.seats_taken == confirmed.count()
    assert session.seats_taken <= session.seats
    return session


def test_people_racing_for_the_last_seats_never_overbook(practices_fr):
    session = build_session(build_offer(practices_fr.trainings), seats=10)
    take_seats(session, [build_user() for _ in range(7)])
    racers = [build_user() for _ in range(16)]

    outcomes = all_at_once(lambda user: registrations.register(session, user).status, racers)

    assert outcomes.count(Status.CONFIRMED) == 3
    assert outcomes.count(Status.WAITING) == 13
    session = assert_counter_matches_rows(session)
    assert session.seats_taken == session.seats == 10
    waiting = TrainingRegistration.objects.filter(session=session, status=Status.WAITING)
    assert waiting.count() == 13
    positions = sorted(registrations.waiting_position(r) for r in waiting)
    assert positions == list(range(1, 14))


def test_one_person_submitting_many_times_at_once_gets_one_seat(practices_fr):
    session = build_session(build_offer(practices_fr.trainings), seats=5)
    impatient = build_user()

    outcomes = all_at_once(lambda _: registrations.register(session, impatient), range(8))

    refusals = [o for o in outcomes if isinstance(o, registrations.AlreadyRegistered)]
    assert len(refusals) == 7
    assert TrainingRegistration.objects.filter(user=impatient).count() == 1
    assert assert_counter_matches_rows(session).seats_taken == 1


def test_withdrawals_and_registrations_at_once_keep_seats_and_rows_in_step(practices_fr):
    session = build_session(build_offer(practices_fr.trainings), seats=6)
    holders = [build_user() for _ in range(6)]
    held = [registrations.register(session, user) for user in holders]
    waiting = [build_user() for _ in range(3)]
    for user in waiting:
        registrations.register(session, user)
    newcomers = [build_user() for _ in range(6)]

    def act(step):
        kind, index = step
        if kind == "leave":
            return registrations.cancel(held[index], by_user=holders[index])
        return registrations.register(session, newcomers[index])

    all_at_once(act, [("leave", i) for i in range(4)] + [("join", i) for i in range(6)])

    session = assert_counter_matches_rows(session)
    assert session.seats_taken == session.seats
    active = TrainingRegistration.objects.filter(session=session, status__in=registrations.ACTIVE)
    assert active.count() == 6 - 4 + 3 + 6
    assert all(
        TrainingRegistration.objects.get(session=session, user=user).status == Status.CONFIRMED
        for user in waiting
    )
