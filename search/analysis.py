"""Text analysis of the search index, one chain per language.

The same folding runs at index and at query time — autocomplete included — so
that "eval", "évaluation", "l’évaluation" and "L'EVALUATION" meet. Glossary
synonyms (acronym ↔ expansion) apply at query time only, through
`synonym_graph`, which handles multi-word expansions.
"""

# Folding turns "’" and "‘" into "'" before elision sees them; this character filter also
# makes "ʼ" and "`" plain, in titles, summaries and queries. Bodies are long, and the filter
# took a tenth of the engine's indexing time (`bench/`): their "ʼ" and "`" are made plain
# before they are sent (`plain_apostrophes`).
RARE_APOSTROPHES = ("ʼ", "`")
APOSTROPHES = {
    "type": "mapping",
    "mappings": [f"{apostrophe} => '" for apostrophe in RARE_APOSTROPHES],
}

FRENCH_ELISION = {
    "type": "elision",
    "articles_case": True,
    "articles": [
        "l",
        "m",
        "t",
        "qu",
        "n",
        "s",
        "j",
        "d",
        "c",
        "jusqu",
        "quoiqu",
        "lorsqu",
        "puisqu",
    ],
}

LANGUAGE_FILTERS = {
    "fr": {
        "after_folding": ["kb_elision"],
        "stop": {"type": "stop", "stopwords": "_french_"},
        "stemmer": {"type": "stemmer", "language": "light_french"},
    },
    "en": {
        "after_folding": ["kb_possessive"],
        "stop": {"type": "stop", "stopwords": "_english_"},
        "stemmer": {"type": "stemmer", "language": "light_english"},
    },
}


# Glossary acronyms that are also little words of the language ("EN" is "en") are
# left out of the synonyms: "conseillers en parcours" must not ask for "éducation nationale".
FUNCTION_WORDS = {
    "fr": """
        a à au aux ce ces de des du en et il je la le les leur lui ma me mes moi mon ne ni nos
        on ou où par pas pour qu que qui sa se ses si son sur ta te tes toi ton tu un une vos y
    """,
    "en": """
        a an and are as at be by for he if in is it its no not of on or so the to us we
    """,
}


def synonym_rules(terms, language="fr"):
    """`synonym_graph` rules from (acronym, expansion) pairs: "itep, institut …"."""
    rules = []
    for acronym, expansion in terms:
        acronym = acronym.strip().lower()
        words = expansion.replace(",", " ").split()
        if acronym and words and acronym not in FUNCTION_WORDS[language].split():
            rules.append(f"{acronym}, {' '.join(words).lower()}")
    return rules


def index_settings(language, synonyms):
    """Settings of a new physical index for `language` ("fr" or "en")."""
    filters = LANGUAGE_FILTERS[language]
    folding = ["lowercase", "asciifolding", *filters["after_folding"]]
    return {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "max_ngram_diff": 18,
        "analysis": {
            "char_filter": {"kb_apostrophes": APOSTROPHES},
            "filter": {
                "kb_elision": FRENCH_ELISION,
                "kb_possessive": {"type": "stemmer", "language": "possessive_english"},
                "kb_stop": filters["stop"],
                "kb_stemmer": filters["stemmer"],
                "kb_synonyms": {
                    "type": "synonym_graph",
                    "synonyms": synonym_rules(synonyms, language)
                    or ["kb-no-synonym, kb-no-synonym"],
                    "lenient": True,
                },
                "kb_edge_ngram": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
            },
            "analyzer": {
                "kb_text": analyzer(folding + ["kb_stop", "kb_stemmer"]),
                "kb_body": analyzer(folding + ["kb_stop", "kb_stemmer"], char_filter=[]),
                "kb_search": analyzer(folding + ["kb_synonyms", "kb_stop", "kb_stemmer"]),
                "kb_exact": analyzer(folding),
                "kb_autocomplete_index": analyzer(folding + ["kb_edge_ngram"]),
                "kb_autocomplete_search": analyzer(folding),
            },
        },
    }


def analyzer(filters, char_filter=("kb_apostrophes",)):
    return {
        "type": "custom",
        "char_filter": list(char_filter),
        "tokenizer": "standard",
        "filter": filters,
    }


def plain_apostrophes(text):
    """`text` with "ʼ" and "`" made plain, as `APOSTROPHES` does: the engine's body analyzer
    and the database's tokenizer would leave them inside words."""
    for apostrophe in RARE_APOSTROPHES:
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    return text
