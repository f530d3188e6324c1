"""No answer 500 from what a visitor types: hostile values at every address.

Every address of tests/test_access_matrix.py (same walk, same world, same skips) plus
the public pages Wagtail serves is requested by an anonymous visitor and by an
administrator signed in with a second factor:

- GET with hostile values in the query parameters the site's views read (`QUERY_NAMES`,
  gathered from `request.GET` across the apps and the names of the listing filters).
  Each request carries every name at once, each name a different value, the values
  turning from one request to the next so that each name meets each value (the site's
  own views) or a rotating sample of them (Wagtail's admin);
- the address itself with a hostile value in each of its URL parameters, where the
  value still matches the pattern;
- POST of each form the page renders with a hostile value in one field at a time (a
  rotating sample of values per field), the other fields as the page filled them.

Each request runs in a savepoint rolled back at once: the world stays as built, and a
database error on PostgreSQL does not poison the requests after it. Any 500, or any
exception raised through the test client, is a failure; all of them are listed in one
message. Wagtail's admin views included: what they fail on is answered 400 by
`kb.admin_input`, and their search escapes quotes (`kb.admin_search`). About 5,300
requests, the same on both engines: 2 min 55 s on SQLite and 2 min 25 s on PostgreSQL
measured on a shared 2-core machine, world included.
"""

import zlib
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from tests import test_access_matrix as matrix
from tests.test_access_matrix import ADDRESSES, parameter_values

# The matrix's world, built once for this module as for the matrix's.
world = matrix.world

RAW_FF = object()  # the byte 0xFF sent as such, unencoded
HOSTILE = [
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    "1e309",
    "9" * 400,
    "-1",
    "0",
    "\x00",
    b"\xff",  # %FF: invalid UTF-8 once decoded
    RAW_FF,
    "' OR 1=1 --",
    '"',
    "\\",
    "NEAR(",
    "AND OR NOT",
    "*",
    "a" * 5000,
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "2026-02-30",
    "javascript:alert(1)",
]

# What the site's views and filters read from the query string.
QUERY_NAMES = [
    "q",
    "page",
    "p",
    "sort",
    "order",
    "ordering",
    "theme",
    "audience",
    "etablissement",
    "region",
    "departement",
    "territory",
    "type",
    "year",
    "status",
    "tag",
    "facile",
    "quoi",
    "citer",
    "next",
    "exact",
    "search",
    "locale",
    "offer",
    "fields",
    "limit",
    "offset",
    "child_of",
    "id",
]

ROLES = ["anonymous", "administrator"]
OWN_APPS = ("kb.", "forums.", "practices.", "search.")
ADMIN_SAMPLE = 3  # values per request round / per form field in Wagtail's own views
OWN_FIELD_SAMPLE = 6  # values per form field in the site's own views
MAX_FIELDS = 30  # form fields tried per form


def encode(value):
    if value is RAW_FF:
        return "\xff"  # WSGI strings are latin-1: this is the raw byte
    if isinstance(value, bytes):
        return "%FF"
    return quote(value, safe="")


def body_part(value):
    if value is RAW_FF:
        return b"\xff"
    if isinstance(value, bytes):
        return b"%FF"
    return quote(value, safe="").encode()


def label(value):
    if value is RAW_FF:
        return "raw byte 0xFF"
    if isinstance(value, bytes):
        return "%FF"
    return repr(value if len(value) < 40 else value[:10] + f"…({len(value)} chars)")


def seed(text):
    return zlib.crc32(text.encode())


def is_own(path):
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.func.__module__.startswith(OWN_APPS) or match.url_name == "wagtail_serve"


def clients(world):
    made = {}
    for role in ROLES:
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        made[role] = client
    return made


class Recorder:
    def __init__(self):
        self.failures = []
        self.requests = 0

    def send(self, what, call):
        """Run one request in a savepoint rolled back at once; note a 500 or an exception."""
        self.requests += 1
        try:
            with transaction.atomic():
                response = call()
                transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001 - any exception is what the test reports
            self.failures.append(f"{what}: {type(error).__name__}: {str(error)[:120]}")
            return None
        if response.status_code >= 500:
            self.failures.append(f"{what}: {response.status_code}")
        return response

    def check(self):
        print(f"{self.requests} requests")
        assert not self.failures, f"{len(self.failures)} of {self.requests} requests failed:\n" + (
            "\n".join(self.failures)
        )


def addresses(world):
    urls = []
    for name, parameters in ADDRESSES:
        urls.append((name, reverse(name, kwargs=parameter_values(world, name, parameters))))
    for kind, page in world.pages.items():
        urls.append((f"page {kind}", page.url))
    return urls


