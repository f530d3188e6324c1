"""Load test of the production set of processes: throughput and latency by concurrency.

    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.load.run
    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.load.run --profile readers

Starts a PostgreSQL of its own, uses the OpenSearch of SEARCH_URL (or the one on
127.0.0.1:9201), loads the demo content and a generated corpus, then for each
number of gunicorn processes (WEB_CONCURRENCY) starts `honcho start` on the
Procfile with the production settings and runs `bench/load/locustfile.py`
headless at increasing numbers of simulated users, one step after the other.
For each step it prints requests per second, p50/p95/p99 and the failures, then
the highest number of users for which p95 stays under the profile's target with
no failure.

Profiles: `mixed` (the default) is the whole audience of the locustfile, readers,
members and an editor, against a p95 of 300 ms; `readers` is signed-out visitors
only (home, lists, sheets, write-ups, the guide, search and its suggestions), as
most of a knowledge base's traffic is, against a p95 of 150 ms and up to 200 of
them; `members` is members of the open spaces already signed in (reading topics, replying,
registering for a session), judged on the topic pages against a p95 of 300 ms, at
25 and 50 of them. About twelve minutes with the defaults; everything listens on
127.0.0.1.
"""

import argparse
import tempfile
import time
from pathlib import Path

from bench.load.stack import production_site, read_stats, run_locust, summary

PROFILES = {
    "mixed": {"user_classes": (), "users": [5, 10, 20, 40], "p95_target_ms": 300},
    "readers": {"user_classes": ("Reader",), "users": [50, 100, 200], "p95_target_ms": 150},
    # Members signed in on an earlier visit (the `mixed` profile has the sign-ins, a
    # deliberately slow password hash), judged on the topic pages they read; their
    # replies and registrations are in the other rows of the CSV files.
    "members": {
        "user_classes": ("Member",),
        "environment": {"KB_LOAD_SIGNED_IN": "1"},
        "users": [25, 50],
        "p95_target_ms": 300,
        "judged": "sujet",
    },
}


def numbers(text):
    return [int(value) for value in text.split(",")]


def measure_step(site, users, seconds, directory, profile):
    prefix = Path(directory) / f"w{site.web_concurrency}-u{users}"
    locust = run_locust(
        site,
        users,
        max(2, users // 4),
        seconds,
        prefix,
        extra_env=profile.get("environment"),
        user_classes=profile["user_classes"],
    )
    _out, errors = locust.communicate(timeout=seconds + 60)
    if locust.returncode != 0:
        raise RuntimeError(f"locust failed: {errors[-2000:]}")
    stats = read_stats(prefix)
    figures = summary(stats[profile.get("judged", "Aggregated")])
    figures["failed_names"] = sorted(
        name for name, row in stats.items() if name != "Aggregated" and int(row["Failure Count"])
    )
    return figures


def print_row(workers, users, figures):
    failed = f"  ({', '.join(figures['failed_names'])})" if figures["failed_names"] else ""
    print(
        f"{workers:>7} {users:>6} {figures['requests']:>8} {figures['rps']:>7.1f} "
        f"{figures['p50']:>6.0f} {figures['p95']:>6.0f} {figures['p99']:>6.0f} "
        f"{figures['failures']:>6}{failed}",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=PROFILES, default="mixed")
    parser.add_argument("--users", type=numbers, help="the profile's steps unless given")
    parser.add_argument("--workers", type=numbers, default=[1, 2, 4])
    parser.add_argument("--seconds", type=int, default=30, help="length of each step")
    parser.add_argument("--corpus", type=int, default=1000, help="generated pages")
    options = parser.parse_args()
    profile = PROFILES[options.profile]
    options.users = options.users or profile["users"]

    results = {}
    with production_site(corpus_pages=options.corpus) as (site, _postgres, _opensearch):
        directory = tempfile.mkdtemp(prefix="kb-load-csv.")
        print(f"\n{'workers':>7} {'users':>6} {'requests':>8} {'req/s':>7} "
              f"{'p50':>6} {'p95':>6} {'p99':>6} {'failed':>6}  (ms)")  # fmt: skip
        for workers in options.workers:
            site.start(workers)
            try:
                # One short warm-up so that every process has loaded its code and caches.
                warm_up = Path(directory) / "warm-up"
                run_locust(
                    site,
                    5,
                    5,
                    10,
                    warm_up,
                    extra_env=profile.get("environment"),
                    user_classes=profile["user_classes"],
                ).wait()
                for users in options.users:
                    figures = measure_step(site, users, options.seconds, directory, profile)
                    results[workers, users] = figures
                    print_row(workers, users, figures)
            finally:
                site.stop()
                time.sleep(2)

    target = profile["p95_target_ms"]
    print(f"\nHighest concurrency with p95 < {target} ms and no failure:")
    for workers in options.workers:
        passing = [
            users
            for users in options.users
            if results[workers, users]["p95"] < target and results[workers, users]["failures"] == 0
        ]
        best = max(passing, default=None)
        peak = max(results[workers, users]["rps"] for users in options.users)
        print(
            f"  WEB_CONCURRENCY={workers}: "
            f"{f'{best} users' if best else f'none of {options.users}'}; "
            f"highest throughput {peak:.1f} req/s"
        )


if __name__ == "__main__":
    main()
