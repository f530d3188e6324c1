from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from kb import backups


class Command(BaseCommand):
    help = (
        "Sauvegarde la base de données et les médias (publics et privés) dans une archive "
        "datée, puis supprime les sauvegardes au-delà des --keep plus récentes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=None,
            help="Dossier des sauvegardes (par défaut BACKUP_DIR).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=14,
            help="Nombre de sauvegardes à garder, la nouvelle comprise (14 par défaut).",
        )

    def handle(self, *args, directory, keep, **options):
        directory = directory or Path(settings.BACKUP_DIR)
        if keep < 1:
            raise CommandError("Il faut garder au moins une sauvegarde (--keep 1 ou plus).")
        try:
            path, steps = backups.create_backup(directory)
        except backups.BackupError as error:
            raise CommandError(f"Sauvegarde impossible : {error}") from error
        total = backups.report_steps(steps, self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde écrite : {path} ({filesizeformat(path.stat().st_size)}, {total:.1f} s)"
            )
        )
        for expired in backups.prune(directory, keep):
            self.stdout.write(f"  Ancienne sauvegarde supprimée : {expired.name}")
