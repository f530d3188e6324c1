"""Every link that leaves the page starts with SITE_URL, whatever host the request came through.

The public address here is deliberately unusual (https on port 8443), and the
test client asks as `testserver`: a link built from the request, from the Wagtail
site record or from the development default (127.0.0.1:8000) shows.
"""

import datetime
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Site

from forums import memberships, notifications
from forums.models import NotificationSettings
from kb.models import ContentPage, GuideChapterPage, GuidePage
from kb.pdf import print_pdf
from kb.site_url import sync_default_site
from practices import registrations
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import PASSWORD, UserFactory
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    ExperimentPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    TrainingOfferPageFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db

SITE_URL = "https://kb.example.test:8443"
LINK = re.compile(r"""https?://[^\s"'<>)\]]+""")
# Addresses of other sites that the outputs name on purpose: schemas, licences.
ELSEWHERE = (
    "www.w3.org",
    "www.sitemaps.org",
    "specs.frictionlessdata.io",
    "www.etalab.gouv.fr",
    "purl.org",
)


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = SITE_URL
    # What kb.settings derives from SITE_URL when it reads the environment.
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = SITE_URL
    settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
    # The Wagtail site record keeps the address `migrate` gave it: links must not use it.
    assert Site.objects.get(is_default_site=True).hostname != "kb.example.test"


def stray_links(text):
    """Links in `text` that are neither on the public address nor on a known other site."""
    return sorted(
        {
            link
            for link in LINK.findall(text)
            if not link.startswith(SITE_URL + "/")
            and link != SITE_URL
            and urlsplit(link).hostname not in ELSEWHERE
        }
    )


def assert_on_site(text):
    assert stray_links(text) == []
    assert SITE_URL + "/" in text, "no link to the site at all"


@pytest.fixture
def section(home_page_fr):
    root = PracticesIndexPageFactory(parent=home_page_fr)
    sheets = PracticeSheetIndexPageFactory(parent=root)
    experiments = ExperimentIndexPageFactory(parent=root)
    trainings = TrainingOfferIndexPageFactory(parent=root)
    sheet = PracticeSheetPageFactory(parent=sheets, title="Unité de répit", slug="repit")
    experiment = ExperimentPageFactory(
        parent=experiments,
        title="Équipe mobile",
        slug="equipe-mobile",
        description='<p>Voir <a href="/pratiques/">les pratiques</a>.</p>',
    )
    offer = TrainingOfferPageFactory(parent=trainings, title="Formation croisée", slug="formation")
    return {"sheet": sheet, "experiment": experiment, "offer": offer}


# E-mails


