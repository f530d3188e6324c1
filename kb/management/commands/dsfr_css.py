"""Write static/css/dsfr.css: the DSFR's core and the stylesheets of the components the site uses,
and static/fonts/: the DSFR's fonts cut down to the characters of French and English text.

Run it after adding a component to kb.dsfr_assets.COMPONENTS or upgrading django-dsfr.
"""

from django.core.management.base import BaseCommand

from kb.dsfr_assets import FONTS_OUTPUT, OUTPUT, stylesheet, write_latin_fonts


class Command(BaseCommand):
    help = (
        "Écrit static/css/dsfr.css : le cœur du DSFR et les composants que le site emploie ; "
        "et static/fonts/ : ses polices réduites aux caractères du français et de l’anglais."
    )

    def handle(self, *args, **options):
        write_latin_fonts()
        OUTPUT.write_text(stylesheet(), encoding="utf-8")
        self.stdout.write(f"{OUTPUT} et {FONTS_OUTPUT} écrits.")
