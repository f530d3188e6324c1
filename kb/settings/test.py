"""Test settings: the base settings with fast hashing and in-memory mail.

`make test` runs the suite in several processes (pytest-xdist): each has its own
test database (pytest-django names it after the process), its own cache (in
memory), and, below, its own media folders and search-index prefix, so that one
process rebuilding or emptying them never pulls them from under another.
"""

import os
import uuid

from .base import *  # noqa: F403

# "gw0", "gw1"… in a pytest-xdist process, "main" in a run of one process.
TEST_PROCESS = os.environ.get("PYTEST_XDIST_WORKER", "main")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media" / TEST_PROCESS  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media" / TEST_PROCESS  # noqa: F405
# Documents a test indexes on the engine of SEARCH_URL go to indexes of this process's
# own, never to the site's ("kb-content-…"); tests/conftest.py deletes them at the end.
SEARCH_INDEX_PREFIX = f"kbtest-{uuid.uuid4().hex[:10]}"
# Rate limits live in the shared cache and would leak from one test to the next.
ACCOUNT_RATE_LIMITS = False
# Jobs run at once, in the process that enqueues them (always after a commit, see
# kb.background_jobs).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "search"],
    }
}
# Each test starts with an empty cache (tests/conftest.py), in the test's own process.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A test's transaction is never committed, so its changes would not drop the pages
# kept before them: the tests of the page cache turn it on (tests/practices/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
