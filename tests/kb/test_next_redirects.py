"""A `next` address never sends anyone to another site, whichever view follows it."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from forums import moderation
from forums.models import Post, SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import PASSWORD, UserFactory
from tests.practices.conftest import practices_fr  # noqa: F401 (fixture)
from tests.practices.training_fixtures import build_session, offer  # noqa: F401 (fixture)

HOSTILE = [
    "https://evil.example/piege",
    "//evil.example/piege",
    "javascript:alert(1)",
    "/\\evil.example/piege",
]


def stays_on_site(response):
    location = response["Location"]
    parts = urlsplit(location)
    return (
        response.status_code == 302
        and parts.scheme in ("", "http", "https")
        and parts.netloc in ("", "testserver")
        and location.startswith("/")
        and not location.startswith(("//", "/\\"))
        and "evil.example" not in location
    )


@pytest.fixture
def moderated(db):
    space = SpaceFactory()
    moderator = MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user
    member = MembershipFactory(space=space)
    topic = TopicFactory(space=space)
    post = PostFactory(topic=topic, status=Post.Status.PENDING)
    reported = PostFactory(topic=topic)
    moderation.report(reported, member.user, "Hors sujet")
    return space, moderator, member, topic, post, reported.reports.get()


def moderation_requests(space, member, topic, post, report):
    """Each moderation view that follows `next`, with what it needs to act."""
    return {
        "post": (reverse("forums:moderate_post", args=[space.slug, post.pk]), {"action": "hide"}),
        "report": (reverse("forums:dismiss_report", args=[space.slug, report.pk]), {}),
        "topic": (
            reverse("forums:moderate_topic", args=[space.slug, topic.pk]),
            {"action": "lock"},
        ),
        "member": (
            reverse("forums:moderate_member", args=[space.slug, member.pk]),
            {"action": "suspend", "days": "3", "reason": "Pause"},
        ),
    }


@pytest.mark.parametrize("target", HOSTILE)
@pytest.mark.parametrize("view", ["post", "report", "topic", "member"])
def test_moderation_actions_never_follow_a_next_to_another_site(client, moderated, view, target):
    space, moderator, member, topic, post, report = moderated
    client.force_login(moderator)
    url, data = moderation_requests(space, member, topic, post, report)[view]

    response = client.post(url, {**data, "next": target})

    assert stays_on_site(response), response["Location"]


def test_moderation_actions_follow_a_next_on_the_site(client, moderated):
    space, moderator, member, topic, post, report = moderated
    client.force_login(moderator)
    url, data = moderation_requests(space, member, topic, post, report)["topic"]

    response = client.post(url, {**data, "next": topic.get_absolute_url()})

    assert response["Location"] == topic.get_absolute_url()


@pytest.mark.parametrize("target", HOSTILE)
@pytest.mark.parametrize("view", ["practices:register", "practices:cancel"])
def test_training_registration_never_follows_a_next_to_another_site(client, offer, view, target):  # noqa: F811
    session = build_session(offer)
    client.force_login(UserFactory())

    response = client.post(reverse(view, args=[session.pk]), {"next": target})

    assert stays_on_site(response), response["Location"]


@pytest.mark.parametrize("target", HOSTILE)
@pytest.mark.parametrize("entry_point", ["/_util/login/", "/admin/login/"])
def test_sign_in_hand_overs_never_pass_on_a_next_to_another_site(client, db, entry_point, target):
    response = client.get(entry_point, {"next": target})

    assert stays_on_site(response), response["Location"]


@pytest.mark.parametrize("target", HOSTILE)
def test_signing_in_never_follows_a_next_to_another_site(client, db, target):
    member = UserFactory()

    response = client.post(
        reverse("account_login"), {"login": member.email, "password": PASSWORD, "next": target}
    )

    assert "_auth_user_id" in client.session
    assert stays_on_site(response), response["Location"]
