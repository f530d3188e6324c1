"""Render time and query count of the observatory's map and dashboard on a big corpus.

    .venv/bin/python -m bench.observatory [--sheets 10000] [--readings 100000] [--repeat 40]

Builds once, in a SQLite file of its own, published practice sheets (written in
bulk like the search corpus, see `bench.corpus`) with two indicators each and
yearly readings of those indicators, then measures what visitors get:

- « à jour »: the pages visitors reach by the site's links (map by région and
  by département, dashboard, dashboard of a theme), their figures refreshed;
- « après publication »: the same pages right after a change committed as a
  publication commits it, the refresh job queued and not run yet (visitors
  are served the previous figures);
- the refresh job itself, run as the worker runs it: how long figures lag
  behind a publication;
- « jamais demandé »: filter combinations nobody asked for before, the only
  figures still computed in the request.

The SQL query count of each request is printed beside its times.
"""

import argparse
import datetime
import math
import os
import random
import time
import uuid
from decimal import Decimal

from bench.environment import setup

UNITS = ["%", "jeunes", "places", "jours", "personnes", "établissements", "séjours", "situations"]
INDICATOR_NAMES = [
    "Jeunes accompagnés",
    "Places ouvertes",
    "Délai moyen d’admission",
    "Familles soutenues",
    "Établissements signataires",
    "Séjours de répit",
]
INDICATORS_PER_SHEET = 2
BATCH = 5000
LINKED_PAGES = [
    ("carte, régions", "/observatoire/carte/"),
    ("carte, départements", "/observatoire/carte/?niveau=departement"),
    ("tableau de bord", "/observatoire/"),
    ("tableau de bord, thème", "/observatoire/?theme={theme}"),
]
UNUSUAL_PAGES = [
    (
        "carte, thème, public, état",
        "/observatoire/carte/?niveau=departement&theme={theme}&audience={audience}"
        "&status=completed",
    ),
    ("tableau de bord, thème, public", "/observatoire/?theme={theme}&audience={audience}"),
]


def ensure_sheets(count, seed):
    from django.db import transaction
    from tqdm import tqdm

    from bench.corpus import CorpusWriter, bench_parents
    from practices.models import PracticeSheetPage

    parent = bench_parents()["sheet"]
    missing = count - PracticeSheetPage.objects.child_of(parent).count()
    if missing <= 0:
        return 0
    writer = CorpusWriter(seed=seed)
    with tqdm(total=missing, unit="fiche", desc="Fiches") as bar:
        for start in range(0, missing, 1000):
            number = min(1000, missing - start)
            with transaction.atomic():
                writer.write_pages("sheet", number)
            bar.update(number)
    return missing


def ensure_indicators(readings, seed):
    """Two indicators per bench sheet, and readings spread over them until `readings` exist."""
    from django.db import transaction
    from tqdm import tqdm

    from bench.corpus import bench_parents
    from practices.models import IndicatorMeasurement, PracticeSheetIndicator, PracticeSheetPage

    chance = random.Random(seed)
    sheets = PracticeSheetPage.objects.child_of(bench_parents()["sheet"])
    bare = sheets.filter(indicators__isnull=True).values_list("pk", "locale_id")
    rows = []
    for page_id, locale_id in bare.iterator():
        for position in range(INDICATORS_PER_SHEET):
            baseline = chance.randint(0, 40)
            target = baseline + chance.randint(5, 120)
            rows.append(
                PracticeSheetIndicator(
                    page_id=page_id,
                    locale_id=locale_id,
                    translation_key=uuid.uuid4(),
                    sort_order=position,
                    name=chance.choice(INDICATOR_NAMES),
                    unit=chance.choice(UNITS),
                    baseline=baseline,
                    target=target,
                )
            )
    with transaction.atomic():
        for start in range(0, len(rows), BATCH):
            PracticeSheetIndicator.objects.bulk_create(rows[start : start + BATCH])
    missing = readings - IndicatorMeasurement.objects.count()
    if missing <= 0:
        return
    indicators = list(
        PracticeSheetIndicator.objects.filter(page__in=sheets).values_list(
            "pk", "baseline", "target"
        )
    )
    per_indicator = math.ceil(missing / len(indicators))
    years = range(2025 - per_indicator + 1, 2026)
    batch = []
    with tqdm(total=missing, unit="relevé", desc="Relevés") as bar, transaction.atomic():
        for pk, baseline, target in indicators:
            for position, year in enumerate(years, start=1):
                share = min(1.0, position / len(years) + chance.uniform(-0.1, 0.1))
                value = Decimal(baseline) + Decimal(round(share * float(target - baseline), 2))
                batch.append(
                    IndicatorMeasurement(
                        sheet_indicator_id=pk, date=datetime.date(year, 12, 31), value=value
                    )
                )
            if len(batch) >= BATCH:
                IndicatorMeasurement.objects.bulk_create(batch, ignore_conflicts=True)
                bar.update(len(batch))
                batch = []
        IndicatorMeasurement.objects.bulk_create(batch, ignore_conflicts=True)
        bar.update(len(batch))
    from practices.observatory.measurements import sync_latest_values

    sync_latest_values(PracticeSheetIndicator.objects.filter(page__in=sheets))


