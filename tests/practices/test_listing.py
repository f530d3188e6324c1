import datetime
import html
import itertools
import re
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from kb.content_version import new_content_version
from kb.models import Department, Theme

from .factories import (
    ExperimentPageFactory,
    PracticeSheetPageFactory,
    TrainingOfferPageFactory,
    TrainingSessionFactory,
    described_page,
    rich_items,
    term,
)

pytestmark = pytest.mark.django_db

# Where each département of the catalogue lies, to know what a région filter must return.
DEPARTMENT_REGIONS = {"34": "76", "31": "76", "69": "84", "44": "52"}

CATALOGUE = {
    "Fiche Occitanie jeunes adultes": {
        "kind": "sheet",
        "themes": ["jeunes-adultes"],
        "audiences": ["tsa"],
        "regions": ["76"],
        "establishments": ["itep"],
        "tags": ["répit"],
        "status": "in_progress",
        "year": 2023,
    },
    "Fiche Hérault prévention": {
        "kind": "sheet",
        "themes": ["prevention-ruptures"],
        "audiences": ["jeunes-adultes"],
        "departments": ["34"],
        "establishments": ["sessad"],
        "tags": ["Creton"],
        "status": "completed",
        "year": 2024,
    },
    "Fiche Lyon jeunes adultes": {
        "kind": "sheet",
        "themes": ["jeunes-adultes", "prevention-ruptures"],
        "audiences": ["tsa"],
        "departments": ["69"],
        "establishments": ["ime"],
        "status": "completed",
        "year": 2024,
    },
    "Expérience Montpellier répit": {
        "kind": "experiment",
        "themes": ["prevention-ruptures"],
        "audiences": ["tsa"],
        "departments": ["34"],
        "establishments": ["itep"],
        "tags": ["répit"],
        "year": 2024,
    },
    "Expérience Nantes jeunes adultes": {
        "kind": "experiment",
        "themes": ["jeunes-adultes"],
        "audiences": ["jeunes-adultes"],
        "departments": ["44"],
        "establishments": ["itep"],
        "tags": ["Creton"],
        "year": 2023,
    },
    "Formation Toulouse répit": {
        "kind": "training",
        "themes": ["jeunes-adultes"],
        "audiences": ["tsa"],
        "departments": ["31"],
        "establishments": ["sessad"],
        "tags": ["répit"],
        "year": 2024,
    },
    "Formation Lyon prévention": {
        "kind": "training",
        "themes": ["prevention-ruptures"],
        "regions": ["84"],
        "establishments": ["itep"],
        "year": 2025,
    },
}


def in_region(item, code):
    return code in item.get("regions", []) or any(
        DEPARTMENT_REGIONS[department] == code for department in item.get("departments", [])
    )


# One value per filter and what a visitor expects it to keep.
FILTERS = {
    "theme": ("jeunes-adultes", lambda item: "jeunes-adultes" in item["themes"]),
    "audience": ("tsa", lambda item: "tsa" in item.get("audiences", [])),
    "region": ("76", lambda item: in_region(item, "76")),
    "departement": ("34", lambda item: "34" in item.get("departments", [])),
    "etablissement": ("itep", lambda item: "itep" in item["establishments"]),
    "tag": ("répit", lambda item: "répit" in item.get("tags", [])),
    "status": ("completed", lambda item: item.get("status") == "completed"),
    "year": ("2024", lambda item: item["year"] == 2024),
    "type": ("experiment", lambda item: item["kind"] == "experiment"),
}


@pytest.fixture
def catalogue(practices_fr):
    return {title: described_page(practices_fr, title, item) for title, item in CATALOGUE.items()}


def listed_titles(response):
    assert response.status_code == 200
    titles = re.findall(
        r'class="fr-card__title"><a href="[^"]*">([^<]+)</a>', response.content.decode()
    )
    return [html.unescape(title) for title in titles]


def page_html(response):
    return html.unescape(response.content.decode())


def notice(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".fr-notice")


def expected_titles(*predicates):
    return {
        title
        for title, item in CATALOGUE.items()
        if all(predicate(item) for predicate in predicates)
    }


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_keeps_only_matching_items(client, practices_fr, catalogue, name):
    value, predicate = FILTERS[name]

    titles = listed_titles(client.get(practices_fr.root.url, {name: value}))

    assert set(titles) == expected_titles(predicate)
    assert titles, "each filter value of the catalogue matches at least one item"


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(FILTERS, 2)))
def test_two_filters_keep_items_matching_both(client, practices_fr, catalogue, first, second):
    (first_value, first_predicate), (second_value, second_predicate) = (
        FILTERS[first],
        FILTERS[second],
    )

    response = client.get(practices_fr.root.url, {first: first_value, second: second_value})

    assert set(listed_titles(response)) == expected_titles(first_predicate, second_predicate)


