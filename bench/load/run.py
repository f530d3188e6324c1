"""Load test of the production set of processes: throughput and latency by concurrency.

    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.load.run

Starts a PostgreSQL of its own, uses the OpenSearch of SEARCH_URL (or the one on
127.0.0.1:9201), loads the demo content and a generated corpus, then for each
number of gunicorn processes (WEB_CONCURRENCY) starts `honcho start` on the
Procfile with the production settings and runs `bench/load/locustfile.py`
headless at increasing numbers of simulated users, one step after the other.
For each step it prints requests per second, p50/p95/p99 and the failures, then
the highest number of users for which p95 stays under 300 ms with no failure.
About twelve minutes with the defaults; everything listens on 127.0.0.1.
"""

import argparse
import tempfile
import time
from pathlib import Path

from bench.load.stack import production_site, read_stats, run_locust, summary

P95_TARGET_MS = 300


def numbers(text):
    return [int(value) for value in text.split(",")]


def measure_step(site, users, seconds, directory):
    prefix = Path(directory) / f"w{site.web_concurrency}-u{users}"
    locust = run_locust(site, users, max(2, users // 4), seconds, prefix)
    _out, errors = locust.communicate(timeout=seconds + 60)
    if locust.returncode != 0:
        raise RuntimeError(f"locust failed: {errors[-2000:]}")
    stats = read_stats(prefix)
    figures = summary(stats["Aggregated"])
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
    parser.add_argument("--users", type=numbers, default=[5, 10, 20, 40])
    parser.add_argument("--workers", type=numbers, default=[1, 2, 4])
    parser.add_argument("--seconds", type=int, default=30, help="length of each step")
    parser.add_argument("--corpus", type=int, default=1000, help="generated pages")
    options = parser.parse_args()

    results = {}
    with production_site(corpus_pages=options.corpus) as (site, _postgres, _opensearch):
        directory = tempfile.mkdtemp(prefix="kb-load-csv.")
        print(f"\n{'workers':>7} {'users':>6} {'requests':>8} {'req/s':>7} "
              f"{'p50':>6} {'p95':>6} {'p99':>6} {'failed':>6}  (ms)")  # fmt: skip
        for workers in options.workers:
            site.start(workers)
            try:
                # One short warm-up so that every process has loaded its code and caches.
                run_locust(site, 5, 5, 10, Path(directory) / "warm-up").wait()
                for users in options.users:
                    figures = measure_step(site, users, options.seconds, directory)
                    results[workers, users] = figures
                    print_row(workers, users, figures)
            finally:
                site.stop()
                time.sleep(2)

    print(f"\nHighest concurrency with p95 < {P95_TARGET_MS} ms and no failure:")
    for workers in options.workers:
        passing = [
            users
            for users in options.users
            if results[workers, users]["p95"] < P95_TARGET_MS
            and results[workers, users]["failures"] == 0
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
