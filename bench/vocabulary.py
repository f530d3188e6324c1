"""The words of the sector, and generated French text made of them.

Nothing here is pasted prose: the sources give single words with their
frequencies (the sector's documents in `../shared/seeds/`), terms (the
taxonomy, the thesaurus's acronyms and expansions, territory names), and the
generator strings them together in sentences of its own, so that a benchmark
index holds the words — and the word frequencies — that real pages hold.
"""

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from search.thesaurus import THESAURUS_FOLDER, is_acronym, shipped_groups

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = {
    "taxonomy": ROOT / "kb" / "data" / "taxonomy.json",
    "territories": ROOT / "kb" / "data" / "territories.json",
    "thesaurus": THESAURUS_FOLDER / "fr.txt",
    "shared_glossary": SHARED / "GLOSSARY.md",
    "seeds": SHARED / "seeds",
}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
GLOSSARY_LINE = re.compile(r"^([A-ZÉ][\w’'-]*(?: [\w’'-]+)?):\s*(.+)$")
# Shorter words are mostly articles, prepositions and auxiliaries: not what people search.
CONTENT_WORD_LENGTH = 5
TAG_COUNT = 300
PHRASE_HEADS = [
    "mise en place",
    "création",
    "déploiement",
    "évaluation",
    "coordination",
    "accompagnement",
    "prévention",
    "renforcement",
    "structuration",
    "expérimentation",
]
CONNECTORS = ["pour", "avec", "auprès des", "autour de la", "dans le cadre de la", "en lien avec"]


@dataclass
class Vocabulary:
    words: list
    weights: list
    acronyms: list
    expansions: list
    themes: list
    audiences: list
    establishments: list
    regions: list
    departments: list
    tags: list

    @classmethod
    def load(cls):
        taxonomy = json.loads(SOURCES["taxonomy"].read_text(encoding="utf-8"))
        territories = json.loads(SOURCES["territories"].read_text(encoding="utf-8"))
        glossary = glossary_terms()
        counts = word_counts()
        ranked = sorted(counts, key=counts.get, reverse=True)
        content_words = [word for word in ranked if is_content_word(word)]
        return cls(
            words=ranked,
            weights=[counts[word] for word in ranked],
            acronyms=[acronym for acronym, _expansion in glossary],
            expansions=[expansion for _acronym, expansion in glossary],
            themes=[(term["slug"], term["fr"]) for term in taxonomy["themes"]],
            audiences=[(term["slug"], term["fr"]) for term in taxonomy["audiences"]],
            establishments=[
                (term["slug"], term.get("acronym") or term["fr"])
                for term in taxonomy["establishment_types"]
            ],
            regions=[(region["code"], region["name"]) for region in territories["regions"]],
            departments=[(area["code"], area["name"]) for area in territories["departments"]],
            tags=content_words[:TAG_COUNT]
            + [acronym for acronym, _expansion in glossary if len(acronym) > 2],
        )


def glossary_terms():
    """(acronym, expansion) of the shipped thesaurus and of the shared list, once each."""
    terms = {}
    for group in shipped_groups("fr"):
        acronyms = [form for form in group.forms if is_acronym(form)]
        expansions = [form for form in group.forms if not is_acronym(form)]
        if acronyms and expansions:
            terms.setdefault(acronyms[0], expansions[0])
    for line in SOURCES["shared_glossary"].read_text(encoding="utf-8").splitlines():
        match = GLOSSARY_LINE.match(line.strip())
        if match:
            terms.setdefault(match.group(1), match.group(2).split("(")[0].strip())
    return sorted(terms.items())


def word_counts():
    counts = {}
    for path in sorted(SOURCES["seeds"].glob("*.txt")):
        for word in WORD.findall(path.read_text(encoding="utf-8").casefold()):
            if len(word) > 1:
                counts[word] = counts.get(word, 0) + 1
    return counts


class TextGenerator:
    """Titles, summaries and paragraphs drawn from a `Vocabulary` with a seeded generator."""

    def __init__(self, vocabulary, seed=0):
        self.vocabulary = vocabulary
        self.random = random.Random(seed)
        total, self.cumulative = 0, []
        for weight in vocabulary.weights:
            total += weight
            self.cumulative.append(total)

    def pick(self, items):
        return self.random.choice(items)

    def sample_words(self, count):
        return self.random.choices(self.vocabulary.words, cum_weights=self.cumulative, k=count)

    def term(self):
        """A term of the sector: an expansion, a theme, an audience or an establishment."""
        source = self.random.random()
        if source < 0.4:
            return self.pick(self.vocabulary.expansions)
        if source < 0.6:
            return self.pick(self.vocabulary.themes)[1]
        if source < 0.8:
            return self.pick(self.vocabulary.audiences)[1]
        return self.pick(self.vocabulary.establishments)[1]

    def place(self):
        if self.random.random() < 0.5:
            return f"en {self.pick(self.vocabulary.regions)[1]}"
        return f"dans le département {self.pick(self.vocabulary.departments)[1]}"

    def title(self):
        head = self.pick(PHRASE_HEADS)
        parts = [head, f"{self.pick(CONNECTORS)} {in_sentence(self.term())}"]
        if self.random.random() < 0.3:
            parts.append(f"({self.pick(self.vocabulary.acronyms)})")
        if self.random.random() < 0.6:
            parts.append(self.place())
        return capitalised(" ".join(parts))[:250]

    def sentence(self):
        words = self.sample_words(self.random.randint(8, 22))
        if self.random.random() < 0.5:
            words.insert(self.random.randrange(len(words)), in_sentence(self.term()))
        if self.random.random() < 0.25:
            words.insert(self.random.randrange(len(words)), self.pick(self.vocabulary.acronyms))
        return capitalised(" ".join(words)) + "."

    def paragraph(self, sentences=None):
        return " ".join(self.sentence() for _ in range(sentences or self.random.randint(2, 6)))

    def summary(self):
        return self.paragraph(self.random.randint(1, 3))[:600]

    def query(self):
        """What a professional types: a term, an acronym, a place, a few words."""
        kind = self.random.random()
        if kind < 0.2:
            return self.pick(self.vocabulary.acronyms)
        if kind < 0.45:
            words = [word for word in self.term().split() if is_content_word(word)]
            return " ".join(words[:3])
        if kind < 0.65:
            return f"{self.pick(self.vocabulary.tags)} {self.pick(self.vocabulary.regions)[1]}"
        content = [word for word in self.sample_words(12) if is_content_word(word)]
        return " ".join(content[: self.random.randint(1, 3)]) or self.pick(self.vocabulary.tags)


def is_content_word(word):
    return len(word) >= CONTENT_WORD_LENGTH


def in_sentence(term):
    """A term as it reads inside a sentence: "Polyhandicap" lowered, "ITEP" kept."""
    return term if term[1:2].isupper() else term[:1].lower() + term[1:]


def capitalised(text):
    return text[:1].upper() + text[1:]
