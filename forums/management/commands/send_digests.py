from django.core.management.base import BaseCommand

from forums.notifications import send_due_digests


class Command(BaseCommand):
    help = (
        "Envoie les récapitulatifs des espaces de pair-émulation qui sont dus "
        "(à lancer chaque heure ; sans effet quand rien n’est dû)."
    )

    def handle(self, *args, **options):
        sent = send_due_digests()
        self.stdout.write(f"{sent} récapitulatif(s) envoyé(s).")
