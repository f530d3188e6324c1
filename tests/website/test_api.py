"""The read-only JSON API (/api/v2/) as a reuser queries it.

Hidden content in lists, details, search and tree filters is covered with the
other channels in tests/kb/test_public_channels_privacy.py.
"""

import datetime
import io

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from kb.models import Department, Region, SeminarIndexPage, SeminarPage, Theme
from search.engine_client import configured_engine
from tests.kb.factories import UserFactory
from tests.practices.conftest import practices_en, practices_fr
from tests.practices.factories import (
    ExperimentPageFactory,
    PracticeSheetPageFactory,
    TrainingOfferPageFactory,
    TrainingSessionFactory,
    establishment,
    term,
    valid_finess,
)
from tests.search.conftest import DEAD_ENGINE_URL

__all__ = ["practices_en", "practices_fr"]

SHEETS = {"type": "practices.PracticeSheetPage"}


@pytest.fixture
def pages(practices_fr, practices_en):
    herault = PracticeSheetPageFactory(
        parent=practices_fr.sheets,
        title="Équipe mobile ITEP dans l’Hérault",
        themes=[term(Theme, "coordination-parcours")],
        departments=[Department.objects.get(code="34")],
        tags=["équipe mobile"],
        status="evaluated",
        contact_name="Camille Durand",
        contact_email="camille.durand@exemple.fr",
        contact_organisation="DITEP Les Chênes",
        establishments=[establishment("DITEP Les Chênes", valid_finess("34", "000123"))],
    )
    brittany = ExperimentPageFactory(
        parent=practices_fr.experiments,
        title="Unité de répit en Bretagne",
        themes=[term(Theme, "jeunes-adultes")],
        regions=[Region.objects.get(code="53")],
        tags=["répit"],
    )
    english = PracticeSheetPageFactory(
        parent=practices_en.sheets,
        title="Mobile team in Hérault",
        themes=[term(Theme, "coordination-parcours")],
        departments=[Department.objects.get(code="34")],
    )
    return {"herault": herault, "brittany": brittany, "english": english}


def titles(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_a_practice_sheet_shows_its_classification_and_finess(client, pages):
    page = pages["herault"]

    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    assert data["summary"] == page.summary
    assert data["status"] == "evaluated"
    assert data["themes"] == ["coordination-parcours"]
    assert data["territories"] == ["departement:34", "region:76"]
    assert data["tags"] == ["équipe mobile"]
    assert data["licence"] == "etalab-2.0"
    assert [(e["finess"], e["name"]) for e in data["establishments"]] == [
        (valid_finess("34", "000123"), "DITEP Les Chênes")
    ]
    assert data["meta"]["html_url"] == f"{settings.SITE_URL}{page.url}"


def test_contact_person_stays_on_the_page(client, pages):
    data = client.get(f"/api/v2/pages/{pages['herault'].pk}/").json()
    listing = client.get("/api/v2/pages/", {**SHEETS, "fields": "*"}).content.decode()

    assert data["contact_organisation"] == "DITEP Les Chênes"
    for personal in ("Camille Durand", "camille.durand@exemple.fr"):
        assert personal not in str(data)
        assert personal not in listing


def test_a_training_offer_lists_its_coming_sessions(client, practices_fr):
    offer = TrainingOfferPageFactory(parent=practices_fr.trainings)
    starts = timezone.now() + datetime.timedelta(days=20)
    TrainingSessionFactory(offer=offer, starts_at=starts, place="Rennes", seats=10)
    TrainingSessionFactory(offer=offer, starts_at=timezone.now() - datetime.timedelta(days=5))

    sessions = client.get(f"/api/v2/pages/{offer.pk}/").json()["upcoming_sessions"]

    assert [(s["place"], s["seats_left"]) for s in sessions] == [("Rennes", 10)]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (SHEETS, ["Mobile team in Hérault", "Équipe mobile ITEP dans l’Hérault"]),
        ({"theme": "jeunes-adultes"}, ["Unité de répit en Bretagne"]),
        (
            {"territory": "region:76"},
            ["Mobile team in Hérault", "Équipe mobile ITEP dans l’Hérault"],
        ),
        ({"territory": "departement:34", "locale": "fr"}, ["Équipe mobile ITEP dans l’Hérault"]),
        ({"territory": "region:53"}, ["Unité de répit en Bretagne"]),
        ({"tag": "répit"}, ["Unité de répit en Bretagne"]),
        ({"tag": "Équipe mobile"}, ["Équipe mobile ITEP dans l’Hérault"]),
        ({"tag": "inconnu"}, []),
        ({**SHEETS, "locale": "en"}, ["Mobile team in Hérault"]),
        ({**SHEETS, "status": "evaluated"}, ["Équipe mobile ITEP dans l’Hérault"]),
    ],
)  # fmt: skip
def test_filters(client, pages, params, expected):
    assert titles(client, **params) == sorted(expected)


