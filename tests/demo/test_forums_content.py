"""The demo builds believable peer-exchange spaces, and running it again changes nothing.

The demo content is loaded once for the package (tests/demo/conftest.py).
"""

import pytest

from demo import forums as demo_forums
from forums.models import Post, Report, Space, SpaceMembership, Topic

COUNTED_MODELS = [Space, SpaceMembership, Topic, Post, Report]


def row_counts():
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


@pytest.fixture
def built(counts_after_first_run, db):
    return {model.__name__: counts_after_first_run[model] for model in COUNTED_MODELS}


def test_second_run_duplicates_nothing(built):
    demo_forums.build({"admin_login": ("admin@exemple.fr", "Autre-mot-de-passe-9")})

    assert row_counts() == built


def test_spaces_cover_each_visibility_and_join_policy(built):
    assert Space.objects.count() >= 3
    assert set(Space.objects.values_list("visibility", flat=True)) == set(Space.Visibility.values)
    assert set(Space.objects.values_list("join_policy", flat=True)) == set(Space.JoinPolicy.values)


def test_every_space_has_a_moderator_and_a_discussion(built):
    for space in Space.objects.all():
        assert space.memberships.filter(role=SpaceMembership.Role.MODERATOR).exists()
        assert Post.objects.filter(topic__space=space).exists()


def test_one_request_waits_for_a_decision(built):
    assert SpaceMembership.objects.filter(status=SpaceMembership.Status.PENDING).count() == 1


def test_one_report_waits_in_a_moderation_queue(built):
    assert Report.objects.filter(outcome=Report.Outcome.OPEN).count() == 1
