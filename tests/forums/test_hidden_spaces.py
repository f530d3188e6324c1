"""A hidden space (members only, by invitation) answers every address of a space exactly as a
space that does not exist, to whoever may not see it: its name cannot be guessed."""

import pytest
from django.urls import reverse

from forums import memberships
from forums.models import Space
from forums.urls import urlpatterns
from tests.forums.spaces import build_closed_space, sign_in

UNKNOWN = "espace-qui-n-existe-pas"
SPACE_PATTERNS = [pattern for pattern in urlpatterns if "<slug:slug>" in str(pattern.pattern)]


def address(pattern, slug, closed):
    kwargs = {"slug": slug}
    route = str(pattern.pattern)
    if "<int:pk>" in route:
        kwargs["pk"] = closed.topic.pk if "sujets" in route else closed.post.pk
    if "<str:token>" in route:
        kwargs["token"] = "jeton-quelconque"
    return reverse(f"forums:{pattern.name}", kwargs=kwargs)


@pytest.fixture
def hidden(db):
    return build_closed_space(
        visibility=Space.Visibility.MEMBERS, join_policy=Space.JoinPolicy.INVITATION
    )


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", ["anonymous", "non_member", "refused"])
@pytest.mark.parametrize("pattern", SPACE_PATTERNS, ids=lambda pattern: pattern.name)
def test_a_hidden_space_answers_like_a_space_that_does_not_exist(
    client, hidden, pattern, who, method
):
    sign_in(client, hidden.users[who])
    send = getattr(client, method)

    for_hidden = send(address(pattern, hidden.space.slug, hidden))
    for_unknown = send(address(pattern, UNKNOWN, hidden))

    assert for_hidden.status_code == for_unknown.status_code
    assert for_hidden.status_code in (404, 405)
    assert hidden.space.name not in for_hidden.content.decode()


def test_its_members_still_reach_it(client, hidden):
    sign_in(client, hidden.users["member"])

    assert client.get(reverse("forums:space", args=[hidden.space.slug])).status_code == 200
    assert client.get(hidden.topic.get_absolute_url()).status_code == 200


def test_an_invitation_link_still_sends_its_anonymous_invitee_to_sign_in(client, hidden):
    token = memberships.invitation_token(hidden.space, "invitee@exemple.fr")

    response = client.get(reverse("forums:invitation", args=[hidden.space.slug, token]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
