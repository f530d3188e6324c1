"""Every e-mail the site sends comes in text and HTML from one family, links on SITE_URL only.

Each test makes the site send one family of mails (accounts, spaces, moderation,
trainings, editorial review) on an unusual public address (https on port 8443,
while the test client asks as `testserver`), then reads every mail sent: both
parts greet the reader, name the site, and link nowhere but to SITE_URL.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone, translation
from icalendar import Calendar
from wagtail.models import PageSubscription, Site
from wagtail.users.models import UserProfile

from forums import capitalise, memberships, moderation, notifications, posting
from forums.models import ModerationAction, NotificationSettings, SpaceMembership
from kb.models import ContentPage
from practices import registrations
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import PASSWORD, UserFactory
from tests.practices.factories import (
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    TrainingOfferPageFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db

SITE_URL = "https://kb.example.test:8443"
SITE_NAME = "Pair-émulation et capitalisation médico-sociale"
TEXT_LINK = re.compile(r"""https?://[^\s"'<>)\]]+""")
HTML_LINK = re.compile(r"""(?:href|src)="([^"]*)\"""")
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = SITE_URL
    # What kb.settings derives from SITE_URL when it reads the environment.
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = SITE_URL
    settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
    assert Site.objects.get(is_default_site=True).hostname != "kb.example.test"


def html_of(message):
    [html] = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    return html


def links_in(message):
    html = html_of(message)
    return set(TEXT_LINK.findall(message.body)) | set(HTML_LINK.findall(html))


def assert_in_the_family(message):
    """Both parts greet, name the site and link only to the public address."""
    html = html_of(message)
    assert message.body.startswith("Bonjour"), message.body
    assert "Bonjour" in html and SITE_NAME in message.body and SITE_NAME in html
    # Addresses written in a mail become mailto: links; every other link is to the site.
    links = {link for link in links_in(message) if not link.startswith("mailto:")}
    elsewhere = sorted(link for link in links if not link.startswith(SITE_URL + "/"))
    assert elsewhere == [], f"{message.subject}: {elsewhere}"
    assert any(link.startswith(SITE_URL + "/") for link in links)
    for header in ("List-Unsubscribe",):
        if header in message.extra_headers:
            assert message.extra_headers[header].startswith(f"<{SITE_URL}/")


def sent_subjects():
    return sorted(message.subject for message in mail.outbox)


