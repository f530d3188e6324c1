"""Render time and query count of a topic page with 10,000 posts.

    .venv/bin/python bench/forum_topic.py [--posts 10000] [--repeat 7]

Builds (once) a members-only space whose topic holds that many published posts,
in a SQLite file of its own, then asks for the first, a middle and the last page
of the topic as a member, as the browser would, and prints the median render
time and the number of SQL queries of each.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(posts):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.base")
    os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/kb-bench-topic-{posts}.sqlite3")
    os.environ.setdefault("SEARCH_URL", "")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_topic(count):
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from tqdm import tqdm

    from forums.models import Post, Space, SpaceMembership, Topic
    from kb.markup import render_markdown

    space, _ = Space.objects.get_or_create(
        slug="bench-topic",
        defaults={"name": "Espace de mesure", "description": "Mesure", "charter": "Charte"},
    )
    reader, _ = get_user_model().objects.get_or_create(
        username="lecteur", defaults={"email": "lecteur@exemple.fr"}
    )
    SpaceMembership.objects.get_or_create(
        space=space, user=reader, defaults={"status": SpaceMembership.Status.ACTIVE}
    )
    topic, _ = Topic.objects.get_or_create(
        space=space, title="Un très long sujet", defaults={"author": reader}
    )
    missing = count - topic.posts.count()
    body = "Retour d’expérience sur le **répit** et la coordination des parcours."
    html = render_markdown(body)
    with transaction.atomic():
        for start in tqdm(range(0, max(missing, 0), 1000), desc="Messages", unit="lot"):
            Post.objects.bulk_create(
                Post(topic=topic, author=reader, body=body, body_html=html)
                for _ in range(min(1000, missing - start))
            )
    return topic, reader


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    durations = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            durations.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return statistics.median(durations) * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    arguments = parser.parse_args()
    setup(arguments.posts)

    from django.test import Client

    from forums.views import POSTS_PER_PAGE

    topic, reader = build_topic(arguments.posts)
    client = Client()
    client.force_login(reader)
    last = -(-topic.posts.count() // POSTS_PER_PAGE)
    print(f"Sujet de {topic.posts.count()} messages, {POSTS_PER_PAGE} par page, {last} pages")
    print(f"{'page':>8} | {'médiane (ms)':>12} | {'requêtes SQL':>12}")
    for number in (1, last // 2, last):
        url = f"{topic.get_absolute_url()}?page={number}"
        median_ms, query_count = measure(client, url, arguments.repeat)
        print(f"{number:>8} | {median_ms:>12.1f} | {query_count:>12}")


if __name__ == "__main__":
    main()
