"""Privacy matrix: every channel open to anyone × every kind of content it must never show.

Channels: the RSS and Atom feeds, a theme's feed, the sitemap, the API's list,
detail, search and tree filters, the CSV and JSON open data. Hidden content:
a draft, an unpublished page, a page behind a password, a page for signed-in
people, a wagtail-localize alias, a topic and post of a members-only space.
Each channel is read in both languages where it has two, as a signed-in editor
would read it (the channels must not depend on who asks), and must not carry any
mark of the hidden item; the public pages beside them show each channel works.
"""

import pytest

from tests.kb.factories import UserFactory
from tests.kb.public_channels import HIDDEN_KINDS, THEME, Hidden, cast

__all__ = ["cast"]

# Run with the other database tests, before any transactional test empties the database.
pytestmark = pytest.mark.django_db


def both_languages(client, path):
    return client.get(path).content.decode() + client.get(f"/en{path}").content.decode()


def rss(client, hidden):
    return both_languages(client, "/flux/pratiques/rss/")


def atom(client, hidden):
    return both_languages(client, "/flux/pratiques/atom/")


def theme_feed(client, hidden):
    return both_languages(client, f"/flux/theme/{THEME}/rss/")


def sitemap(client, hidden):
    return client.get("/sitemap.xml").content.decode()


def api_list(client, hidden):
    pages = client.get("/api/v2/pages/", {"limit": 100, "fields": "*"}).content.decode()
    sheets = client.get(
        "/api/v2/pages/",
        {"type": "practices.PracticeSheetPage", "limit": 100, "fields": "*"},
    ).content.decode()
    return pages + sheets


def api_detail(client, hidden):
    if hidden.page is None:
        return client.get("/api/v2/pages/find/", {"html_path": "/espaces/"}).content.decode()
    return client.get(f"/api/v2/pages/{hidden.page.pk}/", follow=True).content.decode()


def api_search(client, hidden):
    return "".join(
        client.get("/api/v2/pages/", {"search": mark.strip("/").split("/")[-1]}).content.decode()
        for mark in hidden.marks
    )


def api_child_of(client, hidden):
    queries = [{"child_of": hidden.parent.pk}] if hidden.parent else []
    if hidden.page is not None:
        queries += [{"child_of": hidden.page.pk}, {"descendant_of": hidden.page.pk}]
    queries.append({"descendant_of": "root"})
    return "".join(
        client.get("/api/v2/pages/", {**query, "limit": 100}).content.decode() for query in queries
    )


def open_data(extension):
    def read(client, hidden):
        return "".join(
            client.get(f"/donnees-ouvertes/{name}.{extension}").content.decode()
            for name in ("fiches-action", "retours-experience")
        )

    return read


CHANNELS = {
    "rss": rss,
    "atom": atom,
    "theme_feed": theme_feed,
    "sitemap": sitemap,
    "api_list": api_list,
    "api_detail": api_detail,
    "api_search": api_search,
    "api_child_of": api_child_of,
    "csv": open_data("csv"),
    "json": open_data("json"),
}


@pytest.fixture
def editor_client(client, db):
    client.force_login(UserFactory(groups=["Éditeurs"], is_staff=True))
    return client


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
@pytest.mark.parametrize("channel", CHANNELS)
def test_hidden_content_never_reaches_a_public_channel(cast, editor_client, channel, kind):
    hidden = cast.hidden[kind]

    output = CHANNELS[channel](editor_client, hidden)

    assert [mark for mark in hidden.marks if mark in output] == []


@pytest.mark.parametrize("channel", CHANNELS)
def test_the_public_page_beside_them_is_shown(cast, client, channel):
    page = cast.public_sheet
    visible = Hidden(kind="public", marks=[page.url], page=page, parent=page.get_parent())

    output = CHANNELS[channel](client, visible)

    assert page.url in output
