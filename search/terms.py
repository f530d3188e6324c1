"""The terms a text is indexed and searched under by the database backend.

The engine analyses text itself (`search.analysis`); the database backend does it
here, in Python, so that SQLite and PostgreSQL hold the very same terms and a
query meets them the same way on both:

- words are cut at anything that is not a letter or a digit; an elided article
  ("l’", "qu’") is a word of its own and a stop word;
- case and accents are folded, stop words dropped;
- Snowball's French (or English) stemmer makes « évaluations » and « évaluer »
  meet, after a final plural « s » is taken off (Snowball stems « répits » and
  « répit » apart);
- names of régions and départements and the thesaurus's acronyms are never
  stemmed: « Gers » is not « gère »;
- a hyphenated compound also gives its joined form, so that « auto-détermination »,
  « autodétermination » and « auto détermination » meet.
"""

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import Stemmer

from search.filter_expressions import folded
from search.thesaurus import shipped_groups

# Letters and digits, possibly joined by hyphens: « médico-éducatif » is one token.
TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
HYPHENS = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": " "})
STEMMERS = {"fr": "french", "en": "english"}


def word_set(text):
    return frozenset(text.split())


STOP_WORDS = {
    "fr": word_set(
        """
        a à ai au aux avec c ce ces cet cette d dans de des du elle elles en et eux il ils
        j je l la le les leur leurs lui m ma mais me même mes moi mon n ne ni nos notre
        nous on ou où par pas pour qu que qui s sa sans se ses si son sont sur t ta te tes
        toi ton tu un une vos votre vous y jusqu lorsqu puisqu quoiqu est été être
        """
    ),
    "en": word_set(
        """
        a an and are as at be been but by for from has have he her his i if in into is it
        its no not of on or our s she so such that the their them then there these they
        this to us was we were which will with you your
        """
    ),
}
# Words of a question that say nothing of what is sought: dropped from queries only.
QUESTION_WORDS = {
    "fr": word_set(
        """
        comment quel quelle quels quelles pourquoi quand combien quoi faire fait peut
        peuvent existe exemple exemples idée idées cherche recherche besoin veux voudrais
        """
    ),
    "en": word_set(
        """
        how what which why when where who does do can could there any example examples
        looking need want
        """
    ),
}
TERRITORIES_FILE = Path(__file__).resolve().parent.parent / "kb" / "data" / "territories.json"


class Token(NamedTuple):
    """A word of a text: where it stands, as written, and the term it is indexed under."""

    start: int
    end: int
    surface: str
    term: str


@cache
def stemmer(language):
    return Stemmer.Stemmer(STEMMERS.get(language, "french"))


@cache
def protected_words():
    """Folded words never stemmed: territory names and the shipped thesaurus's acronyms."""
    territories = json.loads(TERRITORIES_FILE.read_text(encoding="utf-8"))
    names = [
        name
        for kind in ("regions", "departments")
        for row in territories.get(kind, [])
        for name in (row.get("name", ""), row.get("name_en", ""))
    ]
    acronyms = [
        acronym
        for language in STEMMERS
        for group in shipped_groups(language)
        for acronym in group.acronyms
    ]
    words = set()
    for name in [*names, *acronyms]:
        words.update(TOKEN.findall(folded(name).replace("-", " ")))
    return frozenset(word for word in words if len(word) > 2)


def normalised(text):
    """NFC text with typographic hyphens and apostrophes made plain."""
    text = unicodedata.normalize("NFC", text or "").translate(HYPHENS)
    return text.replace("’", "'").replace("ʼ", "'").replace("`", "'")


@lru_cache(maxsize=200_000)
def term_of(word, language):
    """The term of one word (no hyphen), or "" for a stop word. Kept once computed: a few
    thousand words make most of any text."""
    lower = word.casefold()
    plain = folded(lower)
    if not plain or plain in STOP_WORDS[language] or lower in STOP_WORDS[language]:
        return ""
    if plain in protected_words() or plain.isdigit():
        return plain
    if len(lower) >= 4 and lower.endswith("s") and not lower.endswith("ss"):
        lower = lower[:-1]
    return folded(stemmer(language).stemWord(lower))


def tokens(text, language):
    """Every word of `text` with its term; a compound gives its parts, then its joined form."""
    found = []
    for match in TOKEN.finditer(normalised(text)):
        compound = match.group()
        if "-" not in compound:
            term = term_of(compound, language)
            if term:
                found.append(Token(match.start(), match.end(), compound, term))
            continue
        offset = match.start()
        for part in compound.split("-"):
            term = term_of(part, language)
            if term:
                found.append(Token(offset, offset + len(part), part, term))
            offset += len(part) + 1
        joined = compound.replace("-", "")
        found.append(Token(match.start(), match.end(), joined, term_of(joined, language)))
    return found


def analysed(text, language, surfaces):
    """The terms of `text`, space-separated, as the full-text index holds them; its words
    are added to `surfaces` ({word as written: term})."""
    found = tokens(text, language)
    surfaces.update((token.surface, token.term) for token in found)
    return " ".join(token.term for token in found if token.term)


def vocabulary_of(surfaces):
    """{folded word: term} of `surfaces`: what typos are corrected towards."""
    words = {}
    for surface, term in surfaces.items():
        word = folded(surface)
        if 3 <= len(word) <= 100 and not word.isdigit():
            words[word] = term[:100]
    return words