def test_unfiltered_list_shows_every_type_together(client, practices_fr, catalogue):
    response = client.get(practices_fr.root.url)

    assert set(listed_titles(response)) == set(CATALOGUE)
    assert "7 résultats" in page_html(response)


@pytest.mark.parametrize(
    ("index", "kind"),
    [("sheets", "sheet"), ("experiments", "experiment"), ("trainings", "training")],
)
def test_type_index_lists_only_its_own_items(client, practices_fr, catalogue, index, kind):
    titles = listed_titles(client.get(getattr(practices_fr, index).url))

    assert set(titles) == {title for title, item in CATALOGUE.items() if item["kind"] == kind}


def test_region_includes_pages_tagged_with_its_departements(client, practices_fr, catalogue):
    titles = listed_titles(client.get(practices_fr.root.url, {"region": "76"}))

    # Tagged with Occitanie itself, with the Hérault (34) and with the Haute-Garonne (31).
    assert set(titles) == {
        "Fiche Occitanie jeunes adultes",
        "Fiche Hérault prévention",
        "Expérience Montpellier répit",
        "Formation Toulouse répit",
    }


def test_several_types_can_be_ticked_together(client, practices_fr, catalogue):
    response = client.get(practices_fr.root.url, {"type": ["experiment", "training"]})

    assert set(listed_titles(response)) == expected_titles(
        lambda item: item["kind"] in ("experiment", "training")
    )


def test_training_year_is_the_year_of_any_of_its_sessions(client, practices_fr, catalogue):
    TrainingSessionFactory(
        offer=catalogue["Formation Lyon prévention"],
        starts_at=timezone.make_aware(datetime.datetime(2023, 11, 20, 9)),
    )

    titles = listed_titles(client.get(practices_fr.trainings.url, {"year": "2023"}))

    assert titles == ["Formation Lyon prévention"]


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "theme-inconnu"},
        {"audience": "personne"},
        {"region": "999"},
        {"departement": "999"},
        {"etablissement": "xyz"},
        {"tag": "jamais-utilise"},
        {"status": "zzz"},
        {"year": "abc"},
        {"year": "99999"},
        {"type": "zzz"},
        {"theme": "nul\x00"},
    ],
)
def test_unknown_filter_value_is_ignored_and_shown_as_such(client, practices_fr, catalogue, query):
    response = client.get(practices_fr.root.url, query)

    assert set(listed_titles(response)) == set(CATALOGUE)
    content = page_html(response)
    assert "Ces filtres ont été ignorés" in content
    (value,) = query.values()
    assert f"« {value.strip()} »" in content


@pytest.mark.parametrize("number", ["-1", "0", "abc", "1.5", "99999999999999999999999"])
def test_odd_page_numbers_fall_back_to_a_real_page(client, practices_fr, number):
    for index in range(13):
        PracticeSheetPageFactory(parent=practices_fr.sheets, title=f"Fiche numéro {index:02d}")

    titles = listed_titles(client.get(practices_fr.sheets.url, {"page": number}))

    assert len(titles) in (12, 1)


def test_results_come_twelve_a_page_and_a_page_too_far_shows_the_last(client, practices_fr):
    for index in range(13):
        PracticeSheetPageFactory(parent=practices_fr.sheets, title=f"Fiche numéro {index:02d}")

    first = listed_titles(client.get(practices_fr.sheets.url))
    second = listed_titles(client.get(practices_fr.sheets.url, {"page": "2"}))
    too_far = listed_titles(client.get(practices_fr.sheets.url, {"page": "9"}))

    assert len(first) == 12
    assert len(second) == 1
    assert set(first) | set(second) == {f"Fiche numéro {index:02d}" for index in range(13)}
    assert too_far == second


def test_pagination_links_keep_the_filters(client, practices_fr):
    theme = term(Theme, "jeunes-adultes")
    PracticeSheetPageFactory.create_batch(13, parent=practices_fr.sheets, themes=[theme])
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Sans thème")

    response = client.get(practices_fr.sheets.url, {"theme": "jeunes-adultes"})

    content = page_html(response)
    assert "13 résultats" in content
    assert f'href="{practices_fr.sheets.url}?theme=jeunes-adultes&page=2"' in content
    assert "Sans thème" not in content


