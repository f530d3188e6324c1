"""Text analysis of the search index, one chain per language.

The same folding runs at index and at query time — autocomplete included — so
that "eval", "évaluation", "l’évaluation" and "L'EVALUATION" meet. The
thesaurus's synonyms apply at query time only, through `synonym_graph`, which
handles multi-word forms; they are settings of the index, so a new thesaurus
needs a new index.

Three more rules make the index forgive how a word is written:

- a hyphenated compound is indexed split and joined: « auto-détermination »
  gives « auto », « détermination » and « autodétermination », so the joined
  form a visitor types finds it (the query joins the words typed apart,
  `search.backends.opensearch_bodies`);
- acronyms of the thesaurus and names of régions and départements are never
  stemmed: « Gers » is not « gère », « Loire » not « loir »;
- stop words are listed folded, as the tokens reaching the filter are: the
  engine's own French list holds « à » and « même », which folding has already
  made « a » and « meme ».
"""

import itertools
import re

from search.filter_expressions import folded

# Folding turns "’" and "‘" into "'" before elision sees them; this character filter also
# makes "ʼ" and "`" plain, in titles, summaries and queries. Bodies are long, and the filter
# took a tenth of the engine's indexing time (`bench/`): their "ʼ" and "`" are made plain
# before they are sent (`plain_apostrophes`).
RARE_APOSTROPHES = ("ʼ", "`")
APOSTROPHES = {
    "type": "mapping",
    "mappings": [f"{apostrophe} => '" for apostrophe in RARE_APOSTROPHES],
}
# The standard tokenizer cuts words at a hyphen, and nothing after it knows two words were
# one. Turned into the hyphenation point, which joins letters as an apostrophe does, a
# hyphen keeps « auto-détermination » one token, that `COMPOUNDS` splits and joins. Bodies
# get it before they are sent (`body_source`), as for apostrophes: a character filter on
# them cost a tenth of the indexing time, the token filter a fiftieth (`bench/`).
HYPHENS = ("-", "\u2010", "\u2011")
HYPHEN_MARK = "\u2027"
HYPHEN_MARKS = {
    "type": "mapping",
    "mappings": [f"{hyphen} => {HYPHEN_MARK}" for hyphen in HYPHENS],
}
# A body's concepts read the words of a compound apart, as the thesaurus's forms do.
HYPHEN_MARKS_APART = {"type": "mapping", "mappings": [f"\\u{ord(HYPHEN_MARK):04x} => \\u0020"]}
# Only the hyphenation point splits a token: apostrophes ("aujourd'hui"), decimal points
# ("2.4") and the middle dot of inclusive writing stay inside words, as at query time.
COMPOUNDS = {
    "type": "word_delimiter_graph",
    "generate_word_parts": True,
    "generate_number_parts": True,
    "catenate_words": True,
    "catenate_numbers": False,
    "catenate_all": False,
    "preserve_original": False,
    "split_on_case_change": False,
    "split_on_numerics": False,
    "stem_english_possessive": False,
    "type_table": [
        "' => ALPHA",
        ". => ALPHANUM",
        ", => DIGIT",
        ": => ALPHA",
        "_ => ALPHA",
        "\u00b7 => ALPHA",
    ],
}

FRENCH_ARTICLES = [
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
]
FRENCH_ELISION = {"type": "elision", "articles_case": True, "articles": FRENCH_ARTICLES}
ELIDED = {"fr": re.compile(rf"^(?:{'|'.join(FRENCH_ARTICLES)})['’]", re.IGNORECASE)}


# The engine's lists (`_french_`, `_english_`), folded, the French one with "a", "si" and
# "ni" that it leaves out. Queries count their meaningful words against the same lists
# (`search.backends.opensearch_bodies`).
def word_set(text):
    return frozenset(text.split())


STOP_WORDS = {
    "fr": word_set(
        """
        a ai aie aient aies ait au aurai auraient aurais aurait aurez auriez aurions aurons
        auront aux avaient avais avait avec avez aviez avons ayant ayez ayons c ce ceci cela
        ces cet cette d dans de des du elle en es et etaient etais etait etant etee etees etes
        etiez etions eu eue eues eumes eurent eus eusse eussent eusses eussiez eussions eut
        eutes eux fumes furent fus fusse fussent fusses fussiez fussions fut futes ici il ils
        j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous
        on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai
        seraient serais serait seras serez seriez serions serons seront ses si soi soient sois
        soit sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y
        """
    ),
    "en": word_set(
        """
        a an and are as at be but by for if in into is it no not of on or such that the
        their then there these they this to was will with
        """
    ),
}

