"""The site as production runs it, read in a browser: styled, complete, and quiet.

The Procfile's `web` process (gunicorn, `kb.settings.production`, DEBUG off)
serves the demo content and the files `collectstatic` gathered, through
WhiteNoise, on a loopback port that SITE_URL names. Chromium reads the pages
people arrive on. Any console error, blocked or failed resource, Content
Security Policy refusal, missing Marianne font or unstyled header fails the
test: each is how a deployment broke once without a single test noticing.

The database is this test's: PostgreSQL's test database when DATABASE_URL is
set, else a copy of the SQLite one in a temporary file, both loaded with the
demo content.
"""

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from io import StringIO
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.conf import global_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from forums.models import Topic
from kb.models import GuideChapterPage
from practices.models import PracticeSheetIndexPage, PracticeSheetPage
from tests.production import SECRET_KEY

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
MEMBER = "marc.olivier@exemple.fr"
START_TIMEOUT = 90
# What a production server would not inherit from this test process.
NOT_INHERITED = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG")

# Chromium records what the page's Content-Security-Policy refuses, before any script of ours.
WATCH_POLICY = """
window.__refusals = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__refusals.push(`${event.violatedDirective}: ${event.blockedURI}`);
});
"""
LOOK = """
async () => {
  await document.fonts.ready;
  const header = document.querySelector(".fr-header");
  return {
    refusals: window.__refusals,
    marianne: [...document.fonts].some(
      (font) => font.family.replace(/"/g, "") === "Marianne" && font.status === "loaded"
    ),
    bodyFont: getComputedStyle(document.body).fontFamily,
    headerShadow: header ? getComputedStyle(header).filter : null,
  };
}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def procfile_command(name):
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return line.partition(":")[2].strip()
    raise AssertionError(f"no {name} process in the Procfile")


def database_url_for_the_server(tmp_path):
    """An address of this test's database that another process can open."""
    database = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(database["USER"] or "", safe="")
        password = quote(database["PASSWORD"] or "", safe="")
        host, port = database["HOST"] or "localhost", database["PORT"] or 5432
        return f"postgres://{user}:{password}@{host}:{port}/{database['NAME']}"
    # The SQLite test database lives in this process's memory: copy it to a file.
    path = tmp_path / "site.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{path}"


