"""People and pages for the core-site tests.

The database already holds what the migrations create: the French and English
home pages, the reference taxonomy, the role groups and the review workflow.
"""

import pytest
from wagtail.models import Locale

from kb.models import ContentPage
from tests.kb.factories import UserFactory


@pytest.fixture
def member(db):
    return UserFactory(email="lea.roussel@exemple.fr")


@pytest.fixture
def contributor(db):
    return UserFactory(email="karim.benali@exemple.fr", groups=["Contributeurs"])


@pytest.fixture
def editor(db):
    return UserFactory(email="claire.martin@exemple.fr", groups=["Éditeurs"])


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@exemple.fr", is_staff=True, is_superuser=True)


@pytest.fixture
def make_page(home_page_fr):
    """A published French content page, optionally with an English translation.

    `english` is the translation's (slug, title); `english_live=False` leaves it
    as a draft, which visitors must not be sent to.
    """

    def make(slug="a-propos", title="À propos", english=None, english_live=True):
        page = ContentPage(slug=slug, title=title)
        home_page_fr.add_child(instance=page)
        page.save_revision().publish()
        if english is not None:
            translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
            translation.slug, translation.title = english
            revision = translation.save_revision()
            if english_live:
                revision.publish()
        return page

    return make
