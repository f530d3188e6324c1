"""The synonym rules the engine receives from the glossary."""

from search.analysis import synonym_rules


def test_an_acronym_becomes_a_rule_with_its_expansion():
    rules = synonym_rules([("ITEP", "institut thérapeutique, éducatif et pédagogique")])

    assert rules == ["itep, institut thérapeutique éducatif et pédagogique"]


def test_an_acronym_that_is_a_little_word_of_the_language_is_left_out():
    # "EN" would turn "conseillers en parcours" into a search for "éducation nationale".
    terms = [("EN", "éducation nationale"), ("ASE", "aide sociale à l'enfance")]

    assert synonym_rules(terms, "fr") == ["ase, aide sociale à l'enfance"]
    assert synonym_rules([("IN", "inclusion numérique")], "en") == []
