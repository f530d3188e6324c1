"""How long the search keeps the queries that found nothing (framework: `kb.retention`)."""

from kb.retention import Rule
from search.models import ZeroResultQuery

RULES = [
    Rule(
        "zero_result_queries",
        "Recherches sans résultat",
        lambda cutoff: ZeroResultQuery.objects.filter(last_seen__lt=cutoff),
    ),
]
