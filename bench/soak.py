"""Soak test: ten minutes of steady load; does the memory of the processes keep growing?

    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.soak

Starts the production processes (`bench.load.stack`: honcho and the Procfile on
PostgreSQL and OpenSearch) and runs the load of `bench/load/locustfile.py` at a
steady number of users. Every 10 s it reads the resident memory (RSS) of each
gunicorn worker and of the job worker, and prints it. At the end it compares
the last third of the run with the middle third (the first third is warm-up):
memory that keeps growing shows as a higher mean in the last third.

gunicorn replaces a worker after `--max-requests` (Procfile), which would hide
a leak: each sample says which worker processes are new since the previous one.
"""

import argparse
import statistics
import time

import psutil

from bench.faults.common import BackgroundLoad, print_load
from bench.load.stack import production_site

MB = 1024 * 1024
# A mean more than this much higher in the last third than in the middle third is growth.
GROWTH_THRESHOLD = 0.05


def processes(site):
    """The gunicorn workers (children of the gunicorn master) and the job worker."""
    web, jobs = [], []
    for process in psutil.Process(site.honcho.pid).children(recursive=True):
        try:
            command = " ".join(process.cmdline())
            if "gunicorn" in command and "gunicorn" in " ".join(process.parent().cmdline()):
                web.append(process)
            elif "db_worker" in command and process.name().startswith("python"):
                jobs.append(process)
        except psutil.NoSuchProcess:
            continue
    return web, jobs


def rss(process_list):
    sizes = {}
    for process in process_list:
        try:
            sizes[process.pid] = process.memory_info().rss / MB
        except psutil.NoSuchProcess:
            continue
    return sizes


def verdict(name, series):
    third = len(series) // 3
    middle, last = statistics.mean(series[third : 2 * third]), statistics.mean(series[2 * third :])
    growth = (last - middle) / middle
    grows = "keeps growing" if growth > GROWTH_THRESHOLD else "stable"
    return (
        f"{name}: middle third {middle:.0f} MB, last third {last:.0f} MB ({growth:+.1%}): {grows}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY")
    parser.add_argument("--corpus", type=int, default=500, help="generated pages")
    options = parser.parse_args()
    seconds = int(options.minutes * 60)

    with production_site(corpus_pages=options.corpus) as (site, _postgres, _opensearch):
        site.start(options.workers)
        load = BackgroundLoad(site, options.users, seconds)
        started = time.monotonic()
        web_totals, web_means, job_sizes, seen = [], [], [], set()
        print(f"{'t (s)':>6} {'web total':>10} {'per web worker (MB)':<40} {'db_worker':>9}")
        while time.monotonic() - started < seconds:
            time.sleep(10)
            web, jobs = processes(site)
            web_rss, job_rss = rss(web), rss(jobs)
            if not web_rss:
                continue
            new = set(web_rss) - seen if seen else set()
            seen |= set(web_rss)
            web_totals.append(sum(web_rss.values()))
            web_means.append(statistics.mean(web_rss.values()))
            job_sizes.append(sum(job_rss.values()))
            workers = " ".join(
                f"{size:.0f}{'*' if pid in new else ''}" for pid, size in sorted(web_rss.items())
            )
            print(
                f"{time.monotonic() - started:>6.0f} {web_totals[-1]:>10.0f} {workers:<40} "
                f"{job_sizes[-1]:>9.0f}",
                flush=True,
            )
        totals, stats, failures = load.result()
        print("(* a worker started since the previous sample: gunicorn's --max-requests)")
        print_load("Load", totals, stats, failures)
        print(verdict("gunicorn workers, mean per worker", web_means))
        print(verdict("gunicorn workers, total", web_totals))
        print(verdict("db_worker", job_sizes))
        print(f"gunicorn worker processes seen: {len(seen)} for WEB_CONCURRENCY={options.workers}")


if __name__ == "__main__":
    main()
