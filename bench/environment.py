"""Django set up on a database and an index prefix of the benchmark's own.

Every benchmark runs on its own SQLite file (one per corpus size, unless
DATABASE_URL says otherwise) and its own index prefix, so that it never
touches the development database, the test indexes or anyone's content.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_INDEX_PREFIX = "kb-bench"


def setup(pages):
    """Configure and start Django for a corpus of `pages` pages, then migrate its database."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.base")
    os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/kb-bench-{pages}.sqlite3")
    os.environ.setdefault("SEARCH_INDEX_PREFIX", BENCH_INDEX_PREFIX)
    os.environ.setdefault("SEARCH_URL", "")
    os.environ.setdefault("DEBUG", "false")

    import django

    django.setup()

    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
