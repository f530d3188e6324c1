"""Filters as small expression trees over the keyword fields of the flat search document.

`Terms`, `AllOf`, `AnyOf` and `Not` say which documents a filter keeps; each
backend translates them into its own query language, and Python evaluates them
too (the tests read them that way). `Territories` finds the régions and
départements a visitor names in the words of a query.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from cachetools.func import ttl_cache

# Seconds a process keeps the names of territories and classifications that every search
# reads: a rename made in another process is seen within this time, and at once in the
# process that saved it (`search.signals`).
REFERENCE_TTL = 60

WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Terms:
    """The document's `field` holds at least one of `values`."""

    field: str
    values: tuple

    def matches(self, document):
        return not document.get(self.field, set()).isdisjoint(self.values)


@dataclass(frozen=True)
class AllOf:
    parts: tuple

    def matches(self, document):
        return all(part.matches(document) for part in self.parts)


@dataclass(frozen=True)
class AnyOf:
    parts: tuple

    def matches(self, document):
        return any(part.matches(document) for part in self.parts)


@dataclass(frozen=True)
class Not:
    part: object

    def matches(self, document):
        return not self.part.matches(document)


def combined(expressions, leave_out=None):
    """All of `expressions` ({name: expression}) but `leave_out`, or None when none is left."""
    parts = tuple(expression for name, expression in expressions.items() if name != leave_out)
    return AllOf(parts) if parts else None


def folded(text):
    """`text` without case or accents: "Hérault" and "HERAULT" meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class Territories:
    """Names of régions and départements, and the territories each stands for.

    A professional typing "équipe mobile Occitanie" wants the pages of the Hérault
    too, whose text never says "Occitanie": a name found in the words of a query
    is matched by the pages that hold it or by the pages of that territory.
    """

    def __init__(self, names):
        """`names`: (name, kind, code) rows, `kind` being "region" or "departement"."""
        self.territories_of = defaultdict(set)
        for name, kind, code in names:
            words = tuple(folded(word) for word in WORD.findall(name))
            if words:
                self.territories_of[words].add((kind, code))
        self.longest = max(map(len, self.territories_of), default=0)

    @classmethod
    @ttl_cache(maxsize=4, ttl=REFERENCE_TTL)
    def load(cls, language):
        """The names a visitor reads in `language`: "Normandy" is a name on /en/ only."""
        from kb.models import Department, Region

        names = []
        for model, kind in ((Region, "region"), (Department, "departement")):
            for code, name, name_en in model.objects.values_list("code", "name", "name_en"):
                names.append(((name_en if language == "en" else "") or name, kind, code))
        return cls(names)

    def named_in(self, text):
        """Where `text` names territories: [((start, end), {(kind, code)})], in order.

        Where names overlap the longest wins: "Loire-Atlantique", not "Loire".
        """
        words = list(WORD.finditer(text))
        found, start = [], 0
        while start < len(words):
            for length in range(min(self.longest, len(words) - start), 0, -1):
                key = tuple(folded(word.group()) for word in words[start : start + length])
                if key in self.territories_of:
                    span = (words[start].start(), words[start + length - 1].end())
                    found.append((span, self.territories_of[key]))
                    start += length
                    break
            else:
                start += 1
        return found
