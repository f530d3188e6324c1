import datetime
import html
import re
from decimal import Decimal

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kb.models import Audience, Department, EstablishmentType, Region, Theme
from practices.models import PracticeLead, PracticeSheetDocument

from .factories import (
    ExperimentPageFactory,
    PracticeSheetPageFactory,
    TrainingOfferPageFactory,
    TrainingSessionFactory,
    establishment,
    experiment_indicator,
    lead,
    milestone,
    sheet_indicator,
    term,
    valid_finess,
)

pytestmark = pytest.mark.django_db

SHEET_SECTIONS = [
    "Contexte",
    "Objectifs",
    "Délai de mise en œuvre",
    "Pilotage de l’action",
    "Qui y prend part",
    "Étapes de mise en œuvre",
    "Ressources mobilisables",
    "Livrables",
    "Indicateurs de suivi et d’impact",
    "Calendrier et jalons",
    "Établissements concernés",
    "Documents",
    "Contact",
    "Réutilisation",
]
HERAULT_FINESS = valid_finess("34", "000123")


@pytest.fixture
def full_sheet(practices_fr):
    sheet = PracticeSheetPageFactory(
        parent=practices_fr.sheets,
        title="Adapter l’offre aux zones blanches",
        summary="Couvrir les territoires sans ITEP.",
        context="<p>Un diagnostic départemental de 2016.</p>",
        objectives="<ul><li>Quatre modalités d’accueil partout</li></ul>",
        implementation_delay="3 à 5 ans",
        start_date=datetime.date(2017, 6, 12),
        participants="<p>Directions des ITEP et des SESSAD.</p>",
        steps=[
            {
                "type": "phase",
                "value": {
                    "title": "Phase 1 — État des lieux",
                    "steps": ["Recenser les agréments", "Croiser avec les listes d’attente"],
                },
            },
            {"type": "phase", "value": {"title": "Phase 2 — Adaptation", "steps": ["Réviser"]}},
        ],
        resources="<p>Synthèses départementales.</p>",
        deliverables="<p>Arrêtés d’autorisation modifiés.</p>",
        calendar="Point d’étape à mi-parcours",
        status="completed",
        contact_name="Hélène Vasseur",
        contact_organisation="ARS Occitanie",
        contact_email="helene.vasseur@exemple.fr",
        last_reviewed=datetime.date(2024, 10, 3),
        themes=[term(Theme, "jeunes-adultes")],
        audiences=[term(Audience, "tsa")],
        establishment_types=[term(EstablishmentType, "itep")],
        regions=[Region.objects.get(code="76")],
        departments=[Department.objects.get(code="34")],
        tags=["répit"],
        leads=[
            lead(PracticeLead.Level.DEPARTMENTAL, "Délégation de l’Hérault", "Animation locale"),
            lead(PracticeLead.Level.REGIONAL, "Direction de l’autonomie", "Pilotage régional"),
        ],
        milestones=[milestone(datetime.date(2019, 6, 28), "Agréments révisés")],
        indicators=[
            sheet_indicator(
                name="Zones blanches couvertes",
                unit="%",
                baseline=Decimal("10"),
                target=Decimal("30"),
                latest_value=Decimal("20"),
                latest_value_date=datetime.date(2022, 3, 31),
            ),
            sheet_indicator(name="Conventions signées", unit="", baseline=None, target=None),
        ],
        establishments=[establishment("DITEP du Haut-Cantal", HERAULT_FINESS)],
    )
    document = wagtail_factories.DocumentFactory(
        title="Tableau de suivi", file__filename="suivi.csv", file__data=b"zone,couverte\n"
    )
    PracticeSheetDocument.objects.create(page=sheet, document=document)
    return sheet


