"""Behind the proxy, visitors are told apart by the address it passes on, not by its own.

Every request reaches gunicorn from the proxy's address. Read from the connection,
that one address would carry every visitor's sign-ins: the site-wide limit would
refuse people who never typed anything wrong.
"""

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache

from tests.kb.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


@pytest.fixture
def behind_the_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    cache.clear()
    yield
    cache.clear()


def sign_in(client, user, visitor, password=PASSWORD):
    return client.post(
        "/comptes/login/",
        {"login": user.email, "password": password},
        headers={"X-Real-IP": visitor},
        REMOTE_ADDR=PROXY,
    )


def test_the_sign_in_limit_counts_each_visitor_apart(client, behind_the_proxy):
    users = UserFactory.create_batch(4)

    answers = [sign_in(client, user, "203.0.113.7").status_code for user in users[:3]]
    other_visitor = sign_in(client, users[3], "198.51.100.20")

    assert answers[:2] == [302, 302]
    assert answers[2] == 429
    assert other_visitor.status_code == 302


def test_a_failed_sign_in_is_recorded_against_the_visitors_address(client, behind_the_proxy):
    user = UserFactory()

    sign_in(client, user, "203.0.113.7", password="pas-le-bon")

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_without_a_proxy_header_the_connection_is_the_visitor(client, settings):
    user = UserFactory()

    client.post(
        "/comptes/login/", {"login": user.email, "password": "pas-le-bon"}, REMOTE_ADDR="192.0.2.1"
    )

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["192.0.2.1"]
