"""This site beside Wagtail's demo site (wagtail/bakerydemo), page for page, in one run.

    flock /tmp/kb/bench.lock nice -n 5 .venv/bin/python -m bench.versus_bakerydemo CHECKOUT

CHECKOUT is a checkout of the public repository https://github.com/wagtail/bakerydemo,
never copied into this one. The script

1. gives it a virtualenv (CHECKOUT/.venv, Python 3.11; bakerydemo asks for
   Django 6, which needs 3.12: the Django pin is then relaxed to 5.2, and said
   so) and, in CHECKOUT/data/kbbench (bakerydemo ignores /data), a SQLite
   database with its demo content, its search index and its static files;
2. prepares this site the same way in a folder of its own: SQLite, the demo
   content, the database search backend, production settings, DEBUG off;
3. serves both with gunicorn, one worker each, and this site twice: once with
   the page cache off (PAGE_CACHE_SECONDS=0), once with it, as a signed-out
   visitor finds it;
4. asks each pair of comparable pages (home and home, a list and a list, a
   detail page and a detail page, a search and a search) in turn, one request
   at a time, N rounds after a warm-up, and prints the medians, the p95 and the
   ratios: this site's time over bakerydemo's.

Only loopback traffic. About two minutes once both sites are prepared (the first
run installs bakerydemo's requirements from PyPI). Figures go to the guide,
docs/exploitation.md, "Face au site de démonstration de Wagtail".
"""

import argparse
import json
import math
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import requests

from bench.load.stack import ROOT, answers, free_port

OUR_PYTHON = ROOT / ".venv" / "bin" / "python"
OUR_GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# (label, this site's page, bakerydemo's page), as the issue that set the targets paired them.
PAIRS = [
    ("home", "home", "/"),
    ("list", "sheets", "/breads/"),
    ("list", "trainings", "/locations/"),
    ("detail", "sheet", "bread"),
    ("detail", "training", "location"),
    ("detail", "experiment", "blog"),
    ("search", "/recherche/?q=r%C3%A9pit", "/search/?q=bread"),
]
OUR_ADDRESSES = """
import json
from django.db.models import Count
from practices.models import (ExperimentPage, PracticeSheetIndexPage, PracticeSheetPage,
    TrainingOfferIndexPage, TrainingOfferPage)
french = {"locale__language_code": "fr", "live": True}
offer = (TrainingOfferPage.objects.filter(**french).annotate(count=Count("sessions"))
    .order_by("-count", "pk").first())
print(json.dumps({
    "home": "/",
    "sheets": PracticeSheetIndexPage.objects.filter(**french).first().url,
    "trainings": TrainingOfferIndexPage.objects.filter(**french).first().url,
    "sheet": PracticeSheetPage.objects.filter(**french).order_by("pk").first().url,
    "training": offer.url,
    "experiment": ExperimentPage.objects.filter(**french).order_by("pk").first().url,
}))
"""
THEIR_ADDRESSES = """
import json
from bakerydemo.blog.models import BlogPage
from bakerydemo.breads.models import BreadPage
from bakerydemo.locations.models import LocationPage
print(json.dumps({
    "bread": BreadPage.objects.live().get(slug="anadama-bread").url,
    "location": LocationPage.objects.live().order_by("pk").first().url,
    "blog": BlogPage.objects.live().get(slug="wild-yeast").url,
}))
"""
THEIR_SETTINGS = """# Written by bench.versus_bakerydemo: bakerydemo's, DEBUG off, SQLite here.
import os
from bakerydemo.settings.dev import *  # noqa: F403

_HERE = os.path.dirname(os.path.abspath(__file__))
DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.path.join(_HERE, "db.sqlite3")}}
MEDIA_ROOT = os.path.join(_HERE, "media")
STATIC_ROOT = os.path.join(_HERE, "static")
"""


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise RuntimeError(f"{' '.join(map(str, command[:4]))} … failed")
    return result.stdout


