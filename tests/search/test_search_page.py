"""The search page on the backend under test: results, filters, facets, sorting, pages."""

import pytest

from search.query import normalise_query
from tests.search.conftest import ENGLISH_PAGES, FILLER_PAGES, FRENCH_PAGES
from tests.search.helpers import facet, html, plain, result_titles, text_of

pytestmark = pytest.mark.django_db

UNIT = "Unité de répit pour jeunes adultes en Occitanie"
SEINE_MARITIME = "Équipe mobile ITEP en Seine-Maritime"
ILE_DE_FRANCE = "Plateforme de répit en Île-de-France"
AUDE = "Scolarisation inclusive dans l’Aude"
TRAINING = "Formation croisée à l’évaluation des pratiques"
SCRIPT = "Fiche <script>alert(1)</script> & « guillemets »"


def search(client, path="/recherche/", **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response


def test_results_show_type_place_year_and_the_words_marked(client, corpus):
    response = search(client, q="répit")

    card = next(
        item
        for item in html(response).select("#search-results > li")
        if plain(item.find("h3")) == UNIT
    )
    assert card.find(class_="fr-badge").get_text(strip=True) == "Fiche action"
    assert "Hérault (34)" in card.get_text()
    assert "2019" in card.get_text()
    assert card.find("h3").find("mark").get_text() == "répit"
    assert card.find("a")["href"] == corpus[UNIT].url


def test_only_documents_holding_the_words_are_found(client, corpus):
    titles = result_titles(search(client, q="répit"))

    assert set(titles) == {UNIT, ILE_DE_FRANCE, SCRIPT}


def test_accents_and_capitals_do_not_matter(client, corpus):
    assert set(result_titles(search(client, q="REPIT"))) == {UNIT, ILE_DE_FRANCE, SCRIPT}


def test_french_search_never_shows_an_english_document(client, corpus):
    titles = result_titles(search(client, q="ITEP"))

    assert titles
    assert not set(titles) & set(ENGLISH_PAGES)


def test_each_language_finds_its_own_documents_only(client, corpus):
    # One French title says Occitanie, and the Aude is in Occitanie.
    assert set(result_titles(search(client, q="Occitanie"))) == {UNIT, AUDE}
    assert result_titles(search(client, "/en/recherche/", q="Occitanie")) == [
        "Respite unit for young adults in Occitanie"
    ]


def test_english_search_never_shows_a_french_document(client, corpus):
    titles = result_titles(search(client, "/en/recherche/", q="ITEP"))

    assert titles
    assert not set(titles) & set(FRENCH_PAGES)


def test_english_words_find_nothing_in_french(client, corpus):
    assert result_titles(search(client, q="Normandy")) == []
    assert result_titles(search(client, "/en/recherche/", q="Normandy")) == [
        "Mobile ITEP team in Normandy"
    ]


def test_theme_filter_keeps_the_documents_of_that_theme(client, corpus):
    titles = result_titles(search(client, q="répit", theme="prevention-ruptures"))

    assert set(titles) == {UNIT, ILE_DE_FRANCE}


def test_two_values_of_a_filter_add_up(client, corpus):
    titles = result_titles(search(client, theme=["scolarisation", "pilotage-evaluation"]))

    assert set(titles) == {AUDE, SCRIPT}


def test_filters_of_two_facets_must_both_match(client, corpus):
    titles = result_titles(search(client, theme="prevention-ruptures", type="experiment"))

    assert titles == [ILE_DE_FRANCE]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "76"}, {UNIT, AUDE}),  # Occitanie, not Seine-Maritime (code 76 too)
        ({"region": "11"}, {ILE_DE_FRANCE}),  # Île-de-France, not the Aude (code 11 too)
        ({"region": "28"}, {SEINE_MARITIME}),
        ({"departement": "76"}, {SEINE_MARITIME}),
        ({"departement": "11"}, {AUDE}),
        ({"departement": "34"}, {UNIT}),
    ],
)
def test_territory_filters_tell_regions_from_departements(client, corpus, params, expected):
    titles = result_titles(search(client, type="practice_sheet", **params)) + result_titles(
        search(client, type=["experiment", "training"], **params)
    )

    assert set(titles) == expected


