"""Edits, replies and moderation of one topic at the same moment, each on its own connection,
with the search index following every one of them.

Every write asks the index to follow once it commits, and the tests run that job at
once, in the writer's thread: many writers queue the same key and send it while
others strike it off. None of them may fail, and afterwards the index plus what is
still queued equals the database.

Only PostgreSQL runs these transactions really side by side: SQLite lets one
writer at a time, so a pass there would prove nothing.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from forums import moderation, posting
from forums.models import ModerationAction, Post, Topic
from forums.search import post_key
from search import indexing
from search.engine_client import configured_engine
from search.models import PendingIndexOperation
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory
from tests.services import require_service

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

Kind = ModerationAction.Kind


@pytest.fixture(autouse=True)
def postgresql():
    require_service(
        connection.vendor == "postgresql",
        "Le test de concurrence de l’index de recherche a besoin de PostgreSQL "
        "(DATABASE_URL=postgres://…) : SQLite n’exécute qu’une écriture à la fois.",
    )


@pytest.fixture(autouse=True)
def database_index(settings):
    """The index kept in the database, which the test's flush empties with the rest: an
    engine's index would still hold the pages of other tests, and `drift` would list them."""
    settings.SEARCH_URL = ""
    configured_engine.cache_clear()
    yield
    configured_engine.cache_clear()


def all_at_once(action, arguments):
    """Run `action` for every argument in its own thread, released together by a barrier.

    Returns what each returned, or the exception it raised (a refusal is a normal answer)."""
    barrier = threading.Barrier(len(arguments))

    def run(argument):
        try:
            barrier.wait(timeout=30)
            return action(argument)
        except Exception as error:  # noqa: BLE001 - every failure is reported by the test
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        return list(pool.map(run, arguments))


def failures(outcomes):
    return [o for o in outcomes if isinstance(o, Exception) and not isinstance(o, posting.Refusal)]


def assert_index_follows_the_database():
    """What the index lacks or holds in an older version is still queued; once sent, none."""
    stale, extra = indexing.drift()
    queued = set(PendingIndexOperation.objects.values_list("key", flat=True))
    assert {document["key"] for document in stale} | set(extra) <= queued
    indexing.send_pending()
    assert indexing.drift() == ([], [])
    assert not PendingIndexOperation.objects.exists()


@pytest.fixture
def discussion():
    space = SpaceFactory(premoderated=False)
    author = MembershipFactory(space=space).user
    moderators = [MembershipFactory(space=space, role="moderator").user for _ in range(3)]
    post = PostFactory(topic__space=space, topic__author=author, author=author)
    others = [PostFactory(topic=post.topic, author=moderator) for moderator in moderators]
    indexing.send_pending()
    return post, moderators, others


def test_many_edits_of_one_post_at_once_all_succeed(discussion):
    post, _moderators, _others = discussion
    bodies = [f"Version {n} : le répit s’organise avec l’IME voisin." for n in range(40)]

    def edit(body):
        fresh = Post.objects.select_related("topic__space").get(pk=post.pk)
        return posting.edit(fresh, post.author, body=body).body

    outcomes = all_at_once(edit, bodies)

    assert failures(outcomes) == []
    post.refresh_from_db()
    assert post.body in bodies
    assert_index_follows_the_database()
    assert indexing.document_for_key(post_key(post.pk))["body"].startswith(post.body[:9])


def test_edits_replies_and_moderation_at_once_end_in_one_state(discussion):
    post, moderators, others = discussion
    topic = post.topic

    def act(step):
        kind, n = step
        if kind == "edit":
            fresh = Post.objects.select_related("topic__space").get(pk=post.pk)
            return posting.edit(fresh, post.author, body=f"Version {n} du message.")
        if kind == "reply":
            fresh = Topic.objects.select_related("space").get(pk=topic.pk)
            return posting.reply(fresh, moderators[n % 3], body=f"Réponse {n}.")
        if kind == "hide":
            return moderation.change_post(others[n].pk, moderators[n], Kind.HIDE, "Hors charte")
        if kind == "pin":
            fresh = Topic.objects.select_related("space").get(pk=topic.pk)
            return moderation.set_topic_flag(fresh, moderators[0], Kind.PIN)
        raise AssertionError(kind)

    steps = (
        [("edit", n) for n in range(12)]
        + [("reply", n) for n in range(9)]
        + [("hide", n) for n in range(3)]
        + [("pin", 0)]
    )
    outcomes = all_at_once(act, steps)

    assert failures(outcomes) == []
    post.refresh_from_db()
    assert post.body.startswith("Version ")
    assert Post.objects.filter(topic=topic, body__startswith="Réponse ").count() == 9
    assert not Post.objects.filter(pk__in=[o.pk for o in others], status="published").exists()
    assert Topic.objects.get(pk=topic.pk).pinned
    assert_index_follows_the_database()
