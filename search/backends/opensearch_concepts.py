"""What the engine's query asks for, concept by concept.

`search.backends.opensearch_bodies` builds the query from these concepts.

A visitor's words become concepts, each found or not in a document:

- a phrase in double quotes, required as written (« "jeunes adultes" »);
- a région or a département named (`search.filter_expressions.Territories`): its name in the
  text, or the page being of that territory;
- a form of the thesaurus of several words (« aide sociale à l'enfance »), sent
  whole so that the engine's synonyms find its acronym;
- a hyphenated compound (« auto-détermination »): its parts, or its joined form;
- any other word, also found joined to its neighbour (« auto détermination »
  finds « autodétermination ») and, unless typed in capitals or a word of the
  language's dictionary, with a typo or cut short.

Stop words and the words of a question (« comment », « quelles ») are no
concepts. Of the concepts found, a document must hold all of one or two, all but
one of three or four, and three in five beyond: a long question still finds the
page that holds most of its important words. Words that find nothing together,
as when one of them is in no document, are asked again, any one of them finding
(`Plan.relaxed`).

Every text is safe: nothing of it is ever read as a query syntax, and a query
holds at most `MAX_CONCEPTS` concepts.
"""

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from cachetools.func import ttl_cache

from search.analysis import STOP_WORDS, rule_form, rule_forms, without_article
from search.filter_expressions import REFERENCE_TTL, Terms, folded
from search.query import FILTERS
from search.terms import QUESTION_WORDS
from search.thesaurus import is_acronym, read_once_per_change

# « … », “…” and "…" ask for a phrase; an unbalanced quote is a plain character.
QUOTED = re.compile(r"[\"“«]\s*([^\"“”«»]+?)\s*[\"”»]")
# A word as the engine's tokenizer reads one, keeping apostrophes ("aujourd'hui") and,
# here, hyphens: a hyphenated compound is one concept.
COMPOUND = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")
PART = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A query of many words: the first concepts only (the engine counts its clauses).
MAX_CONCEPTS = 12
MAX_PHRASES = 4
# Typos are tolerated from five letters (acronyms: IME is not IEM), cut words from four.
TYPO_LENGTH = 5
CUT_LENGTH = 4
WHOLE_WORD_ENDINGS = ("s", "x", "é", "ée")
WORD, COMPOUND_WORD, FORM, PLACE = "word", "compound", "form", "place"


@dataclass(frozen=True)
class Concept:
    """One thing the query asks for, of a `kind` above. `text` is sent to the engine as
    typed; `key` its folded words; `joined` its forms written as one word; `place` the
    territories of a place name; `tolerant` whether a typo may find it; `synonyms`
    whether it is a form of the thesaurus, which the engine's synonyms expand;
    `classified` the `Terms` of the classifications one of these forms names;
    `corrected` the word of the dictionary it may be a typo of."""

    kind: str
    text: str
    key: tuple
    joined: tuple = ()
    place: Terms | None = None
    tolerant: bool = False
    synonyms: bool = False
    classified: tuple = ()
    corrected: str = ""

    @property
    def cut(self):
        """What a word cut short may begin: the folded word of a one-word concept, unless
        it ends as only a whole word does (a plural, a participle: « partagé » is no
        beginning of « partagent »)."""
        whole = self.text.lower().endswith(WHOLE_WORD_ENDINGS)
        return self.key[0] if self.kind == WORD and self.tolerant and not whole else ""


@dataclass
class Plan:
    phrases: list = field(default_factory=list)
    concepts: list = field(default_factory=list)
    # Words of one-word forms of the thesaurus: never corrected into another word.
    known: frozenset = field(default=frozenset(), repr=False)
    # Set when the concepts found nothing together (`relaxed`).
    at_least: int | None = None

    @property
    def required(self):
        """How many concepts a document must hold (`minimum_should_match`)."""
        return self.at_least or required(len(self.concepts))

    def relaxed(self):
        """The same plan, found by any one of its concepts: for words that find nothing
        together, as when one of them is in no document (« habitat inclusif PACA »)."""
        return replace(self, at_least=1)

    @property
    def relaxable(self):
        return self.required > 1

    def corrected_text(self, text):
        """`text` with its words that may be typos written as the dictionary's words."""
        for concept in self.concepts:
            if concept.corrected:
                text = text.replace(concept.text, concept.corrected)
        return text

    def concept_of(self, word):
        """The index of the concept of folded `word`, or None."""
        for index, concept in enumerate(self.concepts):
            if word in concept.key:
                return index
        return None


def required(count):
    """All of one or two concepts, all but one of three or four, three in five beyond."""
    if count <= 2:
        return count
    if count <= 4:
        return count - 1
    return count - (2 * count) // 5


@dataclass(frozen=True)
class Piece:
    """A word of the query as the engine's synonyms read it: folded, elision removed.
    `group` tells the compound it belongs to; `start` and `end` locate the compound."""

    surface: str
    word: str
    group: int
    start: int
    end: int


