"""The sector's thesaurus: groups of words that mean the same thing, for the search.

A group lists equivalent forms — an acronym, its expansion, common paraphrases,
older and newer names of the same thing — any of which finds the others. It may
also name broader forms that it finds one way only: « DITEP » finds the pages
about « ITEP », a search for « ITEP » does not ask for « DITEP ».

The list shipped with the site (`data/thesaurus/<language>.txt`) is loaded into
the database once; editors extend it in the admin. Each line of a file is a
group, written as editors write it in the admin::

    ITEP, institut thérapeutique éducatif et pédagogique
    DITEP, dispositif intégré ITEP => ITEP

A form written in capitals is an acronym: the analysis never stems it.
"""

import threading
from pathlib import Path
from typing import NamedTuple

THESAURUS_FOLDER = Path(__file__).resolve().parent / "data" / "thesaurus"
ONE_WAY = "=>"


class Synonyms(NamedTuple):
    """Equivalent `forms`, and the `broader` forms they also find (one way)."""

    forms: tuple
    broader: tuple = ()

    @property
    def acronyms(self):
        return [form for form in (*self.forms, *self.broader) if is_acronym(form)]


def is_acronym(form):
    """« ITEP », « PCO-TND »: one word in capitals (digits and hyphens allowed)."""
    letters = [character for character in form if character.isalpha()]
    return " " not in form.strip() and len(letters) >= 2 and all(c.isupper() for c in letters)


def split_forms(text):
    """The forms of a comma-separated list, spaces tidied, empty ones left out."""
    return tuple(form for form in (" ".join(part.split()) for part in text.split(",")) if form)


def parse_group(line):
    """The `Synonyms` of one written line, or None for a comment or a blank line."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    forms, _arrow, broader = line.partition(ONE_WAY)
    group = Synonyms(split_forms(forms), split_forms(broader))
    return group if group.forms and (len(group.forms) > 1 or group.broader) else None


def shipped_groups(language):
    """The groups of the list shipped with the site for `language` (none for another)."""
    path = THESAURUS_FOLDER / f"{language}.txt"
    if not path.exists():
        return []
    groups = (parse_group(line) for line in path.read_text(encoding="utf-8").splitlines())
    return [group for group in groups if group is not None]


def current_groups(language):
    """The groups in force for `language`: the shipped ones as editors left them, and theirs."""
    from search.models import SynonymGroup

    return [row.synonyms for row in SynonymGroup.objects.filter(language=language)]


_read_lock = threading.Lock()
_read = {}


def read_once_per_change(reader, language):
    """`reader(current_groups(language), language)`, built again only once an editor changed
    the language's groups (their count or last change), kept per process otherwise."""
    from django.db.models import Count, Max

    from search.models import SynonymGroup

    rows = SynonymGroup.objects.filter(language=language)
    signature = tuple(rows.aggregate(count=Count("pk"), changed=Max("updated_at")).values())
    with _read_lock:
        loaded = _read.get((reader, language))
        if loaded is None or loaded[0] != signature:
            loaded = (signature, reader(current_groups(language), language))
            _read[(reader, language)] = loaded
        return loaded[1]
