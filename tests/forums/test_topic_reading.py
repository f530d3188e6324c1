"""Reading a topic: what the space's list then shows as new, and what a reading costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums import posting
from tests.forums.factories import PostFactory
from tests.forums.spaces import build_closed_space, sign_in
from tests.kb.helpers import html

# A member's topic page, whatever the number of posts on it: session, account and
# permissions, the space, the topic, the member's standing, the posts and their
# attachments, the reading (between the savepoints of the test's transaction), the
# header's counts...
TOPIC_PAGE_QUERIES = 19


@pytest.fixture
def cast(db):
    closed = build_closed_space()
    # Past their reviewed first posts: the moderator's replies are published at once.
    PostFactory.create_batch(
        posting.REVIEWED_FIRST_POSTS, topic=closed.topic, author=closed.users["space_moderator"]
    )
    return closed


def new_topics(client, space):
    page = html(client.get(space.get_absolute_url()))
    return [
        topic.find("a").get_text(strip=True)
        for topic in page.select(".kb-topic")
        if topic.select_one(".fr-badge--new")
    ]


def reading_writes(client, topic):
    """The statements that wrote the reader's reading while they read `topic`."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(topic.get_absolute_url()).status_code == 200
    return [
        query["sql"]
        for query in queries
        if "forums_topicreading" in query["sql"]
        and query["sql"].lstrip().startswith(("INSERT", "UPDATE"))
    ]


def test_a_topic_is_new_until_read_and_again_once_someone_replies(
    client, cast, django_capture_on_commit_callbacks
):
    sign_in(client, cast.users["member"])
    title = cast.topic.title
    assert new_topics(client, cast.space) == [title]

    assert len(reading_writes(client, cast.topic)) == 1
    assert new_topics(client, cast.space) == []
    # Read again with nothing new: the reading already says so, nothing is written.
    assert reading_writes(client, cast.topic) == []

    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(cast.topic, cast.users["space_moderator"], body="Une réponse.")
    assert new_topics(client, cast.space) == [title]
    assert len(reading_writes(client, cast.topic)) == 1
    assert new_topics(client, cast.space) == []


@pytest.mark.parametrize("posts", [1, 19])
def test_a_topic_page_costs_the_same_queries_with_few_or_many_posts(client, cast, posts):
    PostFactory.create_batch(posts, topic=cast.topic)
    sign_in(client, cast.users["member"])
    client.get(cast.topic.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        client.get(cast.topic.get_absolute_url())

    assert len(queries) <= TOPIC_PAGE_QUERIES, "\n".join(q["sql"][:120] for q in queries)
