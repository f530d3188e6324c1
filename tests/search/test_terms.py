"""The database backend's analysis: the terms a text is indexed and searched under."""

import pytest

from search.backends.database_concepts import QueryPlan, plan_query, quoted_phrases
from search.models import IndexedWord, SynonymGroup
from search.terms import analysed, term_of, tokens
from search.thesaurus import Synonyms, is_acronym, parse_group


def terms(text, language="fr"):
    return analysed(text, language, {}).split()


def test_plurals_accents_capitals_and_elision_meet():
    assert terms("L’ÉVALUATION des répits") == terms("evaluations repit")
    assert terms("d'un accueil") == terms("accueils")


def test_other_forms_of_a_word_meet():
    assert term_of("évaluer", "fr") == term_of("évaluation", "fr")
    assert term_of("éducatives", "fr") == term_of("éducatif", "fr")


def test_stop_words_are_not_indexed():
    assert terms("le répit et les familles") == [term_of("répit", "fr"), term_of("familles", "fr")]


@pytest.mark.parametrize("place", ["Gers", "Cher", "Var", "Paris"])
def test_a_place_name_is_never_stemmed(place):
    assert term_of(place, "fr") == place.casefold()
    assert term_of(place, "fr") not in {term_of("gère", "fr"), term_of("gérontologie", "fr")}


def test_a_compound_gives_its_parts_and_its_joined_form():
    assert terms("auto-détermination") == [
        term_of("auto", "fr"),
        term_of("détermination", "fr"),
        term_of("autodétermination", "fr"),
    ]


def test_typographic_hyphens_and_apostrophes_are_plain():
    assert terms("médico‑social l’équipe") == terms("médico-social l'équipe")


def test_tokens_keep_their_place_in_the_text():
    text = "Un répit, enfin"
    (token,) = [token for token in tokens(text, "fr") if token.surface == "répit"]

    assert text[token.start : token.end] == "répit"


def test_a_written_line_of_the_thesaurus_is_a_group():
    assert parse_group("DITEP, dispositif intégré ITEP => ITEP") == Synonyms(
        ("DITEP", "dispositif intégré ITEP"), ("ITEP",)
    )
    assert parse_group("# a comment") is None
    assert parse_group("seul") is None


def test_acronyms_are_words_in_capitals():
    assert is_acronym("PCO-TND")
    assert is_acronym("ITEP")
    assert not is_acronym("Creton")
    assert not is_acronym("institut médico-éducatif")


def test_the_shipped_thesaurus_is_loaded_in_both_languages(db):
    assert SynonymGroup.objects.filter(language="fr").count() >= 300
    assert SynonymGroup.objects.filter(language="en").exists()


def test_quoted_words_are_a_phrase_and_an_unbalanced_quote_is_a_character():
    assert quoted_phrases("« jeunes adultes » répit") == (["jeunes adultes"], "  répit")
    assert quoted_phrases('"jeunes adultes répit') == ([], '"jeunes adultes répit')


@pytest.fixture
def vocabulary(db):
    words = {"scolarisation": term_of("scolarisation", "fr"), "pedopsychiatrie": "pedopsychiatr"}
    IndexedWord.objects.bulk_create(IndexedWord(word=w, term=t) for w, t in words.items())


def test_an_unknown_word_also_finds_the_nearest_known_one(vocabulary):
    plan = plan_query("scolarisaton", "fr")

    (concept,) = plan.concepts
    assert (term_of("scolarisation", "fr"),) in concept.alternatives
    assert plan.searched_instead("scolarisaton") == "scolarisation"


def test_the_exact_words_have_no_tolerance(vocabulary):
    plan = plan_query("scolarisaton", "fr", tolerant=False)

    assert plan.concepts[0].alternatives == ((term_of("scolarisaton", "fr"),),)
    assert plan.searched_instead("scolarisaton") is None


def test_a_word_cut_short_finds_the_words_it_begins(vocabulary):
    (concept,) = plan_query("pédopsy", "fr").concepts

    assert ("pedopsychiatr",) in concept.alternatives


def test_a_form_of_the_thesaurus_finds_its_whole_group(db):
    (concept,) = plan_query("maison départementale des personnes handicapées", "fr").concepts

    assert ("mdph",) in concept.alternatives


def test_question_words_are_not_searched(db):
    plan = plan_query("comment organiser un répit ?", "fr")

    assert [concept.typed for concept in plan.concepts] == ["organiser", "répit"]


def test_an_empty_plan_searches_nothing():
    assert QueryPlan().terms == set()