def pieces_of(text, language, offset=0):
    """The pieces of `text` (found at `offset` of the query), a hyphenated compound giving
    one piece per part."""
    pieces = []
    for match in COMPOUND.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        for part in PART.findall(match.group()):
            part = without_article(part, language)
            if part:
                pieces.append(Piece(part, folded(part), start, start, end))
    return pieces


class Forms:
    """The thesaurus's forms as its synonym rules read them (`rule_form`, no stop word):
    those of several words (`forms`), the words of one-word forms (`words`), and for each
    form the forms its synonyms find (`found_with`); read again once it changed."""

    def __init__(self, groups, language):

        def keys(forms):
            written = rule_forms(forms, language)
            pieces = (tuple(piece.word for piece in pieces_of(form, language)) for form in written)
            return {key for key in pieces if key}

        self.found_with = defaultdict(set)
        for group in groups:
            equivalent = keys(group.forms)
            for key in equivalent:
                self.found_with[key] |= equivalent | keys(group.broader)
        every = set(self.found_with).union(*self.found_with.values())
        self.forms = {key for key in every if len(key) > 1}
        self.words = frozenset(key[0] for key in every if len(key) == 1)
        self.longest = max(map(len, self.forms), default=0)

    @classmethod
    def current(cls, language):
        return read_once_per_change(cls, language)


class Classifications:
    """The themes, audiences and establishment types, by the words of their names.

    A page classified « Qualité de vie au travail » is about it, whatever its text says:
    a query naming it through the thesaurus (« QVT ») finds the pages so classified.
    Looking for the synonyms in the names each document carries (`labels`) cost a third of
    a search's time on 100,000 documents (`bench/`): the terms are looked up here instead.
    """

    def __init__(self, names, language):
        """`names`: (name, field, slug) rows, `field` being a keyword field of documents."""
        self.terms_of = defaultdict(set)
        for name, field_name, slug in names:
            key = tuple(piece.word for piece in pieces_of(rule_form(name, language), language))
            if key:
                self.terms_of[key].add((field_name, slug))

    @classmethod
    @ttl_cache(maxsize=4, ttl=REFERENCE_TTL)
    def load(cls, language):
        from kb.models import Audience, EstablishmentType, Theme

        fields = {"themes": Theme, "audiences": Audience, "establishment_types": EstablishmentType}
        names = []
        for field_name, model in fields.items():
            rows = model.objects.filter(locale__language_code=language)
            has_acronym = any(field.name == "acronym" for field in model._meta.fields)
            for slug, *written in rows.values_list("slug", "name", *["acronym"] * has_acronym):
                names += [(name, field_name, slug) for name in written if name]
        return cls(names, language)

    def named_by(self, keys):
        """The `Terms` of the classifications named by one of `keys`, grouped by field."""
        slugs = defaultdict(set)
        for key in keys:
            for field_name, slug in self.terms_of.get(key, ()):
                slugs[field_name].add(slug)
        return tuple(Terms(name, tuple(sorted(values))) for name, values in sorted(slugs.items()))


def quoted_phrases(text):
    """The phrases in quotes, and the rest of the text."""
    phrases = [" ".join(phrase.split()) for phrase in QUOTED.findall(text)]
    return [phrase for phrase in phrases if PART.search(phrase)], QUOTED.sub(" ", text)


def meaningless(word, language):
    return word in STOP_WORDS[language] or word in QUESTION_WORDS.get(language, ())


def plan_query(text, language, territories, forms=None, tolerant=True, classifications=None):
    """The phrases and concepts of `text` (see the module's description)."""
    phrases, rest = quoted_phrases(text)
    forms = forms if forms is not None else Forms.current(language)
    classifications = classifications or Classifications.load(language)
    plan = Plan(phrases=phrases[:MAX_PHRASES], known=forms.words)
    segments, end = [], 0
    for (start, stop), named in territories.named_in(rest):
        segments.append(pieces_of(rest[end:start], language, end))
        stored = tuple(sorted(FILTERS[kind].stored(code) for kind, code in named))
        name = rest[start:stop]
        key = tuple(piece.word for piece in pieces_of(name, language))
        plan.concepts.append(Concept(PLACE, name, key, place=Terms("territories", stored)))
        end = stop
    segments.append(pieces_of(rest[end:], language, end))
    for pieces in segments:
        plan.concepts.extend(segment_concepts(rest, pieces, language, forms, tolerant))
    unique, seen = [], set()
    for concept in plan.concepts:
        if concept.key and concept.key not in seen:
            seen.add(concept.key)
            if concept.synonyms:
                keys = {concept.key, *forms.found_with.get(concept.key, ())}
                concept = replace(concept, classified=classifications.named_by(keys))
            unique.append(concept)
    plan.concepts = unique[:MAX_CONCEPTS]
    return plan


