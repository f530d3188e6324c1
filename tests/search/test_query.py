"""What the search understands of a visitor's request, before any backend sees it."""

from urllib.parse import quote

import pytest
from django.http import QueryDict

from search.filter_expressions import Territories
from search.query import (
    MARK_END,
    MARK_START,
    MAX_PAGE,
    MAX_QUERY_LENGTH,
    FacetValue,
    SearchRequest,
    clean_text,
    facet_values,
    normalise_query,
    safe_excerpt,
    starts_words,
)


def request_for(query_string, language="fr", visibility=("public",)):
    return SearchRequest.from_querydict(QueryDict(query_string), language, visibility)


def test_text_is_one_line_without_control_characters():
    request = request_for("q=r%C3%A9pit%00%0A%09jeunes%E2%80%8B%20%20adultes%1B")

    assert request.text == "répit jeunes adultes"


def test_text_is_cut_to_the_maximum_length():
    request = request_for("q=" + "a" * 10_000)

    assert len(request.text) == MAX_QUERY_LENGTH


def test_text_keeps_query_syntax_as_plain_characters():
    request = request_for('q="itep" AND (sessad OR ime) NOT * ~ \\')

    assert request.text == '"itep" AND (sessad OR ime) NOT * ~ \\'


def test_decomposed_accents_are_composed():
    assert clean_text("re\u0301pit") == "répit"


def test_highlight_marks_typed_by_a_visitor_are_removed():
    assert clean_text(f"{MARK_START}répit{MARK_END}") == "répit"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("L’ITEP ", "l'itep"), ("  Répit   des   AIDANTS", "repit des aidants"), ("", "")],
)
def test_normalised_query_ignores_case_accents_apostrophes_and_spaces(raw, expected):
    assert normalise_query(raw) == expected


def test_filters_keep_valid_values_once_in_order():
    request = request_for("theme=b&theme=a&theme=b&theme=&year=2019&year=abc&year=1850")

    assert request.filters == {"theme": ("b", "a"), "year": ("2019",)}


@pytest.mark.parametrize(
    "query_string",
    ["type=article", "status=finished", "region=Occitanie", "departement=7501", "year=20199"],
)
def test_filter_values_outside_their_vocabulary_are_dropped(query_string):
    assert request_for(query_string).filters == {}


def test_territory_codes_of_corsica_and_overseas_are_accepted():
    request = request_for("departement=2A&departement=974&region=94")

    assert request.filters == {"departement": ("2A", "974"), "region": ("94",)}


def test_unknown_parameters_are_ignored():
    assert request_for("utm_source=mail&foo=bar").filters == {}


def test_each_filter_takes_at_most_twenty_values():
    request = request_for("&".join(f"tag=t{number}" for number in range(50)))

    assert len(request.filters["tag"]) == 20


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2", 2), ("abc", 1), ("-3", 1), ("0", 1), ("", 1), ("99999999999", MAX_PAGE), (" 4 ", 4)],
)
def test_page_number_is_a_bounded_integer(raw, expected):
    assert request_for(f"q=x&page={raw}").page == expected


def test_sort_is_by_relevance_with_words_and_by_date_without():
    assert request_for("q=répit").sort == "relevance"
    assert request_for("").sort == "date"
    assert request_for("q=répit&sort=date").sort == "date"
    assert request_for("q=répit&sort=random").sort == "relevance"


def test_unknown_language_falls_back_to_french():
    assert request_for("q=x", language="de").language == "fr"


def test_every_query_is_restricted_to_language_and_visibility():
    base = request_for("q=x", language="en", visibility=["space:2", "public"]).base_filter()

    assert base.matches({"locale": {"en"}, "visibility": {"space:2"}})
    assert not base.matches({"locale": {"fr"}, "visibility": {"public"}})
    assert not base.matches({"locale": {"en"}, "visibility": {"space:3"}})


def test_no_visibility_sees_nothing():
    base = request_for("q=x", visibility=[]).base_filter()

    assert not base.matches({"locale": {"fr"}, "visibility": {"public"}})


@pytest.mark.parametrize(
    ("territories", "query_string", "kept"),
    [
        ({"departement:34", "region:76"}, "region=76", True),  # Hérault, in Occitanie
        ({"departement:76", "region:28"}, "region=76", False),  # Seine-Maritime, in Normandie
        ({"region:76"}, "departement=76", False),  # Occitanie, not Seine-Maritime
        ({"departement:76", "region:28"}, "departement=76", True),
        ({"departement:11", "region:76"}, "region=11", False),  # Aude, in Occitanie
        ({"region:11"}, "departement=11", False),  # Île-de-France, not the Aude
        ({"region:11"}, "region=11&region=76", True),
    ],
)
def test_territory_filters_tell_regions_from_departements(territories, query_string, kept):
    (expression,) = request_for(query_string).filter_expressions().values()

    assert expression.matches({"territories": territories}) is kept


def test_facet_values_biggest_first_and_chosen_ones_kept():
    values = facet_values({"a": 1, "b": 5, "c": 3, "": 9}, selected=("z",), size=2)

    assert values == [
        FacetValue("b", 5, False),
        FacetValue("c", 3, False),
        FacetValue("z", 0, True),
    ]


def test_excerpt_escapes_the_text_and_marks_only_the_matches():
    fragment = f"<script>alert(1)</script> le {MARK_START}répit{MARK_END} & <b>x</b>"

    assert safe_excerpt(fragment) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; le <mark>répit</mark> &amp; &lt;b&gt;x&lt;/b&gt;"
    )


def test_excerpt_marks_are_always_balanced():
    assert safe_excerpt(f"{MARK_END}a{MARK_START}b{MARK_START}c") == "a<mark>bc</mark>"


@pytest.mark.parametrize(
    ("candidate", "text", "expected"),
    [
        ("équipe mobile", "equipe mob", True),
        ("Équipe mobile", "mobile", True),
        ("équipe mobile", "obile", False),
        ("répit", "", False),
    ],
)
def test_words_start_ignores_accents_and_case(candidate, text, expected):
    assert starts_words(candidate, text) is expected


TERRITORY_NAMES = Territories(
    [
        ("Occitanie", "region", "76"),
        ("Pays de la Loire", "region", "52"),
        ("Loire", "departement", "42"),
        ("Loire-Atlantique", "departement", "44"),
        ("Hérault", "departement", "34"),
        ("Guadeloupe", "region", "01"),
        ("Guadeloupe", "departement", "971"),
    ]
)


@pytest.mark.parametrize(
    ("text", "other_words", "places"),
    [
        ("répit OCCITANIE", "répit", [("OCCITANIE", ("region:76",))]),
        ("équipe mobile de l’herault", "équipe mobile de l’", [("herault", ("departement:34",))]),
        ("Pays de la Loire C360", "C360", [("Pays de la Loire", ("region:52",))]),
        ("Loire-Atlantique et Loire", "et", [
            ("Loire-Atlantique", ("departement:44",)), ("Loire", ("departement:42",))
        ]),
        ("Guadeloupe", "", [("Guadeloupe", ("departement:971", "region:01"))]),
        ("répit des aidants", "répit des aidants", []),
    ],
)  # fmt: skip
def test_territory_names_in_the_words_become_places(text, other_words, places):
    found_words, found_places = request_for(f"q={quote(text)}").places(TERRITORY_NAMES)

    assert found_words == other_words
    assert [(place.name, place.pages.values) for place in found_places] == places
    assert all(place.pages.field == "territories" for place in found_places)
