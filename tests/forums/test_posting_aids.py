"""What helps people write: the notice that posts wait for review, @mentions suggested
and marked, links made of bare addresses, and hidden posts shown to moderators only."""

import pytest
from django.urls import reverse

from forums import moderation, posting
from forums.models import ModerationAction, Post
from kb.markup import render_markdown
from tests.forums.factories import PostFactory
from tests.forums.spaces import build_closed_space, sign_in
from tests.kb.helpers import text_of

pytestmark = pytest.mark.django_db

HELD_NOTICE = "Vos premiers messages dans cet espace sont relus par la modération"


@pytest.fixture
def closed():
    return build_closed_space()


def topic_page(client, closed):
    return client.get(closed.topic.get_absolute_url())


def test_a_newcomer_is_told_on_the_form_that_their_posts_wait_for_review(client, closed):
    newcomer = closed.users["member"]

    assert HELD_NOTICE in text_of(topic_page(sign_in(client, newcomer), closed))
    new_topic = client.get(reverse("forums:new_topic", args=[closed.space.slug]))
    assert HELD_NOTICE in text_of(new_topic)

    PostFactory.create_batch(posting.REVIEWED_FIRST_POSTS, topic=closed.topic, author=newcomer)
    assert HELD_NOTICE not in text_of(topic_page(client, closed))


def test_mentions_are_marked_and_bare_addresses_become_safe_links():
    html = render_markdown("Merci @marc.olivier, voir https://exemple.fr/fiche et `@code`.")

    assert '<span class="kb-mention">@marc.olivier</span>' in html
    assert '<a href="https://exemple.fr/fiche" rel="nofollow noopener noreferrer">' in html
    assert "<code>@code</code>" in html


def test_a_class_other_than_the_mentions_is_dropped():
    html = render_markdown('<span class="fr-btn" onclick="x()">clic</span>')

    assert "fr-btn" not in html and "onclick" not in html


def test_members_get_suggestions_of_the_spaces_members_to_mention(client, closed):
    url = reverse("forums:mention_suggestions", args=[closed.space.slug])
    moderator = closed.users["space_moderator"]
    moderator.first_name, moderator.last_name = "Sophie", "Garnier"
    moderator.save()

    answer = sign_in(client, closed.users["member"]).get(url, {"q": "@soph"}).json()

    assert answer["suggestions"] == [{"username": moderator.username, "name": "Sophie Garnier"}]
    assert "1 personne à mentionner" in answer["status"]
    for outsider in ("non_member", "pending", "suspended"):
        assert sign_in(client, closed.users[outsider]).get(url, {"q": "s"}).status_code == 404


def test_suspended_and_pending_people_are_not_suggested(client, closed):
    url = reverse("forums:mention_suggestions", args=[closed.space.slug])
    for role in ("suspended", "pending", "refused"):
        user = closed.users[role]
        user.first_name = "Zoé"
        user.save()

    answer = sign_in(client, closed.users["member"]).get(url, {"q": "zo"}).json()

    assert answer["suggestions"] == []


def test_a_hidden_post_leaves_a_placeholder_with_the_reason_for_moderators_only(client, closed):
    hidden = PostFactory(topic=closed.topic, body="Un nom de famille en clair.")
    moderation.change_post(
        hidden.pk, closed.users["space_moderator"], ModerationAction.Kind.HIDE, "Nominatif."
    )

    for_moderator = text_of(topic_page(sign_in(client, closed.users["space_moderator"]), closed))
    for_member = text_of(topic_page(sign_in(client, closed.users["member"]), closed))

    assert "Message masqué par la modération" in for_moderator
    assert "Motif : « Nominatif. »" in for_moderator
    assert "Message masqué" not in for_member
    assert "Un nom de famille en clair." not in for_member
    assert Post.objects.get(pk=hidden.pk).status == Post.Status.HIDDEN
