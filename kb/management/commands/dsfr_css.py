"""Write static/css/dsfr.css: the DSFR's core and the stylesheets of the components the site uses.

Run it after adding a component to kb.dsfr_assets.COMPONENTS or upgrading django-dsfr.
"""

from django.core.management.base import BaseCommand

from kb.dsfr_assets import OUTPUT, stylesheet


class Command(BaseCommand):
    help = "Écrit static/css/dsfr.css : le cœur du DSFR et les composants que le site emploie."

    def handle(self, *args, **options):
        OUTPUT.write_text(stylesheet(), encoding="utf-8")
        self.stdout.write(f"{OUTPUT} écrit.")
