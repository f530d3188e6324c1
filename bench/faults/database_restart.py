"""Fault drill: PostgreSQL stops during the load, then starts again.

    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.faults.database_restart

Starts the production processes and the load (members reply and register for
training sessions all along), stops PostgreSQL (`pg_ctl stop -m fast`: open
connections are cut) for a while, then starts it again. Prints what it saw:
the answers to a probe each second while the database is away (expected: a
quick 500 error page, no hang), how long the site took to answer again, the
load's failures, and whether anything was half written (a reply without its
topic or its text, a training session whose seats disagree with its
registrations). About three minutes.
"""

import argparse
import collections
import time

from bench.faults.common import BackgroundLoad, figures, get, print_load
from bench.load.stack import production_site

CONSISTENCY = (
    "posts_without_topic_or_html",
    "topics_without_posts",
    "sessions_whose_seats_disagree",
)


def probe(site, seen):
    status, seconds, _body = get(site.base_url + "/", timeout=15)
    seen[status].append(seconds)
    return status


def describe(seen):
    return ", ".join(
        f"{'no answer' if status == 0 else status}: {len(times)} (slowest {max(times):.1f} s)"
        for status, times in sorted(seen.items())
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--before", type=int, default=30, help="seconds of load before the stop")
    parser.add_argument("--outage", type=int, default=20, help="seconds without PostgreSQL")
    parser.add_argument("--after", type=int, default=40, help="seconds of load after the start")
    options = parser.parse_args()

    with production_site() as (site, postgres, _opensearch):
        site.start(2)
        before = figures(site)
        load = BackgroundLoad(site, options.users, options.before + options.outage + options.after)
        started = time.monotonic()
        time.sleep(options.before)

        postgres.pg_ctl("-m", "fast", "stop")
        stopped = time.monotonic()
        print(f"PostgreSQL stopped at t={stopped - started:.0f} s.")
        during = collections.defaultdict(list)
        while time.monotonic() - stopped < options.outage:
            probe(site, during)
            time.sleep(1)
        print(f"  home page while it was stopped: {describe(during)}")

        postgres.pg_ctl("-o", postgres.options(), "start")
        restarted = time.monotonic()
        print(f"PostgreSQL started again at t={restarted - started:.0f} s.")
        after = collections.defaultdict(list)
        while probe(site, after) != 200 and time.monotonic() - restarted < 60:
            time.sleep(0.5)
        print(
            f"  site answering 200 again {time.monotonic() - restarted:.1f} s later "
            f"({describe(after)})."
        )

        totals, stats, failures = load.result()
        print_load("Load during the drill", totals, stats, failures)
        processes_alive = site.honcho.poll() is None
        print(f"honcho and its processes still running: {processes_alive}")

        now = figures(site)
        replies = stats.get("réponse", {"Request Count": "0", "Failure Count": "0"})
        saved = int(replies["Request Count"]) - int(replies["Failure Count"])
        print(
            f"Replies: {saved} answered as saved, {now['posts'] - before['posts']} new posts in "
            f"the database; registrations: {now['registrations'] - before['registrations']} new."
        )
        for name in CONSISTENCY:
            print(f"  {name.replace('_', ' ')}: {now[name]}")


if __name__ == "__main__":
    main()
