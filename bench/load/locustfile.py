"""The load: anonymous readers and searchers, members of the peer-exchange spaces, editors.

Run by `bench/load/run.py`, `bench/faults/*.py` and `bench/soak.py`, which start
the site and write the accounts file (`bench.load.accounts`) that
KB_LOAD_ACCOUNTS names. By hand, against a site prepared that way:

    KB_LOAD_ACCOUNTS=/tmp/.../accounts.json .venv/bin/locust -f bench/load/locustfile.py \
        --headless -u 20 -r 5 -t 60s --host http://127.0.0.1:8100

The mix is weighted like a knowledge base's audience: mostly anonymous people
reading pages, lists and searching; some members reading their spaces and
replying; a few editors publishing through Wagtail's own edit form (after the
authenticator-app step that staff must pass). Naming `Reader` on locust's
command line (`bench/load/run.py --profile readers`) keeps the signed-out
visitors only.
"""

import base64
import hashlib
import hmac
import html as html_module
import itertools
import json
import os
import random
import re
import struct
import time
from pathlib import Path

import requests
from locust import HttpUser, between, events, task

ACCOUNTS = json.loads(Path(os.environ["KB_LOAD_ACCOUNTS"]).read_text())
# Each simulated member or editor takes an account of its own, from a random starting point so
# that successive runs spread their posts over every account.
# Members come with the session of an earlier sign-in (the `members` profile of
# bench.load.run) rather than signing in at the start of each step.
SIGNED_IN_EARLIER = os.environ.get("KB_LOAD_SIGNED_IN") == "1"
MEMBER_NUMBERS = itertools.count(random.randrange(len(ACCOUNTS["members"])))
EDITOR_NUMBERS = itertools.count(random.randrange(len(ACCOUNTS["editors"])))
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Fields a browser posts with Wagtail's page edit form, found in the form's HTML.
FORM_FIELD = re.compile(
    r"""<(input|textarea|select)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE
)
ATTRIBUTE = re.compile(r'([\w-]+)(?:="([^"]*)")?')
REPLIES = [
    "Merci pour ce retour, nous avons essayé la même chose dans notre foyer de vie.",
    "Chez nous, le binôme pair-aidant et éducateur a bien fonctionné la première année.",
    "Avez-vous associé les familles dès le début ? C’est ce qui nous a manqué.",
    "Nous avons adapté le livret en facile à lire, je peux le partager.",
]


def totp_code(secret, at=None):
    """The authenticator app's current code (RFC 6238: 30 s steps, 6 digits, SHA-1)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


VISITOR_NUMBERS = itertools.count(1)


def visitor_address(number):
    """A private IPv4 address of its own for the `number`th simulated visitor."""
    return f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"


class BehindTheProxy(HttpUser):
    """Requests as the TLS proxy of the production guide hands them to gunicorn.

    The production settings mark cookies Secure and check that a form was posted
    from an https:// page. The load talks plain HTTP on loopback, so it says what
    the proxy says (X-Forwarded-Proto, and the visitor's address in X-Real-IP: one
    per simulated visitor), posts with an https:// Referer and keeps the Secure
    cookies a browser would have received over HTTPS.
    """

    abstract = True

    def on_start(self):
        self.client.headers["X-Forwarded-Proto"] = "https"
        self.client.headers["X-Real-IP"] = visitor_address(next(VISITOR_NUMBERS))
        self.client.cookies = SecureCookiesOverLoopback()

    def referer(self, path):
        return {"Referer": self.client.base_url.replace("http://", "https://", 1) + path}


class SecureCookiesOverLoopback(requests.cookies.RequestsCookieJar):
    """Send back the Secure cookies (session, CSRF) as a browser talking HTTPS would."""

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


def csrf_token(html):
    match = CSRF_INPUT.search(html)
    return match.group(1) if match else ""


class Reader(BehindTheProxy):
    """An anonymous visitor: home, lists with filters, pages, the guide, searching."""

    weight = 14
    wait_time = between(1, 4)

    @task(3)
    def home(self):
        self.client.get("/", name="accueil")

    @task(3)
    def filtered_list(self):
        self.client.get(random.choice(ACCOUNTS["filtered_lists"]), name="liste filtrée")

    @task(1)
    def list_page(self):
        self.client.get(random.choice(ACCOUNTS["lists"]), name="liste")

    @task(5)
    def sheet(self):
        self.client.get(random.choice(ACCOUNTS["sheets"]), name="fiche pratique")

    @task(2)
    def experiment(self):
        self.client.get(random.choice(ACCOUNTS["experiments"]), name="expérimentation")

    @task(2)
    def guide_chapter(self):
        if ACCOUNTS["guide_chapters"]:
            self.client.get(random.choice(ACCOUNTS["guide_chapters"]), name="chapitre du guide")

    @task(4)
    def search(self):
        words = random.choice(ACCOUNTS["search_words"])
        self.client.get("/recherche/", params={"q": words}, name="recherche")

    @task(3)
    def autocomplete(self):
        words = random.choice(ACCOUNTS["search_words"])
        for length in (3, 5):
            self.client.get(
                "/recherche/suggestions/", params={"q": words[:length]}, name="autocomplétion"
            )


def sign_in(user, email, password, name):
    page = user.client.get("/comptes/login/", name=f"{name} : connexion (formulaire)")
    with user.client.post(
        "/comptes/login/",
        {"login": email, "password": password, "csrfmiddlewaretoken": csrf_token(page.text)},
        headers=user.referer("/comptes/login/"),
        name=f"{name} : connexion",
        allow_redirects=False,
        catch_response=True,
    ) as response:
        # Signed in (or asked for the second factor): a redirection; refused: the form again.
        if response.status_code != 302:
            response.failure(f"not signed in ({response.status_code})")


class Member(BehindTheProxy):
    """A member of the open spaces: reads topics, replies, registers for a training session."""

    weight = 5
    wait_time = between(2, 6)

    def on_start(self):
        super().on_start()
        account = self.account()
        if SIGNED_IN_EARLIER:
            self.client.cookies.set("sessionid", account["session"])
        else:
            sign_in(self, account["email"], account["password"], "membre")

    def account(self):
        return ACCOUNTS["members"][next(MEMBER_NUMBERS) % len(ACCOUNTS["members"])]

    def topic_address(self):
        space = random.choice(ACCOUNTS["spaces"])
        return f"/espaces/{space['slug']}/sujets/{random.choice(space['topics'])}/"

    @task(2)
    def spaces(self):
        space = random.choice(ACCOUNTS["spaces"])
        self.client.get(f"/espaces/{space['slug']}/", name="espace")

    @task(5)
    def read_topic(self):
        self.client.get(self.topic_address(), name="sujet")

    @task(1)
    def reply(self):
        address = self.topic_address()
        page = self.client.get(address, name="sujet")
        with self.client.post(
            address + "repondre/",
            {"body": random.choice(REPLIES), "csrfmiddlewaretoken": csrf_token(page.text)},
            headers=self.referer(address),
            name="réponse",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # A published reply redirects to it; a refused one shows the topic again.
            if response.status_code != 302:
                response.failure(f"reply not saved ({response.status_code})")

    @task(1)
    def register_then_withdraw(self):
        if not ACCOUNTS["sessions"]:
            return
        session = random.choice(ACCOUNTS["sessions"])
        # Any page with a form gives the session's token; the topic page has the reply form.
        address = self.topic_address()
        page = self.client.get(address, name="sujet")
        token = {"csrfmiddlewaretoken": csrf_token(page.text)}
        headers = self.referer(address)
        for action, name in (("inscription", "inscription"), ("desistement", "désistement")):
            self.client.post(
                f"/inscriptions/sessions/{session}/{action}/",
                {"waiting_list": "1", **token},
                headers=headers,
                name=name,
                allow_redirects=False,
            )


def edit_form_data(html):
    """The fields of Wagtail's edit form as a browser would post them, StreamFields aside."""
    form = html[html.find('id="page-edit-form"') :]
    form = form[: form.find("</form>")]
    data = {}
    for field in FORM_FIELD.finditer(form):
        tag, attributes = field.groups()
        attrs = {key: value for key, value in ATTRIBUTE.findall(attributes)}
        name = attrs.get("name")
        if not name or attrs.get("type") in ("submit", "button", "file"):
            continue
        if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
            continue
        if tag.lower() == "textarea":
            data[name] = html_module.unescape(
                form[field.end() : form.find("</textarea>", field.end())]
            )
        elif tag.lower() != "select":
            value = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
            data[name] = html_module.unescape(value)
    return data


class Editor(BehindTheProxy):
    """An editor who signs in with the authenticator step and publishes a page of the site."""

    # One editor at every concurrency: publications are few next to readings.
    fixed_count = 1
    wait_time = between(5, 10)

    def on_start(self):
        super().on_start()
        self.account = ACCOUNTS["editors"][next(EDITOR_NUMBERS) % len(ACCOUNTS["editors"])]
        sign_in(self, self.account["email"], self.account["password"], "rédaction")
        page = self.client.get("/comptes/2fa/authenticate/", name="rédaction : code (formulaire)")
        self.client.post(
            "/comptes/2fa/authenticate/",
            {
                "code": totp_code(self.account["totp_secret"]),
                "csrfmiddlewaretoken": csrf_token(page.text),
            },
            headers=self.referer("/comptes/2fa/authenticate/"),
            name="rédaction : code",
            allow_redirects=False,
        )

    @task
    def publish(self):
        edit = f"/admin/pages/{self.account['page']}/edit/"
        page = self.client.get(edit, name="admin : modifier une page")
        data = edit_form_data(page.text)
        # The page's two StreamFields are empty, which a browser posts as a count of blocks.
        data.update({"body-count": "0", "easy_read_body-count": "0"})
        data["intro"] = f"Version du {time.strftime('%H:%M:%S')} ({random.randrange(10**6)})."
        data["action-publish"] = "action-publish"
        with self.client.post(
            edit,
            data,
            headers=self.referer(edit),
            name="admin : publier",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # Wagtail redirects after a publication, and shows the form again if it refused.
            if response.status_code != 302:
                response.failure(f"not published ({response.status_code})")


@events.quitting.add_listener
def exit_code(environment, **kwargs):
    # The scripts read the figures and decide; a failed request is a figure, not a crash.
    environment.process_exit_code = 0
