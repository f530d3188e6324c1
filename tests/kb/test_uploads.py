"""Uploads through the admin: only allowed types and sizes, no decompression bombs."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin@exemple.fr", "admin@exemple.fr", "x")
    client.force_login(admin)
    return client


def png_bytes(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def upload_document(client, name, content, content_type, title=None):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title or f"Document « {name} »",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def test_a_small_png_is_accepted(editor_client):
    response = upload_image(editor_client, "logo.png", png_bytes(40, 40))

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="logo.png").exists()


def test_a_decompression_bomb_is_refused_with_a_message(editor_client):
    # A few kilobytes on disk, 400 megapixels once decoded.
    bomb = png_bytes(20_000, 20_000)
    assert len(bomb) < 1_000_000

    response = upload_image(editor_client, "bomb.png", bomb)

    assert response.status_code == 200
    assert "pixels" in response.text
    assert not get_image_model().objects.filter(title="bomb.png").exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=10_000)
def test_an_image_over_the_size_limit_is_refused(editor_client):
    big = io.BytesIO()
    Image.effect_noise((200, 200), 64).convert("RGB").save(big, format="PNG")

    response = upload_image(editor_client, "noise.png", big.getvalue())

    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="noise.png").exists()


def test_a_file_that_is_not_an_image_is_refused_as_an_image(editor_client):
    response = upload_image(editor_client, "fake.png", b"<script>alert(1)</script>")

    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="fake.png").exists()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("page.html", "text/html"),
        ("run.exe", "application/octet-stream"),
        ("logo.svg", "image/svg+xml"),
    ],
)
def test_document_types_that_browsers_execute_are_refused(editor_client, name, content_type):
    response = upload_document(editor_client, name, b"<script>alert(1)</script>", content_type)

    assert response.status_code == 200
    assert not get_document_model().objects.filter(file__endswith=name).exists()


def test_a_pdf_report_is_accepted_as_a_document(editor_client):
    response = upload_document(editor_client, "bilan.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")

    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Document « bilan.pdf »").exists()


@pytest.mark.parametrize("title", ["bilan_copil-2026.pdf", "bilan_copil-2026", "bilan copil 2026"])
def test_a_document_titled_with_its_file_name_is_refused_with_the_reason(editor_client, title):
    response = upload_document(
        editor_client, "bilan_copil-2026.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf", title
    )

    assert response.status_code == 200
    assert "Ce titre est le nom du fichier" in response.text
    assert not get_document_model().objects.filter(file__contains="bilan_copil").exists()


def test_choosing_a_file_no_longer_writes_its_name_into_the_title(editor_client):
    response = editor_client.get(reverse("wagtaildocs:add"))

    assert response.status_code == 200
    assert "wagtail:documents-upload" not in response.text
    assert "Le titre que les lecteurs verront" in response.text
