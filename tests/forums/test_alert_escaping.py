"""Names and titles that people typed appear in alerts as text, never as HTML."""

import pytest
from django.urls import reverse

from forums.models import Space, SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory
from tests.forums.spaces import build_closed_space, sign_in
from tests.kb.factories import PASSWORD, UserFactory
from tests.kb.helpers import html
from tests.practices.factories import PracticeSheetIndexPageFactory, PracticesIndexPageFactory

HOSTILE_NAME = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"


def alerts(response):
    return html(response).select(".fr-alert")


def assert_shown_as_text(response, typed):
    shown = alerts(response)
    assert shown, "an alert is shown"
    assert any(typed in alert.get_text() for alert in shown)
    for alert in shown:
        assert alert.find("meta") is None
        assert alert.find("img") is None
    assert typed not in response.content.decode()


@pytest.fixture
def request_from_hostile_name(db):
    space = SpaceFactory(join_policy=Space.JoinPolicy.ON_REQUEST)
    moderator = MembershipFactory(space=space, role=SpaceMembership.Role.MODERATOR).user
    asking = MembershipFactory(
        space=space,
        status=SpaceMembership.Status.PENDING,
        user=UserFactory(first_name=HOSTILE_NAME, last_name=""),
    )
    return space, moderator, asking


@pytest.mark.parametrize("decision", ["approve", "refuse"])
def test_a_first_name_in_a_decision_alert_is_shown_as_text(
    client, request_from_hostile_name, decision
):
    space, moderator, asking = request_from_hostile_name
    sign_in(client, moderator)

    response = client.post(
        reverse("forums:decide", args=[space.slug, asking.pk]),
        {"decision": decision},
        follow=True,
    )

    assert_shown_as_text(response, HOSTILE_NAME)


def test_a_first_name_in_the_sign_in_alert_is_shown_as_text(client, db):
    person = UserFactory(first_name=HOSTILE_NAME, last_name="")

    response = client.post(
        reverse("account_login"), {"login": person.email, "password": PASSWORD}, follow=True
    )

    assert response.wsgi_request.user == person
    assert_shown_as_text(response, HOSTILE_NAME)


def test_a_topic_title_in_the_capitalisation_alert_is_shown_as_text(client, home_page_fr):
    section = PracticesIndexPageFactory(parent=home_page_fr, slug="pratiques")
    PracticeSheetIndexPageFactory(parent=section)
    closed = build_closed_space()
    closed.topic.title = HOSTILE_TITLE
    closed.topic.save()
    post = PostFactory(topic=closed.topic, body="Une commission trimestrielle.")
    sign_in(client, closed.users["space_moderator"])

    response = client.post(
        reverse("forums:capitalise", args=[closed.space.slug, closed.topic.pk]),
        {"posts": [post.pk]},
        follow=True,
    )

    assert_shown_as_text(response, HOSTILE_TITLE)
