"""The production set of processes on loopback, for the load, fault and soak scripts.

A throwaway PostgreSQL cluster in /tmp (run as the `postgres` user, as in CI),
an OpenSearch (the one given by SEARCH_URL, or one of our own started like
`.ci/opensearch.sh` does), the demo content plus a generated corpus, then
`honcho start` on the project's `Procfile` with the production settings:
gunicorn, the job worker and the scheduler, exactly as the guide describes.

Everything listens on 127.0.0.1 and is removed when the `with` block ends.
"""

import contextlib
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
HONCHO = str(ROOT / ".venv" / "bin" / "honcho")
PG_BIN = Path("/usr/lib/postgresql/15/bin")
INDEX_PREFIX = "kb-load"
ACCOUNTS_FILE = "accounts.json"


def free_port(start):
    for port in range(start, start + 200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"No free port from {start}.")


def as_postgres(*command, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, **kwargs)


class Postgres:
    """A cluster of our own; `restart()` is what the fault drill does to it."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="kb-load-postgres."))
        shutil.chown(self.root, "postgres")
        self.data = self.root / "data"
        self.port = free_port(55432)
        self.password = secrets.token_hex(12)
        self.url = f"postgres://kb:{self.password}@127.0.0.1:{self.port}/kb"

    def pg_ctl(self, *args):
        as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "postgres.log"),
            "-w", *args, stdout=subprocess.DEVNULL,
        )  # fmt: skip

    def start(self):
        as_postgres(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-E", "UTF8",
            "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        self.pg_ctl("-o", self.options(), "start")
        as_postgres(
            str(PG_BIN / "psql"), "-h", str(self.root), "-p", str(self.port), "-U", "postgres",
            "-q", "-v", "ON_ERROR_STOP=1",
            "-c", f"CREATE ROLE kb LOGIN SUPERUSER PASSWORD '{self.password}'",
            "-c", "CREATE DATABASE kb OWNER kb",
        )  # fmt: skip

    def options(self):
        return f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c max_connections=200"

    def restart(self):
        self.pg_ctl("-m", "fast", "-o", self.options(), "restart")

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.pg_ctl("-m", "fast", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def answers(url, timeout=2):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status < 500
    except (OSError, urllib.error.URLError):
        return False


class OwnOpenSearch:
    """A single OpenSearch node of our own (1 GB heap), which a drill may stop and start."""

    def __init__(self):
        self.home = Path(tempfile.mkdtemp(prefix="kb-load-opensearch."))
        self.port = free_port(9251)
        self.url = f"opensearch+http://127.0.0.1:{self.port}"
        self.process = None
        classpath = self.home / "classpath.txt"
        subprocess.run(
            ["mvn", "-q", "-B", "-f", str(ROOT / ".ci/opensearch/pom.xml"),
             "dependency:build-classpath", f"-Dmdep.outputFile={classpath}"],
            check=True,
        )  # fmt: skip
        self.classpath = classpath.read_text().strip()

    def start(self):
        log = open(self.home / "opensearch.log", "a")  # noqa: SIM115 (kept open by the JVM)
        # The runner listens on baseHttpPort + the node number (1).
        self.process = subprocess.Popen(
            ["nice", "-n", "5", "java", "-Xms1g", "-Xmx1g", "-cp", self.classpath,
             "org.codelibs.opensearch.runner.OpenSearchRunner", "-basePath",
             str(self.home / "data"), "-numOfNode", "1", "-baseHttpPort", str(self.port - 1),
             "-clusterName", "kb-load"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        health = f"http://127.0.0.1:{self.port}/_cluster/health?wait_for_status=yellow&timeout=1s"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if answers(health):
                return
            if self.process.poll() is not None:
                break
            time.sleep(2)
        raise RuntimeError(f"OpenSearch did not start, see {self.home / 'opensearch.log'}")

    def kill(self):
        """Stop the node at once, as a crash or a lost machine would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()

    def remove(self):
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)


def shared_search_url():
    """SEARCH_URL if set, else the OpenSearch already on 127.0.0.1:9201 if one answers."""
    if os.environ.get("SEARCH_URL"):
        return os.environ["SEARCH_URL"]
    if answers("http://127.0.0.1:9201/"):
        return "opensearch+http://127.0.0.1:9201"
    return None