def test_account_e_mails_link_to_the_public_address(client):
    client.post(
        "/comptes/signup/",
        {
            "email": "zoe.lefebvre@exemple.fr",
            "first_name": "Zoé",
            "last_name": "Lefebvre",
            "role": "manager",
            "organisation": "IME Les Tilleuls",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    UserFactory(email="lea.roussel@exemple.fr")
    client.post("/comptes/password/reset/", {"email": "lea.roussel@exemple.fr"})

    assert len(mail.outbox) == 2, [message.subject for message in mail.outbox]
    for message in mail.outbox:
        assert_on_site(message.body)


def test_forum_e_mails_link_to_the_public_address(django_capture_on_commit_callbacks):
    space = SpaceFactory()
    moderator = MembershipFactory(space=space, role="moderator").user
    at_once, daily = MembershipFactory(space=space).user, MembershipFactory(space=space).user
    NotificationSettings.objects.create(user=at_once, immediate=True, digest="never")
    NotificationSettings.objects.create(user=daily, digest="daily")
    notifications.follow(daily, space=space)
    # A reply to the topic `at_once` opened: mailed at once; `daily` reads it in a digest.
    post = PostFactory(topic=TopicFactory(space=space, author=at_once), author=moderator)
    asking = memberships.join(space, UserFactory(), accepted_charter=True)

    with django_capture_on_commit_callbacks(execute=True):
        notifications.post_published(post)
        notifications.send_due_digests(timezone.now() + datetime.timedelta(days=1))
        memberships.invite(space, moderator, "invitee@exemple.fr")
        memberships.decide(asking.pk, moderator, approve=True)

    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {at_once.email, daily.email, "invitee@exemple.fr", asking.user.email}
    for message in mail.outbox:
        assert_on_site(message.body)
        assert stray_links(" ".join(message.extra_headers.values())) == []


def test_training_e_mails_link_to_the_public_address(section, django_capture_on_commit_callbacks):
    session = TrainingSessionFactory(
        offer=section["offer"], starts_at=timezone.now() + datetime.timedelta(days=30)
    )
    registrations.register(session, UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel_session(session)

    [message] = mail.outbox
    assert_on_site(message.body)


def test_review_e_mails_link_to_the_public_address(
    home_page_fr, django_capture_on_commit_callbacks
):
    UserFactory(email="claire.martin@exemple.fr", groups=["Éditeurs"])
    contributor = UserFactory(email="karim.benali@exemple.fr", groups=["Contributeurs"])
    draft = ContentPage(title="Unité de répit", slug="unite-de-repit", live=False)
    home_page_fr.add_child(instance=draft)
    draft.save_revision(user=contributor)

    with django_capture_on_commit_callbacks(execute=True):
        draft.get_workflow().start(draft, contributor)

    assert mail.outbox, "the reviewers were not told"
    for message in mail.outbox:
        assert_on_site(message.body + "".join(content for content, _ in message.alternatives))


# PDFs


def pdf_links(content):
    """The text of a PDF and the addresses of its clickable links."""
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    targets = [
        annotation.get_object()["/A"].get("/URI", "")
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    return text, targets


def test_the_spreading_kit_pdf_links_to_the_public_address(section):
    text, targets = pdf_links(print_pdf(section["experiment"]))

    assert "Version en ligne" in text
    assert_on_site(" ".join(text.split()))
    assert targets and stray_links(" ".join(targets)) == []


def test_the_guide_pdf_links_to_the_public_address(home_page_fr):
    guide = GuidePage(
        title="Guide méthodologique",
        slug="guide",
        edition="Édition 2025",
        edition_date=datetime.date(2025, 1, 15),
    )
    home_page_fr.add_child(instance=guide)
    guide.save_revision().publish()
    chapter = GuideChapterPage(
        title="Capitaliser",
        slug="capitaliser",
        body=[("paragraph", '<p>Voir <a href="/pratiques/">les pratiques</a>.</p>')],
    )
    guide.add_child(instance=chapter)
    chapter.save_revision().publish()

    text, targets = pdf_links(print_pdf(guide))

    assert_on_site(" ".join(text.split()))
    assert targets and stray_links(" ".join(targets)) == []


# Read by machines


def test_the_api_links_to_the_public_address(client, section):
    listing = client.get("/api/v2/pages/?type=practices.PracticeSheetPage&fields=*").content
    detail = client.get(f"/api/v2/pages/{section['sheet'].pk}/").content

    assert_on_site(listing.decode())
    assert_on_site(detail.decode())


def test_feeds_link_to_the_public_address(client, section):
    for path in ("/flux/pratiques/rss/", "/flux/pratiques/atom/"):
        assert_on_site(client.get(path).content.decode())


def test_the_sitemap_and_robots_txt_link_to_the_public_address(client, section):
    assert_on_site(client.get("/sitemap.xml").content.decode())
    assert_on_site(client.get("/robots.txt").content.decode())


def test_the_open_data_links_to_the_public_address(client, section):
    for output_format in ("csv", "json"):
        path = reverse("open_data_download", args=["fiches-action", output_format])
        assert_on_site(client.get(path).content.decode())


def test_migrate_gives_the_wagtail_site_the_public_address():
    sync_default_site()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("kb.example.test", 8443)
    assert site.root_url == SITE_URL