def test_single_page_of_results_shows_no_pagination(client, practices_fr, catalogue):
    response = client.get(practices_fr.root.url)

    assert 'class="fr-pagination"' not in page_html(response)


def test_applied_filters_each_link_to_the_list_without_them(client, practices_fr, catalogue):
    url = practices_fr.root.url

    content = page_html(client.get(url, {"theme": "jeunes-adultes", "region": "76", "page": "1"}))

    assert re.search(
        rf'<a class="fr-tag fr-tag--dismiss" href="{re.escape(url)}\?region=76"[^>]*>'
        r"Thème : Jeunes adultes et amendement Creton</a>",
        content,
    )
    assert re.search(
        rf'<a class="fr-tag fr-tag--dismiss" href="{re.escape(url)}\?theme=jeunes-adultes"[^>]*>'
        r"Région : Occitanie</a>",
        content,
    )


def test_removing_one_ticked_type_keeps_the_other(client, practices_fr, catalogue):
    url = practices_fr.root.url

    content = page_html(client.get(url, {"type": ["sheet", "training"]}))

    assert f'href="{url}?type=training"' in content
    assert f'href="{url}?type=sheet"' in content


def test_filter_form_offers_choices_and_shows_the_chosen_ones(client, practices_fr, catalogue):
    content = page_html(client.get(practices_fr.root.url, {"region": "84", "year": "2024"}))

    assert '<form method="get"' in content
    assert '<option value="84" selected>Auvergne-Rhône-Alpes</option>' in content
    assert '<option value="2024" selected>2024</option>' in content
    assert '<option value="2025">2025</option>' in content
    # Once a région is chosen, the others' départements are hidden.
    assert '<optgroup label="Auvergne-Rhône-Alpes" data-group="84">' in content
    assert '<optgroup label="Occitanie" data-group="76" hidden disabled>' in content
    assert '<option value="34">Hérault (34)</option>' in content
    assert '<option value="répit">répit</option>' in content
    assert '<option value="completed">Réalisée</option>' in content


def test_tags_and_years_offered_are_those_in_use_in_the_list(client, practices_fr, home_page_en):
    PracticeSheetPageFactory(
        parent=practices_fr.sheets, tags=["visible"], start_date=datetime.date(2021, 1, 1)
    )
    PracticeSheetPageFactory(
        parent=practices_fr.sheets,
        tags=["brouillon"],
        start_date=datetime.date(2019, 1, 1),
        live=False,
    )
    ExperimentPageFactory(parent=practices_fr.experiments, tags=["ailleurs"])

    content = page_html(client.get(practices_fr.sheets.url))

    assert '<option value="visible">visible</option>' in content
    assert '<option value="2021">2021</option>' in content
    assert "brouillon" not in content
    assert "2019" not in content
    assert "ailleurs" not in content


def test_only_live_public_pages_are_listed(client, practices_fr):
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche publiée")
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche en brouillon", live=False)
    private = PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert listed_titles(client.get(practices_fr.root.url)) == ["Fiche publiée"]


def test_alias_pages_are_not_listed(client, practices_fr, practices_en):
    sheet = PracticeSheetPageFactory(
        parent=practices_fr.sheets, title="Fiche seulement en français"
    )
    sheet.create_alias(
        parent=practices_en.sheets, update_locale=Locale.objects.get(language_code="en")
    )

    assert listed_titles(client.get(practices_en.root.url)) == []
    assert listed_titles(client.get(practices_fr.root.url)) == ["Fiche seulement en français"]


def test_english_list_shows_english_pages_with_english_term_names(
    client, practices_fr, practices_en
):
    theme = term(Theme, "jeunes-adultes")
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche en français", themes=[theme])
    PracticeSheetPageFactory(parent=practices_en.sheets, title="Sheet in English", themes=[theme])

    response = client.get(practices_en.root.url, {"theme": "jeunes-adultes"})

    assert listed_titles(response) == ["Sheet in English"]
    content = page_html(response)
    assert "Young adults and the Creton amendment" in content
    assert "Jeunes adultes et amendement Creton" not in content


def queries_to_render(client, url, params=None):
    """Queries of a list worked out afresh: what is kept per content version is dropped first."""
    new_content_version()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response


