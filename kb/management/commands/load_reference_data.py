from django.apps import apps
from django.core.management.base import BaseCommand

from kb.reference_data import load_reference_data


class Command(BaseCommand):
    help = "Charge ou met à jour la géographie et le vocabulaire de référence (idempotent)."

    def handle(self, *args, **options):
        load_reference_data(apps.get_model)
        Region = apps.get_model("kb", "Region")
        Department = apps.get_model("kb", "Department")
        self.stdout.write(
            self.style.SUCCESS(
                f"{Region.objects.count()} régions, {Department.objects.count()} départements."
            )
        )
