"""Fixtures shared by the whole suite.

The data migrations create the site skeleton (French and English home pages,
taxonomy, groups, editorial workflow), so tests read it from the database
rather than building their own.
"""

import pytest

from kb.models import HomePage


@pytest.fixture
def home_page_fr(db):
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def home_page_en(db):
    return HomePage.objects.get(locale__language_code="en")