def test_query_count_does_not_grow_with_the_number_of_results(client, practices_fr):
    theme_slugs = ["jeunes-adultes", "prevention-ruptures", "scolarisation"]
    departments = list(Department.objects.filter(code__in=["34", "31", "69"]))
    rich_items(practices_fr, 1, theme_slugs, departments)
    client.get(practices_fr.root.url)  # warms the caches of site root paths and content types

    with_three, response = queries_to_render(client, practices_fr.root.url)
    assert len(listed_titles(response)) == 3
    rich_items(practices_fr, 3, theme_slugs, departments)
    with_twelve, response = queries_to_render(client, practices_fr.root.url)
    assert len(listed_titles(response)) == 12

    assert with_twelve == with_three


def test_query_count_of_a_filtered_list_does_not_grow_either(
    client, practices_fr, django_assert_max_num_queries
):
    departments = list(Department.objects.filter(code__in=["34"]))
    rich_items(practices_fr, 1, ["jeunes-adultes"], departments)
    params = {"theme": "jeunes-adultes", "region": "76", "year": str(timezone.now().year)}
    client.get(practices_fr.root.url, params)
    with_few, _response = queries_to_render(client, practices_fr.root.url, params)

    rich_items(practices_fr, 3, ["jeunes-adultes"], departments)

    new_content_version()  # As a publication would, once committed.
    with django_assert_max_num_queries(with_few):
        client.get(practices_fr.root.url, params)


def shown_departement_groups(response):
    select = page_html(response)
    groups = re.findall(r'<optgroup label="([^"]+)" data-group="\d+"( hidden disabled)?>', select)
    return [label for label, hidden in groups if not hidden]


def test_choosing_a_region_narrows_the_departement_list_after_submitting(
    client, practices_fr, catalogue
):
    everywhere = shown_departement_groups(client.get(practices_fr.root.url))
    in_occitanie = shown_departement_groups(client.get(practices_fr.root.url, {"region": "76"}))

    assert len(everywhere) == 18
    assert in_occitanie == ["Occitanie"]


def test_a_chosen_departement_stays_in_view_whatever_the_region(client, practices_fr, catalogue):
    response = client.get(practices_fr.root.url, {"region": "76", "departement": "69"})

    assert shown_departement_groups(response) == ["Auvergne-Rhône-Alpes", "Occitanie"]


def test_themes_are_boxes_to_tick_and_several_widen_the_list(client, practices_fr, catalogue):
    response = client.get(
        practices_fr.root.url, {"theme": ["jeunes-adultes", "prevention-ruptures"]}
    )

    assert 'type="checkbox" id="filter-theme-transformation-offre"' in page_html(response)
    assert set(listed_titles(response)) == expected_titles(
        lambda item: {"jeunes-adultes", "prevention-ruptures"} & set(item.get("themes", []))
    )


def translated(page):
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.save_revision().publish()
    return translation


def test_english_list_says_how_many_pages_exist_only_in_french(client, practices_fr):
    root_en = translated(practices_fr.root)
    sheets_en = translated(practices_fr.sheets)
    translated(PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche traduite"))
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche en français")
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Autre fiche en français")

    for listing_en in (root_en, sheets_en):
        text = notice(client.get(listing_en.url)).get_text(" ", strip=True)
        assert "2 more items exist only in French for now." in text
    link = notice(client.get(sheets_en.url)).find("a")
    assert link["href"] == practices_fr.sheets.url
    assert link["hreflang"] == "fr"


def test_french_list_has_no_notice_about_other_languages(client, practices_fr):
    PracticeSheetPageFactory(parent=practices_fr.sheets, title="Fiche en français")

    assert notice(client.get(practices_fr.sheets.url)) is None


def test_a_training_card_tells_the_next_session_until_it_starts(client, practices_fr):
    offer = TrainingOfferPageFactory(parent=practices_fr.trainings, title="Formation croisée")
    first = TrainingSessionFactory(
        offer=offer, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    TrainingSessionFactory(offer=offer, starts_at=timezone.now() + datetime.timedelta(days=40))

    def card_date():
        page = BeautifulSoup(client.get(practices_fr.trainings.url).text, "html.parser")
        return page.select_one(".kb-results .fr-icon-calendar-line").get_text(" ", strip=True)

    shown_first = card_date()
    started = first.starts_at + datetime.timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=started):
        shown_later = card_date()

    assert shown_first.startswith("Prochaine session le")
    assert shown_later.startswith("Prochaine session le")
    assert shown_later != shown_first
