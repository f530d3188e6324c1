"""Write static/css/icons.css: the DSFR icon rules of the icons the site shows, and no others.

The DSFR's utility stylesheet holds every icon (and every colour class) of the
system: half a megabyte of CSS that each page had to download and parse before
it could show anything. Run this command after using a new `fr-icon-…` class.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from kb.dsfr_assets import DIST, DJANGO_DSFR, RULE, named_in_markup

ICON = re.compile(r"fr-icon-[a-z0-9-]+")
ICON_RULES = DIST / "utility" / "icons" / "icons.main.min.css"
OUTPUT = settings.BASE_DIR / "static" / "css" / "icons.css"
# Where the site's own and django-dsfr's markup may name an icon.
SOURCES = [
    *(
        settings.BASE_DIR / folder
        for folder in ("templates", "kb", "practices", "search", "forums", "static/js")
    ),
    *(DJANGO_DSFR / name for name in ("templates", "templatetags", "forms.py", "widgets.py")),
]


def used_icons():
    return named_in_markup(ICON, SOURCES, Path(__file__).resolve())


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
