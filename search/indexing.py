"""Keeping the search index equal to the database.

The database write always happens first; the index follows once the transaction
commits. Each key to refresh is first written to `PendingIndexOperation`, then
sent, oldest first, and struck off once the engine has it. When the engine
cannot be reached the keys simply stay there, to be sent with the next update
or by `manage.py search_index sync`: an unreachable engine never loses an edit.

One pending operation is not a document: `REBUILD_KEY` says the whole index
is to be rebuilt. A glossary edit asks for it (an engine's synonyms are
settings of its index) and every rebuild writes it while it runs. It stays
queued until a rebuild succeeds, so an unreachable engine never loses it
either. While it is queued, sent keys stay queued too: the index they reach is
about to be replaced, and the rebuild sends them again to the new one.

Writers and senders run side by side (many requests, and the jobs they start).
Queuing a key is one upsert, so it never fails whatever another sender strikes
off meanwhile. A sender holds the key's row locked while it reads the document
and sends it: a writer that commits meanwhile queues the key again once the
send is over, and another sender skips the key rather than send an older
version after a newer one.
"""

import logging
import threading
from itertools import chain

from django.db import transaction
from django.db.models import F
from wagtail.models import Page

from forums.search import (
    POST_KEY_PREFIX,
    document_for_post_key,
    indexable_posts,
    post_document,
)
from kb.content_version import content_changed
from search.backends import get_backend
from search.engine_client import SearchEngineUnavailable
from search.extraction import (
    PUBLIC,
    indexable_pages,
    indexable_pages_by_type,
    page_document,
    page_documents,
    page_key,
)
from search.models import PendingIndexOperation

logger = logging.getLogger(__name__)

PAGE_KEY_PREFIX = "page-"
EXTRACTION_BATCH = 500
REBUILD_KEY = "rebuild"
# Only one rebuild at a time in a worker; edits meanwhile are taken in by the next one.
rebuild_running = threading.Lock()


def page_ids(keys):
    """The ids of the pages among document `keys`, in their order."""
    return [
        int(key.removeprefix(PAGE_KEY_PREFIX)) for key in keys if key.startswith(PAGE_KEY_PREFIX)
    ]


def document_for_key(key):
    """The current document for `key`, or None when it must not (or no longer) be searchable."""
    if key.startswith(PAGE_KEY_PREFIX):
        page = Page.objects.filter(pk=int(key.removeprefix(PAGE_KEY_PREFIX))).first()
        return page_document(page) if page is not None else None
    if key.startswith(POST_KEY_PREFIX):
        return document_for_post_key(key)
    return None


def apply(keys, backend=None):
    """Send the current state of `keys` to the backend (raises if it is unreachable)."""
    backend = backend or get_backend()
    documents, removed = [], []
    for key in keys:
        document = document_for_key(key)
        if document is None:
            removed.append(key)
        else:
            documents.append(document)
    if documents:
        backend.upsert(documents)
    if removed:
        backend.remove(removed)
    # What signed-out visitors find has changed: their kept search pages go (kb.page_cache).
    # A forum post is never theirs to find: indexed or removed, it leaves their pages kept
    # (a post held for review is "removed" from an index it never entered).
    if page_ids(removed) or any(PUBLIC in document["visibility"] for document in documents):
        content_changed()


def record(keys):
    """Write the intent first: whatever happens next, these keys will be brought up to date.

    One upsert, keys in a fixed order: concurrent writers of the same keys neither fail
    nor wait for each other in a cycle."""
    PendingIndexOperation.objects.bulk_create(
        [PendingIndexOperation(key=key) for key in sorted(set(keys))],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["queued_at"],
    )


def strike_off(operation):
    """Forget `operation`, unless it was queued again meanwhile: that newer change is not sent."""
    PendingIndexOperation.objects.filter(pk=operation.pk, queued_at=operation.queued_at).delete()


def keep_for_later(operation, error):
    PendingIndexOperation.objects.filter(pk=operation.pk).update(
        attempts=F("attempts") + 1, last_error=str(error)[:2000]
    )


def send_one(operation, backend, rebuilding):
    """Send `operation`'s key while holding its row; False when another sender holds it.

    That sender reads the document after every change queued before it took the row;
    a change queued later waits for the row and is sent next."""
    failure = None
    with transaction.atomic():
        held = (
            PendingIndexOperation.objects.select_for_update(skip_locked=True)
            .filter(pk=operation.pk)
            .first()
        )
        if held is None:
            return False
        try:
            apply([held.key], backend)
        except SearchEngineUnavailable as error:
            keep_for_later(held, error)
            failure = error
        else:
            if not rebuilding:
                strike_off(held)
    if failure is not None:
        raise failure
    return True


def replay_pending(backend=None, limit=None):
    """Send pending keys, oldest first; stop at the first failure. Returns how many were sent."""
    backend = backend or get_backend()
    rebuilding = rebuild_pending()
    replayed = 0
    pending = PendingIndexOperation.objects.exclude(key=REBUILD_KEY).order_by("queued_at", "pk")
    for operation in pending[:limit] if limit else pending:
        if send_one(operation, backend, rebuilding):
            replayed += 1
    return replayed


def send_pending():
    """Send every pending key; a failed rebuild is asked again once the engine answers."""
    replay_pending()
    if PendingIndexOperation.objects.filter(key=REBUILD_KEY, attempts__gt=0).exists():
        rebuild_in_background()


