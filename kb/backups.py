"""Backing up and restoring the whole site: its database, public media and private media.

A backup is one dated tar file in the backup directory:

    kb-backup-20261203-074500.tar
        manifest.json         date, database engine, applied migrations, and every
                              file below and every media file with its size and sha256
        database.sqlite3.gz   SQLite: a copy made with SQLite's online backup API
          or database.pgdump  PostgreSQL: pg_dump's custom format
        media.tar.gz          MEDIA_ROOT as media/, PRIVATE_MEDIA_ROOT as private-media/

Both database copies are consistent while the site keeps running. A restore
checks every checksum before it changes anything, then replaces the database,
then the media folders.
"""

import gzip
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from kb.content_version import new_content_version

MANIFEST = "manifest.json"
MANIFEST_KEYS = {"created_at", "database_engine", "migrations", "files", "media"}
MEDIA_ARCHIVE = "media.tar.gz"
DATABASE_DUMPS = {"sqlite": "database.sqlite3.gz", "postgresql": "database.pgdump"}
ARCHIVE_NAME = re.compile(r"^kb-backup-(?P<stamp>\d{8}-\d{6})(?:-(?P<rank>\d+))?\.tar$")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something prevents the backup or the restore; the message tells the operator what."""


class CorruptBackup(BackupError):
    """The archive does not match its manifest: nothing was restored."""


@dataclass
class Step:
    """One stage of the work, for the operator's report."""

    label: str
    size: int
    seconds: float

    def __str__(self):
        return f"{self.label} : {filesizeformat(self.size)} en {self.seconds:.1f} s"


def report_steps(steps, write):
    """Write one line per step with `write`; return the total duration in seconds."""
    for step in steps:
        write(f"  {step}")
    return sum(step.seconds for step in steps)


def media_roots():
    """The folders a backup holds, by their name inside the archive."""
    return {"media": Path(settings.MEDIA_ROOT), "private-media": Path(settings.PRIVATE_MEDIA_ROOT)}


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_entry(path, name):
    return {"name": name, "size": path.stat().st_size, "sha256": sha256_of(path)}


def backups_in(directory):
    """The backups of `directory`, oldest first; other files are never counted."""
    found = []
    for path in Path(directory).glob("kb-backup-*.tar"):
        match = ARCHIVE_NAME.match(path.name)
        if match:
            found.append(((match["stamp"], int(match["rank"] or 0)), path))
    return [path for _key, path in sorted(found)]


def archive_path(directory, moment):
    """A new dated name, after every backup already there, even of the same second."""
    stamp = timezone.localtime(moment).strftime("%Y%m%d-%H%M%S")
    ranks = [
        int(match["rank"] or 0)
        for match in map(ARCHIVE_NAME.match, (path.name for path in directory.iterdir()))
        if match and match["stamp"] == stamp
    ]
    if not ranks:
        return directory / f"kb-backup-{stamp}.tar"
    return directory / f"kb-backup-{stamp}-{max(ranks) + 1}.tar"


def prune(directory, keep):
    """Delete all but the `keep` newest backups of `directory`; return the deleted paths."""
    if keep < 1:
        raise BackupError("Il faut garder au moins une sauvegarde (--keep 1 ou plus).")
    expired = backups_in(directory)[:-keep]
    for path in expired:
        path.unlink()
    return expired


# Database engines -----------------------------------------------------------------------


def engine_of(connection):
    if connection.vendor not in DATABASE_DUMPS:
        raise BackupError(f"Moteur de base de données non pris en charge : {connection.vendor}.")
    return connection.vendor


def postgres_environment(connection):
    """libpq's variables: the password travels in the environment, never on a command line."""
    params = connection.settings_dict
    variables = {
        "PGHOST": params.get("HOST"),
        "PGPORT": str(params.get("PORT") or ""),
        "PGUSER": params.get("USER"),
        "PGPASSWORD": params.get("PASSWORD"),
        "PGDATABASE": params.get("NAME"),
        "PGSSLMODE": params.get("OPTIONS", {}).get("sslmode"),
    }
    return {**os.environ, **{name: value for name, value in variables.items() if value}}


def run_postgres_tool(command, connection):
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} est introuvable : installez le client PostgreSQL "
            "de la même version majeure que le serveur (paquet postgresql-client)."
        )
    result = subprocess.run(
        command, env=postgres_environment(connection), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} a échoué : {result.stderr.strip()}")


