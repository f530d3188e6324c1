"""The English catalogue: complete, compiled, and actually served under /en/.

UI strings are written in French in the code. When one is added or changed:

    .venv/bin/python manage.py makemessages -l en --ignore=.venv --ignore=node_modules \\
        --ignore=staticfiles --no-obsolete
    (translate every new entry in locale/en/LC_MESSAGES/django.po)
    .venv/bin/python manage.py compilemessages -l en --ignore=.venv --ignore=node_modules

and commit both django.po and django.mo: the .mo is what a machine without
gettext serves.
"""

import re
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings

from tests.kb.helpers import html

CATALOGUE_DIR = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES"
PO_PATH = CATALOGUE_DIR / "django.po"
MO_PATH = CATALOGUE_DIR / "django.mo"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")

# What makemessages is told to skip, plus what it never reads anyway.
NOT_SOURCE = {".venv", "node_modules", "staticfiles", ".git", "media", ".test-media"}
SOURCE_SUFFIXES = (".py", ".html", ".txt", ".po")


@pytest.fixture(scope="module")
def po():
    return polib.pofile(str(PO_PATH))


def live_entries(catalogue):
    return [entry for entry in catalogue if not entry.obsolete and entry.msgid]


def texts(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def translations(catalogue):
    """{(context, msgid, plural msgid): translated text(s)} for comparing catalogues."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): tuple(texts(entry))
        for entry in live_entries(catalogue)
    }


def test_every_message_has_an_english_translation(po):
    untranslated = [
        entry.msgid for entry in live_entries(po) if not all(text.strip() for text in texts(entry))
    ]

    assert untranslated == []


def test_plural_messages_have_both_english_forms(po):
    plurals = [entry for entry in live_entries(po) if entry.msgid_plural]

    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    for entry in plurals:
        assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid


def test_no_translation_is_fuzzy(po):
    # msgfmt leaves fuzzy entries out of the .mo, and a fuzzy header loses the
    # plural rule and the charset.
    assert not po.metadata_is_fuzzy
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


def test_translations_keep_the_placeholders(po):
    for entry in live_entries(po):
        # English singular and plural forms line up with the French msgid and msgid_plural.
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        for source, text in zip(sources, texts(entry), strict=True):
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), source


def test_committed_mo_holds_the_same_translations_as_the_po(po):
    compiled = polib.mofile(str(MO_PATH))

    assert translations(compiled) == translations(po)
    assert compiled.metadata["Plural-Forms"] == po.metadata["Plural-Forms"]


@pytest.fixture(scope="module")
def catalogue_of_the_current_code(tmp_path_factory):
    """The .po that makemessages would produce now, merged with the committed one.

    It runs on a copy of the sources, so the committed files stay untouched.
    """
    if shutil.which("xgettext") is None:
        pytest.skip("xgettext est introuvable : installez gettext pour vérifier l’extraction.")

    def not_source(directory, names):
        return [
            name
            for name in names
            if name in NOT_SOURCE
            or name == "__pycache__"
            or (
                not (settings.BASE_DIR / directory / name).is_dir()
                and not name.endswith(SOURCE_SUFFIXES)
            )
        ]

    copy = tmp_path_factory.mktemp("extraction") / "project"
    shutil.copytree(settings.BASE_DIR, copy, ignore=not_source)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))


def test_every_string_of_the_code_is_in_the_catalogue(catalogue_of_the_current_code):
    missing = [
        entry.msgid
        for entry in live_entries(catalogue_of_the_current_code)
        if "fuzzy" in entry.flags or not all(text.strip() for text in texts(entry))
    ]

    assert missing == [], f"Lancez makemessages -l en et traduisez : {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "label"), [("/", "Rechercher"), ("/en/", "Search")])
def test_home_page_speaks_the_visitors_language(client, path, label):
    page = html(client.get(path))

    assert page.find(id="home-search").find("button").get_text(strip=True) == label
    assert page.find(id="button-search").get_text(strip=True) == label


@pytest.mark.django_db
def test_english_pages_show_no_french_interface_text(client):
    english = html(client.get("/en/"))

    assert english.find("h2", id="entry-points-title").get_text(strip=True) == "Where to start?"
    assert "Se connecter" not in english.get_text()
    assert "Log in" in english.find("header").get_text()
