from django.core.management.base import BaseCommand

from kb import retention


class Command(BaseCommand):
    help = (
        "Supprime ou rend anonymes les données gardées au-delà de leur durée de conservation "
        "(DATA_RETENTION_DAYS, voir docs/donnees-personnelles.md). À lancer chaque jour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Compter seulement ce qui serait supprimé, sans rien supprimer.",
        )

    def handle(self, *args, dry_run, **options):
        verb = "à purger" if dry_run else "purgé(s)"
        total = 0
        for rule, count in retention.purge(dry_run=dry_run):
            total += count
            self.stdout.write(f"  {rule.label} (plus de {rule.days} jours) : {count} {verb}")
        self.stdout.write(self.style.SUCCESS(f"{total} ligne(s) {verb} en tout."))