@pytest.fixture
def demo_password(settings, tmp_path):
    """Load the demo content as `make run` does; returns the demo accounts' password."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.SEARCH_URL = ""
    # Jobs wait in no queue, as on a fresh site whose worker has not started: the
    # tests' immediate backend would print every PDF and recount the observatory at
    # each of the hundred publications. What the pages need is built once below, or
    # on the first visit (PDFs, observatory figures).
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "search"],
        }
    }
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    call_command("search_index", "rebuild", stdout=StringIO(), stderr=StringIO())
    password = re.search(r"mot de passe (\S+)", output.getvalue()).group(1)
    # The tests hash passwords with MD5, which production does not read: the member
    # signing in gets a hash of a production hasher.
    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        member = get_user_model().objects.get(email=MEMBER)
        member.set_password(password)
        member.save(update_fields=["password"])
    return password


@pytest.fixture
def production_site(demo_password, collected_static, settings, tmp_path):
    """The Procfile's web process on a free loopback port; yields its address."""
    port = free_port()
    site_url = f"http://127.0.0.1:{port}"
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env.update(
        PATH=f"{Path(sys.executable).parent}:{env['PATH']}",
        DJANGO_SETTINGS_MODULE="kb.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=site_url,
        # Plain HTTP on loopback, where a proxy would have ended TLS.
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database_url_for_the_server(tmp_path),
        SEARCH_URL="",
        STATIC_ROOT=str(collected_static),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PRIVATE_MEDIA_ROOT=str(settings.PRIVATE_MEDIA_ROOT),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="1",
        LOG_LEVEL="WARNING",
    )
    log = (tmp_path / "web.log").open("w+")
    server = subprocess.Popen(
        ["bash", "-c", f"exec {procfile_command('web')}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_it_answers(server, site_url, log)
        yield site_url
        # The server's own log: a page its warm-up could not render, an error behind a page.
        log.seek(0)
        complaints = [line for line in log if "Warm-up" in line or "Traceback" in line]
        assert not complaints, "".join(complaints)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def wait_until_it_answers(server, site_url, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            pytest.fail(f"gunicorn stopped ({server.returncode}):\n{log.read()}", pytrace=False)
        try:
            with urllib.request.urlopen(site_url + "/robots.txt", timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    log.seek(0)
    pytest.fail(f"gunicorn did not answer in {START_TIMEOUT} s:\n{log.read()}", pytrace=False)


class Problems:
    """What went wrong in a browser context, page by page."""

    def __init__(self, context, site_url):
        self.found = []
        self.site_url = site_url
        context.on("console", self.console)
        context.on("requestfailed", self.request_failed)
        context.on("response", self.response)

    def console(self, message):
        if message.type == "error":
            self.found.append(f"console: {message.text} ({message.location.get('url')})")

    def request_failed(self, request):
        self.found.append(f"failed: {request.url} ({request.failure})")

    def response(self, response):
        if response.status >= 400:
            self.found.append(f"{response.status}: {response.url}")


def serve_images_as_the_proxy_does(context, media_root):
    """docs/exploitation.md: the proxy, not gunicorn, serves /media/images/ from MEDIA_ROOT."""

    def fulfil(route):
        path = urlsplit(route.request.url).path.removeprefix("/media/")
        file = (Path(media_root) / path).resolve()
        if file.is_relative_to(Path(media_root).resolve()) and file.is_file():
            route.fulfill(path=file)
        else:
            route.fulfill(status=404)

    context.route("**/media/images/**", fulfil)


def read(page, problems, path):
    before = len(problems.found)
    response = page.goto(path, wait_until="networkidle")
    assert response.status == 200, f"{path}: {response.status}"
    seen = page.evaluate(LOOK)
    found = problems.found[before:] + [f"CSP: {refusal}" for refusal in seen["refusals"]]
    if not seen["marianne"]:
        found.append("the Marianne font did not load")
    if not seen["bodyFont"].startswith("Marianne"):
        found.append(f"body font is {seen['bodyFont']}")
    # DSFR raises its header with a drop shadow.
    if not (seen["headerShadow"] or "").startswith("drop-shadow"):
        found.append(f"the header has no DSFR style (filter {seen['headerShadow']})")
    return [f"{path}: {problem}" for problem in found]


def sign_in(page, password):
    page.goto("/comptes/login/")
    page.get_by_label("E-mail").fill(MEMBER)
    page.get_by_placeholder("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_load_state("networkidle")
    assert "/comptes/profil/" in page.url, (
        f"signing in ended on {page.url}:\n{page.inner_text('body')[:800]}"
    )


def test_production_serves_styled_pages_without_errors(
    browser, production_site, demo_password, settings
):
    sheets = PracticeSheetIndexPage.objects.live().filter(locale__language_code="fr").first()
    sheet = PracticeSheetPage.objects.live().filter(locale__language_code="fr").first()
    chapter = GuideChapterPage.objects.live().filter(locale__language_code="fr").first()
    topic = Topic.objects.filter(space__memberships__user__email=MEMBER).first()
    anonymous_paths = [
        "/",
        sheets.url,
        sheet.url,
        "/recherche/?q=r%C3%A9pit",
        "/observatoire/",
        "/observatoire/carte/",
        chapter.url,
        "/en/",
    ]

    context = browser.new_context(base_url=production_site, locale="fr-FR")
    context.set_default_timeout(20_000)
    context.add_init_script(WATCH_POLICY)
    serve_images_as_the_proxy_does(context, settings.MEDIA_ROOT)
    problems = Problems(context, production_site)
    page = context.new_page()
    try:
        found = [problem for path in anonymous_paths for problem in read(page, problems, path)]
        sign_in(page, demo_password)
        found += read(page, problems, topic.get_absolute_url())
    finally:
        context.close()

    assert not found, "\n".join(found)
