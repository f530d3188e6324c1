"""Everyone the forum rules tell apart, around one members-only space with one topic.

The builders are plain functions so that the search tests can build the same cast
inside their own module-scoped data.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from forums.models import SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import UserFactory

ROLES = [
    "anonymous",
    "non_member",
    "pending",
    "refused",
    "member",
    "suspended",
    "space_moderator",
    "site_moderator",
]
READERS = {"member", "space_moderator", "site_moderator"}


@dataclass
class ClosedSpace:
    space: object
    topic: object
    post: object
    users: dict


def build_closed_space(**space_fields):
    fields = {"name": "Directions d’ITEP d’Occitanie", "slug": "directions-itep", **space_fields}
    space = SpaceFactory(**fields)
    topic = TopicFactory(space=space, title="Passer en fonctionnement en dispositif")
    post = PostFactory(topic=topic, body="Notre bascule en DITEP confidentielle.")
    users = {
        "anonymous": None,
        "non_member": UserFactory(),
        "site_moderator": UserFactory(groups=["Modérateurs"]),
    }
    statuses = {
        "pending": {"status": SpaceMembership.Status.PENDING},
        "refused": {"status": SpaceMembership.Status.REFUSED},
        "member": {},
        "suspended": {
            "suspended_until": timezone.now() + timedelta(days=7),
            "suspension_reason": "Propos répétés hors charte.",
        },
        "space_moderator": {"role": SpaceMembership.Role.MODERATOR},
    }
    for role, fields in statuses.items():
        users[role] = MembershipFactory(space=space, **fields).user
    return ClosedSpace(space=space, topic=topic, post=post, users=users)


@pytest.fixture
def closed_space(db):
    return build_closed_space()


def sign_in(client, user):
    if user is not None:
        client.force_login(user)
    return client
