"""Browser harness: Debian's Chromium driven by Playwright against the live server.

Each journey module sets

    pytestmark = [
        pytest.mark.e2e,
        pytest.mark.django_db(transaction=True, serialized_rollback=True),
    ]

Journeys are transactional because the live server thread must see their data,
and a transactional test empties the database when it ends: `serialized_rollback`
brings back the rows the migrations load (home pages, taxonomy, groups,
workflow) for the tests that follow.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

from tests.services import require_service

CHROMIUM = Path("/usr/bin/chromium")
# Screenshots the journeys take at each width a page must hold at (git ignores the folder).
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
SCREEN_WIDTHS = (1366, 390)
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser():
    require_service(
        os.access(CHROMIUM, os.X_OK),
        f"{CHROMIUM} est introuvable : installez le paquet Debian « chromium ».",
    )
    from playwright.sync_api import sync_playwright

    database_connections = connections.all()
    with pytest.MonkeyPatch.context() as monkeypatch, sync_playwright() as playwright:
        # Playwright's sync API runs an event loop in this thread; without this
        # Django refuses ORM calls made from tests and fixtures while it runs.
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # launch() starts from a fresh temporary profile that is deleted on close,
        # so no state leaks from a developer's own Chromium or from an earlier run.
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        # From now on the event loop counts as running in this thread, and Django
        # (through asgiref's thread-critical Local) looks its connections up in a
        # separate store: tests would open new connections that pytest-django never
        # flushes, closes or restores (serialized_rollback). Hand them its own.
        for connection in database_connections:
            connections[connection.alias] = connection
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def the_live_server_is_the_public_address(request, settings):
    """Links in e-mails and PDFs lead where the browser reaches the site, as SITE_URL says."""
    if "live_server" not in request.fixturenames:
        return
    url = request.getfixturevalue("live_server").url
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = url


def refused_by_content_security_policy(page):
    """What the site's Content-Security-Policy blocks in this page, as Chromium reports it."""
    refusals = []

    def keep_refusal(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            refusals.append(message.text)

    page.on("console", keep_refusal)
    return refusals


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    refusals = refused_by_content_security_policy(page)
    yield page
    context.close()
    assert not refusals, "\n".join(refusals)


def describe_violation(violation):
    # A target is a list of selectors, nested when the node is inside a shadow root.
    targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
    return f"- [{violation['impact']}] {violation['id']}: {violation['help']}\n    {targets}"


@pytest.fixture
def axe():
    """Return a check that fails the test on any serious or critical axe violation."""
    require_service(
        AXE_SCRIPT.is_file(),
        f"{AXE_SCRIPT} est introuvable : lancez `npm ci` (ou `make test`).",
    )

    axe_source = AXE_SCRIPT.read_text()

    def check(page):
        # Evaluated through the browser's devtools channel: a <script> tag holding axe
        # would be refused by the site's Content-Security-Policy, like any inline script.
        page.evaluate(axe_source)
        results = page.evaluate("() => axe.run()")
        blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            details = "\n".join(describe_violation(v) for v in blocking)
            pytest.fail(f"axe sur {page.url} :\n{details}", pytrace=False)

    return check


@pytest.fixture
def screenshots(request):
    """Return a function that saves the whole page at each width of SCREEN_WIDTHS.

    Files are named after the test and the step: test-results/screenshots/
    <test>--<step>--<width>.png, for a person to look at after the run.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, step):
        size = page.viewport_size
        paths = []
        for width in SCREEN_WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            path = SCREENSHOTS / f"{request.node.name}--{step}--{width}.png"
            page.screenshot(path=path, full_page=True)
            paths.append(path)
        page.set_viewport_size(size)
        return paths

    return take