def refresh_keys(keys):
    """Bring `keys` up to date, after any older pending update, in a background job."""
    from search.tasks import send_pending_index_operations

    keys = list(dict.fromkeys(keys))
    if not keys:
        return
    record(keys)
    send_pending_index_operations.enqueue()


def refresh_after_commit(keys):
    keys = list(keys)
    transaction.on_commit(lambda: refresh_keys(keys))


def refresh_now(keys):
    """Bring `keys` up to date before the request answers, when who may see them changed.

    A topic moved into a members-only space, a space closed to its members, a post
    hidden by the moderation: a search made the next moment must not show them to
    people who may no longer read them, so these keys do not wait for the search
    worker. The engine is refreshed too, for the next search to read the change.
    When it cannot be reached, the keys stay queued for the worker, as every update.
    """
    keys = list(dict.fromkeys(keys))
    if not keys:
        return
    record(keys)
    backend = get_backend()
    rebuilding = rebuild_pending()
    failure = None
    with transaction.atomic():
        # A sender holding one of these keys finishes first; it then read this change.
        held = list(
            PendingIndexOperation.objects.select_for_update().filter(key__in=keys).order_by("key")
        )
        try:
            apply([operation.key for operation in held], backend)
            backend.refresh()
        except SearchEngineUnavailable as error:
            failure = error
            for operation in held:
                keep_for_later(operation, error)
        else:
            if not rebuilding:
                for operation in held:
                    strike_off(operation)
    if failure is not None:
        logger.warning(
            "Search engine unreachable, %d keys left to the worker: %s", len(keys), failure
        )
        from search.tasks import send_pending_index_operations

        send_pending_index_operations.enqueue()


def refresh_now_after_commit(keys):
    keys = list(keys)
    transaction.on_commit(lambda: refresh_now(keys))


def refresh_pages_after_commit(pages):
    refresh_after_commit(page_key(page.pk) for page in pages)


def subtree_keys(page):
    """Keys of a page and everything below it (a move or a restriction affects them all)."""
    return [
        page_key(pk)
        for pk in Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    ]


def all_documents():
    """The document of every indexable page, read by batches, then of every forum post."""
    pages = chain.from_iterable(
        pages.iterator(chunk_size=EXTRACTION_BATCH) for pages in indexable_pages_by_type()
    )
    for _page, document in page_documents(pages, EXTRACTION_BATCH):
        if document is not None:
            yield document
    for post in indexable_posts().iterator(chunk_size=EXTRACTION_BATCH):
        yield post_document(post)


def candidate_count():
    """How many pages and posts a rebuild reads (a few may turn out not to be searchable)."""
    return indexable_pages().count() + indexable_posts().count()


def rebuild(progress=None):
    """Rebuild the whole index from the database, then send what changed meanwhile."""
    record([REBUILD_KEY])
    started = PendingIndexOperation.objects.get(key=REBUILD_KEY)
    try:
        counts = get_backend().rebuild(all_documents(), progress=progress)
    except SearchEngineUnavailable as error:
        keep_for_later(started, error)
        raise
    # Changes queued before the rebuild read the database are in the new index.
    PendingIndexOperation.objects.filter(queued_at__lt=started.queued_at).delete()
    strike_off(started)
    replay_pending()
    content_changed()
    return counts


def ask_rebuild_if_outdated(backend=None):
    """Queue a rebuild when an index was built by another version of the analysis: after an
    upgrade, the engine's indexes follow the code without anyone having to remember.
    Returns the languages found outdated."""
    outdated = (backend or get_backend()).outdated_languages()
    if outdated:
        record([REBUILD_KEY])
    return outdated


def rebuild_pending():
    return PendingIndexOperation.objects.filter(key=REBUILD_KEY).exists()


def rebuild_after_commit():
    """Ask for a rebuild, started in the background once the current transaction commits."""

    def request():
        record([REBUILD_KEY])
        rebuild_in_background()

    transaction.on_commit(request)


def rebuild_in_background():
    from search.tasks import rebuild_search_index

    rebuild_search_index.enqueue()


def rebuild_while_pending():
    """Rebuild until no rebuild is asked for: edits made meanwhile make one more, not one each."""
    while rebuild_running.acquire(blocking=False):
        try:
            while rebuild_pending():
                rebuild()
        finally:
            rebuild_running.release()
        # A rebuild asked for between the last look and the release found the lock taken.
        if not rebuild_pending():
            return


def expected_counts():
    """How many documents per language the database says the index should hold."""
    counts = {}
    for document in all_documents():
        counts[document["locale"]] = counts.get(document["locale"], 0) + 1
    return counts


def drift(backend=None):
    """Documents the index lacks or holds in an older version, and keys it should not hold."""
    backend = backend or get_backend()
    wanted = {document["key"]: document for document in all_documents()}
    indexed = backend.indexed_versions()
    stale = [
        document
        for key, document in wanted.items()
        if indexed.get(key) != (document["locale"], document["updated_at"])
    ]
    extra = [key for key in indexed if key not in wanted]
    return stale, extra


def repair_drift(backend=None):
    """Make the index hold exactly the database's documents; returns how many were fixed."""
    backend = backend or get_backend()
    stale, extra = drift(backend)
    backend.upsert(stale)
    backend.remove(extra)
    return len(stale) + len(extra)
