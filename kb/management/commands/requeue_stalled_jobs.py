import datetime

from django.core.management.base import BaseCommand

from kb.background_jobs import STALLED_AFTER, requeue_stalled_jobs


class Command(BaseCommand):
    help = (
        "Remet une fois en file les tâches restées « en cours » plus de "
        f"{int(STALLED_AFTER.total_seconds() // 60)} minutes (worker arrêté brutalement)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stalled-after",
            type=int,
            metavar="MINUTES",
            help=(
                "Délai après lequel une tâche en cours est tenue pour abandonnée, quand on "
                "sait que son worker est arrêté (par défaut "
                f"{int(STALLED_AFTER.total_seconds() // 60)})."
            ),
        )

    def handle(self, *args, stalled_after=None, **options):
        delay = STALLED_AFTER
        if stalled_after is not None:
            delay = datetime.timedelta(minutes=stalled_after)
        requeued = requeue_stalled_jobs(stalled_after=delay)
        self.stdout.write(f"{requeued} tâche(s) remise(s) en file.")
