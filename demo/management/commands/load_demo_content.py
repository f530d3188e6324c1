from importlib import import_module

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Builders run in this order: later ones use the pages and people of earlier ones.
DEMO_BUILDERS = [
    "demo.site",
    "demo.practices",
    "demo.forums",
    "demo.editorial",
    "demo.guide",
]


class Command(BaseCommand):
    help = "Crée ou met à jour le contenu de démonstration (idempotent)."

    def handle(self, *args, **options):
        context = {}
        try:
            with transaction.atomic():
                for module_name in DEMO_BUILDERS:
                    self.stdout.write(f"· {module_name}")
                    import_module(module_name).build(context)
        except Exception as error:
            raise CommandError(
                f"Le contenu de démonstration n’a pas pu être créé : {error}"
            ) from error
        email, password = context["admin_login"]
        self.stdout.write(
            self.style.SUCCESS(
                "Contenu de démonstration prêt.\n"
                f"  Administration : /admin/  identifiant {email}  mot de passe {password}\n"
                "  (les comptes de démonstration partagent ce mot de passe)"
            )
        )