class Site:
    """The environment of the production settings, and the commands run in it."""

    def __init__(self, database_url, search_url, workdir):
        self.workdir = Path(workdir)
        self.port = free_port(8100)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "PATH": f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}",
            "DJANGO_SETTINGS_MODULE": "kb.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.base_url,
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database_url,
            "SEARCH_URL": search_url or "",
            "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.workdir / "private-media"),
            "BACKUP_DIR": str(self.workdir / "backups"),
            "CACHE_URL": f"filecache://{self.workdir / 'cache'}",
            # Mail "sent" is written to files, where a drill counts it.
            "EMAIL_URL": f"filemail:///{self.workdir / 'mail'}",
            # Each simulated visitor has an address of its own, which the load gives in
            # X-Real-IP as the production proxy does.
            "CLIENT_IP_HEADER": "X-Real-IP",
            "LOG_LEVEL": "WARNING",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "PYTHONUNBUFFERED": "1",
        }
        self.honcho = None

    def manage(self, *args, quiet=False, check=True):
        """Run a command; with `check=False` a failure is printed and returned, not raised."""
        result = subprocess.run(
            ["nice", "-n", "5", PYTHON, "manage.py", *args],
            cwd=ROOT, env=self.env, capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0 and check:
            sys.stderr.write(result.stdout + result.stderr)
            raise RuntimeError(f"manage.py {' '.join(args)} failed")
        if not quiet:
            print((result.stdout + result.stderr).strip())
        return result.stdout

    def python(self, *args, quiet=False):
        result = subprocess.run(
            ["nice", "-n", "5", PYTHON, *args], cwd=ROOT, env=self.env, capture_output=True,
            text=True,
        )  # fmt: skip
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            raise RuntimeError(f"python {' '.join(args)} failed")
        if not quiet:
            print(result.stdout.strip())
        return result.stdout

    def prepare(self, corpus_pages):
        """Schema, demo content, a generated corpus, the index, static files, load accounts."""
        started = time.monotonic()
        # The jobs that loading content asks for (a thousand reference index updates, PDFs,
        # observatory figures) are dropped rather than left for the worker to run during the
        # measures; the index is rebuilt from the database at the end instead.
        self.env["TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
        try:
            self.manage("migrate", "--noinput", quiet=True)
            self.manage("load_demo_content", quiet=True)
            if corpus_pages:
                self.python("-m", "bench.load.accounts", "corpus", str(corpus_pages))
            self.manage("collectstatic", "--noinput", quiet=True)
            self.python("-m", "bench.load.accounts", "accounts", str(self.accounts_file))
            if self.env["SEARCH_URL"]:
                self.manage("search_index", "rebuild", quiet=True)
        finally:
            del self.env["TASKS_BACKEND"]
        print(f"Site prepared in {time.monotonic() - started:.0f} s ({self.base_url}).")

    @property
    def accounts_file(self):
        return self.workdir / ACCOUNTS_FILE

    def accounts(self):
        return json.loads(self.accounts_file.read_text())

    def start(self, web_concurrency):
        """`honcho start` on the Procfile; returns once the home page answers."""
        self.web_concurrency = web_concurrency
        env = {**self.env, "WEB_CONCURRENCY": str(web_concurrency)}
        self.honcho_log = open(self.workdir / "honcho.log", "a")  # noqa: SIM115
        self.honcho = subprocess.Popen(
            ["nice", "-n", "5", HONCHO, "start", "-f", "Procfile", "--no-prefix"],
            cwd=ROOT, env=env, stdout=self.honcho_log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if answers(self.base_url + "/", timeout=5):
                return
            if self.honcho.poll() is not None:
                break
            time.sleep(0.5)
        raise RuntimeError(f"The site did not start, see {self.workdir / 'honcho.log'}")

    def stop(self):
        if self.honcho and self.honcho.poll() is None:
            os.killpg(self.honcho.pid, signal.SIGTERM)
            try:
                self.honcho.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.honcho.pid, signal.SIGKILL)
                self.honcho.wait()
        self.honcho = None


@contextlib.contextmanager
def production_site(corpus_pages=0, own_opensearch=False):
    """Yield a prepared `Site` (not started), its `Postgres` and its OpenSearch (if our own)."""
    # Stopped with SIGTERM (by `kill` or a timeout), clean up as after Ctrl+C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped by SIGTERM."))
    workdir = Path(tempfile.mkdtemp(prefix="kb-load."))
    postgres = Postgres()
    opensearch = None
    site = None
    try:
        postgres.start()
        if own_opensearch:
            opensearch = OwnOpenSearch()
            opensearch.start()
            search_url = opensearch.url
        else:
            search_url = shared_search_url()
        print(f"PostgreSQL 15 on port {postgres.port}; search: {search_url or 'database'}")
        site = Site(postgres.url, search_url, workdir)
        site.prepare(corpus_pages)
        yield site, postgres, opensearch
    finally:
        if site:
            site.stop()
            if site.env["SEARCH_URL"]:
                with contextlib.suppress(RuntimeError):
                    site.python("-m", "bench.load.accounts", "drop-indexes")
        if opensearch:
            opensearch.remove()
        postgres.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def run_locust(site, users, spawn_rate, seconds, csv_prefix, extra_env=None, user_classes=()):
    """Run the locustfile headless against `site`, with only `user_classes` when named."""
    env = {
        **site.env,
        "KB_LOAD_ACCOUNTS": str(site.accounts_file),
        **(extra_env or {}),
    }
    command = [
        "nice", "-n", "5", str(ROOT / ".venv" / "bin" / "locust"),
        "-f", str(ROOT / "bench" / "load" / "locustfile.py"), "--headless",
        "-u", str(users), "-r", str(spawn_rate), "-t", f"{seconds}s",
        "--host", site.base_url, "--csv", str(csv_prefix), "--only-summary",
        "--stop-timeout", "10", "--loglevel", "WARNING", *user_classes,
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def read_stats(csv_prefix):
    with open(f"{csv_prefix}_stats.csv") as stats:
        return {row["Name"]: row for row in csv.DictReader(stats)}


def summary(row, seconds=None):
    requests = int(row["Request Count"])
    return {
        "requests": requests,
        "failures": int(row["Failure Count"]),
        "rps": float(row["Requests/s"]),
        "p50": float(row["50%"]),
        "p95": float(row["95%"]),
        "p99": float(row["99%"]),
    }
