from io import StringIO

import pytest
from django.core.management import call_command


def test_every_model_change_has_a_migration(db):
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output)
    except SystemExit:
        pytest.fail(f"Migrations manquantes :\n{output.getvalue()}", pytrace=False)
