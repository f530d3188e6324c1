"""Fixtures shared by the whole suite.

The data migrations create the site skeleton (French and English home pages,
taxonomy, groups, editorial workflow), so tests read it from the database
rather than building their own.
"""

import pytest
from django.conf import settings
from django.utils import translation

from kb.models import HomePage


@pytest.fixture(autouse=True)
def source_language_after_each_test():
    """A request under /en/ leaves English active in the thread; the next test starts in French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_page_fr(db):
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def home_page_en(db):
    return HomePage.objects.get(locale__language_code="en")
