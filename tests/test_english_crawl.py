"""An English reader meets no French outside the French content marked as such.

The test loads the demo content once, then follows every link of the English
site from `/en/`, as an anonymous visitor, and reads each page's visible text and
the attributes that assistive technologies speak. Text inside an element marked
`lang="fr"` (a menu entry that leads to a page not translated yet, forum
messages, establishment names) is French on purpose and is skipped. Everything
else is searched for words that only French uses.
"""

import io
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from search.engine_client import configured_engine

# Words of every French sentence that no English sentence uses, lowercase: a
# capitalised one starts a proper name (« Les Cèdres »), and one between two
# capitalised words is inside a proper name (« Côte de Nacre », « ITEP du Pilat »).
FRENCH_WORDS = {
    "à", "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "est", "et",
    "été", "être", "il", "elle", "le", "la", "les", "leur", "mais", "nous", "où", "ou", "par",
    "pas", "plus", "pour", "qui", "que", "sans", "ses", "son", "sont", "sur", "tous", "toutes",
    "un", "une", "vos", "votre", "vous",
}  # fmt: skip
WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
SPOKEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Files, feeds and data downloads are not pages; signing out needs a session.
NOT_PAGES = re.compile(r"/(flux|documents|donnees-ouvertes/.+|comptes/logout)/|\.(pdf|csv|json)$")
MAX_PAGES = 150
# A member of two demo spaces, who takes part in their topics.
MEMBER = "karim.benali@exemple.fr"


@pytest.fixture(scope="module")
def database_search():
    """Searches read the database backend, which the demo content's transaction fills: an
    engine would hold other tests' documents, or none of these."""
    with override_settings(SEARCH_URL=""):
        configured_engine.cache_clear()
        yield
    configured_engine.cache_clear()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, database_search):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def active_language_restored():
    """A request under /en/ leaves the thread in English; the modules after this expect French."""
    with translation.override(translation.get_language()):
        yield


def french_words(text):
    """French words of `text`, except those inside a proper name (« Pays de la Loire »)."""
    words = WORD.findall(text)
    found = set()
    for position, word in enumerate(words):
        if word not in FRENCH_WORDS:
            continue
        before = [other for other in words[:position] if other not in FRENCH_WORDS][-1:]
        after = [other for other in words[position + 1 :] if other not in FRENCH_WORDS][:1]
        if before and after and before[0][0].isupper() and after[0][0].isupper():
            continue
        found.add(word)
    return sorted(found)


def untranslated_texts(document):
    """Texts of the page, outside French content, that contain French words."""
    for element in document.body.select('[lang|="fr"]'):
        if not element.decomposed:
            element.decompose()
    # A form field's value is what someone typed (a message being edited), not the interface.
    for element in document(["script", "style", "template", "textarea"]):
        element.decompose()
    texts = [text for text in document.body.stripped_strings]
    texts += [
        element[attribute]
        for attribute in SPOKEN_ATTRIBUTES
        for element in document.select(f"[{attribute}]")
    ]
    description = document.find("meta", attrs={"name": "description"})
    texts.append(description["content"] if description else "")
    return [(text, words) for text in texts if (words := french_words(text))]


def english_links(document):
    for link in document.find_all("a", href=True):
        url, _fragment = urldefrag(link["href"])
        parts = urlsplit(url)
        if parts.netloc or not parts.path.startswith("/en/") or NOT_PAGES.search(parts.path):
            continue
        # Filtered lists are the same words again; their further pages are other content.
        if parts.query and not re.fullmatch(r"page=\d+", parts.query):
            continue
        yield parts.geturl()


def crawl(client, starts=("/en/", "/en/recherche/?q=respite")):
    """{address: [(text, French words)]} for every English page reached from `starts`."""
    found, seen, queue = {}, set(starts), deque(starts)
    while queue and len(seen) <= MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        document = BeautifulSoup(response.content, "html.parser")
        for link in english_links(document):
            if link not in seen:
                seen.add(link)
                queue.append(link)
        found[path] = untranslated_texts(document)
    return found


def french_on(pages):
    return [
        f"{path}: « {text} » ({', '.join(words)})"
        for path, texts in pages.items()
        for text, words in texts
    ]


def test_english_pages_read_in_english(client, demo_site, db):
    pages = crawl(client)

    # The crawl reached every kind of page: sheets, guide chapters, the observatory…
    assert len(pages) > 45
    assert any(path.startswith("/en/practices/action-sheets/") for path in pages)
    assert any(path.startswith("/en/methodological-guide-2025/") for path in pages)
    assert "/en/observatoire/" in pages
    report = french_on(pages)
    assert not report, "French on English pages:\n" + "\n".join(report)


def test_english_pages_of_a_signed_in_member_read_in_english(client, demo_site, db):
    client.force_login(get_user_model().objects.get(email=MEMBER))

    pages = crawl(client, starts=("/en/comptes/profil/", "/en/espaces/"))

    assert "/en/espaces/notifications/" in pages
    assert any("/en/espaces/" in path and path.count("/") > 4 for path in pages)  # a topic
    report = french_on(pages)
    assert not report, "French on English pages:\n" + "\n".join(report)
