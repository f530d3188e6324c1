"""What the fault drills share: a load in the background, probes, and reading its figures."""

import json
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.load.stack import read_stats, run_locust, summary


class BackgroundLoad:
    """The locustfile's mix at `users` users for `seconds`, while the drill does its harm."""

    def __init__(self, site, users, seconds):
        self.seconds = seconds
        self.prefix = Path(tempfile.mkdtemp(prefix="kb-fault-csv.")) / "load"
        self.process = run_locust(site, users, max(2, users // 2), seconds, self.prefix)

    def result(self):
        """Wait for the end of the load; its figures in total and by kind of request."""
        _out, errors = self.process.communicate(timeout=self.seconds + 90)
        if self.process.returncode != 0:
            raise RuntimeError(f"locust failed: {errors[-2000:]}")
        stats = read_stats(self.prefix)
        failures = Path(f"{self.prefix}_failures.csv").read_text().strip().splitlines()[1:]
        return summary(stats["Aggregated"]), stats, failures


def get(url, timeout=10):
    """Status, seconds taken and body of a GET; a refused or timed-out connection is status 0."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, time.monotonic() - started, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, error.read().decode(errors="replace")
    except OSError:
        return 0, time.monotonic() - started, ""


def figures(site):
    return json.loads(site.python("-m", "bench.faults.figures", quiet=True))


def print_load(title, totals, stats, failures):
    print(
        f"{title}: {totals['requests']} requests, {totals['rps']:.1f} req/s, "
        f"p50 {totals['p50']:.0f} ms, p95 {totals['p95']:.0f} ms, p99 {totals['p99']:.0f} ms, "
        f"{totals['failures']} failed"
    )
    for name, row in sorted(stats.items()):
        if name != "Aggregated" and int(row["Failure Count"]):
            print(f"  {name}: {row['Failure Count']} failed of {row['Request Count']}")
    for line in failures[:12]:
        print(f"  failure: {line}")
