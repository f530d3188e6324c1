"""The sector's glossary: the starting list shipped with the site, extended by editors."""

from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parent / "data" / "glossary.txt"


def shipped_terms():
    """(acronym, expansion) pairs from the shipped list, one `ACRONYM: expansion` a line."""
    terms = []
    for line in GLOSSARY_FILE.read_text(encoding="utf-8").splitlines():
        acronym, separator, expansion = line.partition(":")
        if separator and acronym.strip() and expansion.strip():
            # A parenthesis explains the term; it is not part of what people type.
            terms.append((acronym.strip(), expansion.split("(")[0].strip()))
    return terms


def load_shipped_terms(GlossaryTerm):
    for acronym, expansion in shipped_terms():
        GlossaryTerm.objects.get_or_create(acronym=acronym, defaults={"expansion": expansion})


def current_terms():
    from search.models import GlossaryTerm

    return list(GlossaryTerm.objects.values_list("acronym", "expansion"))
