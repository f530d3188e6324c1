from django.core.management.base import BaseCommand

from kb.jobs import STALLED_AFTER, requeue_stalled_jobs


class Command(BaseCommand):
    help = (
        "Remet une fois en file les tâches restées « en cours » plus de "
        f"{int(STALLED_AFTER.total_seconds() // 60)} minutes (worker arrêté brutalement)."
    )

    def handle(self, *args, **options):
        requeued = requeue_stalled_jobs()
        self.stdout.write(f"{requeued} tâche(s) remise(s) en file.")