def page_html(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def headings(content, level=2):
    return [
        re.sub(r"<[^>]+>", "", heading).strip()
        for heading in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", content, re.S)
    ]


def test_practice_sheet_shows_every_part_in_the_order_of_a_fiche_action(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    shown = [heading for heading in headings(content) if heading in SHEET_SECTIONS]
    assert shown == SHEET_SECTIONS
    for text in [
        "Un diagnostic départemental de 2016.",
        "Quatre modalités d’accueil partout",
        "3 à 5 ans",
        "Lancement : 12 juin 2017",
        "Directions des ITEP et des SESSAD.",
        "Synthèses départementales.",
        "Arrêtés d’autorisation modifiés.",
        "Point d’étape à mi-parcours",
        "Hélène Vasseur",
        "helene.vasseur@exemple.fr",
        "Contenu relu pour la dernière fois le 3 octobre 2024.",
    ]:
        assert text in content
    assert re.search(r"28 juin 2019</time> — Agréments révisés", content)


def test_sheet_without_optional_parts_shows_no_empty_heading(client, practices_fr):
    sheet = PracticeSheetPageFactory(parent=practices_fr.sheets)

    shown = headings(page_html(client.get(sheet.url)))

    assert "Contexte" not in shown
    assert "Étapes de mise en œuvre" not in shown
    assert "Objectifs" in shown


def test_leads_are_grouped_by_level_regional_first(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    assert headings(content, level=3)[:2] == ["Niveau régional", "Niveau départemental"]
    assert content.index("Direction de l’autonomie") < content.index("Délégation de l’Hérault")
    assert "Pilotage régional" in content


def test_steps_are_listed_phase_by_phase(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    assert re.search(
        r"Phase 1 — État des lieux</h3>\s*<ol>\s*<li>Recenser les agréments</li>"
        r"<li>Croiser avec les listes d’attente</li>",
        content,
    )
    assert "Phase 2 — Adaptation" in content


def test_indicators_table_shows_figures_and_progress(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    table = content[content.index('<div class="fr-table') : content.index("</table>")]
    row = table[table.index("Zones blanches couvertes") :]
    for cell in ["%", ">10<", ">30<", "20", "au 31 mars 2022", "50\u00a0% de la cible"]:
        assert cell in row
    assert "non calculable" in table
    for header in ["Indicateur (unité)", "Départ", "Cible", "Dernière valeur", "Progression"]:
        assert f'<th scope="col">{header}</th>' in table


def test_concerned_establishments_show_their_finess_number(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    assert "DITEP du Haut-Cantal" in content
    assert HERAULT_FINESS in content


def test_documents_show_file_type_and_size(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    assert re.search(
        r"Tableau de suivi\s*<span class=\"fr-link__detail\">CSV – 14\s*octets", content
    )


def test_licence_links_to_its_text(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    assert 'href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"' in content
    assert "Licence Ouverte / Open Licence 2.0 (Etalab)" in content


def test_terms_link_to_the_list_filtered_on_them(client, practices_fr, full_sheet):
    content = page_html(client.get(full_sheet.url))

    index_url = practices_fr.sheets.url
    for query, label in [
        ("theme=jeunes-adultes", "Jeunes adultes et amendement Creton"),
        ("audience=tsa", "Troubles du spectre de l’autisme"),
        ("etablissement=itep", "ITEP"),
        ("region=76", "Occitanie"),
        ("departement=34", "Hérault (34)"),
        ("tag=r%C3%A9pit", "répit"),
    ]:
        assert re.search(
            rf'href="{re.escape(index_url)}\?{query}">[^<]*{re.escape(label)}', content
        ), query

    listed = page_html(client.get(index_url, {"tag": "répit"}))
    assert full_sheet.title in listed


def test_detail_pages_link_the_print_stylesheet_and_show_breadcrumbs(client, full_sheet):
    content = page_html(client.get(full_sheet.url))

    assert re.search(r'<link rel="stylesheet" href="[^"]*/css/print\.css" media="print">', content)
    breadcrumb = content[content.index('class="fr-breadcrumb"') :]
    breadcrumb = breadcrumb[: breadcrumb.index("</nav>")]
    assert ">Pratiques</a>" in breadcrumb
    assert ">Fiches action</a>" in breadcrumb
    assert f'aria-current="page">{full_sheet.title}</a>' in breadcrumb


def related_titles(content):
    if 'id="related-title"' not in content:
        return []
    section = content[content.index('id="related-title"') :]
    section = section[: section.index("</section>")]
    return re.findall(r'class="fr-card__title"><a href="[^"]*">([^<]+)</a>', section)


def test_related_items_are_the_closest_three_by_shared_themes_and_tags(
    client, practices_fr, practices_en
):
    young, breakdowns, school = (
        term(Theme, slug) for slug in ("jeunes-adultes", "prevention-ruptures", "scolarisation")
    )
    sheet = PracticeSheetPageFactory(
        parent=practices_fr.sheets, themes=[young, breakdowns], tags=["répit", "Creton"]
    )
    PracticeSheetPageFactory(
        parent=practices_fr.sheets,
        title="Trois en commun",
        themes=[young, breakdowns],
        tags=["répit"],
    )
    ExperimentPageFactory(
        parent=practices_fr.experiments, title="Deux thèmes en commun", themes=[young, breakdowns]
    )
    TrainingOfferPageFactory(
        parent=practices_fr.trainings, title="Deux mots-clés en commun", tags=["répit", "Creton"]
    )
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Un seul en commun", themes=[young])
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Rien en commun", themes=[school])
    PracticeSheetPageFactory(
        parent=practices_fr.sheets, title="Brouillon proche", themes=[young, breakdowns], live=False
    )
    PracticeSheetPageFactory(
        parent=practices_en.sheets, title="Close but English", themes=[young, breakdowns]
    )

    titles = related_titles(page_html(client.get(sheet.url)))

    assert titles[0] == "Trois en commun"
    assert set(titles[1:]) == {"Deux thèmes en commun", "Deux mots-clés en commun"}


def test_page_sharing_nothing_has_no_related_items_section(client, practices_fr):
    sheet = PracticeSheetPageFactory(parent=practices_fr.sheets, themes=[])
    PracticeSheetPageFactory(parent=practices_fr.sheets, themes=[term(Theme, "scolarisation")])

    assert related_titles(page_html(client.get(sheet.url))) == []


@pytest.fixture
def half_done_experiment(practices_fr):
    return ExperimentPageFactory(
        parent=practices_fr.experiments,
        title="Un espace de répit partagé",
        situations="<p>Jeunes en crise à l’internat.</p>",
        period_start=datetime.date(2018, 9, 3),
        description="<p>Séjours de deux à dix jours.</p>",
        organisation_model="<p>Maison ouverte toute l’année.</p>",
        staff_fte=Decimal("8.8"),
        annual_budget=Decimal("512000"),
        funding="<p>Crédits de l’ARS.</p>",
        evaluation_method="<p>Suivi de chaque séjour.</p>",
        indicators=[experiment_indicator()],
    )


def test_experiment_page_shows_its_three_parts(client, half_done_experiment):
    shown = headings(page_html(client.get(half_done_experiment.url)))

    parts = [
        "L’expérimentation",
        "Le modèle organisationnel et économique",
        "L’évaluation",
    ]
    assert [heading for heading in shown if heading in parts] == parts


def test_visitors_see_how_complete_an_experiment_is_but_not_what_is_missing(
    client, half_done_experiment
):
    content = page_html(client.get(half_done_experiment.url))

    overall = half_done_experiment.completeness_percent()
    assert f"Retour d’expérience complet à {overall}\u00a0%" in content
    assert 'value="44"' in content  # the experiment part: 4 items out of 9
    assert "À compléter" not in content
    assert "écueils à éviter" not in content


def test_editors_see_the_missing_items_of_each_part(admin_client, half_done_experiment):
    content = page_html(admin_client.get(half_done_experiment.url))

    assert "À compléter : partenaires, résultats positifs" in content
    assert "résultats de l’évaluation" in content


def test_training_page_shows_its_offer_and_the_sessions(client, practices_fr):
    offer = TrainingOfferPageFactory(
        parent=practices_fr.trainings,
        host="DITEP du Grésivaudan",
        target_professions="Enseignants, éducateurs",
        topics="<p>Prévenir l’escalade en classe.</p>",
    )
    TrainingSessionFactory(offer=offer, starts_at=timezone.now() + datetime.timedelta(days=20))

    response = client.get(offer.url)

    content = page_html(response)
    for text in ["DITEP du Grésivaudan", "Enseignants, éducateurs", "Prévenir l’escalade"]:
        assert text in content
    assert "practices/includes/training_sessions.html" in [
        template.name for template in response.templates
    ]


def test_english_page_names_its_terms_in_english(client, practices_en):
    sheet = PracticeSheetPageFactory(
        parent=practices_en.sheets, themes=[term(Theme, "jeunes-adultes")]
    )

    content = page_html(client.get(sheet.url))

    assert "Young adults and the Creton amendment" in content
    assert f'href="{practices_en.sheets.url}?theme=jeunes-adultes"' in content


def detail_queries(client, page):
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def test_detail_query_count_does_not_grow_with_indicators_tags_or_terms(client, practices_fr):
    def sheet_with(count):
        return PracticeSheetPageFactory(
            parent=practices_fr.sheets,
            themes=list(Theme.objects.filter(locale__language_code="fr")[:count]),
            departments=list(Department.objects.all()[:count]),
            tags=[f"mot-{count}-{n}" for n in range(count)],
            indicators=[sheet_indicator(name=f"Indicateur {n}") for n in range(count)],
            milestones=[
                milestone(datetime.date(2020, 1, 1 + n), f"Jalon {n}") for n in range(count)
            ],
            establishments=[establishment(f"Établissement {n}") for n in range(count)],
        )

    small, large = sheet_with(2), sheet_with(12)

    assert detail_queries(client, large) == detail_queries(client, small)