def test_occitanie_and_seine_maritime_never_meet_though_both_are_76(client, corpus):
    occitanie = search(client, region="76")
    seine_maritime = search(client, departement="76")

    assert SEINE_MARITIME not in result_titles(occitanie)
    assert {UNIT, AUDE} <= set(result_titles(occitanie))
    assert "Seine-Maritime (76)" not in facet(occitanie, "region")
    assert result_titles(seine_maritime) == [SEINE_MARITIME]
    assert facet(seine_maritime, "region") == {
        "Normandie": (1, False),
        "Seine-Maritime (76)": (1, True),
    }


def test_a_region_named_in_the_words_finds_the_pages_of_its_departements(client, corpus):
    # The Aude page never says "Occitanie"; the Seine-Maritime one (76 too) is in Normandie.
    assert result_titles(search(client, q="scolarisation occitanie")) == [AUDE]
    assert result_titles(search(client, q="équipe mobile Normandie"))[0] == SEINE_MARITIME


def test_a_departement_named_in_the_words_finds_its_pages(client, corpus):
    assert result_titles(search(client, q="répit Hérault")) == [UNIT]
    assert result_titles(search(client, q="ITEP Seine-Maritime"))[0] == SEINE_MARITIME


def test_status_and_year_filters(client, corpus):
    assert result_titles(search(client, status="evaluated")) == [UNIT]
    assert result_titles(search(client, year="2022")) == [ILE_DE_FRANCE]


def test_unknown_filter_values_find_nothing_and_can_be_removed(client, corpus):
    response = search(client, q="répit", theme="n-existe-pas")

    assert result_titles(response) == []
    remove = html(response).select_one(".fr-tag--dismiss")
    assert "n-existe-pas" in remove.get_text()
    assert set(result_titles(client.get(remove["href"]))) == {UNIT, ILE_DE_FRANCE, SCRIPT}


@pytest.mark.parametrize("params", [{"year": "abc"}, {"status": "zzz"}, {"region": "999999"}])
def test_a_value_no_document_can_hold_is_ignored_and_shown_as_such(client, corpus, params):
    """As on the practices lists and the document library (`kb.filters`)."""
    response = search(client, q="répit", **params)

    assert set(result_titles(response)) == {UNIT, ILE_DE_FRANCE, SCRIPT}
    warning = html(response).select_one(".fr-alert--warning")
    assert "Ces filtres ont été ignorés" in warning.get_text()
    (value,) = params.values()
    assert f"« {value} »" in warning.get_text()
    assert set(result_titles(client.get(warning.select_one("a")["href"]))) == {
        UNIT,
        ILE_DE_FRANCE,
        SCRIPT,
    }


def test_facets_count_the_results_in_the_visitors_language(client, corpus):
    response = search(client, q="répit")

    assert facet(response, "theme") == {
        "Prévention des ruptures : répit et équipes mobiles": (2, False),
        "Jeunes adultes et amendement Creton": (1, False),
        "Pilotage, observation et évaluation": (1, False),
    }
    assert facet(response, "type") == {
        "Fiche action": (2, False),
        "Retour d’expérience": (1, False),
    }
    assert facet(response, "region") == {"Occitanie": (1, False), "Île-de-France": (1, False)}


def test_english_facets_are_named_in_english(client, corpus):
    response = search(client, "/en/recherche/", q="respite")

    assert facet(response, "theme") == {
        "Preventing breakdowns: respite and mobile teams": (1, False)
    }


def test_a_facet_ignores_its_own_choice_but_follows_the_others(client, corpus):
    response = search(client, q="répit", theme="jeunes-adultes")

    assert result_titles(response) == [UNIT]
    themes = facet(response, "theme")
    assert themes["Jeunes adultes et amendement Creton"] == (1, True)
    assert themes["Prévention des ruptures : répit et équipes mobiles"] == (2, False)
    assert facet(response, "type") == {"Fiche action": (1, False)}


def test_choosing_a_region_shows_its_departements(client, corpus):
    before = facet(search(client, q="répit"), "region")
    after = facet(search(client, q="répit", region="76"), "region")

    assert "Hérault (34)" not in before
    assert after["Occitanie"] == (1, True)
    assert after["Hérault (34)"] == (1, False)