LANGUAGE_FILTERS = {
    "fr": {
        "after_folding": ["kb_elision"],
        "stemmer": {"type": "stemmer", "language": "light_french"},
    },
    # The light English stemmer keeps « lists » and « supporters » apart from « list » and
    # « support »; Porter's does not.
    "en": {
        "after_folding": ["kb_possessive"],
        "stemmer": {"type": "stemmer", "language": "english"},
    },
}


# Thesaurus forms that are also little words of the language ("EN" is "en") are left out
# of the synonyms: "conseillers en parcours" must not ask for "éducation nationale".
FUNCTION_WORDS = {
    "fr": """
        a à au aux ce ces de des du en et il je la le les leur lui ma me mes moi mon ne ni nos
        on ou où par pas pour qu que qui sa se ses si son sur ta te tes toi ton tu un une vos y
    """,
    "en": """
        a an and are as at be by for he if in is it its no not of on or so the to us we
    """,
}
# What a synonym rule may hold of a form: the rule syntax (",", "=>", "\\", "#") is not.
RULE_CHARACTERS = str.maketrans({character: " " for character in ",=>\\#|"})
PLACEHOLDER_RULE = "kb-no-synonym, kb-no-synonym"
PLACEHOLDER_KEYWORD = "kb-no-keyword"
CONCEPT_TOKEN = "kbconcept"


def without_article(word, language):
    """`word` without the elided article the elision filter takes off (« l'enfance »)."""
    elided = ELIDED.get(language)
    return elided.sub("", word) if elided is not None else word


def rule_form(form, language="fr"):
    """A form as a synonym rule writes it: lower case, no comma, its words apart (a hyphen
    splits them, as the tokenizer does) and no stop word, which the query's stop filter
    takes off before the synonyms see the words."""
    words = form.translate(RULE_CHARACTERS).replace("-", " ").lower().split()
    stop_words = STOP_WORDS[language]
    return " ".join(
        word
        for word in words
        if (plain := folded(without_article(word, language))) and plain not in stop_words
    )


def rule_forms(forms, language="fr"):
    """`forms` as synonym rules write them (`rule_form`), each once, in order: a form that
    is a little word of the language ("EN") is left out, and so is one left empty."""
    function_words = set(FUNCTION_WORDS[language].split())
    written = (rule_form(form, language) for form in forms if form.lower() not in function_words)
    return [form for form in dict.fromkeys(written) if form]


def synonym_rules(groups, language="fr"):
    """`synonym_graph` rules from the thesaurus's groups (`search.thesaurus.Synonyms`).

    Equivalent forms make "a, b, c"; forms that also find broader ones make
    "a, b => a, b, c": the left forms keep finding themselves, and a search for the
    broader "c" never asks for "a" or "b". A form that is a little word of the language
    ("EN") is left out.
    """
    rules = []
    for group in groups:
        forms = rule_forms(group.forms, language)
        broader = [form for form in rule_forms(group.broader, language) if form not in forms]
        if forms and broader:
            rules.append(f"{', '.join(forms)} => {', '.join(forms + broader)}")
        elif len(forms) > 1:
            rules.append(", ".join(forms))
    return rules


def concept_rules(groups, language="fr"):
    """`synonym` rules that write each form of `groups` as one token of its group
    (`kb_concepts`), for bodies, and, for queries, a narrower form as its broader forms'
    tokens too (`kb_concepts_search`); and the tokens.

    A body's concepts are then found by a term or two
    (`search.backends.opensearch_bodies`): synonyms of several words, asked of 100,000
    bodies at search time, took two thirds of the engine's time (`bench/`). In a body, a
    form also writes the tokens of the forms it holds: « secteur de pédopsychiatrie »
    names « pédopsychiatrie » too. The tokens are
    `CONCEPT_TOKEN` and a number: every thesaurus change rebuilds the index, so indexing
    and searching always agree on them."""

    token_of, numbers = {}, itertools.count()
    for group in groups:
        token = f"{CONCEPT_TOKEN}{next(numbers)}"
        for form in rule_forms(group.forms, language):
            token_of.setdefault(form, token)
    for group in groups:
        for form in rule_forms(group.broader, language):
            if form not in token_of:
                token_of[form] = f"{CONCEPT_TOKEN}{next(numbers)}"
    index_rules = []
    for form in token_of:
        tokens = dict.fromkeys(token_of[held] for held in held_forms(form, token_of))
        index_rules.append(f"{form} => {', '.join(tokens)}")
    found = {form: [token] for form, token in token_of.items()}
    for group in groups:
        broader = [token_of[form] for form in rule_forms(group.broader, language)]
        for form in rule_forms(group.forms, language):
            found[form] = list(dict.fromkeys(found[form] + broader))
    search_rules = [f"{form} => {', '.join(tokens)}" for form, tokens in found.items()]
    return index_rules, search_rules, sorted(set(token_of.values()))


