"""What runs periodically, and when (times of Europe/Paris).

Each entry is a `manage.py` command, so an operator can run any of them by
hand. `manage.py run_scheduler` (one process per site, see docs/exploitation.md)
only enqueues them as background jobs at these times; the workers run them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodicCommand:
    command: tuple[str, ...]
    cron: dict
    why: str

    @property
    def name(self):
        return " ".join(self.command)


PERIODIC_COMMANDS = [
    PeriodicCommand(
        ("publish_scheduled",),
        {"minute": "*"},
        "publier et dépublier les pages programmées par les éditeurs",
    ),
    PeriodicCommand(
        ("send_mail",),
        {"minute": "*"},
        "envoyer le courrier en file d’attente (filet de sécurité : chaque envoi est "
        "déjà demandé à la validation de la transaction)",
    ),
    PeriodicCommand(
        ("retry_deferred",),
        {"minute": "*/20"},
        "remettre en file les courriels refusés par le serveur de messagerie",
    ),
    PeriodicCommand(
        ("search_index", "replay"),
        {"minute": "*/5"},
        "envoyer au moteur les mises à jour restées en attente pendant une panne",
    ),
    PeriodicCommand(
        ("requeue_stalled_jobs",),
        {"minute": "*/10"},
        "relancer une fois les tâches interrompues par l’arrêt brutal d’un worker",
    ),
    PeriodicCommand(
        ("send_digests",),
        {"minute": "5"},
        "envoyer les récapitulatifs quotidiens et hebdomadaires des espaces",
    ),
    PeriodicCommand(
        ("send_training_reminders",),
        {"minute": "15"},
        "rappeler leur session, la veille, aux personnes inscrites à une formation",
    ),
    PeriodicCommand(
        ("search_index", "sync"),
        {"hour": "1", "minute": "30"},
        "comparer l’index à la base de données et réparer les écarts",
    ),
    PeriodicCommand(
        ("backup_site",),
        {"hour": "2", "minute": "0"},
        "sauvegarder la base de données et les fichiers (14 archives gardées)",
    ),
    PeriodicCommand(
        ("purge_expired_data",),
        {"hour": "3", "minute": "0"},
        "supprimer les données gardées au-delà de leur durée de conservation",
    ),
    PeriodicCommand(
        ("refresh_observatory",),
        {"hour": "3", "minute": "30"},
        "recalculer les chiffres de l’observatoire (les dates font changer des états)",
    ),
    PeriodicCommand(
        ("export_open_data",),
        {"hour": "4", "minute": "0"},
        "régénérer les fichiers de données ouvertes",
    ),
]
