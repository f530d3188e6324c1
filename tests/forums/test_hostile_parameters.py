"""Odd values typed into a space's addresses and forms get an answer, never a server error."""

import pytest
from django.urls import reverse

from forums.models import Topic
from tests.forums.spaces import build_closed_space, sign_in


@pytest.fixture
def closed(db):
    return build_closed_space()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "0x10", "%FF", "-1", "1e3", "²", "9" * 40])
def test_a_topic_page_with_an_odd_quotation_number_shows_the_topic(client, closed, value):
    sign_in(client, closed.users["member"])

    response = client.get(f"{closed.topic.get_absolute_url()}?citer={value}")

    assert response.status_code == 200
    assert closed.topic.title in response.content.decode()


def test_a_topic_page_still_quotes_a_real_post(client, closed):
    sign_in(client, closed.users["member"])

    response = client.get(f"{closed.topic.get_absolute_url()}?citer={closed.post.pk}")

    assert "&gt; Notre bascule en DITEP confidentielle." in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "NaN", "0x10", "", "1.5", "9" * 40])
def test_moving_a_topic_to_an_odd_space_number_is_not_found(client, closed, value):
    sign_in(client, closed.users["space_moderator"])

    response = client.post(
        reverse("forums:moderate_topic", args=[closed.space.slug, closed.topic.pk]),
        {"action": "move", "to_space": value},
    )

    assert response.status_code == 404
    assert Topic.objects.get(pk=closed.topic.pk).space == closed.space
