"""The SQLite test database, migrated once for all the processes of a pytest-xdist run.

Migrating the test database (close to 300 migrations, several of them loading reference
data) costs each process about 20 s of CPU. On SQLite the test database lives in memory:
the first process to need it migrates it and writes a copy to a file of the run's shared
temporary folder; the others wait for that copy and load it with SQLite's backup API, as
Django's own test runner does for its parallel processes. The copy lives no longer than
the run: the migrations read the project's reference data, so a copy kept from one run to
the next could silently miss a change. PostgreSQL, and a run in one process, migrate as
before.
"""

import fcntl
import sqlite3

from django.conf import settings
from django.db.backends.sqlite3.creation import DatabaseCreation


def migrates_in_memory(connection):
    return connection.vendor == "sqlite" and DatabaseCreation.is_in_memory_db(
        connection.creation._get_test_db_name()
    )


class MigratedOnceCreation(DatabaseCreation):
    """Creates the in-memory test database from the run's migrated copy, or makes that copy."""

    def __init__(self, connection, migrated_copy):
        super().__init__(connection)
        self.migrated_copy = migrated_copy

    def create_test_db(self, verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        with open(self.migrated_copy.with_suffix(".lock"), "w") as lock:
            # Held while the first process migrates: the others wait for its copy.
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not self.migrated_copy.exists():
                name = super().create_test_db(verbosity, autoclobber, serialize, keepdb)
                self.save_copy()
                return name
        return self.load_copy(verbosity, serialize)

    def save_copy(self):
        # Written under another name and renamed: a process that dies while writing
        # leaves no half copy for the others to load.
        partial = self.migrated_copy.with_suffix(".partial")
        target = sqlite3.connect(partial)
        try:
            self.connection.connection.backup(target)
        finally:
            target.close()
        partial.rename(self.migrated_copy)

    def load_copy(self, verbosity, serialize):
        name = self._get_test_db_name()
        if verbosity >= 1:
            self.log(f"Loading the migrated test database for alias {self.connection.alias!r}…")
        self.connection.close()
        settings.DATABASES[self.connection.alias]["NAME"] = name
        self.connection.settings_dict["NAME"] = name
        self.connection.ensure_connection()
        source = sqlite3.connect(self.migrated_copy)
        try:
            source.backup(self.connection.connection)
        finally:
            source.close()
        if serialize:
            # What the transactional tests with serialized_rollback restore.
            self.connection._test_serialized_contents = self.serialize_db_to_string()
        return name
