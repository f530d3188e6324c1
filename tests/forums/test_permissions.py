"""Who reads a closed space, through every page that shows it: a matrix, not examples."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forums import permissions
from forums.models import Space
from kb.models import ContentPage
from tests.forums.spaces import READERS, ROLES, sign_in
from tests.kb.factories import UserFactory
from tests.kb.helpers import text_of

SECRET = "bascule en DITEP confidentielle"


@pytest.mark.parametrize("role", ROLES)
def test_reading_the_topic_page(client, closed_space, role):
    sign_in(client, closed_space.users[role])

    response = client.get(closed_space.topic.get_absolute_url())

    if role in READERS:
        assert response.status_code == 200
        assert SECRET in text_of(response)
    elif role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == 404
        assert SECRET not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_reading_the_space_page(client, closed_space, role):
    sign_in(client, closed_space.users[role])

    response = client.get(reverse("forums:space", args=[closed_space.space.slug]))

    assert response.status_code == 200
    assert (closed_space.topic.title in text_of(response)) == (role in READERS)


@pytest.mark.parametrize("role", ROLES)
def test_search_visibility_follows_reading_rights(closed_space, role):
    user = closed_space.users[role] or AnonymousUser()

    values = permissions.search_visibility(user)

    assert (f"space:{closed_space.space.pk}" in values) == (role in READERS)


@pytest.mark.parametrize("visibility", Space.Visibility.values)
def test_the_readers_of_a_space_are_those_who_read_it(closed_space, visibility):
    space = closed_space.space
    space.visibility = visibility
    space.save()
    people = [user for user in closed_space.users.values() if user is not None]

    readers = set(permissions.space_readers(space).filter(pk__in=[user.pk for user in people]))

    assert readers == {user for user in people if permissions.can_read_space(user, space)}
    if visibility == Space.Visibility.MEMBERS:
        assert readers == {closed_space.users[role] for role in READERS}


def test_a_space_open_to_signed_in_people_is_read_by_any_of_them(client, closed_space):
    closed_space.space.visibility = Space.Visibility.SIGNED_IN
    closed_space.space.save()
    sign_in(client, closed_space.users["non_member"])

    response = client.get(closed_space.topic.get_absolute_url())

    assert SECRET in text_of(response)


def test_a_closed_invitation_only_space_is_not_listed_to_outsiders(client, closed_space):
    closed_space.space.join_policy = Space.JoinPolicy.INVITATION
    closed_space.space.save()
    sign_in(client, closed_space.users["non_member"])

    listing = client.get(reverse("forums:spaces"))
    space_page = client.get(reverse("forums:space", args=[closed_space.space.slug]))

    assert closed_space.space.name not in text_of(listing)
    assert space_page.status_code == 404


def test_a_topic_address_under_another_space_is_not_found(client, closed_space):
    sign_in(client, closed_space.users["member"])
    other = Space.objects.create(
        name="Autre", slug="autre", description="x", charter="x", visibility="signed_in"
    )

    response = client.get(reverse("forums:topic", args=[other.slug, closed_space.topic.pk]))

    assert response.status_code == 404


def test_anonymous_posts_hide_their_author_from_members_not_moderators(client, closed_space):
    post = closed_space.post
    post.author = UserFactory(first_name="Dominique", last_name="Lefort")
    post.anonymous = True
    post.save()
    name = "Dominique Lefort"

    member_view = sign_in(client, closed_space.users["member"]).get(post.get_absolute_url())
    client.logout()
    moderator_view = sign_in(client, closed_space.users["space_moderator"]).get(
        post.get_absolute_url()
    )

    assert name not in text_of(member_view)
    assert "anonyme" in text_of(member_view)
    assert name in text_of(moderator_view)


def test_forum_pages_render_under_the_site_menu(client, closed_space, home_page_fr):
    home_page_fr.add_child(instance=ContentPage(title="Le guide", slug="guide", show_in_menus=True))
    sign_in(client, closed_space.users["member"])

    pages = [
        reverse("forums:spaces"),
        reverse("forums:space", args=[closed_space.space.slug]),
        closed_space.topic.get_absolute_url(),
        reverse("forums:notifications"),
    ]

    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Le guide" in response.content.decode()
