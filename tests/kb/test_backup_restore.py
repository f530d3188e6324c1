"""A backup of the site, restored into an empty database, serves the same content.

Backups copy what is committed, as on a running site: the tests that make one
commit their data (transactional tests).

The restore runs as the operator runs it, `manage.py restore_site` in its own
process, against a database that has never held anything: a new SQLite file, or
a new PostgreSQL database when the suite runs on PostgreSQL. Another process
then reads the restored site through Django's test client.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import pytest
import wagtail_factories
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from forums.models import Attachment
from kb import backups
from tests.forums.factories import MembershipFactory, PostFactory
from tests.services import require_service

PDF = b"%PDF-1.4\n% plan de la salle de repit\n%%EOF\n"

# Run by the restored site: what a visitor and a member of the space get from it.
PROBE = """
import hashlib, json
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page
from forums.models import Attachment

client = Client(HTTP_HOST="localhost")
page = Page.objects.get(slug="sauvegarde-du-site")
page_response = client.get(page.url)
attachment = Attachment.objects.get()
client.force_login(attachment.post.author)
download = client.get(attachment.get_absolute_url())
image = get_image_model().objects.get(title="Salle de répit")
print(json.dumps({
    "titles": list(Page.objects.order_by("path").values_list("title", flat=True)),
    "page": [page_response.status_code, "Sauvegarder le site" in page_response.text],
    "attachment": [
        download.status_code,
        hashlib.sha256(b"".join(download.streaming_content)).hexdigest(),
    ],
    "image": hashlib.sha256(image.file.open("rb").read()).hexdigest(),
}))
"""


def sha256(data):
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def media_roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def site_content(make_page, media_roots):
    """A published page, an image in the public media, a forum attachment in the private ones."""
    make_page(slug="sauvegarde-du-site", title="Sauvegarder le site")
    image = wagtail_factories.ImageFactory(title="Salle de répit")
    membership = MembershipFactory()
    post = PostFactory(topic__space=membership.space, author=membership.user)
    attachment_path = media_roots[1] / "forum" / "2026" / "12" / "plan.pdf"
    attachment_path.parent.mkdir(parents=True)
    attachment_path.write_bytes(PDF)
    Attachment.objects.create(
        post=post,
        file="forum/2026/12/plan.pdf",
        kind=Attachment.Kind.PDF,
        name="plan.pdf",
        size=len(PDF),
    )
    with image.file.open("rb") as stream:
        image_sha256 = sha256(stream.read())
    return {
        "titles": list(Page.objects.order_by("path").values_list("title", flat=True)),
        "image": image_sha256,
    }


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a database that has never held anything, dropped after the test."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    require_service(
        shutil.which("pg_dump") is not None and shutil.which("pg_restore") is not None,
        "pg_dump et pg_restore sont introuvables : installez postgresql-client.",
    )
    params = connection.settings_dict
    name = f"{params['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(params["USER"], safe="")
    if params["PASSWORD"]:
        credentials += ":" + quote(params["PASSWORD"], safe="")
    yield f"postgres://{credentials}@{params['HOST']}:{params['PORT']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def manage(*arguments, database_url, media_root, private_media_root):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kb.settings.base",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "PRIVATE_MEDIA_ROOT": str(private_media_root),
        "SEARCH_URL": "",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_serves_the_same_site(site_content, empty_database, tmp_path):
    call_command("backup_site", "--directory", tmp_path / "backups")
    [archive] = backups.backups_in(tmp_path / "backups")
    restored = {
        "database_url": empty_database,
        "media_root": tmp_path / "restored-media",
        "private_media_root": tmp_path / "restored-private-media",
    }

    restore = manage("restore_site", str(archive), **restored)

    assert restore.returncode == 0, restore.stderr
    assert "search_index rebuild" in restore.stdout
    probe = manage("shell", "-v", "0", "-c", PROBE, **restored)
    assert probe.returncode == 0, probe.stderr
    served = json.loads(probe.stdout)
    assert served["titles"] == site_content["titles"]
    assert served["page"] == [200, True]
    assert served["attachment"] == [200, sha256(PDF)]
    assert served["image"] == site_content["image"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_that_is_not_empty_is_replaced_only_with_force(
    site_content, empty_database, tmp_path
):
    call_command("backup_site", "--directory", tmp_path / "backups")
    [archive] = backups.backups_in(tmp_path / "backups")
    restored = {
        "database_url": empty_database,
        "media_root": tmp_path / "restored-media",
        "private_media_root": tmp_path / "restored-private-media",
    }
    assert manage("restore_site", str(archive), **restored).returncode == 0

    again = manage("restore_site", str(archive), **restored)
    forced = manage("restore_site", str(archive), "--force", **restored)

    assert again.returncode != 0
    assert "n’est pas vide" in again.stderr
    assert forced.returncode == 0, forced.stderr


def corrupt_database_copy(archive):
    with tarfile.open(archive) as tar:
        member = next(m for m in tar if m.name.startswith("database."))
    with open(archive, "r+b") as stream:
        stream.seek(member.offset_data + member.size // 2)
        byte = stream.read(1)
        stream.seek(-1, os.SEEK_CUR)
        stream.write(bytes([byte[0] ^ 0xFF]))


def truncate(archive):
    with open(archive, "r+b") as stream:
        stream.truncate(archive.stat().st_size // 2)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("damage", [corrupt_database_copy, truncate])
def test_a_corrupted_archive_is_refused_and_changes_nothing(site_content, tmp_path, damage):
    call_command("backup_site", "--directory", tmp_path / "backups")
    [archive] = backups.backups_in(tmp_path / "backups")
    damage(archive)
    private_files = sorted(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*"))

    with pytest.raises(CommandError, match="l’archive est corrompue"):
        call_command("restore_site", archive, "--force")

    assert Page.objects.filter(title="Sauvegarder le site").exists()
    assert Attachment.objects.exists()
    assert sorted(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*")) == private_files


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_only_the_newest_backups_are_kept(media_roots, tmp_path):
    directory = tmp_path / "backups"
    directory.mkdir()
    unrelated = directory / "notes.txt"
    unrelated.write_text("Rotation des disques le lundi.")
    for _ in range(4):
        call_command("backup_site", "--directory", directory, "--keep", "2")
    newest = backups.backups_in(directory)

    call_command("backup_site", "--directory", directory, "--keep", "2")

    kept = backups.backups_in(directory)
    assert len(kept) == 2
    assert kept[0] == newest[-1]
    assert unrelated.exists()
