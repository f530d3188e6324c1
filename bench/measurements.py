"""The figures of one backend on the benchmark corpus.

Each figure goes through the code the site runs: `search_index rebuild` for the
rebuild, `get_backend().search(SearchRequest(...))` (every facet, highlights,
"did you mean") as the search page does, `autocomplete()` as the suggestions
endpoint does, and a page published through Wagtail for publish → searchable.

A publication only queues the index update: the background worker sends it.
Publish → searchable is timed with a worker running as in production (the
Procfile's `db_worker`), started on the benchmark's database and backend once
the jobs queued before have run, so the figure includes the worker's wait.
"""

import contextlib
import io
import math
import os
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from tqdm import tqdm

from bench.corpus import bench_parents
from bench.vocabulary import TextGenerator, Vocabulary
from kb.background_jobs import SEARCH_QUEUE
from search import indexing
from search.backends import get_backend
from search.extraction import page_key
from search.query import DATE, RELEVANCE, SearchRequest

WARM_UP = 20
# The update waits behind the jobs the same publication queued first (reference index,
# observatory figures): on a big corpus that takes longer than the update itself.
PUBLISH_TIMEOUT = 300.0
POLL_INTERVAL = 0.05
# Publications timed, the median reported.
PUBLICATIONS = 5
# Jobs queued before the measure (other publications' updates, reprints...) may take a while.
BACKLOG_TIMEOUT = 600.0
# The Procfile's search worker: search updates have a queue of their own.
WORKER = [
    "manage.py",
    "db_worker",
    "--queue-name",
    SEARCH_QUEUE,
    "--no-reload",
    "--interval",
    "0.2",
]


@dataclass
class Latencies:
    seconds: list

    def percentile(self, share):
        ordered = sorted(self.seconds)
        return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]

    @property
    def p50_ms(self):
        return 1000 * self.percentile(0.5)

    @property
    def p95_ms(self):
        return 1000 * self.percentile(0.95)

    @property
    def per_second(self):
        return len(self.seconds) / sum(self.seconds)


@dataclass
class Figures:
    backend: str
    documents: int
    rebuild_per_second: float
    search: Latencies
    autocomplete: Latencies
    publish_seconds: float


def measure(backend_name, queries, seed=0):
    documents, rebuild_seconds = rebuild()
    text = TextGenerator(Vocabulary.load(), seed=seed)
    backend = get_backend()
    searches = [search_request(text) for _ in range(queries)]
    prefixes = [SearchRequest(text=prefix(text)) for _ in range(queries)]
    for request in searches[: min(WARM_UP, queries // 5)]:
        backend.search(request)
    return Figures(
        backend=backend_name,
        documents=documents,
        rebuild_per_second=documents / rebuild_seconds,
        search=timed(backend.search, searches, "Recherches"),
        autocomplete=timed(backend.autocomplete, prefixes, "Autocomplétion"),
        publish_seconds=publish_to_searchable(backend, text),
    )


def rebuild():
    """(documents, seconds) of `manage.py search_index rebuild`, alias swap included."""
    documents = sum(indexing.expected_counts().values())
    start = time.perf_counter()
    call_command("search_index", "rebuild", stdout=io.StringIO())
    return documents, time.perf_counter() - start


def search_request(text):
    """A query as visitors type them, often narrowed by a facet or two."""
    vocabulary, chance = text.vocabulary, text.random.random
    filters = {}
    if chance() < 0.3:
        filters["theme"] = (text.pick(vocabulary.themes)[0],)
    if chance() < 0.2:
        filters["region"] = (text.pick(vocabulary.regions)[0],)
    if chance() < 0.1:
        filters["type"] = (text.pick(["practice_sheet", "experiment", "training"]),)
    if chance() < 0.1:
        filters["year"] = (str(text.random.randint(2010, 2025)),)
    return SearchRequest(
        text=text.query(),
        filters=filters,
        sort=DATE if chance() < 0.1 else RELEVANCE,
        page=2 if chance() < 0.1 else 1,
    )


def prefix(text):
    """The first letters of what a visitor is typing: whole words, then part of the last one."""
    typed = text.query() if text.random.random() < 0.5 else text.title()
    return typed[: text.random.randint(3, min(max(len(typed), 3), 14))]


def timed(operation, requests, label):
    seconds = []
    for request in tqdm(requests, desc=label, unit="req", leave=False):
        start = time.perf_counter()
        operation(request)
        seconds.append(time.perf_counter() - start)
    return Latencies(seconds)


def publish_to_searchable(backend, text, publications=PUBLICATIONS):
    """Median seconds from publishing a new sheet in Wagtail until a search finds it.

    The worker is started once and kept running, as in production: the first
    job of a fresh process also pays for its imports and connections.
    """
    with running_worker():
        delays = [published_and_found(backend, text) for _number in range(publications)]
    return statistics.median(delays)


def published_and_found(backend, text):
    from practices.models import PracticeSheetPage

    marker = f"temoin{uuid.uuid4().hex[:12]}"
    page = PracticeSheetPage(
        title=f"{text.title()} {marker}",
        slug=marker,
        summary=text.summary(),
        objectives=f"<p>{text.paragraph()}</p>",
    )
    bench_parents()["sheet"].add_child(instance=page)
    revision = page.save_revision()
    wanted = page_key(page.pk)
    try:
        start = time.perf_counter()
        revision.publish()
        while time.perf_counter() - start < PUBLISH_TIMEOUT:
            hits = backend.search(SearchRequest(text=marker)).hits
            if any(hit.key == wanted for hit in hits):
                return time.perf_counter() - start
            time.sleep(POLL_INTERVAL)
        return math.inf
    finally:
        page.delete()


@contextlib.contextmanager
def running_worker():
    """A background worker on the benchmark's database and backend, idle when this yields."""
    environment = {**os.environ, "SEARCH_URL": settings.SEARCH_URL}
    root = settings.BASE_DIR
    worker = subprocess.Popen(
        [sys.executable, *WORKER], cwd=root, env=environment, stdout=subprocess.DEVNULL
    )
    # Jobs left "running" by a worker killed in an earlier run are not waited for.
    stalled = list(DBTaskResult.objects.running().values_list("pk", flat=True))
    try:
        waited = time.perf_counter()
        search_jobs = DBTaskResult.objects.filter(queue_name=SEARCH_QUEUE)
        while (
            search_jobs.ready().exists() or search_jobs.running().exclude(pk__in=stalled).exists()
        ):
            if time.perf_counter() - waited > BACKLOG_TIMEOUT:
                raise RuntimeError("The worker did not run the queued jobs in time.")
            time.sleep(POLL_INTERVAL)
        yield worker
    finally:
        worker.terminate()
        worker.wait()