class Bakerydemo:
    def __init__(self, checkout, python):
        self.checkout = Path(checkout).resolve()
        if not (self.checkout / "bakerydemo" / "wsgi.py").exists():
            sys.exit(f"Not a checkout of wagtail/bakerydemo: {self.checkout}")
        self.python = python
        self.state = self.checkout / "data" / "kbbench"
        self.venv = self.checkout / ".venv"
        self.notes = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kbbench_settings",
            "PYTHONPATH": str(self.state),
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        }
        for name in ("DATABASE_URL", "DATABASE_NAME"):
            self.env.pop(name, None)

    def install(self):
        if not (self.venv / "bin" / "python").exists():
            run([self.python, "-m", "venv", str(self.venv)])
        pip = [str(self.venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        requirements = self.checkout / "requirements" / "base.txt"
        pinned = subprocess.run([*pip, "-r", str(requirements), "gunicorn"], capture_output=True)
        if pinned.returncode != 0:
            relaxed = self.state / "requirements-relaxed.txt"
            text = requirements.read_text()
            relaxed.write_text(re.sub(r"(?im)^django>=[0-9.]+", "Django>=5.2", text))
            run([*pip, "-r", str(relaxed), "gunicorn"])
            self.notes.append(
                f"bakerydemo's Django pin does not install on {self.python}: relaxed to >=5.2"
            )

    def manage(self, *args):
        return run(
            [str(self.venv / "bin" / "python"), "manage.py", *args], cwd=self.checkout, env=self.env
        )

    def prepare(self):
        self.state.mkdir(parents=True, exist_ok=True)
        (self.state / "kbbench_settings.py").write_text(THEIR_SETTINGS)
        self.install()
        if not (self.state / "db.sqlite3").exists():
            self.manage("migrate", "--noinput")
            self.manage("load_initial_data")
            self.manage("update_index")
        self.manage("collectstatic", "--noinput")
        return json.loads(self.manage("shell", "-c", THEIR_ADDRESSES).strip().splitlines()[-1])

    def versions(self):
        code = "import django, wagtail; print(django.get_version(), wagtail.__version__)"
        return self.manage("shell", "-c", code).split()

    def serve(self, stack, port):
        command = [str(self.venv / "bin" / "gunicorn"), "bakerydemo.wsgi:application"]
        return serve(stack, command, self.checkout, self.env, port, self.state / "gunicorn.log")


class ThisSite:
    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kb.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": "http://127.0.0.1:8000",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'db.sqlite3'}",
            "SEARCH_URL": "",
            "CACHE_URL": f"filecache://{self.workdir / 'cache'}",
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.workdir / "private-media"),
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "LOG_LEVEL": "ERROR",
        }

    def manage(self, *args):
        return run([str(OUR_PYTHON), "manage.py", *args], cwd=ROOT, env=self.env)

    def prepare(self):
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("search_index", "rebuild")
        self.manage("collectstatic", "--noinput")
        return json.loads(self.manage("shell", "-c", OUR_ADDRESSES).strip().splitlines()[-1])

    def serve(self, stack, port, page_cache_seconds):
        env = {**self.env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
        command = [str(OUR_GUNICORN), "kb.wsgi", "--config", "gunicorn.conf.py", "--preload"]
        return serve(stack, command, ROOT, env, port, self.workdir / f"gunicorn-{port}.log")


def serve(stack, command, cwd, env, port, log_path):
    """gunicorn with one sync worker on 127.0.0.1:`port`, stopped when `stack` closes."""
    log = stack.enter_context(log_path.open("a"))
    process = subprocess.Popen(
        [*command, "--workers", "1", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    stack.callback(stop, process)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if answers(base_url + "/", timeout=5):
            return base_url
        if process.poll() is not None:
            break
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not start, see {log_path}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def timed_get(session, url):
    started = time.perf_counter()
    response = session.get(url, allow_redirects=False, timeout=30)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def measure(servers, pairs, rounds, warm_up):
    """Each server's times for each pair, its requests interleaved with the others'.

    A fresh session (no cookie) per request: every request is a signed-out visitor's.
    """
    times = {(name, index): [] for name in servers for index in range(len(pairs))}
    for round_number in range(warm_up + rounds):
        for index, pair in enumerate(pairs):
            # The order of the servers turns, so that none always follows another.
            names = list(servers)
            names = names[round_number % len(names) :] + names[: round_number % len(names)]
            for name in names:
                base_url, path = servers[name], pair[name]
                elapsed = timed_get(requests.Session(), base_url + path)
                if round_number >= warm_up:
                    times[name, index].append(elapsed)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", help="a checkout of github.com/wagtail/bakerydemo")
    parser.add_argument("-n", "--rounds", type=int, default=100)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--python", default="python3.11", help="for bakerydemo's virtualenv")
    options = parser.parse_args()
    if not 1 <= options.rounds <= 1000:
        sys.exit("--rounds: 1 to 1000")

    theirs = Bakerydemo(options.checkout, options.python)
    their_addresses = {"/": "/", **theirs.prepare()}
    workdir = Path(tempfile.mkdtemp(prefix="kb-versus."))
    try:
        ours = ThisSite(workdir)
        our_addresses = ours.prepare()
        pairs = [
            {
                "label": label,
                "ours": our_addresses.get(our_page, our_page),
                "theirs": their_addresses.get(their_page, their_page),
            }
            for label, our_page, their_page in PAIRS
        ]
        for pair in pairs:
            pair["ours cached"] = pair["ours"]
        with ExitStack() as stack:
            servers = {
                "ours": ours.serve(stack, free_port(8100), page_cache_seconds=0),
                "ours cached": ours.serve(stack, free_port(8150), page_cache_seconds=600),
                "theirs": theirs.serve(stack, free_port(8190)),
            }
            times = measure(servers, pairs, options.rounds, options.warm_up)
        django_version, wagtail_version = theirs.versions()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"bakerydemo: Wagtail {wagtail_version}, Django {django_version}, SQLite; this site: "
        f"SQLite, database search. gunicorn, 1 sync worker each, DEBUG off; "
        f"{options.rounds} interleaved rounds after {options.warm_up}; medians (p95) in ms."
    )
    for note in theirs.notes:
        print(f"NOTE: {note}")
    print(
        f"\n{'kind':<7} {'this site':<42} {'uncached':>15} {'cached':>15} "
        f"{'bakerydemo':<28} {'ms':>15} {'ratio':>6} {'cached':>6}"
    )
    for index, pair in enumerate(pairs):
        medians = {name: statistics.median(times[name, index]) for name in servers}
        cells = {name: f"{medians[name]:.1f} ({p95(times[name, index]):.1f})" for name in servers}
        print(
            f"{pair['label']:<7} {pair['ours'][:42]:<42} {cells['ours']:>15} "
            f"{cells['ours cached']:>15} {pair['theirs'][:28]:<28} {cells['theirs']:>15} "
            f"{medians['ours'] / medians['theirs']:>6.2f} "
            f"{medians['ours cached'] / medians['theirs']:>6.2f}"
        )


if __name__ == "__main__":
    main()
