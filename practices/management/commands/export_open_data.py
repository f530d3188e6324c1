from django.core.management.base import BaseCommand, CommandError

from practices.open_data import FORMATS, write_package


class Command(BaseCommand):
    help = (
        "Exporte en données ouvertes les fiches action et les retours d’expérience publics, "
        "avec leur schéma (Table Schema) et le descripteur datapackage.json, dans un dossier."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="csv", dest="output_format")
        parser.add_argument(
            "--output", required=True, help="Dossier où écrire les fichiers (créé au besoin)."
        )

    def handle(self, *args, output_format, output, **options):
        try:
            written = write_package(output, output_format)
        except OSError as error:
            raise CommandError(f"Impossible d’écrire dans {output} : {error}") from error
        for path in written:
            self.stdout.write(str(path))
