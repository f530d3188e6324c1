"""Fault drill: OpenSearch stops during the load, then comes back.

    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.faults.search_engine_down

Starts an OpenSearch node of its own (1 GB heap, the shared one is never
touched), the production processes and the load; stops the node for a while,
then starts it again. Prints what it saw: the search page and the suggestions
while the engine is away (expected: a clear message, no 500), the editors'
publications (expected: saved), the outbox (search.models.PendingIndexOperation)
filling then draining once the engine is back, and `search_index status`
(expected: the index equals the database). About five minutes.
"""

import argparse
import time

from bench.faults.common import BackgroundLoad, figures, get, print_load
from bench.load.stack import production_site

UNAVAILABLE_MESSAGE = "La recherche est momentanément indisponible"


def probe_search(site):
    status, seconds, body = get(f"{site.base_url}/recherche/?q=autisme")
    suggestions, _seconds, _body = get(f"{site.base_url}/recherche/suggestions/?q=aut")
    message = "clear message" if UNAVAILABLE_MESSAGE in body else "results"
    return f"search {status} in {seconds * 1000:.0f} ms ({message}), suggestions {suggestions}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--before", type=int, default=30, help="seconds of load before the stop")
    parser.add_argument("--outage", type=int, default=60, help="seconds without OpenSearch")
    parser.add_argument("--drain", type=int, default=300, help="longest wait for the outbox")
    options = parser.parse_args()

    with production_site(own_opensearch=True) as (site, _postgres, opensearch):
        site.start(2)
        load_seconds = options.before + options.outage + 60
        load = BackgroundLoad(site, options.users, load_seconds)
        started = time.monotonic()
        time.sleep(options.before)
        print(f"Before the stop: {probe_search(site)}")
        opensearch.stop()
        stopped = time.monotonic()
        print(f"OpenSearch stopped at t={stopped - started:.0f} s.")
        while time.monotonic() - stopped < options.outage:
            time.sleep(15)
            outbox = figures(site)["pending_index_operations"]
            print(f"  t={time.monotonic() - started:.0f} s: {probe_search(site)}; outbox {outbox}")
        opensearch.start()
        restarted = time.monotonic()
        print(f"OpenSearch answering again at t={restarted - started:.0f} s.")
        totals, stats, failures = load.result()
        print_load("Load during the drill", totals, stats, failures)
        publications = stats.get("admin : publier")
        if publications:
            print(
                f"Editors' publications: {publications['Request Count']} sent, "
                f"{publications['Failure Count']} not saved."
            )

        # The outbox is sent by the next edit, or by the retries of the job that failed.
        drained_after = None
        while time.monotonic() - restarted < options.drain:
            outbox = figures(site)["pending_index_operations"]
            if outbox == 0:
                drained_after = time.monotonic() - restarted
                break
            time.sleep(5)
        if drained_after is None:
            print(f"Outbox not drained {options.drain} s after the restart ({outbox} left).")
        else:
            print(f"Outbox drained {drained_after:.0f} s after OpenSearch came back.")
        print(f"After the restart: {probe_search(site)}")
        print("manage.py search_index status:")
        site.manage("search_index", "status", check=False)


if __name__ == "__main__":
    main()
