"""Test settings: the base settings with fast hashing and in-memory mail."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
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
