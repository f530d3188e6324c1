"""A change of who may read a discussion is in search the moment the request answers.

The search worker never runs here (its jobs are only queued): a topic moved into a
members-only space, a space closed to its members or a hidden post must already
be gone from the search page and the suggestions of the people who may no longer
read them. On the database backend by default; with SEARCH_URL set, on that
engine too, under an index prefix of this module's own.
"""

import os
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse

from forums import moderation
from forums.models import ModerationAction, Space
from search import indexing
from search.engine_client import configured_engine
from search.models import PendingIndexOperation
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory
from tests.kb.factories import UserFactory
from tests.services import require_service

pytestmark = pytest.mark.django_db

ENGINE_URL = os.environ.get("SEARCH_URL", "")
WORD = "zygomatiques"
QUEUED_ONLY = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "search"],
    }
}


@pytest.fixture(params=["database", "engine"])
def backend_settings(request):
    """The worker never runs; the backend is the database's, or the engine of SEARCH_URL."""
    overrides = {"TASKS": QUEUED_ONLY, "SEARCH_URL": ""}
    if request.param == "engine":
        require_service(
            bool(ENGINE_URL),
            "L’essai sur le moteur de recherche a besoin de SEARCH_URL "
            "(opensearch+http://…) ; la base de données a été essayée.",
        )
        prefix = f"kbtest-{uuid.uuid4().hex[:10]}"
        overrides.update(SEARCH_URL=ENGINE_URL, SEARCH_INDEX_PREFIX=prefix)
    with override_settings(**overrides):
        configured_engine.cache_clear()
        yield request.param
        if request.param == "engine":
            engine = configured_engine()
            for index in engine.index_names(f"{overrides['SEARCH_INDEX_PREFIX']}-*"):
                engine.delete_index(index)
    configured_engine.cache_clear()


@pytest.fixture
def discussion(backend_settings):
    """A topic in a space open to every signed-in person, indexed, and a closed space."""
    open_space = SpaceFactory(visibility=Space.Visibility.SIGNED_IN, premoderated=False)
    closed_space = SpaceFactory(visibility=Space.Visibility.MEMBERS)
    moderator = MembershipFactory(space=open_space, role="moderator").user
    MembershipFactory(space=closed_space, role="moderator", user=moderator)
    post = PostFactory(
        topic__space=open_space,
        topic__title=f"Des ateliers {WORD} pour les aidants",
        body=f"Nos ateliers {WORD} réunissent les aidants chaque mois.",
    )
    indexing.rebuild()
    return post, closed_space, moderator


def finds(client, user, post):
    """Whether `user` finds the post on the search page and its topic among the suggestions."""
    client.force_login(user)
    page = client.get(reverse("search"), {"q": WORD})
    suggestions = client.get(reverse("search_suggestions"), {"q": WORD[:6]})
    assert page.status_code == suggestions.status_code == 200
    titles = [suggestion["label"] for suggestion in suggestions.json()["suggestions"]]
    return (f"#message-{post.pk}" in page.content.decode(), any(WORD in t for t in titles))


def test_a_topic_moved_into_a_closed_space_leaves_search_at_once(
    client, discussion, django_capture_on_commit_callbacks
):
    post, closed_space, moderator = discussion
    passer_by = UserFactory()
    assert finds(client, passer_by, post) == (True, True)

    with django_capture_on_commit_callbacks(execute=True):
        moderation.move_topic(post.topic, moderator, closed_space, "Réservé aux membres")

    assert finds(client, passer_by, post) == (False, False)
    assert finds(client, moderator, post) == (True, True)
    assert not PendingIndexOperation.objects.exists()


def test_a_space_closed_to_its_members_leaves_search_at_once(
    client, discussion, django_capture_on_commit_callbacks
):
    post, _closed_space, _moderator = discussion
    passer_by = UserFactory()
    assert finds(client, passer_by, post) == (True, True)

    space = post.topic.space
    space.visibility = Space.Visibility.MEMBERS
    with django_capture_on_commit_callbacks(execute=True):
        space.save()

    assert finds(client, passer_by, post) == (False, False)


def test_a_hidden_post_leaves_search_at_once(
    client, discussion, django_capture_on_commit_callbacks
):
    post, _closed_space, moderator = discussion
    reader = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.change_post(post.pk, moderator, ModerationAction.Kind.HIDE, "Hors charte")

    assert finds(client, reader, post) == (False, False)


def test_an_unreachable_engine_leaves_the_change_to_the_worker(
    discussion, backend_settings, django_capture_on_commit_callbacks
):
    post, closed_space, moderator = discussion
    with (
        override_settings(SEARCH_URL="opensearch+http://127.0.0.1:9"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        configured_engine.cache_clear()
        moderation.move_topic(post.topic, moderator, closed_space, "Réservé aux membres")
    configured_engine.cache_clear()

    operation = PendingIndexOperation.objects.get()
    assert operation.attempts == 1