@pytest.fixture
def indexed_pages(pages, settings):
    """The pages, in the database backend's index (the engine's is tested in tests/search)."""
    settings.SEARCH_URL = ""
    configured_engine.cache_clear()
    call_command("search_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
    yield pages
    configured_engine.cache_clear()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # The site's search: accents and plurals aside, in the language asked.
        ({"search": "herault", "locale": "fr"}, ["Équipe mobile ITEP dans l’Hérault"]),
        ({"search": "unites de repit", "locale": "fr"}, ["Unité de répit en Bretagne"]),
        ({"search": "Hérault", "locale": "en"}, ["Mobile team in Hérault"]),
        ({"search": "Hérault"}, ["Mobile team in Hérault", "Équipe mobile ITEP dans l’Hérault"]),
        ({"search": "Hérault", "theme": "jeunes-adultes"}, []),
        ({"search": "Bretagne", "theme": "jeunes-adultes"}, ["Unité de répit en Bretagne"]),
        ({"search": "  ", **SHEETS},
         ["Mobile team in Hérault", "Équipe mobile ITEP dans l’Hérault"]),
    ],
)  # fmt: skip
def test_search_is_the_site_search(client, indexed_pages, params, expected):
    assert titles(client, **params) == sorted(expected)


def test_search_ranks_the_best_match_first(client, indexed_pages):
    found = client.get("/api/v2/pages/", {"search": "équipe mobile Hérault", "locale": "fr"})

    assert found.json()["items"][0]["title"] == "Équipe mobile ITEP dans l’Hérault"


def test_search_on_an_unreachable_engine_answers_503(client, pages, settings):
    settings.SEARCH_URL = DEAD_ENGINE_URL
    configured_engine.cache_clear()
    try:
        response = client.get("/api/v2/pages/", {"search": "Hérault"})
    finally:
        configured_engine.cache_clear()

    assert response.status_code == 503
    assert "momentanément indisponible" in response.json()["detail"]


def test_seminars_show_their_dates_place_and_region(client, home_page_fr):
    index = SeminarIndexPage(title="Séminaires", slug="seminaires")
    home_page_fr.add_child(instance=index)
    seminar = SeminarPage(
        title="Restitution en Occitanie",
        summary="Ce que la région a retenu.",
        start_date=datetime.date(2026, 5, 20),
        place="Montpellier",
        scope=SeminarPage.Scope.REGIONAL,
        region=Region.objects.get(code="76"),
    )
    index.add_child(instance=seminar)

    data = client.get(f"/api/v2/pages/{seminar.pk}/").json()

    assert (data["start_date"], data["place"], data["region"]) == (
        "2026-05-20",
        "Montpellier",
        "76",
    )
    assert titles(client, territory="region:76") == ["Restitution en Occitanie"]


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"theme": "inconnu"}, "Thème inconnu « inconnu »"),
        ({"territory": "region:99"}, "Territoire inconnu « region:99 »"),
        ({"territory": "34"}, "Territoire inconnu « 34 »"),
        ({"territory": "departement:"}, "Territoire inconnu"),
        ({"locale": "xx"}, "Langue inconnue « xx »"),
        ({"type": "practices.Nothing"}, "type doesn't exist"),
        ({"child_of": "abc"}, "child_of must be a positive integer"),
        ({"child_of": "999999"}, "parent page doesn't exist"),
        ({"limit": "beaucoup"}, "limit must be a positive integer"),
        ({"order": "contact_email"}, "cannot order by"),
        ({"couleur": "bleu"}, "query parameter is not an operation or a recognised field"),
    ],
)
def test_bad_filter_values_are_refused_with_a_reason(client, pages, params, reason):
    response = client.get("/api/v2/pages/", params)

    assert response.status_code == 400
    assert reason in response.json()["message"]


def test_unknown_page_is_not_found(client, db):
    response = client.get("/api/v2/pages/999999/")

    assert response.status_code == 404


def document_in(collection, title):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 contenu"), save=True)
    return document


def test_documents_of_a_private_collection_are_never_listed(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    private = root.add_child(name="Comptes rendus internes")
    below_private = private.add_child(name="Comités de pilotage")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    public = document_in(root, "Guide-public")
    hidden = [document_in(private, "Interne"), document_in(below_private, "Copil")]
    # A signed-in member would see these documents on the site: the API still never lists them.
    client.force_login(UserFactory())

    listed = client.get("/api/v2/documents/").json()["items"]

    assert [item["title"] for item in listed] == [public.title]
    for document in hidden:
        assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404


def queries_to_list_sheets(client, fields):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v2/pages/", {**SHEETS, "fields": fields, "limit": 50})
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.parametrize("fields", ["*", "territories,themes,leads"])
def test_a_list_costs_the_same_queries_for_two_sheets_or_ten(client, practices_fr, fields):
    def add_sheets(count):
        for _ in range(count):
            PracticeSheetPageFactory(
                parent=practices_fr.sheets,
                themes=[term(Theme, "coordination-parcours")],
                regions=[Region.objects.get(code="53")],
                departments=[Department.objects.get(code="34"), Department.objects.get(code="11")],
            )

    add_sheets(2)
    queries_to_list_sheets(client, fields)  # the first request fills per-process caches
    two = queries_to_list_sheets(client, fields)
    add_sheets(8)
    assert queries_to_list_sheets(client, fields) == two