def dump_database(connection, target):
    if engine_of(connection) == "postgresql":
        run_postgres_tool(["pg_dump", "--format=custom", f"--file={target}"], connection)
        return
    # SQLite cannot copy a database its own connection is writing to: the copy
    # would wait for ever. A command never is inside a transaction; code that
    # calls this from one is told so.
    if connection.in_atomic_block:
        raise BackupError("une copie SQLite ne se fait pas au milieu d’une transaction")
    connection.ensure_connection()
    copy = target.with_suffix("")
    with closing(sqlite3.connect(copy)) as destination:
        connection.connection.backup(destination)
    with open(copy, "rb") as source, gzip.open(target, "wb") as compressed:
        shutil.copyfileobj(source, compressed, CHUNK)
    copy.unlink()


def load_database(connection, dump):
    """Replace the database's content with `dump`."""
    connection.close()
    if engine_of(connection) == "postgresql":
        run_postgres_tool(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ],
            connection,
        )
        return
    copy = dump.with_suffix("")
    with gzip.open(dump, "rb") as compressed, open(copy, "wb") as target:
        shutil.copyfileobj(compressed, target, CHUNK)
    # The backup API rewrites the destination page by page under a lock, so a
    # process that still has the file open sees either the old or the new database.
    with (
        closing(sqlite3.connect(copy)) as source,
        closing(sqlite3.connect(connection.settings_dict["NAME"])) as destination,
    ):
        source.backup(destination)


def applied_migrations(connection):
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def pending_migrations(connection):
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def migrations_unknown_to_the_code(manifest):
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]


# Media ----------------------------------------------------------------------------------


def pack_media(target):
    """Write every media file into `target` (tar.gz); return their manifest entries."""
    entries = []
    with tarfile.open(target, "w:gz") as archive:
        for folder, root in media_roots().items():
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    name = f"{folder}/{path.relative_to(root).as_posix()}"
                    entries.append(file_entry(path, name))
                    archive.add(path, arcname=name, recursive=False)
    return entries


def check_media(media_archive, entries):
    """Every media file of the manifest is in the archive, with its size and checksum."""
    expected = {entry["name"]: entry for entry in entries}
    found = set()
    with tarfile.open(media_archive, "r:gz") as archive:
        for member in archive:
            if not member.isfile():
                continue
            entry = expected.get(member.name)
            digest = hashlib.sha256()
            with archive.extractfile(member) as stream:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
            if (
                entry is None
                or member.size != entry["size"]
                or digest.hexdigest() != entry["sha256"]
            ):
                raise CorruptBackup(f"le fichier {member.name} ne correspond pas au manifeste")
            found.add(member.name)
    if missing := sorted(set(expected) - found):
        raise CorruptBackup(f"{len(missing)} fichier(s) manquant(s), dont {missing[0]}")


def unpack_media(media_archive):
    """Swap each media folder for its copy from the archive, the old one removed last."""
    with tarfile.open(media_archive, "r:gz") as archive:
        members = archive.getmembers()
        for folder, root in media_roots().items():
            root.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{root.name}-restore-", dir=root.parent))
            archive.extractall(
                staging,
                members=[m for m in members if m.name.startswith(f"{folder}/")],
                filter="data",
            )
            restored = staging / folder
            restored.mkdir(exist_ok=True)
            previous = staging / "previous"
            if root.exists():
                root.rename(previous)
            restored.rename(root)
            shutil.rmtree(staging)


# Backup and restore ---------------------------------------------------------------------


