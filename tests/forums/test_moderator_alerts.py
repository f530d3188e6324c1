"""Moderators are told what waits for them: join requests, held posts, reports.

At once by mail (the default) or in their digest, in the header's count, on
each space and in the queue, which shows what it would approve.
"""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from forums import memberships, moderation, moderator_alerts, notifications, posting
from forums.models import NotificationSettings, Post, SpaceMembership
from kb.models import Department, Profile
from tests.forums.factories import MembershipFactory, PostFactory
from tests.forums.spaces import build_closed_space, sign_in
from tests.kb.factories import UserFactory
from tests.kb.helpers import html, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed():
    return build_closed_space()


def told(closed):
    """Who got a mail, by role in the closed space."""
    addresses = {message.to[0] for message in mail.outbox}
    return sorted(role for role, user in closed.users.items() if user and user.email in addresses)


def test_a_join_request_is_mailed_at_once_to_the_moderators_only(
    closed, django_capture_on_commit_callbacks
):
    applicant = UserFactory(first_name="Karim", last_name="Benali")
    Profile.objects.create(
        user=applicant,
        role=Profile.Role.MANAGER,
        organisation="DITEP Les Oliviers",
        territory=Department.objects.get(code="34"),
    )

    with django_capture_on_commit_callbacks(execute=True):
        memberships.join(closed.space, applicant, accepted_charter=True, message="Directeur.")

    assert told(closed) == ["site_moderator", "space_moderator"]
    body = mail.outbox[0].body
    assert "Karim Benali demande à rejoindre" in body
    assert "- Rôle : Manager (direction, chef de service)\n" in body
    assert "- Organisation : DITEP Les Oliviers\n" in body
    assert "- Département d’exercice : Hérault (34)" in body
    assert reverse("forums:join_requests", args=[closed.space.slug]) in body


def test_held_posts_and_reports_are_mailed_to_the_moderators(
    closed, django_capture_on_commit_callbacks
):
    newcomer = MembershipFactory(space=closed.space).user

    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(closed.topic, newcomer, body="Mon premier message.")
        moderation.report(closed.post, closed.users["member"], "Nominatif.")

    assert told(closed) == ["site_moderator", "space_moderator"]
    assert len(mail.outbox) == 4
    assert all(
        reverse("forums:moderation", args=[closed.space.slug]) in m.body for m in mail.outbox
    )


def test_a_moderator_who_chose_the_digest_finds_the_alerts_there(
    closed, django_capture_on_commit_callbacks
):
    moderator = closed.users["space_moderator"]
    NotificationSettings.objects.create(
        user=moderator, digest="daily", moderation_alerts_at_once=False
    )

    with django_capture_on_commit_callbacks(execute=True):
        memberships.join(closed.space, UserFactory(), accepted_charter=True, message="Bonjour")
    assert "space_moderator" not in told(closed)
    mail.outbox.clear()
    notifications.send_due_digests(timezone.now() + datetime.timedelta(days=1))

    [digest] = mail.outbox
    assert digest.to == [moderator.email]
    assert "2 demandes d’adhésion" in digest.body  # the space had one already
    assert closed.space.name in digest.body
    # The requests have a page of their own: the queue does not list them.
    assert reverse("forums:join_requests", args=[closed.space.slug]) in digest.body


def test_the_counts_follow_what_waits_in_the_spaces_one_moderates(client, closed):
    memberships.join(closed.space, UserFactory(), accepted_charter=True, message="Bonjour")
    PostFactory(topic=closed.topic, status=Post.Status.PENDING)
    moderation.report(closed.post, closed.users["member"], "Nominatif.")

    [work] = moderator_alerts.waiting_work(closed.users["space_moderator"])
    assert (work.requests, work.held_posts, work.reports) == (2, 1, 1)  # one pending already
    assert moderator_alerts.waiting_count(closed.users["member"]) == 0
    spaces = sign_in(client, closed.users["space_moderator"]).get("/espaces/").content.decode()
    assert "À modérer (4)" in spaces  # in the header
    assert "4 éléments à modérer" in spaces  # on the space's card
    listed = html(client.get(reverse("forums:notifications"))).find(id="a-moderer").parent
    links = [item.find_all("a", recursive=False) for item in listed.find_all("li")]
    assert [len(item) for item in links if item] == [1, 1], "each way in is an item of its own"


def test_the_queue_shows_a_held_posts_image_and_the_requests_show_who_asks(client, closed):
    newcomer = MembershipFactory(space=closed.space).user
    Profile.objects.create(user=closed.users["pending"], organisation="IME Les Tilleuls")
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, format="PNG")
    upload = SimpleUploadedFile("atelier.png", buffer.getvalue(), content_type="image/png")
    sign_in(client, newcomer).post(
        reverse("forums:reply", args=[closed.space.slug, closed.topic.pk]),
        {"body": "Notre atelier.", "attachment": upload},
    )
    held = Post.objects.get(body="Notre atelier.")
    assert held.status == Post.Status.PENDING
    sign_in(client, closed.users["space_moderator"])

    queue = client.get(reverse("forums:moderation", args=[closed.space.slug])).content.decode()
    image_url = held.attachments.get().get_absolute_url()
    requests = text_of(client.get(reverse("forums:join_requests", args=[closed.space.slug])))

    assert f'<img class="kb-attachment kb-attachment--thumbnail" src="{image_url}"' in queue
    # The queue leads to the requests waiting beside it, which it does not list.
    assert f'href="{reverse("forums:join_requests", args=[closed.space.slug])}"' in queue
    assert client.get(image_url).status_code == 200
    assert "Professionnel ou professionnelle" in requests
    assert "IME Les Tilleuls" in requests


def test_a_suspended_space_moderator_is_not_alerted(closed, django_capture_on_commit_callbacks):
    SpaceMembership.objects.filter(user=closed.users["space_moderator"]).update(
        suspended_until=timezone.now() + datetime.timedelta(days=3)
    )

    with django_capture_on_commit_callbacks(execute=True):
        memberships.join(closed.space, UserFactory(), accepted_charter=True, message="Bonjour")

    assert told(closed) == ["site_moderator"]


def test_digests_can_be_sent_as_of_a_given_time(closed):
    member = closed.users["member"]
    NotificationSettings.objects.create(user=member, digest="daily")
    notifications.follow(member, space=closed.space)
    notifications.post_published(PostFactory(topic=closed.topic))
    yesterday = (timezone.localtime() - datetime.timedelta(days=1)).replace(hour=6)

    call_command("send_digests", "--as-of", yesterday.strftime("%Y-%m-%dT%H:%M"))
    assert mail.outbox == [], "nothing written yet at that time"
    call_command("send_digests")
    assert [message.to for message in mail.outbox] == [[member.email]]