def held_forms(form, forms):
    """The `forms` whose words are words of `form`, side by side (`form` first)."""
    words = form.split()
    runs = (
        " ".join(words[start:end])
        for length in range(len(words), 0, -1)
        for start in range(len(words) - length + 1)
        for end in [start + length]
    )
    return [run for run in dict.fromkeys(runs) if run in forms]


def unstemmed_words(groups, places=()):
    """Folded words never stemmed: the acronyms of `groups` (each part of « PCO-TND ») and
    the one-word `places`. Names of several words (« Haute-Loire ») are left to the
    stemmer: « haute » is an everyday word."""
    words = set()
    for group in groups:
        for acronym in group.acronyms:
            words.update(part for part in folded(acronym).replace("-", " ").split())
    words.update(folded(place) for place in places if len(place.split()) == 1)
    return sorted(word for word in words if len(word) > 1 and word.isalnum())


def index_settings(language, groups, places=()):
    """Settings of a new physical index for `language` ("fr" or "en"): `groups` are the
    thesaurus's (`search.thesaurus.current_groups`), `places` the names of régions and
    départements, never stemmed when they are one word."""
    filters = LANGUAGE_FILTERS[language]
    folding = ["lowercase", "asciifolding", *filters["after_folding"]]
    words = ["kb_unstemmed", "kb_stop", "kb_stemmer"]
    # Stop words go before the synonyms: taken off inside a synonym of several words, they
    # would leave a graph of positions that matches nothing.
    search = [*folding, "kb_stop", "kb_synonyms", "kb_unstemmed", "kb_stemmer"]
    index_concepts, search_concepts, concept_tokens = concept_rules(groups, language)
    return {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "max_ngram_diff": 18,
        "analysis": {
            "char_filter": {
                "kb_apostrophes": APOSTROPHES,
                "kb_hyphens": HYPHEN_MARKS,
                "kb_hyphen_marks_apart": HYPHEN_MARKS_APART,
            },
            "filter": {
                "kb_elision": FRENCH_ELISION,
                "kb_possessive": {"type": "stemmer", "language": "possessive_english"},
                "kb_compounds": COMPOUNDS,
                "kb_unstemmed": {
                    "type": "keyword_marker",
                    "keywords": unstemmed_words(groups, places) or [PLACEHOLDER_KEYWORD],
                },
                "kb_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS[language])},
                "kb_stemmer": filters["stemmer"],
                "kb_synonyms": {
                    "type": "synonym_graph",
                    "synonyms": synonym_rules(groups, language) or [PLACEHOLDER_RULE],
                    "lenient": True,
                },
                "kb_edge_ngram": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
                # After the stemmer: « ruptures de parcours » is a form of « rupture de
                # parcours ». Only the concepts' tokens are kept.
                "kb_concept_forms": {
                    "type": "synonym",
                    "synonyms": index_concepts or [PLACEHOLDER_RULE],
                    "lenient": True,
                },
                "kb_concept_forms_search": {
                    "type": "synonym",
                    "synonyms": search_concepts or [PLACEHOLDER_RULE],
                    "lenient": True,
                },
                "kb_concept_tokens": {
                    "type": "keep",
                    "keep_words": concept_tokens or [PLACEHOLDER_KEYWORD],
                },
            },
            "analyzer": {
                "kb_text": analyzer(
                    folding + ["kb_compounds", *words],
                    char_filter=("kb_apostrophes", "kb_hyphens"),
                ),
                "kb_body": analyzer(folding + ["kb_compounds", *words], char_filter=()),
                "kb_search": analyzer(search),
                # The visitor's words without their synonyms, for the fields where the
                # synonyms are not looked for (`search.backends.opensearch_bodies.SYNONYM_FIELDS`).
                "kb_words": analyzer([name for name in search if name != "kb_synonyms"]),
                # Phrases in quotes: the words as written, no synonyms, stop words leaving
                # the gaps they leave in the index.
                "kb_phrase": analyzer(folding + words),
                "kb_exact": analyzer(folding),
                "kb_concepts": analyzer(
                    folding + [*words, "kb_concept_forms", "kb_concept_tokens"],
                    char_filter=("kb_hyphen_marks_apart",),
                ),
                "kb_concepts_search": analyzer(
                    folding + [*words, "kb_concept_forms_search", "kb_concept_tokens"]
                ),
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


def body_source(text):
    """A body as the engine stores and analyses it: apostrophes plain, hyphens marked
    (`HYPHEN_MARK`). Excerpts of it are given back their hyphens (`unmarked`)."""
    text = plain_apostrophes(text)
    for hyphen in HYPHENS:
        if hyphen in text:
            text = text.replace(hyphen, HYPHEN_MARK)
    return text


def unmarked(text):
    """Text of a body as written: the hyphens `body_source` marked given back."""
    return text.replace(HYPHEN_MARK, "-") if text else text
