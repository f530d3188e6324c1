"""Write static/css/icons.css: the DSFR icon rules of the icons the site shows, and no others.

The DSFR's utility stylesheet holds every icon (and every colour class) of the
system: half a megabyte of CSS that each page had to download and parse before
it could show anything. Run this command after using a new `fr-icon-…` class.
"""

import re
from pathlib import Path

import dsfr
from django.conf import settings
from django.core.management.base import BaseCommand

ICON = re.compile(r"fr-icon-[a-z0-9-]+")
DSFR = Path(dsfr.__file__).resolve().parent
ICON_RULES = DSFR / "static" / "dsfr" / "dist" / "utility" / "icons" / "icons.main.min.css"
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
OUTPUT = settings.BASE_DIR / "static" / "css" / "icons.css"
# Where the site's own and django-dsfr's markup may name an icon.
SOURCES = [
    (settings.BASE_DIR, ("templates", "kb", "practices", "search", "forums", "static/js")),
    (DSFR, ("templates", "templatetags", "forms.py", "widgets.py")),
]


def used_icons():
    names = set()
    for root, folders in SOURCES:
        for folder in folders:
            path = root / folder
            files = [path] if path.is_file() else path.rglob("*")
            for file in files:
                if file.suffix in {".html", ".py", ".js"} and file.name != "icons_css.py":
                    names.update(ICON.findall(file.read_text(encoding="utf-8")))
    return names


def icons_css():
    names = used_icons()
    rules = []
    for selectors, body in RULE.findall(ICON_RULES.read_text(encoding="utf-8")):
        if set(ICON.findall(selectors)) & names:
            # The rules point at the icons from dist/utility/icons/; this file is in css/.
            body = body.replace("../../icons/", "../dsfr/dist/icons/")
            rules.append(f"{selectors.strip()}{{{body}}}")
    header = "/* Written by `manage.py icons_css` from the DSFR's icons.main.min.css (MIT). */"
    return "\n".join([header, *rules]) + "\n"


class Command(BaseCommand):
    help = "Écrit static/css/icons.css : les règles DSFR des seules icônes que le site affiche."

    def handle(self, *args, **options):
        OUTPUT.write_text(icons_css(), encoding="utf-8")
        self.stdout.write(f"{OUTPUT} écrit.")