def segment_concepts(text, pieces, language, forms, tolerant):
    """The concepts of a run of pieces with no place name in it."""
    concepts, position = [], 0
    # (index in `concepts`, its piece) of each one-word concept, to join neighbours
    words = []
    while position < len(pieces):
        piece = pieces[position]
        form = longest_form(pieces, position, forms, language)
        if form:
            last = pieces[position + form - 1]
            span = pieces[position : position + form]
            key = tuple(p.word for p in span if p.word not in STOP_WORDS[language])
            concepts.append(Concept(FORM, text[piece.start : last.end], key, synonyms=True))
            position += form
            continue
        parts = [p for p in pieces[position:] if p.group == piece.group]
        position += len(parts)
        meaningful = [p for p in parts if not meaningless(p.word, language)]
        if not meaningful:
            continue
        surface = without_article(text[piece.start : piece.end], language)
        # Typed in capitals, it is an acronym: « PCPE » is not « pole ».
        forgiven = (
            tolerant
            and not is_acronym(surface)
            and all(p.word.isalpha() for p in parts)
            and not all(p.word in Dictionary.of(language) for p in parts)
        )
        if len(parts) > 1:
            joined = "".join(p.surface for p in parts)
            key = tuple(p.word for p in meaningful)
            concepts.append(
                Concept(
                    COMPOUND_WORD,
                    surface,
                    key,
                    (joined,),
                    tolerant=forgiven,
                    synonyms=tuple(p.word for p in parts) in forms.forms,
                )
            )
            continue
        synonyms = piece.word in forms.words
        # A word of the thesaurus (« ditep ») is no typo of the dictionary's (« dites »).
        typo = forgiven and not synonyms
        corrected = Dictionary.of(language).correction(piece.word) if typo else ""
        concepts.append(
            Concept(
                WORD,
                piece.surface,
                (piece.word,),
                tolerant=forgiven,
                synonyms=synonyms,
                corrected=corrected,
            )
        )
        words.append((len(concepts) - 1, position - 1))
    return join_neighbours(concepts, words, pieces)


class Dictionary:
    """The words of `language`'s dictionary (pyspellchecker's), folded, with a corrector
    of one typo among them.

    A word of the language typed whole is neither misspelt nor cut short: looking for it
    with a typo or as the beginning of others took half of a search's time on 100,000
    documents (`bench/`), for words such as « projet » that every page holds. A word that
    is not one may be a typo of one: « scolarisaton » is also looked for as
    « scolarisation », in bodies too, where the engine forgives no typo."""

    def __init__(self, language):
        from spellchecker import SpellChecker

        written = {}
        for word, count in SpellChecker(language=language).word_frequency.items():
            key = folded(word)
            if key not in written or count > written[key][1]:
                written[key] = (word, count)
        self.written = {key: word for key, (word, _count) in written.items()}
        self.corrector = SpellChecker(language=None, distance=1)
        counts = {key: count for key, (_word, count) in written.items()}
        self.corrector.word_frequency.load_json(counts)

    def __contains__(self, word):
        return word in self.written

    def correction(self, word):
        """The dictionary's word, as written, one typo from folded `word`; "" if none."""
        found = self.corrector.correction(word) if len(word) >= TYPO_LENGTH else None
        return self.written.get(found, "") if found and found != word else ""

    @classmethod
    @functools.cache
    def of(cls, language):
        return cls(language)


def longest_form(pieces, position, forms, language):
    """How many pieces from `position` make a form of the thesaurus (0 if none), the
    stop words between them aside as the synonyms set them aside. A form never cuts a
    compound in two, and neither begins nor ends with a stop word."""
    if position > 0 and pieces[position - 1].group == pieces[position].group:
        return 0
    stop_words = STOP_WORDS[language]
    if pieces[position].word in stop_words:
        return 0
    words, found = [], 0
    for end in range(position, len(pieces)):
        if pieces[end].word in stop_words:
            continue
        words.append(pieces[end].word)
        if len(words) > forms.longest:
            break
        closed = end + 1 == len(pieces) or pieces[end + 1].group != pieces[end].group
        if len(words) > 1 and closed and tuple(words) in forms.forms:
            found = end + 1 - position
    return found


def join_neighbours(concepts, words, pieces):
    """Each one-word concept also found joined to the word typed just after it: « auto
    détermination » finds « autodétermination », « via trajectoire » « viatrajectoire »."""
    joined = {index: list(concepts[index].joined) for index, _position in words}
    for (index, position), (next_index, next_position) in zip(words, words[1:], strict=False):
        if next_position == position + 1:
            together = pieces[position].surface + pieces[next_position].surface
            joined[index].append(together)
            joined[next_index].append(together)
    return [
        replace(concept, joined=tuple(joined[index])) if index in joined else concept
        for index, concept in enumerate(concepts)
    ]
