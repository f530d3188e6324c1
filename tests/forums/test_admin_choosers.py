"""The admin's choosers of spaces, memberships, reports and moderation actions are for
site moderators: a contributor, who reaches the admin to write pages, learns nothing
of the closed spaces from them."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.utils import timezone

from forums import moderation
from tests.forums.spaces import build_closed_space
from tests.kb.factories import UserFactory

CHOOSERS = {
    "report": "/admin/snippets/choose/forums/report/results/",
    "moderationaction": "/admin/snippets/choose/forums/moderationaction/results/",
    "spacemembership": "/admin/snippets/choose/forums/spacemembership/results/",
    "space": "/admin/snippets/choose/forums/space/results/",
}


@pytest.fixture
def closed(db):
    closed = build_closed_space(name="Directions d’ITEP très confidentielles")
    member = closed.users["member"]
    member.first_name, member.last_name = "Hortense", "Vasseur-Clos"
    member.save()
    moderation.report(closed.post, member, "Signalement confidentiel")
    membership = closed.space.memberships.get(user=closed.users["suspended"])
    moderation.suspend(
        membership,
        closed.users["space_moderator"],
        timezone.now() + timedelta(days=3),
        "Motif de suspension confidentiel",
    )
    return closed


def shown(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def labels(chooser):
    """How the chooser names each object of its kind: what it must not show to others."""
    return [str(item) for item in apps.get_model("forums", chooser).objects.all()]


def secrets(closed):
    return [closed.space.name, closed.topic.title, "Hortense", "Vasseur-Clos"]


@pytest.mark.parametrize("role", ["Contributeurs", "Éditeurs"])
@pytest.mark.parametrize("chooser", CHOOSERS)
def test_staff_who_are_not_site_moderators_get_nothing_of_the_spaces_from_the_admin_choosers(
    client, closed, chooser, role
):
    client.force_login(UserFactory(groups=[role]))

    response = client.get(CHOOSERS[chooser], headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code in (200, 403, 404)
    assert labels(chooser)
    for label in labels(chooser) + secrets(closed):
        assert label not in shown(response)


def test_a_contributor_cannot_have_a_report_chosen_by_its_number(client, closed):
    report = closed.post.reports.get()
    client.force_login(UserFactory(groups=["Contributeurs"]))

    response = client.get(f"/admin/snippets/choose/forums/report/chosen/{report.pk}/")

    assert response.status_code == 404


@pytest.mark.parametrize("chooser", CHOOSERS)
def test_a_site_moderator_chooses_among_every_space_s_objects(client, closed, chooser):
    client.force_login(closed.users["site_moderator"])

    response = client.get(CHOOSERS[chooser], headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code == 200
    for label in labels(chooser):
        assert label in shown(response)
