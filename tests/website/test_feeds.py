"""RSS and Atom feeds of new practices: what a feed reader receives, in each language."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.utils import timezone

from kb.models import SeminarIndexPage, SeminarPage, Theme
from tests.kb.helpers import html
from tests.practices.conftest import practices_en, practices_fr
from tests.practices.factories import (
    ExperimentPageFactory,
    PracticeSheetPageFactory,
    TrainingOfferPageFactory,
    term,
)

__all__ = ["practices_en", "practices_fr"]

ATOM = "{http://www.w3.org/2005/Atom}"


def published(page, day):
    page.first_published_at = page.last_published_at = timezone.make_aware(
        datetime.datetime(2026, 1, day, 9)
    )
    page.save(update_fields=["first_published_at", "last_published_at"])
    return page


@pytest.fixture
def practices(practices_fr):
    young = published(
        PracticeSheetPageFactory(
            parent=practices_fr.sheets,
            title="Unité de répit pour jeunes adultes",
            summary="Un accueil temporaire pour les jeunes sous amendement Creton.",
            themes=[term(Theme, "jeunes-adultes")],
            tags=["répit", "Creton"],
        ),
        5,
    )
    school = published(
        ExperimentPageFactory(
            parent=practices_fr.experiments,
            title="Classe externalisée en collège",
            themes=[term(Theme, "scolarisation")],
        ),
        7,
    )
    training = TrainingOfferPageFactory(
        parent=practices_fr.trainings, title="Immersion croisée ITEP et collège"
    )
    return {"young": young, "school": school, "training": training}


def rss_items(response):
    channel = ET.fromstring(response.content).find("channel")
    return {item.findtext("title"): item for item in channel.findall("item")}


def test_rss_feed_lists_new_sheets_and_experiments_newest_first(client, practices):
    response = client.get("/flux/pratiques/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert list(rss_items(response)) == [
        "Classe externalisée en collège",
        "Unité de répit pour jeunes adultes",
    ]


def test_an_rss_item_has_summary_link_date_and_categories(client, practices):
    item = rss_items(client.get("/flux/pratiques/rss/"))["Unité de répit pour jeunes adultes"]

    assert item.findtext("description") == (
        "Un accueil temporaire pour les jeunes sous amendement Creton."
    )
    assert item.findtext("link") == f"{settings.SITE_URL}{practices['young'].url}"
    assert item.findtext("pubDate").startswith("Mon, 05 Jan 2026")
    assert [category.text for category in item.findall("category")] == [
        "Jeunes adultes et amendement Creton",
        "Creton",
        "répit",
    ]


def test_atom_feed_is_valid_atom_with_the_same_entries(client, practices):
    response = client.get("/flux/pratiques/atom/")

    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Classe externalisée en collège",
        "Unité de répit pour jeunes adultes",
    ]
    assert entries[1].findtext(f"{ATOM}updated").startswith("2026-01-05")
    assert entries[1].find(f"{ATOM}category").get("term") == "Jeunes adultes et amendement Creton"


def test_seminars_are_announced_with_their_themes(client, home_page_fr, practices):
    index = SeminarIndexPage(title="Séminaires", slug="seminaires")
    home_page_fr.add_child(instance=index)
    seminar = SeminarPage(
        title="Séminaire national de capitalisation",
        summary="Une journée pour partager ce que les régions ont appris.",
        start_date=datetime.date(2026, 3, 12),
        place="Paris",
    )
    index.add_child(instance=seminar)
    seminar.themes.set([term(Theme, "scolarisation")])
    seminar.save_revision().publish()
    published(seminar, 10)

    everything = rss_items(client.get("/flux/pratiques/rss/"))
    school = rss_items(client.get("/flux/theme/scolarisation/rss/"))

    assert list(everything)[0] == "Séminaire national de capitalisation"
    assert list(school) == [
        "Séminaire national de capitalisation",
        "Classe externalisée en collège",
    ]
    item = school["Séminaire national de capitalisation"]
    assert (
        item.findtext("description") == "Une journée pour partager ce que les régions ont appris."
    )


def test_theme_feed_holds_only_that_theme(client, practices):
    items = rss_items(client.get("/flux/theme/scolarisation/rss/"))

    assert list(items) == ["Classe externalisée en collège"]
    assert all(
        "Scolarisation et coopération avec l’Éducation nationale"
        in [category.text for category in item.findall("category")]
        for item in items.values()
    )


def test_theme_feed_title_names_the_theme(client, practices):
    channel = ET.fromstring(client.get("/flux/theme/jeunes-adultes/atom/").content)

    assert "Jeunes adultes et amendement Creton" in channel.findtext(f"{ATOM}title")


@pytest.mark.parametrize("slug", ["theme-inconnu", "jeunes_adultes", "x" * 200])
def test_unknown_theme_is_not_found(client, practices, slug):
    assert client.get(f"/flux/theme/{slug}/rss/").status_code == 404


def test_english_feed_lists_english_pages_with_english_categories(client, practices_en, practices):
    page = published(
        PracticeSheetPageFactory(
            parent=practices_en.sheets,
            title="Respite unit for young adults",
            themes=[term(Theme, "jeunes-adultes")],
        ),
        9,
    )

    items = rss_items(client.get("/en/flux/pratiques/rss/"))

    assert list(items) == ["Respite unit for young adults"]
    item = items["Respite unit for young adults"]
    assert item.findtext("link") == f"{settings.SITE_URL}{page.url}"
    assert [c.text for c in item.findall("category")] == ["Young adults and the Creton amendment"]


def test_every_page_advertises_the_feeds(client, practices_fr):
    links = html(client.get(practices_fr.root.url)).select('head link[rel="alternate"]')

    assert {(link["type"], link["href"]) for link in links} >= {
        ("application/rss+xml", "/flux/pratiques/rss/"),
        ("application/atom+xml", "/flux/pratiques/atom/"),
    }


def test_english_pages_advertise_the_english_feeds(client, practices_en):
    links = html(client.get(practices_en.root.url)).select('head link[rel="alternate"]')

    assert "/en/flux/pratiques/rss/" in {link["href"] for link in links}


def test_practices_listing_shows_a_link_to_the_feed(client, practices_fr):
    main = html(client.get(practices_fr.sheets.url)).find("main")

    assert main.find("a", href="/flux/pratiques/rss/") is not None
