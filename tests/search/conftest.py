"""A small knowledge base, indexed once per test module, on the backend under test.

By default the database backend answers. With SEARCH_URL set (CI does), the same
tests run against that engine, under an index prefix of their own for the test
session, removed at the end.

The pages are built once, inside a transaction that stays open while the module
runs and is rolled back after it: each test still runs in its own savepoint,
but nobody pays for twenty pages and an index rebuild per test. Transactional
tests (`transaction=True`) cannot use these fixtures; they run last, after the
module that built them has rolled it back.
"""

import datetime
import io
import os
import uuid
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from kb.models import HomePage
from search.backends import get_backend
from search.engine_client import configured_engine
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    PracticeSheetIndexPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    described_page,
)

ENGINE_URL = os.environ.get("SEARCH_URL", "")
DEAD_ENGINE_URL = "opensearch+http://127.0.0.1:9"

# A forum-space document: only members of space 7 may see it.
PRIVATE_DOCUMENT = {
    "key": "forum-post-1",
    "doc_type": "content",
    "title": "Compte rendu confidentialissime de l’espace",
    "summary": "Échanges réservés aux membres sur le répit.",
    "body": "Le groupe confidentialissime a parlé de répit et de pair-aidance.",
    "tags": ["secret-espace"],
    "themes": ["pair-aidance"],
    "audiences": [],
    "establishment_types": [],
    "territories": ["region:76"],
    "status": "",
    "locale": "fr",
    "visibility": ["space:7"],
    "year": 2024,
    "published_at": "2026-01-05T10:00:00+00:00",
    "url": "/espaces/7/comptes-rendus/1/",
    "rank_boost": 1.0,
}
MEMBER_OF_SPACE_7 = ("public", "space:7")

FRENCH_PAGES = {
    "Unité de répit pour jeunes adultes en Occitanie": {
        "kind": "sheet",
        "themes": ["prevention-ruptures", "jeunes-adultes"],
        "audiences": ["jeunes-adultes"],
        "departments": ["34"],
        "establishments": ["itep"],
        "tags": ["répit", "amendement Creton"],
        "status": "evaluated",
        "year": 2019,
    },
    "Équipe mobile ITEP en Seine-Maritime": {
        "kind": "sheet",
        "themes": ["coordination-parcours"],
        "departments": ["76"],
        "establishments": ["itep"],
        "tags": ["équipe mobile"],
        "status": "in_progress",
        "year": 2021,
    },
    "Plateforme de répit en Île-de-France": {
        "kind": "experiment",
        "themes": ["prevention-ruptures"],
        "regions": ["11"],
        "establishments": ["ime"],
        "tags": ["répit"],
        "year": 2022,
    },
    "Scolarisation inclusive dans l’Aude": {
        "kind": "sheet",
        "themes": ["scolarisation"],
        "departments": ["11"],
        "establishments": ["sessad"],
        "tags": ["inclusion scolaire"],
        "status": "planned",
        "year": 2024,
    },
    "Formation croisée à l’évaluation des pratiques": {
        "kind": "training",
        "themes": ["formation-interconnaissance"],
        "regions": ["84"],
        "establishments": ["ditep"],
        "tags": ["formations croisées"],
        "year": 2025,
    },
    "Fiche <script>alert(1)</script> & « guillemets »": {
        "kind": "sheet",
        "themes": ["pilotage-evaluation"],
        "establishments": ["mas"],
        "summary": "Un <b>résumé</b> sur le répit & les <i>balises</i>.",
        "status": "completed",
        "year": 2018,
    },
}
# Enough pages holding "coordination" for two pages of results.
FILLER_PAGES = {
    f"Coordination territoriale numéro {number}": {
        "kind": "sheet",
        "themes": ["coordination-parcours"],
        "establishments": ["ditep"],
        "departments": ["69"],
        "status": "completed",
        "year": 2010 + number,
    }
    for number in range(1, 12)
}
ENGLISH_PAGES = {
    "Respite unit for young adults in Occitanie": {
        "kind": "sheet",
        "themes": ["prevention-ruptures"],
        "departments": ["34"],
        "establishments": ["itep"],
        "tags": ["respite"],
        "status": "evaluated",
        "year": 2019,
    },
    "Mobile ITEP team in Normandy": {
        "kind": "sheet",
        "themes": ["coordination-parcours"],
        "departments": ["76"],
        "establishments": ["itep"],
        "tags": ["mobile team"],
        "status": "in_progress",
        "year": 2021,
    },
}


@dataclass
class Section:
    root: object
    sheets: object
    experiments: object
    trainings: object


@dataclass
class Corpus:
    pages: dict = field(default_factory=dict)

    def __getitem__(self, title):
        return self.pages[title]

    def key(self, title):
        return f"page-{self.pages[title].pk}"


def section(home, slug):
    root = PracticesIndexPageFactory(parent=home, slug=slug)
    return Section(
        root=root,
        sheets=PracticeSheetIndexPageFactory(parent=root),
        experiments=ExperimentIndexPageFactory(parent=root),
        trainings=TrainingOfferIndexPageFactory(parent=root),
    )


def build_pages():
    corpus = Corpus()
    french = section(HomePage.objects.get(locale__language_code="fr"), "pratiques")
    english = section(HomePage.objects.get(locale__language_code="en"), "practices")
    for home_section, pages in ((french, FRENCH_PAGES | FILLER_PAGES), (english, ENGLISH_PAGES)):
        for title, description in pages.items():
            page = described_page(home_section, title, description)
            page.summary = description.get("summary", page.summary)
            # Published in the year it describes, so that sorting by date has an order to follow.
            published = timezone.make_aware(datetime.datetime(description["year"], 6, 1))
            page.first_published_at = page.last_published_at = published
            page.save()
            corpus.pages[title] = page
    return corpus


@pytest.fixture(scope="session")
def engine_prefix():
    """An index prefix of this test session's own, deleted when it ends."""
    prefix = f"kbtest-{uuid.uuid4().hex[:10]}"
    yield prefix
    if ENGINE_URL:
        with override_settings(SEARCH_URL=ENGINE_URL, SEARCH_INDEX_PREFIX=prefix):
            configured_engine.cache_clear()
            engine = configured_engine()
            for index in engine.index_names(f"{prefix}-*"):
                engine.delete_index(index)
        configured_engine.cache_clear()


@pytest.fixture(scope="module")
def indexed_corpus(django_db_setup, django_db_blocker, engine_prefix):
    """The pages above and one private forum document, indexed on the backend under test."""
    overrides = {"SEARCH_URL": ENGINE_URL, "SEARCH_INDEX_PREFIX": engine_prefix}
    with django_db_blocker.unblock(), override_settings(**overrides):
        configured_engine.cache_clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            corpus = build_pages()
            call_command("search_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
            backend = get_backend()
            backend.upsert([PRIVATE_DOCUMENT])
            if ENGINE_URL:
                backend.refresh()
            yield corpus
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            configured_engine.cache_clear()


@pytest.fixture
def search_backend(db, indexed_corpus):
    """The backend the tests search: the engine of SEARCH_URL, or the database."""
    return get_backend()


@pytest.fixture
def corpus(indexed_corpus, search_backend):
    return indexed_corpus


@pytest.fixture
def unreachable_engine(settings):
    """SEARCH_URL pointing at a loopback port where nothing listens."""
    settings.SEARCH_URL = DEAD_ENGINE_URL
    configured_engine.cache_clear()
    yield
    configured_engine.cache_clear()
