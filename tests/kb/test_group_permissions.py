"""What each role group finds in the admin, and that all of it opens.

The access matrix (tests/test_access_matrix.py) checks every address against
every kind of person. This test walks the admin as each group sees it: the
menu entries written below, no more and no fewer, each of which opens, and the
actions the group's work needs (submit, approve, publish, moderate), allowed or
refused.
"""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from kb.models import ContentPage
from tests.kb.factories import UserFactory
from tests.practices.factories import (
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    TrainingOfferPageFactory,
)

pytestmark = pytest.mark.django_db

REPORTS = {
    "Rapports › Historique du Site",
    "Rapports › Pages vieillissantes",
    "Rapports › Traductions",
    "Rapports › Tâches de workflow",
    "Rapports › Utilisation des types de page",
    "Rapports › Workflows",
}
# Wagtail's own help links (the editor's guide, what is new, shortcuts) are left out.
MENUS = {
    "Contributeurs": {"Pages", "Images", "Documents", *REPORTS},
    "Éditeurs": {
        "Pages",
        "Images",
        "Documents",
        *REPORTS,
        "Rapports › Pages verrouillées",
        "Taxonomie › Thèmes",
        "Taxonomie › Publics",
        "Taxonomie › Types d’établissement",
        "Recherche › Thésaurus (synonymes)",
        "Recherche › Résultats mis en avant",
        "Recherche › Recherches sans résultat",
        "Relevés d’indicateurs",
        "Sessions de formation",
    },
    "Modérateurs": {
        "Pair-émulation › Espaces de pair-émulation",
        "Pair-émulation › Adhésions aux espaces",
        "Pair-émulation › Signalements",
        "Pair-émulation › Journal de modération",
        "Rapports › Traductions",
    },
}


def menu_entries(user):
    """The admin menu as `user` sees it: "label" or "section › label", with its address."""
    # The admin's views add their menu entries as its addresses load: load them first.
    reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user = user
    request.session = {}
    entries = {}
    for item in admin_menu.menu_items_for_request(request):
        submenu = getattr(item, "menu", None)
        if submenu is None:
            entries[str(item.label)] = item.url
            continue
        for child in submenu.menu_items_for_request(request):
            entries[f"{item.label} › {child.label}"] = child.url
    return {label: url for label, url in entries.items() if url.startswith("/")}


@pytest.fixture
def member_of():
    def make(group):
        return UserFactory(groups=[group])

    return make


@pytest.fixture
def a_training(home_page_fr):
    """Editors manage the sessions of the trainings they may publish: one must exist."""
    practices = PracticesIndexPageFactory(parent=home_page_fr)
    return TrainingOfferPageFactory(parent=TrainingOfferIndexPageFactory(parent=practices))


@pytest.mark.parametrize("group", list(MENUS))
def test_each_group_finds_the_menu_its_work_needs_and_every_entry_opens(
    member_of, a_training, group
):
    user = member_of(group)
    entries = menu_entries(user)
    client = Client()
    client.force_login(user)

    assert set(entries) == MENUS[group]
    refused = {
        label: status
        for label, url in entries.items()
        if (status := client.get(url).status_code) != 200
    }
    assert not refused


@pytest.fixture
def submitted(home_page_fr, member_of):
    contributor = member_of("Contributeurs")
    page = ContentPage(title="Unité de répit", slug="unite-de-repit", live=False)
    home_page_fr.add_child(instance=page)
    page.save_revision(user=contributor)
    page.get_workflow().start(page, contributor)
    return page


@pytest.mark.parametrize(
    ("group", "may_publish", "may_approve"),
    [("Contributeurs", False, False), ("Éditeurs", True, True), ("Modérateurs", False, False)],
)
def test_only_editors_publish_and_approve_pages(
    member_of, submitted, group, may_publish, may_approve
):
    user = member_of(group)
    task_state = submitted.current_workflow_state.current_task_state
    actions = [name for name, *_ in task_state.task.specific.get_actions(submitted, user)]

    assert submitted.permissions_for_user(user).can_publish() is may_publish
    assert ("approve" in actions) is may_approve
    assert ("reject" in actions) is may_approve