def test_a_facet_link_adds_its_value_and_a_chosen_one_removes_it(client, corpus):
    response = search(client, q="répit")
    link = html(response).find("section", attrs={"aria-labelledby": "facet-type"}).find("a")
    narrowed = client.get(link["href"])
    chosen = (
        html(narrowed)
        .find("section", attrs={"aria-labelledby": "facet-type"})
        .find("a", attrs={"aria-current": "true"})
    )

    assert set(result_titles(narrowed)) == {UNIT, SCRIPT}
    assert len(result_titles(client.get(chosen["href"]))) == 3


def test_clearing_the_filters_keeps_the_words(client, corpus):
    response = search(client, q="répit", theme="jeunes-adultes", year="2019")
    clear = next(a for a in html(response).select(".fr-tag") if "Retirer tous" in a.get_text())

    assert set(result_titles(client.get(clear["href"]))) == {UNIT, ILE_DE_FRANCE, SCRIPT}


def test_results_sorted_by_date_newest_first(client, corpus):
    titles = result_titles(search(client, q="coordination territoriale", sort="date"))

    assert titles[:3] == [
        "Coordination territoriale numéro 11",
        "Coordination territoriale numéro 10",
        "Coordination territoriale numéro 9",
    ]


def test_results_come_ten_to_a_page(client, corpus):
    first = search(client, q="coordination territoriale", sort="date")
    second = search(client, q="coordination territoriale", sort="date", page="2")

    assert "11 résultats" in text_of(first)
    assert len(result_titles(first)) == 10
    assert result_titles(second) == ["Coordination territoriale numéro 1"]
    assert set(result_titles(first) + result_titles(second)) == set(FILLER_PAGES)


@pytest.mark.parametrize(("page", "expected"), [("999", 2), ("abc", 1), ("-1", 1)])
def test_odd_page_numbers_show_the_nearest_page(client, corpus, page, expected):
    response = search(client, q="coordination", page=page)
    current = html(response).select_one(".fr-pagination [aria-current=page]")

    assert current.get_text(strip=True) == str(expected)
    assert result_titles(response)


def test_a_misspelt_word_gets_a_correction_that_finds_results(client, corpus):
    # Too short for typo tolerance: four letters, and "IME" is not "MIE".
    response = search(client, q="ITPE")
    suggestion = html(response).select_one(".kb-did-you-mean a")

    assert result_titles(response) == []
    assert normalise_query(suggestion.get_text()) == "itep"
    assert SEINE_MARITIME in result_titles(client.get(suggestion["href"]))


def test_a_typo_in_a_long_word_finds_the_document_and_says_what_was_searched(client, corpus):
    response = search(client, q="scolarisaton")
    notice = html(response).select_one(".kb-searched-instead")

    assert result_titles(response) == [AUDE]
    assert "scolarisation" in notice.get_text()
    exact = client.get(notice.find("a")["href"])
    assert result_titles(exact) == []
    suggestion = html(exact).select_one(".kb-did-you-mean a")
    assert normalise_query(suggestion.get_text()) == "scolarisation"


def test_document_markup_is_shown_as_text_never_run(client, corpus):
    response = search(client, q="guillemets")
    content = response.content.decode()

    assert result_titles(response) == [SCRIPT]
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_excerpts_hold_no_markup_but_the_marks(client, corpus):
    response = search(client, q="répit")
    excerpts = html(response).select("#search-results .fr-card__desc")

    assert excerpts
    assert {tag.name for excerpt in excerpts for tag in excerpt.find_all(True)} == {"mark"}
    assert "<b>résumé</b>" not in response.content.decode()


def test_without_words_every_document_of_the_language_is_listed_by_date(client, corpus):
    response = search(client)

    assert f"{len(FRENCH_PAGES) + len(FILLER_PAGES)} contenus" in text_of(response)
    assert result_titles(response)[0] == TRAINING


def test_search_answers_get_only(client, corpus):
    assert client.post("/recherche/", {"q": "répit"}).status_code == 405
