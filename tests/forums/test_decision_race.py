"""Two moderators acting on the same request or post at the same moment, each on its own
connection.

Only PostgreSQL runs these transactions really side by side: SQLite lets one
writer at a time, so a pass there would prove nothing.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections

from forums import memberships, moderation
from forums.models import ModerationAction, SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory
from tests.services import require_service

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def postgresql():
    require_service(
        connection.vendor == "postgresql",
        "Le test de concurrence des décisions a besoin de PostgreSQL "
        "(DATABASE_URL=postgres://…) : SQLite n’exécute qu’une écriture à la fois.",
    )


def test_one_decision_wins_and_the_other_moderator_is_told():
    space = SpaceFactory()
    moderators = [MembershipFactory(space=space, role="moderator").user for _ in range(2)]
    request = MembershipFactory(space=space, status=SpaceMembership.Status.PENDING)
    barrier = threading.Barrier(2)

    def answer(arguments):
        moderator, approve = arguments
        try:
            barrier.wait(timeout=30)
            return memberships.decide(request.pk, moderator, approve=approve).status
        except memberships.AlreadyDecided as refusal:
            return refusal
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(answer, zip(moderators, [True, False], strict=True)))

    refusals = [outcome for outcome in outcomes if isinstance(outcome, memberships.AlreadyDecided)]
    decided = [outcome for outcome in outcomes if not isinstance(outcome, Exception)]
    assert len(refusals) == 1
    assert len(decided) == 1
    assert SpaceMembership.objects.get(pk=request.pk).status == decided[0]
    assert len(mail.outbox) == 1


def test_two_moderators_hiding_the_same_post_apply_it_once():
    space = SpaceFactory()
    moderators = [MembershipFactory(space=space, role="moderator").user for _ in range(2)]
    post = PostFactory(topic__space=space)
    barrier = threading.Barrier(2)

    def hide(moderator):
        try:
            barrier.wait(timeout=30)
            moderation.change_post(post.pk, moderator, ModerationAction.Kind.HIDE, "Hors charte")
            return "hidden"
        except moderation.AlreadyHandled as refusal:
            return refusal
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(hide, moderators))

    assert outcomes.count("hidden") == 1
    assert sum(isinstance(outcome, moderation.AlreadyHandled) for outcome in outcomes) == 1
    assert ModerationAction.objects.filter(post=post).count() == 1
    assert len(mail.outbox) == 1
