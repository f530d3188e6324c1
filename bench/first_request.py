"""How long the first visitors wait after the web process starts, as production starts it.

    DATABASE_URL=sqlite:////srv/kb/db.sqlite3 STATIC_ROOT=/srv/kb/static \\
        nice -n 5 .venv/bin/python -m bench.first_request [--runs 3] [--workers 2]

Runs the Procfile's `web` line (gunicorn, `kb.settings.production`) on a free
loopback port, against the database of DATABASE_URL (with its demo content, its
PDFs printed and its index built: run a worker with `--batch` first) and the
files `collectstatic` put in STATIC_ROOT. Once the port answers and the workers
have had `--settle` seconds to boot, it asks, each on a new connection, for the
home page, a search, a guide PDF and the observatory map, twice each (two
workers may each meet their first request), and prints each time. Each run
starts the process anew, and puts another kind of request first: with `--runs 4`,
each kind is once the very first request of a fresh process.
"""

import argparse
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Two of each (two workers may each meet their first); each run puts another kind first.
REQUESTS = [
    [("accueil", "/"), ("accueil", "/")],
    [("recherche", "/recherche/?q=r%C3%A9pit"), ("recherche", "/recherche/?q=%C3%A9quipe+mobile")],
    [("PDF du guide", None), ("PDF du guide", None)],
    [("carte", "/observatoire/carte/"), ("carte", "/observatoire/carte/?niveau=departement")],
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def web_command():
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line.partition(":")[2].strip()
    raise SystemExit("no web process in the Procfile")


def guide_pdf_path(env):
    """The address of a published guide's PDF, read through manage.py in production settings."""
    probe = (
        "from kb.models import GuidePage; "
        "print(GuidePage.objects.live().filter(locale__language_code='fr').first().url + 'pdf/')"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def wait_for_port(port, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"nothing listens on {port} after {timeout} s")


def timed_get(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        status = response.status
    return time.perf_counter() - started, status


def one_run(run, env, port, settle, pdf_path, log_path):
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            ["bash", "-c", f"exec {web_command()}"],
            cwd=ROOT,
            env={**env, "PORT": str(port)},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        started = time.perf_counter()
        wait_for_port(port)
        listening = time.perf_counter() - started
        time.sleep(settle)
        times = []
        order = REQUESTS[run % len(REQUESTS) :] + REQUESTS[: run % len(REQUESTS)]
        for label, path in [request for group in order for request in group]:
            seconds, status = timed_get(f"http://127.0.0.1:{port}{path or pdf_path}")
            times.append((label, seconds, status))
        return listening, times
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--settle", type=float, default=20.0, help="seconds after the port opens")
    arguments = parser.parse_args()
    for name in ("DATABASE_URL", "STATIC_ROOT"):
        if name not in os.environ:
            raise SystemExit(f"set {name} (see the docstring)")

    port = free_port()
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "DJANGO_SETTINGS_MODULE": "kb.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": str(arguments.workers),
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
    }
    pdf_path = guide_pdf_path(env)
    log_path = Path(tempfile.mkdtemp(prefix="kb-first-request-")) / "web.log"
    by_label, very_first = {}, {}
    print(web_command())
    print(f"{arguments.workers} processus, mesures {arguments.settle:.0f} s après l’ouverture")
    for run in range(1, arguments.runs + 1):
        listening, times = one_run(run - 1, env, port, arguments.settle, pdf_path, log_path)
        warmed = re.findall(r"warmed up in ([\d.]+) s", log_path.read_text())
        described = ", ".join(f"{label} {seconds * 1000:.0f} ms" for label, seconds, _ in times)
        print(f"essai {run} : port ouvert après {listening:.1f} s ; préchauffage {warmed} s")
        print(f"  {described}")
        for label, seconds, status in times:
            assert status == 200, (label, status)
            by_label.setdefault(label, []).append(seconds)
        first_label, first_seconds, _ = times[0]
        very_first.setdefault(first_label, []).append(first_seconds)
    print("\nrequêtes de chaque sorte, médiane / pire (ms) ; la toute première du processus :")
    for label, values in by_label.items():
        firsts = ", ".join(f"{value * 1000:.0f}" for value in very_first.get(label, []))
        median, worst = statistics.median(values) * 1000, max(values) * 1000
        print(f"  {label:14} {median:6.0f} / {worst:6.0f} ; {firsts or '-'}")


if __name__ == "__main__":
    main()
