from django.core.management.base import BaseCommand

from practices.registrations import send_reminders


class Command(BaseCommand):
    help = (
        "Rappelle leur session aux personnes inscrites, la veille "
        "(à lancer chaque heure ; chacune n’est rappelée qu’une fois)."
    )

    def handle(self, *args, **options):
        reminded = send_reminders()
        self.stdout.write(f"{reminded} rappel(s) envoyé(s).")
