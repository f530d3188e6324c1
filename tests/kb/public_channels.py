"""A public practice section beside every kind of content that no public channel may show.

Each hidden item is known by marks that only it carries: a word of its title
found nowhere else, and the address it has or would have. An alias has its
source's title, so it is known by its own address, under /en/.
"""

import datetime
import io
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from forums.models import Space
from kb.models import HomePage, Theme
from search.engine_client import configured_engine
from tests.forums.factories import PostFactory, SpaceFactory, TopicFactory
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    ExperimentPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    establishment,
    term,
)

THEME = "jeunes-adultes"
OTHER_THEME = "scolarisation"
HIDDEN_KINDS = [
    "draft",
    "unpublished",
    "password",
    "signed_in",
    "alias",
    "forum",
]


@dataclass
class Hidden:
    kind: str
    marks: list[str]
    page: object = None
    parent: object = None


@dataclass
class Cast:
    section: object
    public_sheet: object
    public_experiment: object
    other_theme_sheet: object
    hidden: dict[str, Hidden] = field(default_factory=dict)


def sheet(section, word, live=True, **fields):
    """A practice sheet of the theme, titled and addressed by its unique word."""
    page = PracticeSheetPageFactory(
        live=live,
        parent=section.sheets,
        title=f"Fiche {word} en DITEP",
        slug=word.lower(),
        summary=f"Résumé de la fiche {word}.",
        themes=[term(Theme, THEME)],
        tags=["répit"],
        **fields,
    )
    if live:
        published = timezone.make_aware(datetime.datetime(2025, 3, 1, 9))
        page.first_published_at = page.last_published_at = published
        page.save(update_fields=["first_published_at", "last_published_at"])
    return page


def page_hidden(kind, page, word):
    return Hidden(kind=kind, marks=[word, page.url], page=page, parent=page.get_parent())


def build_cast():
    home = HomePage.objects.get(locale__language_code="fr")
    root = PracticesIndexPageFactory(parent=home, slug="pratiques-canaux")
    section = type(
        "Section",
        (),
        {
            "root": root,
            "sheets": PracticeSheetIndexPageFactory(parent=root),
            "experiments": ExperimentIndexPageFactory(parent=root),
            "trainings": TrainingOfferIndexPageFactory(parent=root),
        },
    )
    cast = Cast(
        section=section,
        public_sheet=sheet(section, "Visiblissime", establishments=[establishment("ITEP")]),
        public_experiment=ExperimentPageFactory(
            parent=section.experiments,
            title="Expérience Ouvertissime",
            slug="ouvertissime",
            themes=[term(Theme, THEME)],
        ),
        other_theme_sheet=PracticeSheetPageFactory(
            parent=section.sheets,
            title="Fiche Scolarissime",
            slug="scolarissime",
            themes=[term(Theme, OTHER_THEME)],
        ),
    )

    draft = sheet(section, "Brouillonissime", live=False)
    draft.save_revision()
    cast.hidden["draft"] = page_hidden("draft", draft, "Brouillonissime")

    unpublished = sheet(section, "Retirissime")
    unpublished.unpublish()
    cast.hidden["unpublished"] = page_hidden("unpublished", unpublished, "Retirissime")

    for kind, word, restriction in [
        ("password", "Motdepassissime", PageViewRestriction.PASSWORD),
        ("signed_in", "Connectissime", PageViewRestriction.LOGIN),
    ]:
        page = sheet(section, word)
        PageViewRestriction.objects.create(
            page=page, restriction_type=restriction, password="cle-secrete"
        )
        cast.hidden[kind] = page_hidden(kind, page, word)

    english = Locale.objects.get(language_code="en")
    alias = cast.public_sheet.copy_for_translation(english, copy_parents=True, alias=True)
    cast.hidden["alias"] = Hidden(
        kind="alias", marks=[alias.url], page=alias, parent=alias.get_parent()
    )

    space = SpaceFactory(visibility=Space.Visibility.MEMBERS, theme=term(Theme, THEME))
    topic = TopicFactory(space=space, title="Sujet Confidentialissime sur le répit")
    PostFactory(topic=topic, body="Un échange Murmurissime entre directions.")
    cast.hidden["forum"] = Hidden(kind="forum", marks=["Confidentialissime", "Murmurissime"])
    return cast


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at its end, and indexed by the
    database search backend, which answers the API's `?search=` (the engine's privacy is
    tested in tests/search)."""
    with django_db_blocker.unblock(), override_settings(SEARCH_URL=""):
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
            configured_engine.cache_clear()
