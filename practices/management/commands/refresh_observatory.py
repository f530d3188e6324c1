import time

from django.core.management.base import BaseCommand

from practices.observatory import snapshots
from practices.observatory.tasks import refresh_figures


class Command(BaseCommand):
    help = (
        "Recalcule les chiffres de l’observatoire que les liens du site affichent, et rend les "
        "autres périmés. Le worker le fait déjà après chaque publication ; à planifier aussi "
        "chaque nuit, car les formations comptées sont celles déjà commencées."
    )

    def handle(self, *args, **options):
        start = time.perf_counter()
        snapshots.figures_changed()
        figures = refresh_figures()
        seconds = time.perf_counter() - start
        self.stdout.write(f"{figures} chiffres de l’observatoire recalculés en {seconds:.1f} s")
