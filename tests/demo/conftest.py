"""The demo content, loaded once per process for both modules of this package.

`load_demo_content` takes tens of seconds: it runs twice (the second run must change
nothing), inside a transaction rolled back when the package is done, so the other
test modules never see the demo content. Under pytest-xdist, the tests of
this folder go to one process (`RUN_TOGETHER` in tests/conftest.py), which loads it
once.
"""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def counts_after_first_run(django_db_setup, django_db_blocker):
    """The number of rows of every model after a first run, once a second has run."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        counts = {model: model.objects.count() for model in apps.get_models()}
        call_command("load_demo_content", stdout=io.StringIO())
        yield counts
        transaction.set_rollback(True)