def percentiles(seconds):
    ordered = sorted(seconds)
    p50 = ordered[len(ordered) // 2]
    p95 = ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]
    return 1000 * p50, 1000 * p95


def timed(client, urls, before=None):
    """p50 and p95 in ms and the largest query count of one request to each of `urls`."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    seconds, queries = [], 0
    for url in urls:
        if before is not None:
            before()
        # The log keeps 9,000 queries: past that, counts taken from it would be wrong.
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = max(queries, len(captured))
    return (*percentiles(seconds), queries)


def publication():
    """What a publication does to the observatory, committed; the job it queues is not run."""
    from django.db import transaction

    from practices.observatory.measurements import figures_changed

    with transaction.atomic():
        figures_changed()


def refresh_runs(repeat):
    """Run the refresh job's work as the worker does, `repeat` times, with its query count."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from practices.observatory.tasks import refresh_figures

    seconds, queries, figures = [], 0, 0
    for _ in range(repeat):
        publication()
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            figures = refresh_figures()
            seconds.append(time.perf_counter() - start)
        queries = max(queries, len(captured))
    return (*percentiles(seconds), queries, figures)


def forget_queued_refreshes():
    """No worker runs here: the refreshes that the publications queued are dropped."""
    from django_tasks_db.models import DBTaskResult

    from practices.observatory.tasks import refresh_observatory_figures

    DBTaskResult.objects.filter(task_path=refresh_observatory_figures.module_path).delete()


def print_row(label, state, p50, p95, queries):
    print(f"{label:<32} | {state:<20} | {p50:>9.1f} | {p95:>9.1f} | {queries:>8}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=10_000)
    parser.add_argument("--readings", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--refreshes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:////tmp/kb-bench-observatory-{options.sheets}.sqlite3"
    )
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    setup(options.sheets)

    from django.test import Client

    from kb.models import Audience, Theme
    from practices.models import IndicatorMeasurement, PracticeSheetIndicator, PracticeSheetPage
    from practices.observatory.tasks import refresh_figures

    ensure_sheets(options.sheets, options.seed)
    ensure_indicators(options.readings, options.seed)
    french = {"locale__language_code": "fr"}
    themes = list(Theme.objects.filter(**french).order_by("slug").values_list("slug", flat=True))
    audiences = list(
        Audience.objects.filter(**french).order_by("slug").values_list("slug", flat=True)
    )
    print(
        f"{PracticeSheetPage.objects.live().count()} fiches publiées, "
        f"{PracticeSheetIndicator.objects.count()} indicateurs, "
        f"{IndicatorMeasurement.objects.count()} relevés"
    )
    client = Client()
    refresh_figures()
    header = " | ".join(
        [f"{'page':<32}", f"{'chiffres':<20}", f"{'p50 (ms)':>9}", f"{'p95 (ms)':>9}", "requêtes"]
    )
    print(header)
    print("-" * len(header))
    for label, url in LINKED_PAGES:
        urls = [url.format(theme=themes[0])] * options.repeat
        timed(client, urls[:3])
        print_row(label, "à jour", *timed(client, urls))
        print_row(label, "après publication", *timed(client, urls, before=publication))
    p50, p95, queries, figures = refresh_runs(options.refreshes)
    forget_queued_refreshes()
    print_row(f"recalcul ({figures} chiffres)", "tâche de fond", p50, p95, queries)
    combinations = [(theme, audience) for audience in audiences for theme in themes]
    random.Random(options.seed).shuffle(combinations)
    for label, url in UNUSUAL_PAGES:
        urls = [
            url.format(theme=theme, audience=audience)
            for theme, audience in combinations[: options.repeat]
        ]
        print_row(label, "jamais demandé", *timed(client, urls))


if __name__ == "__main__":
    main()