def create_backup(directory, *, using=DEFAULT_DB_ALIAS):
    """Write a new backup into `directory`; return its path and the steps with their figures."""
    connection = connections[using]
    engine = engine_of(connection)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    moment = timezone.now()
    steps = []
    # Built in a hidden folder of the same directory, then renamed: a failed or
    # half-written backup never takes the name (and the place) of a real one.
    with tempfile.TemporaryDirectory(prefix=".kb-backup-", dir=directory) as workspace:
        workspace = Path(workspace)
        started = time.monotonic()
        dump = workspace / DATABASE_DUMPS[engine]
        dump_database(connection, dump)
        steps.append(Step(f"Base de données ({engine})", dump.stat().st_size, elapsed(started)))

        started = time.monotonic()
        media = workspace / MEDIA_ARCHIVE
        media_entries = pack_media(media)
        steps.append(
            Step(f"Médias ({len(media_entries)} fichiers)", media.stat().st_size, elapsed(started))
        )

        manifest = {
            "created_at": moment.isoformat(),
            "database_engine": engine,
            "migrations": applied_migrations(connection),
            "files": [file_entry(dump, dump.name), file_entry(media, media.name)],
            "media": media_entries,
        }
        (workspace / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
        partial = workspace / "backup.tar"
        with tarfile.open(partial, "w") as archive:
            for name in (MANIFEST, dump.name, media.name):
                archive.add(workspace / name, arcname=name)
        path = archive_path(directory, moment)
        partial.rename(path)
    return path, steps


def unpack(archive_file, workspace):
    """Extract the archive into `workspace` and check it against its manifest."""
    if not archive_file.is_file():
        raise BackupError(f"Sauvegarde introuvable : {archive_file}")
    try:
        with tarfile.open(archive_file, "r:") as archive:
            archive.extractall(workspace, filter="data")
        manifest = json.loads((workspace / MANIFEST).read_text())
    except (tarfile.TarError, OSError, ValueError) as error:
        raise CorruptBackup(f"archive illisible ou manifeste absent ({error})") from error
    if not isinstance(manifest, dict) or not manifest.keys() >= MANIFEST_KEYS:
        raise CorruptBackup("manifeste incomplet")
    files, media, engine = manifest["files"], manifest["media"], manifest["database_engine"]
    if DATABASE_DUMPS.get(engine) not in {entry["name"] for entry in files}:
        raise CorruptBackup("le manifeste ne nomme pas de copie de la base de données")
    for entry in files:
        path = workspace / entry["name"]
        if not path.is_file():
            raise CorruptBackup(f"{entry['name']} manque dans l’archive")
        if path.stat().st_size != entry["size"] or sha256_of(path) != entry["sha256"]:
            raise CorruptBackup(f"{entry['name']} ne correspond pas à sa somme de contrôle")
    try:
        check_media(workspace / MEDIA_ARCHIVE, media)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise CorruptBackup(f"archive des médias illisible ({error})") from error
    return manifest


def database_is_empty(connection):
    with connection.cursor():
        tables = connection.introspection.table_names()
    connection.close()
    return not tables


def restore_backup(archive_file, *, force=False, using=DEFAULT_DB_ALIAS):
    """Put the site back in the state of `archive_file`; return the manifest and the steps.

    Nothing changes unless the whole archive matches its manifest, its database
    engine is the site's, the code knows every migration it records, and the
    database is empty (or `force`).
    """
    connection = connections[using]
    engine = engine_of(connection)
    steps = []
    with tempfile.TemporaryDirectory(prefix="kb-restore-") as workspace:
        workspace = Path(workspace)
        started = time.monotonic()
        manifest = unpack(Path(archive_file), workspace)
        steps.append(Step("Vérification", Path(archive_file).stat().st_size, elapsed(started)))

        if manifest["database_engine"] != engine:
            raise BackupError(
                f"Cette sauvegarde vient d’une base {manifest['database_engine']} : "
                f"elle ne se restaure pas dans une base {engine}."
            )
        unknown = migrations_unknown_to_the_code(manifest)
        if unknown and not force:
            raise BackupError(
                f"La sauvegarde a {len(unknown)} migration(s) que ce code ne connaît pas "
                f"(dont {unknown[0]}) : elle vient d’une version plus récente du site. "
                "Déployez cette version, ou relancez avec --force."
            )
        if not force and not database_is_empty(connection):
            raise BackupError(
                "La base de données n’est pas vide : relancez avec --force pour la remplacer "
                "par la sauvegarde."
            )

        started = time.monotonic()
        dump = workspace / DATABASE_DUMPS[engine]
        load_database(connection, dump)
        steps.append(Step(f"Base de données ({engine})", dump.stat().st_size, elapsed(started)))

        started = time.monotonic()
        media = workspace / MEDIA_ARCHIVE
        unpack_media(media)
        steps.append(
            Step(
                f"Médias ({len(manifest['media'])} fichiers)",
                media.stat().st_size,
                elapsed(started),
            )
        )
    # Pages kept for readers show the content the restore replaced.
    new_content_version()
    return manifest, steps


def elapsed(started):
    return time.monotonic() - started
