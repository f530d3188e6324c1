"""Plain text out of rich text, StreamField data and HTML, as search and e-mail read it."""

from kb.text import flatten


def test_paragraphs_stay_separate_words():
    assert flatten("<p>Des nuits éprouvantes.</p><p>Organiser le relais.</p>") == (
        "Des nuits éprouvantes. Organiser le relais."
    )


def test_block_settings_are_not_indexed_as_words():
    heading = {"type": "heading", "id": "a1", "value": {"text": "Contexte", "level": "h2"}}

    assert flatten([heading]) == "Contexte"


def test_entities_are_decoded():
    assert flatten("<p>l&rsquo;&eacute;valuation&nbsp;finale</p>") == "l’évaluation finale"
