"""The DSFR's stylesheet as the site's pages load it: its core and the components they use.

The DSFR ships one stylesheet for all its components, 576 KB of CSS that every
page had to download and parse before showing anything, a sixth of it for
components the site never shows. It also ships each component apart
(dist/component/<name>/), with the components it needs named in its README.

COMPONENTS is the list of the components the site's markup uses; the ones they
depend on are added. `manage.py dsfr_css` writes static/css/dsfr.css: the core and
their stylesheets, in the DSFR's own order. After using a component that is not
in the list, add it and run the command (a test finds a class `fr-…` of a
component whose stylesheet is not loaded).

The core's spacing and grid classes (`fr-mt-2w`, `fr-col-md-6`…, 90 KB of its
176 KB, each at every screen width) are kept only when the site's markup names
them, as `manage.py icons_css` does for the icons: run the command after using a
new one (the same test compares the file with what the command writes).

The DSFR's fonts (Marianne, Spectral) cover Latin, Greek and Cyrillic: about
42 KB a face, and a first visit downloads four of them. `manage.py dsfr_css` also
writes to static/fonts/ each face cut down to the characters French and English
text uses (LATIN_TEXT, about half the size), declared with that `unicode-range`;
the DSFR's whole face stays declared for the other characters, so a page that has
some downloads it as before.

The scripts stay the DSFR's single module (django-dsfr's `dsfr_js`): it is
deferred, does not hold the page's first display back, and starts the components
in the order they expect.
"""

import posixpath
import re
from functools import cache
from pathlib import Path

import dsfr
from django.conf import settings
from fontTools import subset
from fontTools.ttLib import TTFont

DIST = Path(dsfr.__file__).resolve().parent / "static" / "dsfr" / "dist"
STATIC_DIST = "dsfr/dist"
# Its examples of classes are not markup.
THIS_FILE = Path(__file__).resolve()
OUTPUT = settings.BASE_DIR / "static" / "css" / "dsfr.css"
FONTS_OUTPUT = settings.BASE_DIR / "static" / "fonts"
# Latin-1, œ Œ Ÿ, the modifier accents, typographic spaces and punctuation (’ « » – — …), € ™,
# the arrows ← ↑ → ↓ (the guide's previous and next chapter), − ≤ ≥.
LATIN_TEXT = frozenset(
    [
        *range(0x20, 0x7F),
        *range(0xA0, 0x100),
        0x152,
        0x153,
        0x178,
        0x2C6,
        0x2DA,
        0x2DC,
        *range(0x2000, 0x2070),
        0x20AC,
        0x2122,
        *range(0x2190, 0x2194),
        0x2212,
        0x2264,
        0x2265,
    ]
)
COMPONENTS = [
    "alert",
    "badge",
    "breadcrumb",
    "button",
    "callout",
    "card",
    "checkbox",
    "content",
    "footer",
    "form",
    "header",
    "input",
    "link",
    "logo",
    "modal",
    "navigation",
    "notice",
    "pagination",
    "quote",
    "radio",
    "search",
    "select",
    "sidemenu",
    "skiplink",
    "summary",
    "table",
    "tag",
    "tile",
    "translate",
]
DJANGO_DSFR = DIST.parents[2]
# Where the site's markup names DSFR classes: its own templates and code, and the
# django-dsfr templates its tags put on every page.
MARKUP = [
    *(
        settings.BASE_DIR / folder
        for folder in ("templates", "kb", "practices", "search", "forums", "website", "demo")
    ),
    settings.BASE_DIR / "static" / "js",
    DJANGO_DSFR / "templates" / "dsfr" / "theme_modale.html",
    DJANGO_DSFR / "templates" / "dsfr" / "alert.html",
]
# A DSFR class as markup writes it: `fr-card__title`, `fr-btn--sm`.
DSFR_CLASS = re.compile(r"fr-[a-z0-9-]+(?:__[a-z0-9-]+)?(?:--[a-z0-9-]+)?")
# Margins, paddings and grid columns: classes that only markup adds, never the DSFR's scripts.
LAYOUT_CLASS = re.compile(r"\.(fr-(?:col|m[trblxy]?|p[trblxy]?)-[a-z0-9-]+)")
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
EMPTY_MEDIA = re.compile(r"@media[^{}]*\{\}")
LICENCE = re.compile(r"^/\*!.*?\*/\s*", re.DOTALL)
FONT_FACE = re.compile(r"@font-face\{([^{}]*)\}")
WOFF2_SOURCE = re.compile(r"url\(([^)]*?([\w-]+)\.woff2)\)")
RELATIVE_URL = re.compile(r"url\(['\"]?(?!data:|/|#|https?:)([^'\")]+)['\"]?\)")
# « header └─ core └─ link … » in a component's README.
DEPENDENCY = re.compile(r"└─ ([a-z]+)")


def named_in_markup(pattern, sources, skipped):
    """Every match of `pattern` in the templates, Python and scripts under `sources`
    (folders or files), leaving out the file `skipped` (whose examples are not markup)."""
    found = set()
    for path in sources:
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.suffix in {".html", ".py", ".js"} and file.resolve() != skipped:
                found.update(pattern.findall(file.read_text(encoding="utf-8")))
    return found