def answering(recorder, client, url):
    response = recorder.send(f"GET {url}", lambda: client.get(url))
    if response is not None and response.status_code == 200:
        return response
    return None


@pytest.mark.parametrize("role", ROLES)
def test_no_500_from_query_parameters(world, db, role):
    recorder = Recorder()
    client = clients(world)[role]
    for name, url in addresses(world):
        if answering(recorder, client, url) is None:
            continue
        rounds = len(HOSTILE) if is_own(url) else ADMIN_SAMPLE
        start = seed(name)
        for turn in range(rounds):
            chosen = {
                param: HOSTILE[(start + turn + i) % len(HOSTILE)]
                for i, param in enumerate(QUERY_NAMES)
            }
            query = "&".join(f"{param}={encode(value)}" for param, value in chosen.items())
            what = f"GET {url} as {role} with " + ", ".join(
                f"{param}={label(value)}" for param, value in chosen.items()
            )
            recorder.send(what, lambda url=url, query=query: client.get(url, QUERY_STRING=query))
    recorder.check()


SENTINELS = {"int": "987654321", "str": "zzsentinelzz", "slug": "zzsentinelzz"}


def test_no_500_from_url_parameters(world, db):
    recorder = Recorder()
    for role, client in clients(world).items():
        for name, parameters in ADDRESSES:
            kwargs = parameter_values(world, name, parameters)
            for parameter in parameters:
                sentinel = next(
                    (s for s in SENTINELS.values() if _reverses(name, kwargs, parameter, s)), None
                )
                if sentinel is None:
                    continue
                template = reverse(name, kwargs={**kwargs, parameter: sentinel})
                values = [value for value in HOSTILE if value is not RAW_FF]
                if not is_own(reverse(name, kwargs=kwargs)):
                    start = seed(name + parameter)
                    values = [values[(start + k) % len(values)] for k in range(ADMIN_SAMPLE)]
                for value in values:
                    url = template.replace(sentinel, encode(value))
                    try:
                        if resolve(urlsplit(url).path).url_name != name.rsplit(":", 1)[-1]:
                            continue
                    except Resolver404:
                        continue
                    what = f"GET {url} as {role} ({parameter}={label(value)})"
                    recorder.send(what, lambda url=url, client=client: client.get(url))
    recorder.check()


def _reverses(name, kwargs, parameter, sentinel):
    try:
        reverse(name, kwargs={**kwargs, parameter: sentinel})
    except Exception:  # noqa: BLE001 - NoReverseMatch or a converter refusing the value
        return False
    return True


def form_fields(form):
    fields = []
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "input":
            kind = (element.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and not element.has_attr("checked"):
                continue
            value = element.get("value", "on" if kind in ("checkbox", "radio") else "")
        elif element.name == "select":
            option = element.find("option", selected=True) or element.find("option")
            value = option.get("value", option.text) if option else ""
        else:
            value = element.text
        fields.append((name, value))
    return fields


def posted_forms(response, url):
    soup = BeautifulSoup(response.content, "html.parser")
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        action = form.get("action") or url
        parts = urlsplit(action)
        if parts.netloc and parts.netloc != "testserver":
            continue
        if not parts.path.startswith("/"):
            action = url
        yield action, form_fields(form)


@pytest.mark.parametrize("role", ROLES)
def test_no_500_from_form_fields(world, db, role):
    recorder = Recorder()
    client = clients(world)[role]
    for name, url in addresses(world):
        if name.startswith(("account_logout", "wagtailadmin_logout")):
            continue  # signing out would end the session of the next requests
        response = answering(recorder, client, url)
        if response is None or "html" not in response.get("Content-Type", ""):
            continue
        sample = OWN_FIELD_SAMPLE if is_own(url) else ADMIN_SAMPLE
        for action, fields in posted_forms(response, url):
            names = list(dict.fromkeys(n for n, _ in fields if n != "csrfmiddlewaretoken"))
            for position, field in enumerate(names[:MAX_FIELDS]):
                start = seed(f"{name}{field}") + position
                for turn in range(sample):
                    value = HOSTILE[(start + turn) % len(HOSTILE)]
                    body = b"&".join(
                        quote(n, safe="").encode()
                        + b"="
                        + (body_part(value) if n == field else quote(v, safe="").encode())
                        for n, v in fields
                    )
                    what = f"POST {action} as {role} from {url}: {field}={label(value)}"
                    recorder.send(
                        what,
                        lambda action=action, body=body: client.post(
                            action, body, content_type="application/x-www-form-urlencoded"
                        ),
                    )
    recorder.check()
