"""What a query asks the database backend for, concept by concept.

A visitor's words become concepts. Each concept is found when a document holds
one of its alternatives, an alternative being one term or a run of terms (a
phrase). A concept is:

- a phrase in double quotes, required as written;
- a form of the thesaurus, possibly of several words (« maison départementale
  des personnes handicapées »), whose alternatives are every form of its group
  and the broader forms it also finds;
- two neighbouring words that the index holds joined (« auto détermination »);
- any other word, with the term of its accented form when the index holds it
  (« handicapees » is indexed from « handicapées ») and, when the index does
  not know the word, the nearest words it does know (typos).

The backends then rank documents by how much of the query they cover, rare
concepts weighing more (`search.backends.database_fulltext`).
"""

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field

from django.db.models import Count, Max
from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from search.filter_expressions import folded
from search.terms import QUESTION_WORDS, TOKEN, normalised, term_of, tokens
from search.thesaurus import read_once_per_change

# « … », “…” and "…" ask for a phrase; an unbalanced quote is a plain character.
QUOTED = re.compile(r"[\"“«]\s*([^\"“”«»]+?)\s*[\"”»]")
# Words shorter than this are never corrected: acronyms and short words are too close.
MIN_CORRECTED_LENGTH = 5
MAX_CORRECTIONS = 2
# Completions of an unfinished word that autocomplete and a word cut short look for.
MAX_COMPLETIONS = 40
# A word cut short is completed from four letters (« géronto », « psychomot »).
MIN_PREFIX_LENGTH = 4


def allowed_typos(word, shortest=MIN_CORRECTED_LENGTH):
    """One typo from five letters (or `shortest`), two from nine; two letters swapped are
    one typo."""
    if len(word) < shortest:
        return 0
    return 1 if len(word) < 9 else 2


@dataclass(frozen=True)
class Concept:
    """One thing the query asks for: found when a document holds any of `alternatives`.

    Each alternative is a tuple of terms, one term or a phrase. `typed` is what the
    visitor wrote for it; `instead` the known word searched for an unknown one.
    """

    typed: str
    alternatives: tuple
    required: bool = False
    instead: str = ""

    @property
    def terms(self):
        return {term for alternative in self.alternatives for term in alternative}


@dataclass
class QueryPlan:
    concepts: list = field(default_factory=list)

    @property
    def terms(self):
        """Every term the query may match: what highlighting marks."""
        return set().union(*(concept.terms for concept in self.concepts))

    def searched_instead(self, text):
        """`text` with its unknown words replaced by those searched, or None if none was."""
        corrected, changed = text, False
        for concept in self.concepts:
            if concept.instead:
                corrected = re.sub(
                    rf"\b{re.escape(concept.typed)}\b", concept.instead, corrected, count=1
                )
                changed = True
        return corrected if changed else None


class Vocabulary:
    """The indexed words (`IndexedWord`), read again whenever the index has gained some."""

    _lock = threading.Lock()
    _loaded = {}

    def __init__(self, words):
        self.term_of = words
        self.terms = set(words.values())
        self.sorted_words = sorted(words)

    @classmethod
    def current(cls):
        from search.models import IndexedWord

        signature = tuple(IndexedWord.objects.aggregate(count=Count("pk"), last=Max("pk")).values())
        with cls._lock:
            if cls._loaded.get("signature") != signature:
                words = dict(IndexedWord.objects.values_list("word", "term"))
                cls._loaded = {"signature": signature, "vocabulary": cls(words)}
            return cls._loaded["vocabulary"]

    def knows(self, word, term):
        return word in self.term_of or term in self.terms

    def nearest(self, word, shortest=MIN_CORRECTED_LENGTH):
        """The known words closest to `word`, best first, within its allowed typos."""
        typos = allowed_typos(word, shortest)
        if not typos:
            return []
        candidates = extract(
            word,
            self.sorted_words,
            scorer=OSA.distance,
            score_cutoff=typos,
            limit=10,
        )
        # Among equals, words that begin alike and are about as long.
        candidates.sort(key=lambda found: (found[1], found[0][0] != word[0], len(found[0])))
        return [candidate for candidate, _distance, _index in candidates[:MAX_CORRECTIONS]]

    def completions(self, prefix):
        """Terms of the known words that begin with `prefix`."""
        start = bisect_left(self.sorted_words, prefix)
        terms = []
        for word in self.sorted_words[start:]:
            if not word.startswith(prefix) or len(terms) >= MAX_COMPLETIONS:
                break
            terms.append(self.term_of[word])
        return list(dict.fromkeys(terms))


class Thesaurus:
    """The groups of a language with their forms analysed, read again once changed."""

    def __init__(self, groups, language):
        # {terms of a form: alternatives of its group}
        self.alternatives = {}
        for group in groups:
            forms = [variant for form in group.forms for variant in self.analysed(form, language)]
            broader = [
                variant for form in group.broader for variant in self.analysed(form, language)
            ]
            found = tuple(dict.fromkeys(forms + broader))
            for form in forms:
                self.alternatives[form] = found
        self.longest = max(map(len, self.alternatives), default=0)

    @staticmethod
    def analysed(form, language):
        """The terms of a form as a query gives them: compounds joined, then split."""
        joined = tuple(
            term for _surface, _word, term in query_words(form, language, questions=False)
        )
        split = tuple(token.term for token in tokens(form.replace("-", " "), language))
        return [variant for variant in dict.fromkeys((joined, split)) if variant]

    @classmethod
    def current(cls, language):
        return read_once_per_change(cls, language)


