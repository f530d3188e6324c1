from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.core.management.base import BaseCommand

from kb.schedule import PERIODIC_COMMANDS
from kb.tasks import run_management_command


class Command(BaseCommand):
    help = (
        "Met en file les commandes périodiques à leur heure (kb/schedule.py) ; "
        "un seul planificateur par site, les workers les exécutent."
    )

    def handle(self, *args, **options):
        scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
        for periodic in PERIODIC_COMMANDS:
            scheduler.add_job(
                run_management_command.enqueue,
                CronTrigger(**periodic.cron, timezone=settings.TIME_ZONE),
                args=periodic.command,
                id=periodic.name,
                name=periodic.name,
                # After a pause (a restart, a suspended machine) one run catches up, not many.
                coalesce=True,
                misfire_grace_time=60,
                max_instances=1,
            )
            self.stdout.write(f"{periodic.name} : {periodic.cron}")
        scheduler.start()
