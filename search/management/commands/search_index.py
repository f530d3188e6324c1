from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import indexing
from search.backends import get_backend
from search.engine_client import SearchEngineUnavailable
from search.models import PendingIndexOperation


class Command(BaseCommand):
    help = (
        "Index de recherche : rebuild (reconstruire), status (état), replay (envoyer les "
        "mises à jour en attente), sync (rattraper et réparer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "replay", "sync"])

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)()
        except SearchEngineUnavailable as error:
            raise CommandError(f"Moteur de recherche injoignable : {error}") from error

    def rebuild_if_asked(self):
        """Rebuild when asked (a thesaurus change, a failed rebuild) or when an index was
        built by another version of the analysis (an upgrade)."""
        outdated = indexing.ask_rebuild_if_outdated()
        if outdated:
            languages = ", ".join(outdated)
            self.stdout.write(f"Index construit par une autre version de l’analyse : {languages}.")
        if indexing.rebuild_pending():
            self.rebuild()

    def rebuild(self):
        total = indexing.candidate_count()
        with tqdm(total=total, unit="doc", desc="Indexation", disable=not total) as bar:
            counts = indexing.rebuild(progress=bar.update)
        summary = ", ".join(f"{language} : {count}" for language, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Index reconstruit ({summary})."))

    def status(self):
        status = get_backend().status()
        expected = indexing.expected_counts()
        pending = PendingIndexOperation.objects.count()
        problems = []
        self.stdout.write(f"Moteur : {status['backend']}")
        for language, state in sorted(status["languages"].items()):
            wanted = expected.get(language, 0)
            self.stdout.write(
                f"  {language} : alias {state['alias']} → {', '.join(state['indexes']) or '—'} ; "
                f"{state['count']} documents indexés, {wanted} attendus"
            )
            if not state["indexes"]:
                problems.append(f"l’alias {state['alias']} n’existe pas")
            elif state["count"] != wanted:
                problems.append(f"{language} : {state['count']} indexés pour {wanted} attendus")
        stale, extra = indexing.drift()
        if stale or extra:
            problems.append(
                f"{len(stale)} document(s) manquant(s) ou périmé(s), {len(extra)} en trop"
            )
        if status["orphans"]:
            problems.append(f"index orphelins : {', '.join(status['orphans'])}")
        outdated = get_backend().outdated_languages()
        if outdated:
            problems.append(
                f"index construit par une autre version de l’analyse : {', '.join(outdated)}"
            )
        if indexing.rebuild_pending():
            pending -= 1
            problems.append("une reconstruction de l’index est en attente")
        if pending:
            problems.append(f"{pending} mise(s) à jour en attente")
        if problems:
            raise CommandError("Index à réparer (search_index sync) : " + " ; ".join(problems))
        self.stdout.write(self.style.SUCCESS("Index conforme à la base de données."))

    def replay(self):
        replayed = indexing.replay_pending()
        self.stdout.write(f"{replayed} mise(s) à jour en attente rejouée(s).")
        self.rebuild_if_asked()

    def sync(self):
        replayed = indexing.replay_pending()
        self.stdout.write(f"{replayed} mise(s) à jour en attente rejouée(s).")
        self.rebuild_if_asked()
        repaired = indexing.repair_drift()
        self.stdout.write(self.style.SUCCESS(f"{repaired} document(s) réparé(s)."))
