"""Signed-out visitors are served kept pages; nobody ever sees a stale or someone else's page."""

import time
import urllib.request

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from forums.search import post_key
from kb.content_version import content_version
from kb.models import HomePage, Theme
from practices import registrations
from practices.models import PracticeSheetPage
from search.engine_client import configured_engine
from search.extraction import page_key
from search.indexing import apply
from search.models import ZeroResultQuery
from tests.forums.factories import PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import UserFactory
from tests.practices.training_fixtures import build_session, build_user

from .factories import (
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    term,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def database_search(settings):
    """Searches read the database backend, whose index a test's transaction holds."""
    settings.SEARCH_URL = ""
    configured_engine.cache_clear()
    yield
    configured_engine.cache_clear()


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


@pytest.fixture
def sheet(practices_fr):
    return PracticeSheetPageFactory(
        parent=practices_fr.sheets,
        title="Unité de répit itinérante",
        themes=[term(Theme, "jeunes-adultes")],
    )


def test_a_signed_out_visitor_reads_a_kept_page_without_touching_the_database(client, sheet):
    first, _ = queries_of(client, sheet.url)
    again, queries = queries_of(Client(), sheet.url)

    assert queries == 0
    assert again.content == first.content
    assert "public" in again["Cache-Control"]
    assert again["ETag"] == first["ETag"]


def test_a_proxy_holding_the_page_is_told_it_has_not_changed(client, sheet):
    etag = client.get(sheet.url)["ETag"]

    assert Client().get(sheet.url, headers={"If-None-Match": etag}).status_code == 304


def test_lists_and_home_are_kept_too(client, practices_fr, home_page_fr):
    for url in (practices_fr.sheets.url, home_page_fr.url, "/flux/pratiques/rss/"):
        client.get(url)
        assert queries_of(Client(), url)[1] == 0, url


def test_searches_are_kept_but_those_finding_nothing_count_each_time(
    client, sheet, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply([page_key(sheet.pk)])
    assert sheet.url in client.get("/recherche/?q=répit").text
    for _ in range(2):
        client.get("/recherche/?q=hippopotame")

    assert queries_of(Client(), "/recherche/?q=répit")[1] == 0
    assert ZeroResultQuery.objects.get(query="hippopotame").count == 2


def test_indexing_forum_posts_leaves_the_signed_out_visitors_pages_kept(
    client, sheet, django_capture_on_commit_callbacks
):
    topic = TopicFactory(space=SpaceFactory(visibility="signed_in"))
    published = PostFactory(topic=topic)
    held = PostFactory(topic=topic, status="pending")
    client.get(sheet.url)

    with django_capture_on_commit_callbacks(execute=True):
        apply([post_key(published.pk), post_key(held.pk)])
    assert queries_of(Client(), sheet.url)[1] == 0

    # A page leaving the index may have been found by them: their kept searches go.
    with django_capture_on_commit_callbacks(execute=True):
        sheet.unpublish()
    unpublished = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        apply([page_key(sheet.pk)])
    assert content_version() != unpublished


def test_a_publication_is_found_once_indexed(
    client, practices_fr, sheet, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply([page_key(sheet.pk)])
    assert sheet.url in client.get("/recherche/?q=répit").text
    published = PracticeSheetPageFactory(parent=practices_fr.sheets, title="Répit des aidants")

    # What the search worker does after the publication.
    with django_capture_on_commit_callbacks(execute=True):
        apply([page_key(published.pk)])

    assert published.url in client.get("/recherche/?q=répit").text


@pytest.fixture
def member_client():
    member = Client()
    member.force_login(UserFactory(email="lea.roussel@exemple.fr"))
    return member


def test_signed_in_people_never_get_nor_leave_a_kept_page(client, member_client, sheet):
    client.get(sheet.url)

    as_member = member_client.get(sheet.url)

    assert "Se déconnecter" in as_member.text
    assert "private" in as_member["Cache-Control"]
    signed_out = Client().get(sheet.url)
    assert "Se déconnecter" not in signed_out.text
    assert "Se connecter" in signed_out.text


def test_a_page_with_a_form_is_not_kept(client, sheet):
    PageViewRestriction.objects.create(
        page=sheet, restriction_type=PageViewRestriction.PASSWORD, password="Motdepassissime"
    )

    first = client.get(sheet.url)

    assert "csrfmiddlewaretoken" in first.text
    assert queries_of(Client(), sheet.url)[1] > 0


def test_a_page_for_members_sends_every_signed_out_visitor_to_sign_in(client, member_client, sheet):
    PageViewRestriction.objects.create(page=sheet, restriction_type=PageViewRestriction.LOGIN)

    assert member_client.get(sheet.url).status_code == 200
    assert client.get(sheet.url).status_code == 302
    assert Client().get(sheet.url).status_code == 302


def test_a_visitor_with_a_message_to_read_gets_the_page_rendered(client, sheet):
    client.get(sheet.url)
    visitor = Client()
    visitor.cookies["messages"] = "a message signed by the site"

    assert queries_of(visitor, sheet.url)[1] > 0


def test_nothing_is_kept_when_the_page_cache_is_off(client, settings, sheet):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(sheet.url)

    assert queries_of(Client(), sheet.url)[1] > 0


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_change_is_shown_once_committed(
    client, practices_fr, sheet, django_capture_on_commit_callbacks
):
    client.get(sheet.url)
    client.get(practices_fr.sheets.url)

    with django_capture_on_commit_callbacks(execute=True):
        publish(sheet, title="Unité de répit renommée")
    assert "Unité de répit renommée" in client.get(sheet.url).text
    assert "Unité de répit renommée" in client.get(practices_fr.sheets.url).text

    with django_capture_on_commit_callbacks(execute=True):
        sheet.unpublish()
    assert client.get(sheet.url).status_code == 404
    assert "Unité de répit renommée" not in client.get(practices_fr.sheets.url).text


def test_a_registration_shows_on_its_training_page_and_leaves_the_other_pages_kept(
    client, offer, sheet, django_capture_on_commit_callbacks
):
    session = build_session(offer, seats=3)
    assert "3 places libres sur 3" in client.get(offer.url).text
    client.get(sheet.url)

    with django_capture_on_commit_callbacks(execute=True):
        seat = registrations.register(session, build_user())
    assert "2 places libres sur 3" in Client().get(offer.url).text
    assert queries_of(Client(), sheet.url)[1] == 0
    assert queries_of(Client(), offer.url)[1] == 0

    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel(seat, seat.user)
    assert "3 places libres sur 3" in Client().get(offer.url).text
    assert queries_of(Client(), sheet.url)[1] == 0


def test_a_renamed_theme_is_shown_on_the_pages_that_carry_it(
    client, sheet, django_capture_on_commit_callbacks
):
    client.get(sheet.url)
    theme = term(Theme, "jeunes-adultes")

    with django_capture_on_commit_callbacks(execute=True):
        theme.name = "Jeunes adultes (amendement Creton)"
        theme.save()

    assert "Jeunes adultes (amendement Creton)" in client.get(sheet.url).text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publication_reaches_signed_out_visitors_within_two_seconds(live_server):
    section = PracticeSheetIndexPageFactory(
        parent=PracticesIndexPageFactory(parent=HomePage.objects.get(locale__language_code="fr"))
    )
    sheet = PracticeSheetPageFactory(parent=section, title="Première version")

    def read(url):
        with urllib.request.urlopen(live_server.url + url) as response:
            return response.read().decode()

    assert "Première version" in read(sheet.url)
    assert "Première version" in read(section.url)

    publish(sheet, title="Seconde version")
    published = time.monotonic()
    page, listing = read(sheet.url), read(section.url)

    assert time.monotonic() - published < 2
    assert "Seconde version" in page
    assert "Seconde version" in listing


def test_a_preview_of_a_draft_keeps_nothing_for_readers(client, sheet):
    draft = PracticeSheetPage.objects.get(pk=sheet.pk)
    draft.title = "Titre du brouillon"
    draft.themes = [term(Theme, "scolarisation")]

    preview = draft.make_preview_request()
    page = client.get(sheet.url).text

    assert "Titre du brouillon" in preview.text
    assert "Titre du brouillon" not in page
    assert str(term(Theme, "scolarisation")) not in page
    assert str(term(Theme, "jeunes-adultes")) in page


def test_a_sheet_rendered_once_for_every_reader_shows_a_change_once_committed(
    client, member_client, settings, sheet, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 0
    first = client.get(sheet.url).text
    assert member_client.get(sheet.url).text.count("Unité de répit itinérante") == first.count(
        "Unité de répit itinérante"
    )

    with django_capture_on_commit_callbacks(execute=True):
        publish(sheet, summary="Résumé revu après l’évaluation")

    assert "Résumé revu après l’évaluation" in client.get(sheet.url).text
    assert "Résumé revu après l’évaluation" in member_client.get(sheet.url).text
