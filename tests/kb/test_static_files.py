"""Pages name static files the browser will accept, as `collectstatic` leaves them in production.

A browser refuses a stylesheet or script whose bytes do not match its `integrity`
hash: in production the manifest storage rewrites the DSFR stylesheets, and
django-dsfr's hashes of the original files left every page unstyled.
"""

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

from kb.dsfr_assets import (
    DIST,
    DSFR_CLASS,
    FONTS_OUTPUT,
    LATIN_TEXT,
    OUTPUT,
    classes_in_markup,
    dependencies,
    font_codepoints,
    loaded_components,
    own_stylesheet,
    stylesheet,
    unicode_range,
)
from tests.practices.factories import (
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
)

PAGES = [
    "/",
    "/en/",
    "/pratiques/",
    "/pratiques/fiches-action/",
    "/pratiques/fiches-action/repit/",
    "/recherche/?q=répit",
    "/observatoire/",
    "/observatoire/carte/",
    "/comptes/login/",
    "/espaces/",
]
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")


class StaticReferences(HTMLParser):
    """Every stylesheet, script, icon and image of a page: (tag, address, integrity)."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        address = attrs.get("href") if tag == "link" else attrs.get("src")
        if address or attrs.get("integrity"):
            self.found.append((tag, address, attrs.get("integrity")))


def static_references(html):
    parser = StaticReferences()
    parser.feed(html)
    return [found for found in parser.found if (found[1] or "").startswith(settings.STATIC_URL)]


def served_file(root, address):
    return root / address.removeprefix(settings.STATIC_URL).split("?")[0].split("#")[0]


def sha384(path):
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


@pytest.fixture
def practice_sheet(home_page_fr):
    section = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=section)
    return PracticeSheetPageFactory(parent=sheets, title="Unité de répit", slug="repit")


@pytest.mark.django_db
def test_every_integrity_hash_matches_the_collected_file(client, production_static, practice_sheet):
    checked = set()
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        references = static_references(response.content.decode())
        assert references, f"{path} names no static file"
        for tag, address, integrity in references:
            served = served_file(production_static, address)
            assert served.is_file(), f"{path}: <{tag}> {address} was not collected"
            if integrity:
                assert integrity == sha384(served), f"{path}: <{tag}> {address} would be refused"
            checked.add(address)

    # The DSFR's own stylesheets, the ones that were refused, are among them.
    assert any("css/dsfr." in address for address in checked)
    assert any("css/icons." in address for address in checked)


@pytest.mark.django_db
def test_collected_stylesheets_point_to_collected_files(client, production_static):
    response = client.get("/")
    stylesheets = [
        address
        for tag, address, _ in static_references(response.content.decode())
        if tag == "link" and address.endswith(".css")
    ]

    for address in stylesheets:
        stylesheet = served_file(production_static, address)
        for target in CSS_URL.findall(stylesheet.read_text()):
            if target.startswith(("data:", "#")):
                continue
            if target.startswith("/"):
                found = served_file(production_static, target)
            else:
                found = served_file(stylesheet.parent, target).resolve()
            assert found.is_file(), f"{address} points to {target}, which was not collected"


def test_the_icon_stylesheet_has_every_icon_the_site_shows():
    from kb.management.commands.icons_css import OUTPUT, icons_css

    assert OUTPUT.read_text(encoding="utf-8") == icons_css(), "run `manage.py icons_css`"


SELECTOR_SUBJECT = re.compile(rf"^\s*[a-z]*\.({DSFR_CLASS.pattern})")


def classes_styled_by(stylesheet):
    """The classes that begin one of the stylesheet's selectors: the ones it is about."""
    selectors = ",".join(re.findall(r"([^{}]+)\{", stylesheet)).split(",")
    return {match.group(1) for match in map(SELECTOR_SUBJECT.match, selectors) if match}


def test_the_dsfr_stylesheet_has_every_component_the_site_shows():
    styled_by = {
        folder.name: classes_styled_by(own_stylesheet(folder.name))
        for folder in (DIST / "component").iterdir()
        if folder.is_dir()
    }
    core = set(DSFR_CLASS.findall((DIST / "core" / "core.main.min.css").read_text()))
    missing = {}
    for name in classes_in_markup() - core:
        components = {component for component, classes in styled_by.items() if name in classes}
        if components and not components & set(loaded_components()):
            missing[name] = sorted(components)

    assert missing == {}, "add these components to kb.dsfr_assets.COMPONENTS"
    for component in loaded_components():
        assert set(dependencies(component)) <= set(loaded_components()), component
    assert OUTPUT.read_text(encoding="utf-8") == stylesheet(), "run `manage.py dsfr_css`"


def test_a_unicode_range_joins_consecutive_code_points():
    assert unicode_range({0x20, 0x21, 0x22, 0xE9, 0x152, 0x153}) == "U+20-22,U+E9,U+152-153"


FACE = re.compile(r"@font-face\{[^{}]*?url\(([^)]+)\)[^{}]*unicode-range:([^}]+)\}")


def test_each_face_is_declared_as_its_latin_cut_and_the_rest_of_the_whole_face():
    faces = FACE.findall(OUTPUT.read_text(encoding="utf-8"))
    latin = {source: declared for source, declared in faces if source.startswith("../fonts/")}
    whole = {source: declared for source, declared in faces if source.startswith("../dsfr/")}

    assert len(latin) == len(whole) == len(list((DIST / "fonts").glob("*.woff2"))) == 10
    for source, declared in latin.items():
        cut = font_codepoints(FONTS_OUTPUT / source.removeprefix("../fonts/"))
        assert cut <= LATIN_TEXT and ord("é") in cut and ord("’") in cut, source
        assert unicode_range(cut) == declared, f"{source} is stale: run `manage.py dsfr_css`"
    for source, declared in whole.items():
        rest = font_codepoints(DIST / source.removeprefix("../dsfr/dist/"))
        assert unicode_range(rest - LATIN_TEXT) == declared, source