def test_no_part_of_the_site_sends_mail_around_the_family():
    """Every mail is built by kb.mail.compose (or comes from allauth or Wagtail templates)."""
    bypass = re.compile(r"EmailMessage\(|EmailMultiAlternatives\(|send_mail\(|send_mass_mail\(")
    offenders = [
        f"{path.relative_to(PROJECT)}:{number}"
        for app in ("kb", "forums", "practices", "search")
        for path in (PROJECT / app).rglob("*.py")
        if path.name != "mail.py" and "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if bypass.search(line) and "def send_mail(" not in line and "super().send_mail(" not in line
    ]
    assert offenders == []


def test_account_mails(client):
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
    UserFactory(email="lea.roussel@exemple.fr", first_name="Léa")
    client.post("/comptes/password/reset/", {"email": "lea.roussel@exemple.fr"})

    assert len(mail.outbox) == 2, sent_subjects()
    for message in mail.outbox:
        assert_in_the_family(message)
    reset = mail.outbox[1]
    assert reset.body.startswith("Bonjour Léa,")


def test_space_mails_keep_the_posts_lists(django_capture_on_commit_callbacks):
    space = SpaceFactory(name="Directions d’ITEP")
    moderator = MembershipFactory(space=space, role="moderator").user
    at_once, daily = MembershipFactory(space=space).user, MembershipFactory(space=space).user
    NotificationSettings.objects.create(user=at_once, immediate=True, digest="never")
    NotificationSettings.objects.create(user=daily, digest="daily")
    notifications.follow(daily, space=space)
    body = "Nos trois étapes :\n\n- accueillir\n- écouter\n- orienter"
    post = PostFactory(topic=TopicFactory(space=space, author=at_once), author=moderator, body=body)
    asking = memberships.join(space, UserFactory(), accepted_charter=True)
    refused = memberships.join(space, UserFactory(), accepted_charter=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        notifications.post_published(post)
        notifications.send_due_digests(timezone.now() + datetime.timedelta(days=1))
        memberships.invite(space, moderator, "invitee@exemple.fr")
        memberships.decide(asking.pk, moderator, approve=True)
        memberships.decide(refused.pk, moderator, approve=False, message="Espace réservé.")

    assert len(mail.outbox) == 5, sent_subjects()
    for message in mail.outbox:
        assert_in_the_family(message)
    [digest] = [message for message in mail.outbox if message.to == [daily.email]]
    assert "- accueillir\n> - écouter" in digest.body
    assert "<li>accueillir</li>" in html_of(digest)
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_moderation_mails(django_capture_on_commit_callbacks):
    space = SpaceFactory(name="Directions d’ITEP")
    moderator = MembershipFactory(space=space, role="moderator").user
    author = MembershipFactory(space=space).user
    reader = MembershipFactory(space=space).user
    topic = TopicFactory(space=space, author=author)
    published = PostFactory(topic=topic, author=author, body="Un message publié.")

    with django_capture_on_commit_callbacks(execute=True):
        memberships.join(space, UserFactory(), accepted_charter=True, message="Directrice.")
        posting.reply(topic, author, body="Un message de nouvelle membre.")
        moderation.report(published, reader, "Hors charte.")
        moderation.change_post(published.pk, moderator, ModerationAction.Kind.HIDE, "Nominatif.")
        membership = SpaceMembership.objects.get(space=space, user=reader)
        moderation.suspend(membership, moderator, timezone.now(), "Propos répétés.")

    subjects = sent_subjects()
    assert len(mail.outbox) == 5, subjects
    for message in mail.outbox:
        assert_in_the_family(message)
    [hidden] = [m for m in mail.outbox if m.to == [author.email]]
    assert "> Un message publié." in hidden.body
    assert f"/messages/{published.pk}/modifier/" in hidden.body


def test_consent_and_moderator_digest_mails(django_capture_on_commit_callbacks):
    space = SpaceFactory(name="Directions d’ITEP")
    moderator = MembershipFactory(space=space, role="moderator").user
    NotificationSettings.objects.create(
        user=moderator, digest="daily", moderation_alerts_at_once=False
    )
    author = MembershipFactory(space=space).user
    topic = TopicFactory(space=space, author=author)
    PostFactory(topic=topic, author=author, body="Une commission trimestrielle.")

    with django_capture_on_commit_callbacks(execute=True):
        memberships.join(space, UserFactory(), accepted_charter=True, message="Directrice.")
        capitalise.ask_consent(topic, moderator)
        notifications.send_due_digests(timezone.now() + datetime.timedelta(days=1))

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [author.email, moderator.email]
    )
    for message in mail.outbox:
        assert_in_the_family(message)
    [digest] = [message for message in mail.outbox if message.to == [moderator.email]]
    assert f"{SITE_URL}/espaces/{space.slug}/demandes/" in digest.body


def test_training_mails_attach_the_session_to_calendars(
    home_page_fr, django_capture_on_commit_callbacks
):
    trainings = TrainingOfferIndexPageFactory(parent=PracticesIndexPageFactory(parent=home_page_fr))
    offer = TrainingOfferPageFactory(
        parent=trainings, title="Formation croisée", organiser_email="formations@exemple.fr"
    )
    session = TrainingSessionFactory(
        offer=offer, seats=1, starts_at=timezone.now() + datetime.timedelta(days=30)
    )
    first, second = UserFactory(), UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        seat = registrations.register(session, first)
        registrations.register(session, second)
        registrations.cancel(seat, first)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel_session(session)

    # Confirmation, waiting list, freed seat, cancelled session; three notices to the organiser.
    assert len(mail.outbox) == 7, sent_subjects()
    for message in mail.outbox:
        assert_in_the_family(message)
    confirmation = mail.outbox[0]
    [(name, ics, mimetype)] = confirmation.attachments
    assert (name, mimetype) == ("formation.ics", "text/calendar")
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["summary"]) == "Formation croisée"
    assert event.decoded("dtstart") == session.starts_at.replace(microsecond=0)


def test_the_calendar_file_describes_the_time_zone_its_times_are_in(
    home_page_fr, django_capture_on_commit_callbacks
):
    """RFC 5545 wants a VTIMEZONE for each TZID: without it, a calendar may take the
    session's 9:00 for 9:00 in its own zone."""
    trainings = TrainingOfferIndexPageFactory(parent=PracticesIndexPageFactory(parent=home_page_fr))
    offer = TrainingOfferPageFactory(parent=trainings, title="Formation croisée")
    session = TrainingSessionFactory(
        offer=offer, starts_at=timezone.now() + datetime.timedelta(days=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(session, UserFactory())

    [(_, ics, _)] = mail.outbox[0].attachments
    calendar = Calendar.from_ical(ics)
    [event] = calendar.walk("VEVENT")
    [zone] = calendar.walk("VTIMEZONE")
    assert event["dtstart"].params["TZID"] == event["dtend"].params["TZID"] == "Europe/Paris"
    assert str(zone["tzid"]) == "Europe/Paris"


def test_the_day_before_a_session_its_people_are_reminded_once(home_page_fr):
    trainings = TrainingOfferIndexPageFactory(parent=PracticesIndexPageFactory(parent=home_page_fr))
    offer = TrainingOfferPageFactory(parent=trainings, title="Formation croisée")
    session = TrainingSessionFactory(
        offer=offer, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    registrations.register(session, UserFactory())
    mail.outbox.clear()
    the_day_before = session.starts_at - datetime.timedelta(hours=20)

    assert registrations.send_reminders(session.starts_at - datetime.timedelta(days=2)) == 0
    assert registrations.send_reminders(the_day_before) == 1
    assert registrations.send_reminders(the_day_before) == 0

    [reminder] = mail.outbox
    assert reminder.subject.startswith("Rappel : « Formation croisée »")
    assert_in_the_family(reminder)


def test_review_mails_ask_for_changes_in_plain_french(
    home_page_fr, django_capture_on_commit_callbacks
):
    editor = UserFactory(email="claire.martin@exemple.fr", groups=["Éditeurs"])
    contributor = UserFactory(
        email="karim.benali@exemple.fr", first_name="Karim", groups=["Contributeurs"]
    )
    draft = ContentPage(title="Unité de répit", slug="unite-de-repit", live=False)
    home_page_fr.add_child(instance=draft)
    draft.save_revision(user=contributor)

    with django_capture_on_commit_callbacks(execute=True):
        state = draft.get_workflow().start(draft, contributor)
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.reject(user=editor, comment="Ajouter les sources.")

    assert mail.outbox, "nobody was told"
    for message in mail.outbox:
        assert_in_the_family(message)
    [changes] = [m for m in mail.outbox if m.to == [contributor.email]]
    assert changes.subject == "Modifications demandées : « Unité de répit »"
    assert changes.body.startswith("Bonjour Karim,")
    assert "Ajouter les sources." in changes.body
    assert "rejet" not in (changes.subject + changes.body + html_of(changes)).lower()


# Wagtail's own French for its workflow mails: « soumise pour validation vers la tâche »,
# « Salut », « a été rejetée ».
WAGTAIL_WORDING = re.compile(r"vers la tâche|salut|rejet", re.IGNORECASE)


def review_mails(home_page_fr, client, capture, reader_language="fr"):
    """Drive a page through review and return every mail it sent.

    Karim writes « Unité de répit » and submits it; Claire, an editor, asks for
    changes; Karim submits it again; Claire publishes it and comments on it.
    Inès, an administrator, is told as the editors are. Karim reads his mails in
    `reader_language`; Claire works in French.
    """
    editor = UserFactory(email="claire.martin@exemple.fr", first_name="Claire", groups=["Éditeurs"])
    contributor = UserFactory(
        email="karim.benali@exemple.fr", first_name="Karim", groups=["Contributeurs"]
    )
    UserFactory(email="ines.admin@exemple.fr", first_name="Inès", is_staff=True, is_superuser=True)
    UserProfile.objects.update_or_create(
        user=contributor, defaults={"preferred_language": reader_language}
    )
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "fr"})
    draft = ContentPage(title="Unité de répit", slug="unite-de-repit", live=False)
    home_page_fr.add_child(instance=draft)
    draft.save_revision(user=contributor)
    PageSubscription.objects.create(page=draft, user=contributor, comment_notifications=True)
    comment = {
        "comments-TOTAL_FORMS": "1",
        "comments-INITIAL_FORMS": "0",
        "comments-0-contentpath": "title",
        "comments-0-text": "Préciser l’âge des jeunes.",
        "comments-0-replies-TOTAL_FORMS": "0",
        "comments-0-replies-INITIAL_FORMS": "0",
    }
    page_form = {
        "title": draft.title,
        "slug": draft.slug,
        "body-count": "0",
        "easy_read_body-count": "0",
    }
    client.force_login(editor)

    with translation.override("fr"):
        with capture(execute=True):
            state = draft.get_workflow().start(draft, contributor)
        with capture(execute=True):
            state.current_task_state.reject(user=editor, comment="Ajouter les sources.")
        with capture(execute=True):
            state.resume(user=contributor)
        with capture(execute=True):
            state.current_task_state.approve(user=editor)
        with capture(execute=True):
            edited = client.post(
                f"/admin/pages/{draft.pk}/edit/",
                {**page_form, **comment},
            )
    assert edited.status_code == 302
    return contributor, list(mail.outbox)


def test_review_mails_speak_the_sites_french(
    home_page_fr, client, django_capture_on_commit_callbacks
):
    _, sent = review_mails(home_page_fr, client, django_capture_on_commit_callbacks)

    assert sorted((m.to[0].split("@")[0], m.subject) for m in sent) == [
        ("claire.martin", "« Unité de répit » attend votre relecture"),
        ("claire.martin", "« Unité de répit » attend votre relecture"),
        # Only the first submission starts the workflow; resuming it asks the reviewers again.
        ("ines.admin", "Demande de relecture : « Unité de répit »"),
        ("ines.admin", "« Unité de répit » attend votre relecture"),
        ("ines.admin", "« Unité de répit » attend votre relecture"),
        ("karim.benali", "Modifications demandées : « Unité de répit »"),
        ("karim.benali", "Nouveaux commentaires sur « Unité de répit »"),
        ("karim.benali", "« Unité de répit » est publiée"),
    ]
    for message in sent:
        assert_in_the_family(message)
        for part in (message.subject, message.body, html_of(message)):
            assert not WAGTAIL_WORDING.search(part), f"{message.subject}: {part}"
        greeting, after_greeting, first_line = message.body.splitlines()[:3]
        assert greeting.startswith("Bonjour ") and greeting.endswith(",")
        assert (after_greeting, first_line.strip()) == ("", first_line), message.body
        assert first_line
    [published] = [m for m in sent if m.subject.endswith("est publiée")]
    assert f"{SITE_URL}/unite-de-repit/" in published.body
    [comments] = [m for m in sent if m.subject.startswith("Nouveaux commentaires")]
    assert "- Préciser l’âge des jeunes." in comments.body
    assert "<li>Préciser l’âge des jeunes.</li>" in html_of(comments)


def test_review_mails_come_in_the_readers_language_both_parts(
    home_page_fr, client, django_capture_on_commit_callbacks
):
    """Wagtail writes the HTML part in the sender's language, unless the family's base says
    otherwise: Claire works in French, Karim reads in English."""
    contributor, sent = review_mails(
        home_page_fr, client, django_capture_on_commit_callbacks, reader_language="en"
    )

    to_karim = [m for m in sent if m.to == [contributor.email]]
    assert sorted(m.subject for m in to_karim) == [
        "Changes requested: “Unité de répit”",
        "New comments on “Unité de répit”",
        "“Unité de répit” is published",
    ]
    for message in to_karim:
        html = html_of(message)
        assert message.body.startswith("Hello Karim,"), message.body
        assert '<html lang="en">' in html and "<p>Hello Karim,</p>" in html, html
        assert "Bonjour" not in message.body + html


def test_a_page_approved_for_later_is_said_to_be_published_at_its_date(
    home_page_fr, editor, contributor, django_capture_on_commit_callbacks
):
    go_live = timezone.make_aware(datetime.datetime(2031, 3, 14, 9, 30))
    draft = ContentPage(title="Unité de répit", slug="unite-de-repit", live=False)
    home_page_fr.add_child(instance=draft)
    draft.go_live_at = go_live
    draft.save_revision(user=contributor)
    state = draft.get_workflow().start(draft, contributor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=editor)

    [approved] = mail.outbox
    assert approved.subject == "« Unité de répit » est validée"
    said = "« Unité de répit » a été relue et validée : elle sera publiée le 14 mars 2031 à 09:30."
    assert said in approved.body
    assert "unite-de-repit" not in approved.body + html_of(approved)
    assert_in_the_family(approved)
