"""The analysis settings the engine receives from the thesaurus and the territories."""

from search.analysis import (
    body_source,
    concept_rules,
    index_settings,
    synonym_rules,
    unmarked,
    unstemmed_words,
)
from search.thesaurus import Synonyms, parse_group


def test_equivalent_forms_become_one_rule():
    rules = synonym_rules([parse_group("CMP, centre médico-psychologique, CMPP")])

    assert rules == ["cmp, centre médico psychologique, cmpp"]


def test_forms_of_several_words_lose_their_commas_stop_words_and_hyphens():
    group = Synonyms(("ITEP", "institut thérapeutique éducatif et pédagogique"))
    compounds = Synonyms(("IME", "institut médico-éducatif"))
    elided = Synonyms(("ASE", "aide sociale à l'enfance"))

    assert synonym_rules([group, compounds, elided]) == [
        "itep, institut thérapeutique éducatif pédagogique",
        "ime, institut médico éducatif",
        "ase, aide sociale l'enfance",
    ]


def test_broader_forms_are_found_one_way_and_the_forms_keep_finding_themselves():
    group = parse_group("DITEP, dispositif intégré ITEP => ITEP")

    assert synonym_rules([group]) == [
        "ditep, dispositif intégré itep => ditep, dispositif intégré itep, itep"
    ]


def test_a_body_names_each_concept_by_one_token_a_query_its_broader_ones_too():
    groups = [
        parse_group("pédopsychiatrie, psychiatrie infanto-juvénile"),
        parse_group("secteur de pédopsychiatrie, intersecteur => CMP"),
        parse_group("CMP, centre médico-psychologique"),
    ]

    index_rules, search_rules, tokens = concept_rules(groups)

    assert tokens == ["kbconcept0", "kbconcept1", "kbconcept2"]
    assert index_rules == [
        "pédopsychiatrie => kbconcept0",
        "psychiatrie infanto juvénile => kbconcept0",
        # A form holding another names it too.
        "secteur pédopsychiatrie => kbconcept1, kbconcept0",
        "intersecteur => kbconcept1",
        "cmp => kbconcept2",
        "centre médico psychologique => kbconcept2",
    ]
    # The narrower finds the broader, never the reverse.
    assert "secteur pédopsychiatrie => kbconcept1, kbconcept2" in search_rules
    assert "cmp => kbconcept2" in search_rules


def test_a_form_that_is_a_little_word_of_the_language_is_left_out():
    # "EN" would turn "conseillers en parcours" into a search for "éducation nationale".
    groups = [Synonyms(("EN", "éducation nationale")), Synonyms(("ASE", "aide sociale"))]

    assert synonym_rules(groups, "fr") == ["ase, aide sociale"]
    assert synonym_rules([Synonyms(("IN", "inclusion numérique"))], "en") == []


def test_rule_syntax_typed_by_an_editor_never_reaches_the_engine():
    rules = synonym_rules([Synonyms(("#ITEP", "plan => global", "foo\\bar|baz"))])

    assert rules == ["itep, plan global, foo bar baz"]


def test_acronyms_and_one_word_places_are_never_stemmed():
    groups = [Synonyms(("PCO-TND", "plateforme")), Synonyms(("MAS", "maison"))]

    words = unstemmed_words(groups, ["Gers", "Lozère", "haute loire"])

    assert words == ["gers", "lozere", "mas", "pco", "tnd"]


def test_every_language_gets_its_analyzers_with_or_without_a_thesaurus():
    for language in ("fr", "en"):
        analyzers = index_settings(language, [])["analysis"]["analyzer"]
        assert {
            "kb_text",
            "kb_body",
            "kb_search",
            "kb_words",
            "kb_phrase",
            "kb_exact",
            "kb_concepts",
            "kb_concepts_search",
        } <= set(analyzers)


def test_a_body_is_sent_with_its_hyphens_marked_and_excerpts_get_them_back():
    body = "L’auto-détermination, c’est 16-20 ans ; l`équipe."

    sent = body_source(body)

    assert "-" not in sent and "`" not in sent
    assert unmarked(sent) == "L’auto-détermination, c’est 16-20 ans ; l'équipe."
