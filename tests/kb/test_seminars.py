"""Seminars: announced, then kept with what they produced."""

import datetime
import html

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from kb.models import Region, SeminarIndexPage, SeminarPage, SeminarSession, Theme
from search.extraction import page_document
from tests.practices.factories import (
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
)

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=seminaire-national"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def index(home_page_fr):
    page = SeminarIndexPage(title="Séminaires", slug="seminaires")
    home_page_fr.add_child(instance=page)
    page.save_revision().publish()
    return page


def seminar(index, title, start, **fields):
    fields.setdefault("place", "Paris")
    page = SeminarPage(title=title, summary=f"Présentation de {title}.", start_date=start, **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


def content(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_upcoming_seminars_come_first_by_date_then_past_ones_latest_first(client, index):
    seminar(index, "Passé lointain", days(-400))
    seminar(index, "À venir bientôt", days(10))
    seminar(index, "Passé récent", days(-20))
    seminar(index, "À venir plus tard", days(90))
    seminar(index, "En cours", days(-1), end_date=days(1))

    page = content(client.get(index.url))
    upcoming, past = page.split("Séminaires passés")
    order = ["En cours", "À venir bientôt", "À venir plus tard"]
    assert [upcoming.index(title) for title in order] == sorted(
        upcoming.index(title) for title in order
    )
    assert past.index("Passé récent") < past.index("Passé lointain")
    assert "Passé" not in upcoming.split("Séminaires à venir")[1]


def test_draft_seminar_is_not_listed(client, index):
    draft = SeminarPage(title="Brouillon", summary="…", start_date=days(5), place="Lyon")
    index.add_child(instance=draft)
    draft.unpublish()
    assert "Brouillon" not in content(client.get(index.url))


def test_regional_seminar_needs_its_region():
    page = SeminarPage(
        title="Restitution",
        slug="restitution",
        summary="…",
        start_date=days(3),
        place="Montpellier",
        scope=SeminarPage.Scope.REGIONAL,
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "region" in error.value.message_dict


def test_seminar_shows_programme_and_every_output(client, index, home_page_fr):
    sheets = PracticeSheetIndexPageFactory(parent=PracticesIndexPageFactory(parent=home_page_fr))
    sheet = PracticeSheetPageFactory(parent=sheets, title="Répit en Occitanie")
    hidden_sheet = PracticeSheetPageFactory(parent=sheets, title="Fiche dépubliée")
    hidden_sheet.unpublish()
    slides = wagtail_factories.DocumentFactory(
        title="Diaporama de la plénière",
        file__filename="pleniere.pdf",
        file__data=b"%PDF-1.4 " * 200,
    )
    photo = wagtail_factories.ImageFactory(title="Atelier", file__width=640, file__height=480)
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe title="Plénière" src="https://www.youtube.com/embed/x"></iframe>',
    )
    page = seminar(
        index,
        "Séminaire régional de restitution",
        days(-30),
        scope=SeminarPage.Scope.REGIONAL,
        region=Region.objects.get(code="76"),
        outputs_summary="<p>Les équipes ont partagé leurs outils.</p>",
        documents=[("document", {"kind": "slides", "document": slides})],
        recordings=[
            ("recording", {"title": "Plénière filmée", "video": VIDEO_URL}),
            (
                "recording_link",
                {"title": "Table ronde", "url": "https://video.exemple.fr/table-ronde"},
            ),
        ],
        photos=[
            (
                "photo",
                {
                    "image": {
                        "image": photo,
                        "alt_text": "Atelier en petits groupes",
                        "decorative": False,
                    },
                    "caption": "Les ateliers",
                },
            )
        ],
        takeaways=[
            (
                "takeaway",
                {
                    "text": "Le répit se prépare avec les familles.",
                    "practice_sheets": [sheet, hidden_sheet],
                },
            )
        ],
    )
    page.themes.add(Theme.objects.get(slug="jeunes-adultes", locale__language_code="fr"))
    page.tags.add("restitution")
    SeminarSession.objects.create(
        page=page,
        starts_at=datetime.time(9, 30),
        ends_at=datetime.time(10, 15),
        title="Ouverture",
        speakers=[("speaker", {"name": "Claire Martin", "organisation": "ARS Occitanie"})],
    )
    page.save_revision().publish()

    shown = content(client.get(page.url))
    assert "Séminaire régional — Occitanie" in shown
    assert "Ouverture" in shown and "Claire Martin (ARS Occitanie)" in shown
    assert "Les équipes ont partagé leurs outils." in shown
    assert "Diaporama de la plénière" in shown and slides.url in shown and "PDF" in shown
    assert 'src="https://www.youtube.com/embed/x"' in shown
    assert 'href="https://video.exemple.fr/table-ronde"' in shown
    assert 'alt="Atelier en petits groupes"' in shown and "/media/images/" in shown
    assert "Le répit se prépare avec les familles." in shown
    assert f'href="{sheet.url}"' in shown
    assert "Fiche dépubliée" not in shown
    assert "restitution" in shown


def test_video_without_stored_player_is_a_plain_link_and_fetches_nothing(client, index):
    page = seminar(
        index,
        "Séminaire sans lecteur",
        days(-5),
        recordings=[("recording", {"title": "Replay", "video": VIDEO_URL})],
    )
    shown = content(client.get(page.url))
    assert f'href="{VIDEO_URL}"' in shown
    assert "<iframe" not in shown
    assert not Embed.objects.exists()


def test_seminar_is_a_search_document_of_type_seminar(index):
    page = seminar(index, "Séminaire national de capitalisation", days(-60))
    document = page_document(page)
    assert document["doc_type"] == "seminar"
    assert document["year"] == days(-60).year


def test_seminar_search_document_holds_its_themes_region_and_tags(index):
    page = seminar(
        index,
        "Restitution en Occitanie",
        days(30),
        scope=SeminarPage.Scope.REGIONAL,
        region=Region.objects.get(code="76"),
    )
    page.themes.add(Theme.objects.get(slug="jeunes-adultes", locale__language_code="fr"))
    page.tags.add("restitution")
    page.save_revision().publish()

    document = page_document(SeminarPage.objects.get(pk=page.pk))
    assert document["themes"] == ["jeunes-adultes"]
    assert document["territories"] == ["region:76"]
    assert document["tags"] == ["restitution"]


def test_document_of_a_private_collection_is_not_named_on_the_seminar(client, index):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    internal = wagtail_factories.DocumentFactory(
        title="Relevé interne du comité", collection=private, file__filename="releve.pdf"
    )
    page = seminar(
        index,
        "Séminaire avec pièce interne",
        days(-3),
        documents=[("document", {"kind": "report", "document": internal})],
    )
    assert "Relevé interne du comité" not in content(client.get(page.url))
