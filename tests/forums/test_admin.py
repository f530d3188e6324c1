"""Site moderators follow every space's reports and moderation log from the Wagtail admin."""

import pytest
from django.urls import reverse

from forums import moderation
from forums.models import ModerationAction
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory
from tests.kb.factories import UserFactory
from tests.kb.helpers import text_of


@pytest.fixture
def site_moderator(db):
    return UserFactory(groups=["Modérateurs"])


def test_site_moderators_see_the_reports_of_every_space(client, site_moderator):
    space = SpaceFactory(name="Espace lointain")
    post = PostFactory(topic__space=space)
    moderation.report(post, MembershipFactory(space=space).user, "Publicité déguisée")
    client.force_login(site_moderator)

    response = client.get(reverse("wagtailsnippets_forums_report:list"))

    assert response.status_code == 200
    assert "Publicité déguisée" in text_of(response)


def test_site_moderators_read_the_moderation_log(client, site_moderator):
    post = PostFactory()
    moderation.change_post(post.pk, site_moderator, ModerationAction.Kind.HIDE, "Doublon")
    client.force_login(site_moderator)

    response = client.get(reverse("wagtailsnippets_forums_moderationaction:list"))

    assert "Doublon" in text_of(response)


def test_members_without_admin_rights_do_not_reach_the_reports(client, db):
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailsnippets_forums_report:list"))

    assert response.status_code == 403
