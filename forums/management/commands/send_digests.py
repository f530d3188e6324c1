from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from forums.notifications import send_due_digests


class Command(BaseCommand):
    help = (
        "Envoie les récapitulatifs des espaces de pair-émulation qui sont dus "
        "(à lancer chaque heure ; sans effet quand rien n’est dû)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of",
            help=(
                "faire comme s’il était cette heure-là (AAAA-MM-JJTHH:MM, heure de Paris "
                "sans fuseau), pour rattraper un envoi manqué ou l’essayer"
            ),
        )

    def handle(self, *args, as_of=None, **options):
        now = None
        if as_of:
            now = parse_datetime(as_of)
            if now is None:
                raise CommandError(f"--as-of : date et heure illisibles : {as_of!r}")
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        sent = send_due_digests(now)
        self.stdout.write(f"{sent} récapitulatif(s) envoyé(s).")
