"""Attachments: checked and cleaned on the way in, served only to the post's readers."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from forums import moderation, posting
from forums.models import Attachment, ModerationAction, Post, SpaceMembership
from tests.forums.factories import MembershipFactory, PostFactory
from tests.forums.spaces import build_closed_space, sign_in
from tests.kb.helpers import field_errors, html

GPS_IFD = 0x8825


def photo_with_position(width=64, height=48):
    image = Image.new("RGB", (width, height), "teal")
    exif = Image.Exif()
    exif[0x010F] = "Appareil de démonstration"  # Make
    exif[GPS_IFD] = {1: "N", 2: (43.0, 36.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("photo-salle.jpg", buffer.getvalue(), content_type="image/jpeg")


def png_bomb():
    """A tiny PNG that decodes to a huge bitmap."""
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, format="PNG", optimize=True)
    return SimpleUploadedFile("bombe.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def cast(db):
    closed = build_closed_space()
    author = closed.users["member"]
    # Past their first reviewed posts, so that replies are published at once.
    PostFactory.create_batch(posting.REVIEWED_FIRST_POSTS, topic=closed.topic, author=author)
    return closed


def reply_with(client, cast, upload, body="Voici la photo de la salle de répit."):
    sign_in(client, cast.users["member"])
    return client.post(
        reverse("forums:reply", args=[cast.space.slug, cast.topic.pk]),
        {"body": body, "attachment": upload},
    )


def test_an_image_is_stored_without_its_metadata(client, cast):
    reply_with(client, cast, photo_with_position())

    attached = Attachment.objects.get()
    with attached.file.open("rb") as stored, Image.open(stored) as image:
        assert image.size == (64, 48)
        assert not image.getexif()
    assert attached.name == "photo-salle.jpg"


def test_a_decompression_bomb_is_refused_with_a_message_and_the_text_is_kept(client, cast):
    response = reply_with(client, cast, png_bomb())

    assert response.status_code == 400
    assert field_errors(response, "attachment")
    textarea = html(response).find("textarea", attrs={"name": "body"})
    assert "Voici la photo de la salle de répit." in textarea.text
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("page.png", b"<html><script>alert(1)</script></html>"),
        ("notes.txt", b"Simple texte"),
        ("tronque.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("faux.pdf", b"PK\x03\x04 archive"),
    ],
)
def test_files_that_are_not_images_or_pdfs_are_refused(client, cast, name, content):
    response = reply_with(client, cast, SimpleUploadedFile(name, content))

    assert response.status_code == 400
    assert field_errors(response, "attachment") == [
        "Seules les images JPEG, PNG, WebP ou GIF et les documents PDF sont acceptés."
    ]
    assert not Post.objects.filter(body__startswith="Voici").exists()


def test_a_pdf_is_attached_and_offered_as_a_download(client, cast):
    pdf = SimpleUploadedFile("plan d'action.pdf", b"%PDF-1.7\n%fin\n")
    reply_with(client, cast, pdf)
    attached = Attachment.objects.get()

    response = client.get(attached.get_absolute_url())

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_an_oversized_pdf_is_refused(client, cast, settings):
    big = SimpleUploadedFile("gros.pdf", b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024 + 1))

    response = reply_with(client, cast, big)

    assert response.status_code == 400
    assert "dépasse 10 Mo" in field_errors(response, "attachment")[0]


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("anonymous", False),
        ("non_member", False),
        ("pending", False),
        ("refused", False),
        ("suspended", False),
        ("member", True),
        ("space_moderator", True),
        ("site_moderator", True),
    ],
)
def test_an_attachment_is_served_only_to_those_who_read_the_post(client, cast, role, allowed):
    reply_with(client, cast, photo_with_position())
    attached = Attachment.objects.get()
    client.logout()
    sign_in(client, cast.users[role])

    response = client.get(attached.get_absolute_url())

    assert (response.status_code == 200) == allowed
    if role == "anonymous":
        assert response.status_code == 302


def test_the_attachment_of_a_hidden_post_is_no_longer_served_to_members(client, cast):
    reply_with(client, cast, photo_with_position())
    attached = Attachment.objects.get()
    moderator = cast.users["space_moderator"]
    moderation.change_post(attached.post.pk, moderator, ModerationAction.Kind.HIDE, "Visage")
    reader = MembershipFactory(space=cast.space, status=SpaceMembership.Status.ACTIVE).user
    client.force_login(reader)

    assert client.get(attached.get_absolute_url()).status_code == 404
    client.force_login(moderator)
    assert client.get(attached.get_absolute_url()).status_code == 200


def test_a_new_topic_can_carry_an_attachment(client, cast):
    sign_in(client, cast.users["member"])

    client.post(
        reverse("forums:new_topic", args=[cast.space.slug]),
        {"title": "Plan de la salle", "body": "Ci-joint", "attachment": photo_with_position()},
    )

    assert Attachment.objects.get().post.topic.title == "Plan de la salle"
