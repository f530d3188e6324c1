from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from kb import backups


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde de backup_site : vérifie ses sommes de contrôle, puis "
        "remplace la base de données et les médias. Une base non vide n’est remplacée "
        "qu’avec --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="Fichier kb-backup-….tar à restaurer.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplacer une base de données qui n’est pas vide.",
        )
        parser.add_argument(
            "--rebuild-index",
            action="store_true",
            help="Reconstruire l’index de recherche une fois la restauration finie.",
        )

    def handle(self, *args, archive, force, rebuild_index, **options):
        try:
            manifest, steps = backups.restore_backup(archive, force=force)
        except backups.CorruptBackup as error:
            raise CommandError(
                f"Sauvegarde refusée, rien n’a été modifié : l’archive est corrompue ({error})."
            ) from error
        except backups.BackupError as error:
            raise CommandError(f"Restauration impossible : {error}") from error
        total = backups.report_steps(steps, self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde du {manifest['created_at']} restaurée en {total:.1f} s."
            )
        )
        pending = backups.pending_migrations(connection)
        if pending:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(pending)} migration(s) plus récente(s) que la sauvegarde : lancez "
                    "manage.py migrate, puis manage.py search_index rebuild."
                )
            )
        elif rebuild_index:
            call_command("search_index", "rebuild", stdout=self.stdout, stderr=self.stderr)
        else:
            self.stdout.write(
                "L’index de recherche ne suit pas la restauration : "
                "lancez manage.py search_index rebuild."
            )