def quoted_phrases(text):
    """The phrases in quotes, and the rest of the text."""
    phrases = [phrase for phrase in QUOTED.findall(text) if phrase.strip()]
    return phrases, QUOTED.sub(" ", text)


def query_words(text, language, questions=True):
    """(surface, folded word, term) of each word worth searching, compounds kept whole;
    without the words of a question unless `questions` is false."""
    found = []
    for match in TOKEN.finditer(normalised(text)):
        surface = match.group()
        if questions and folded(surface) in QUESTION_WORDS[language]:
            continue
        term = term_of(surface.replace("-", ""), language)
        if term:
            found.append((surface, folded(surface).replace("-", ""), term))
    return found


def plan_query(text, language, tolerant=True):
    """The concepts of `text`; `tolerant`: unknown words also find their nearest known ones."""
    vocabulary = Vocabulary.current()
    thesaurus = Thesaurus.current(language)
    phrases, rest = quoted_phrases(text)
    plan = QueryPlan()
    for phrase in phrases:
        terms = tuple(token.term for token in tokens(phrase, language))
        if terms:
            plan.concepts.append(Concept(phrase, (terms,), required=True))
    words = query_words(rest, language)
    position = 0
    while position < len(words):
        concept, used = next_concept(words, position, language, vocabulary, thesaurus, tolerant)
        if concept is not None:
            plan.concepts.append(concept)
        position += used
    return plan


def next_concept(words, position, language, vocabulary, thesaurus, tolerant):
    """The concept that begins at `words[position]`, and how many words it takes."""
    terms = [term for _surface, _word, term in words]
    for length in range(min(thesaurus.longest, len(words) - position), 0, -1):
        span = tuple(terms[position : position + length])
        if span in thesaurus.alternatives:
            typed = " ".join(
                surface for surface, _word, _term in words[position : position + length]
            )
            return Concept(typed, thesaurus.alternatives[span]), length
    surface, word, term = words[position]
    if "-" in surface:
        return compound_concept(surface, word, language, vocabulary, tolerant), 1
    if position + 1 < len(words):
        next_surface, next_word, next_term = words[position + 1]
        joined = word + next_word
        if joined in vocabulary.term_of:
            alternatives = ((vocabulary.term_of[joined],), (term, next_term))
            return Concept(f"{surface} {next_surface}", alternatives), 2
    alternatives = [(term,)]
    if word in vocabulary.term_of:
        alternatives.append((vocabulary.term_of[word],))
    instead = ""
    if tolerant and not vocabulary.knows(word, term):
        # A word cut short (« pédopsy ») finds the words it begins; a misspelt one, the
        # nearest known words, and the results say what was searched instead.
        completions = vocabulary.completions(word) if len(word) >= MIN_PREFIX_LENGTH else []
        nearest = [] if completions else vocabulary.nearest(word)
        alternatives += [(completion,) for completion in completions]
        for known in nearest:
            # The word meant may be a form of the thesaurus: its group comes along.
            known_term = (vocabulary.term_of[known],)
            alternatives += thesaurus.alternatives.get(known_term, (known_term,))
        instead = nearest[0] if nearest else ""
    return Concept(surface, tuple(dict.fromkeys(alternatives)), instead=instead), 1


def compound_concept(surface, word, language, vocabulary, tolerant):
    """« auto-détermination »: its parts side by side, or joined; misspelt (« pair-emultion »),
    the nearest known word joined."""
    parts = tuple(token.term for token in tokens(surface.replace("-", " "), language))
    joined = term_of(surface.replace("-", ""), language)
    alternatives = [alternative for alternative in ((joined,), parts) if alternative]
    instead = ""
    unknown = not vocabulary.knows(word, joined) and not set(parts) <= vocabulary.terms
    if tolerant and unknown:
        nearest = vocabulary.nearest(word)
        alternatives += [(vocabulary.term_of[known],) for known in nearest]
        instead = nearest[0] if nearest else ""
    return Concept(surface, tuple(dict.fromkeys(alternatives)), instead=instead)


def corrected_text(text, language):
    """`text` with each word the index and the thesaurus do not know replaced by the nearest
    known one, a short word too (« ITPE » → « itep »): what « did you mean » proposes."""
    vocabulary = Vocabulary.current()
    thesaurus = Thesaurus.current(language)
    corrected = text
    for surface, word, term in query_words(text, language):
        if vocabulary.knows(word, term) or (term,) in thesaurus.alternatives:
            continue
        nearest = vocabulary.nearest(word, shortest=4)
        if nearest:
            corrected = re.sub(rf"\b{re.escape(surface)}\b", nearest[0], corrected, count=1)
    return corrected if corrected != text else None


def completion_terms(text, language):
    """Autocomplete: the terms of the finished words, and those the last word may become."""
    words = [word for word in TOKEN.findall(normalised(text).replace("-", " "))]
    if not words:
        return [], []
    *finished, last = words
    complete = [term_of(word, language) for word in finished]
    vocabulary = Vocabulary.current()
    prefix = folded(last)
    completions = vocabulary.completions(prefix) if len(prefix) >= 2 else []
    own = term_of(last, language)
    if own and own not in completions:
        completions.append(own)
    return [term for term in complete if term], completions
