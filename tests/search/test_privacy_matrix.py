"""What a forum post reveals through search, for every kind of person × every channel.

Two spaces: a members-only one, read by its active members, its moderators and
the site moderators; and one open to signed-in people. Each holds one post made
of words found nowhere else. Every channel of the search is asked as each person
and must reveal the post exactly to those who may read it: the results, the total,
the facet counts, the suggestions, the "did you mean", the related content of a
public page. Both backends answer the same matrix (the engine only when one is
configured).
"""

import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from forums.models import Space
from kb.models import HomePage, Theme
from search.engine_client import configured_engine
from tests.forums.factories import PostFactory, SpaceFactory, TopicFactory
from tests.forums.spaces import READERS, ROLES, build_closed_space
from tests.practices.factories import described_page
from tests.search.conftest import ENGINE_URL, section
from tests.search.helpers import facet, html, plain, result_titles
from tests.services import require_service

CLOSED_TITLE = "Bascule confidentialissime en dispositif"
OPEN_TITLE = "Séjours ouvertissimes en foyer de vie"
PUBLIC_TITLE = "Unité de répit pour adolescents"
# The spaces' theme: no public page has it, so any count of it comes from a post.
SPACE_THEME = "pair-aidance"


@dataclass
class Cast:
    users: dict
    public_page: object


def readers_of(kind):
    if kind == "closed":
        return READERS
    return set(ROLES) - {"anonymous"}


def build_cast():
    closed = build_closed_space(theme=term_theme())
    closed.topic.title = CLOSED_TITLE
    closed.topic.save()
    closed.post.body = "Nos échanges confidentialissimes sur le répit des équipes."
    closed.post.save()
    open_space = SpaceFactory(visibility=Space.Visibility.SIGNED_IN, theme=term_theme())
    PostFactory(
        topic=TopicFactory(space=open_space, title=OPEN_TITLE),
        body="Des séjours ouvertissimes pour préparer le passage en foyer, et du répit.",
    )
    home = HomePage.objects.get(locale__language_code="fr")
    public_page = described_page(
        section(home, "pratiques-matrice"),
        PUBLIC_TITLE,
        {"kind": "sheet", "themes": ["prevention-ruptures"], "establishments": ["itep"],
         "tags": ["répit"], "status": "evaluated", "year": 2023},
    )  # fmt: skip
    return Cast(users=closed.users, public_page=public_page)


def term_theme():
    return Theme.objects.get(slug=SPACE_THEME, locale__language_code="fr")


@pytest.fixture(scope="module", params=["database", "engine"])
def cast(request, django_db_setup, django_db_blocker, engine_prefix):
    if request.param == "engine":
        require_service(bool(ENGINE_URL), "SEARCH_URL names no search engine")
    url = ENGINE_URL if request.param == "engine" else ""
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_URL=url, SEARCH_INDEX_PREFIX=f"{engine_prefix}-matrix"),
    ):
        configured_engine.cache_clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cast = build_cast()
            call_command("search_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
            yield cast
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            if url:
                engine = configured_engine()
                for index in engine.index_names(f"{engine_prefix}-matrix-*"):
                    engine.delete_index(index)
            configured_engine.cache_clear()


@pytest.fixture
def as_role(cast, client, db):
    def sign_in(role):
        user = cast.users[role]
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


def search_page(client, **params):
    return client.get("/recherche/", params)


def results_reveal(client, title):
    word = title.split()[1]
    return title in result_titles(search_page(client, q=word))


def total_reveals(client, title):
    word = title.split()[1]
    heading = plain(html(search_page(client, q=word)).find(id="results-title"))
    return not heading.startswith("0 ")


def space_theme_count(client):
    """The spaces' theme is counted only from their posts."""
    themes = facet(search_page(client, q="répit"), "theme")
    return sum(count for label, (count, _selected) in themes.items() if "air-aidance" in label)


def suggestions_reveal(client, title):
    prefix = title.split()[1][:7]
    answer = client.get("/recherche/suggestions/", {"q": prefix}).json()
    return any(title in suggestion["label"] for suggestion in answer["suggestions"])


def did_you_mean_reveals(client, title):
    word = title.split()[1]
    typo = word[:-3] + word[-2:]
    correction = html(search_page(client, q=typo)).find(class_="kb-did-you-mean")
    return correction is not None and word[:8].lower() in plain(correction).lower()


CHANNELS = {
    "results": results_reveal,
    "total": total_reveals,
    "suggestions": suggestions_reveal,
    "did_you_mean": did_you_mean_reveals,
}
TITLES = {"closed": CLOSED_TITLE, "signed_in": OPEN_TITLE}


@pytest.mark.parametrize("kind", TITLES)
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("role", ROLES)
def test_a_post_reaches_exactly_its_readers(as_role, role, channel, kind):
    client = as_role(role)

    revealed = CHANNELS[channel](client, TITLES[kind])

    if channel == "did_you_mean":
        # A correction is a convenience, not a promise: readers may get the post
        # straight away instead. What matters is that nobody else gets the word.
        assert not revealed or role in readers_of(kind)
    else:
        assert revealed == (role in readers_of(kind))


@pytest.mark.parametrize("role", ROLES)
def test_facet_counts_include_posts_only_for_those_who_read_them(as_role, role):
    count = space_theme_count(as_role(role))

    assert count == sum(role in readers_of(kind) for kind in TITLES)


@pytest.mark.parametrize("role", ROLES)
def test_related_content_of_a_public_page_never_shows_a_post(as_role, cast, role):
    page = as_role(role).get(cast.public_page.url)

    related = html(page).find(attrs={"aria-labelledby": "related-title"})
    text = plain(related) if related else ""
    assert CLOSED_TITLE not in text
    assert OPEN_TITLE not in text
