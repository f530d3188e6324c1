"""Lighthouse scores, first-visit weight and axe violations of the site's main pages, as a
Markdown table. The weight is what Lighthouse's first visit transferred, fonts included, in
kB (1,000 bytes): the home page's must stay under 250.

Starts nothing: point it at a running site (production settings, demo content)::

    python bench/lighthouse.py http://127.0.0.1:8000

Lighthouse comes from `npx lighthouse` (`npm install --no-save lighthouse` in any
folder, then run from there or set LIGHTHOUSE="npx --prefix /that/folder lighthouse");
axe from the project's node_modules (`npm ci`), in the Chromium at CHROME_PATH.
"""

import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "Accueil": "/",
    "Liste de fiches": "/pratiques/fiches-action/",
    "Fiche": "/pratiques/fiches-action/fiche-liaison-itep-pedopsychiatrie/",
    "Recherche": "/recherche/?q=r%C3%A9pit",
    "Observatoire": "/observatoire/",
    "Chapitre du guide": "/guide-methodologique-2025/diagnostic/",
    "Accueil anglais": "/en/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLAGS = "--headless=new --no-sandbox --disable-background-networking --disable-component-update"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def lighthouse(url):
    """The four category scores (0–100) of `url` and the kilobytes its first visit transferred."""
    command = shlex.split(os.environ.get("LIGHTHOUSE", "npx lighthouse"))
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [*command, url, f"--chrome-flags={FLAGS}", "--output=json", "--quiet"]
            + [f"--output-path={report.name}", f"--only-categories={','.join(CATEGORIES)}"],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROME},
        )
        found = json.loads(Path(report.name).read_text())
    scores = [round(found["categories"][name]["score"] * 100) for name in CATEGORIES]
    return scores, round(found["audits"]["total-byte-weight"]["numericValue"] / 1000)


def axe_violations(browser, url):
    """The axe rules `url` breaks, whatever their impact."""
    page = browser.new_page()
    page.goto(url)
    # Through the devtools channel: the site's CSP refuses inline scripts.
    page.evaluate(AXE.read_text())
    results = page.evaluate("tags => axe.run({runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    page.close()
    return [f"{v['id']} ({v['impact']})" for v in results["violations"]]


def main(base):
    columns = ["Performance", "Accessibilité", "Bonnes pratiques", "SEO", "Première visite (ko)"]
    print(f"| Page | {' | '.join(columns)} | axe |")
    print("|---|---|---|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
        for name, path in PAGES.items():
            url = base.rstrip("/") + path
            scores, weight = lighthouse(url)
            violations = axe_violations(browser, url)
            cells = [*scores, weight, len(violations)]
            print(f"| {name} `{path}` | {' | '.join(map(str, cells))} |")
            for violation in violations:
                print(f"<!-- {path}: {violation} -->", file=sys.stderr)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