def classes_in_markup():
    return named_in_markup(DSFR_CLASS, MARKUP, THIS_FILE)


def without_unused_layout_classes(css):
    """`css` without the rules that only style margin, padding or column classes no markup uses."""
    used = classes_in_markup()

    def keep_if_used(rule):
        selectors = rule.group(1).split(",")
        if all(set(LAYOUT_CLASS.findall(selector)) - used for selector in selectors):
            return ""
        return rule.group(0)

    return EMPTY_MEDIA.sub("", RULE.sub(keep_if_used, css))


def component_folder(name):
    return DIST / "component" / name


def dependencies(name):
    """The components `name` needs; the core is always loaded, the colour scheme is not one."""
    readme = (component_folder(name) / "README.md").read_text(encoding="utf-8")
    tree = readme.partition("## Dépendances")[2].partition("```\n\n")[0]
    return [found for found in DEPENDENCY.findall(tree) if found not in {"core", "scheme"}]


@cache
def loaded_components():
    """COMPONENTS and the ones they depend on, in the order of the DSFR's own stylesheet."""
    loaded, waiting = set(), list(COMPONENTS)
    while waiting:
        name = waiting.pop()
        if name not in loaded:
            loaded.add(name)
            waiting.extend(dependencies(name))
    whole = (DIST / "dsfr" / "dsfr.main.min.css").read_text(encoding="utf-8")

    def position(name):
        stylesheet = own_stylesheet(name)
        return whole.find(stylesheet[:60]) if stylesheet else len(whole)

    return sorted(loaded, key=lambda name: (position(name), name))


def own_stylesheet(name):
    """The component's stylesheet for current browsers, without its licence header; "" if none."""
    path = component_folder(name) / f"{name}.main.min.css"
    return LICENCE.sub("", path.read_text(encoding="utf-8")) if path.exists() else ""


def relocated(css, source):
    """`css`, read from `source`, with its relative url()s pointing from OUTPUT's folder."""
    static_folder = posixpath.join(STATIC_DIST, source.parent.relative_to(DIST).as_posix())

    def relocate(match):
        target = posixpath.normpath(posixpath.join(static_folder, match.group(1)))
        return f"url({posixpath.relpath(target, 'css')})"

    return RELATIVE_URL.sub(relocate, css)


def unicode_range(codepoints):
    """`unicode-range`'s value for a set of code points: `U+20-7E,U+A0-FF…`."""
    spans = []
    for codepoint in sorted(codepoints):
        if spans and codepoint == spans[-1][1] + 1:
            spans[-1][1] = codepoint
        else:
            spans.append([codepoint, codepoint])
    return ",".join(
        f"U+{first:X}" if first == last else f"U+{first:X}-{last:X}" for first, last in spans
    )


def font_codepoints(path):
    return set(TTFont(path).getBestCmap())


def latin_font_name(face):
    return f"{face}-latin.woff2"


def write_latin_fonts():
    """Each of the DSFR's faces, cut down to LATIN_TEXT, in FONTS_OUTPUT."""
    FONTS_OUTPUT.mkdir(exist_ok=True)
    # FFTM, a font editor's timestamp, is dropped: the subsetter cannot cut it.
    options = subset.Options(flavor="woff2", layout_features=["*"], drop_tables=["FFTM"])
    for path in sorted((DIST / "fonts").glob("*.woff2")):
        font = subset.load_font(str(path), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=LATIN_TEXT)
        subsetter.subset(font)
        subset.save_font(font, str(FONTS_OUTPUT / latin_font_name(path.stem)), options)


def with_latin_fonts(css):
    """`css` (the core, relocated) with each face declared twice: its LATIN_TEXT cut first, then
    the DSFR's whole face for the characters the cut leaves out."""

    def split(rule):
        source = WOFF2_SOURCE.search(rule.group(1))
        face = source.group(2)
        whole = font_codepoints(DIST / "fonts" / f"{face}.woff2")
        descriptors = re.sub(r"src:[^;]*", "", rule.group(1)).strip(";").replace(";;", ";")
        latin_source = posixpath.relpath(f"fonts/{latin_font_name(face)}", "css")
        return (
            f'@font-face{{{descriptors};src:url({latin_source}) format("woff2");'
            f"unicode-range:{unicode_range(whole & LATIN_TEXT)}}}"
            f"@font-face{{{rule.group(1)};unicode-range:{unicode_range(whole - LATIN_TEXT)}}}"
        )

    return FONT_FACE.sub(split, css)


def stylesheet():
    """The text of static/css/dsfr.css."""
    core = DIST / "core" / "core.main.min.css"
    core_rules = without_unused_layout_classes(LICENCE.sub("", core.read_text(encoding="utf-8")))
    parts = [with_latin_fonts(relocated(core_rules, core))]
    for name in loaded_components():
        css = own_stylesheet(name)
        if css:
            parts.append(relocated(css, component_folder(name) / f"{name}.main.min.css"))
    version = re.search(r"DSFR v[\d.]+", core.read_text(encoding="utf-8")).group()
    header = (
        f"/*! {version} | SPDX-License-Identifier: MIT | License-Filename: LICENSE.md"
        f" | written by `manage.py dsfr_css`: the core and {', '.join(loaded_components())} */"
    )
    return "\n".join([header, *parts]) + "\n"
