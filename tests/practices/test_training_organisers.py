"""Who organises a training: the person named on the offer and the editors who publish it.

Contributors may edit every page to propose changes; that does not make them the
organisers of other people's trainings.
"""

import pytest
from django.urls import reverse

from tests.kb.factories import UserFactory
from tests.practices.training_fixtures import (
    build_offer,
    build_organiser,
    build_session,
    build_user,
    refreshed,
    signed_in_client,
    take_seats,
)


@pytest.fixture
def session(offer):
    return take_seats(build_session(offer), [build_user(last_name="Bernard")])


@pytest.fixture
def contributor_client(db):
    return signed_in_client(UserFactory(groups=["Contributeurs"]))


def organiser_pages(session):
    return {
        "session export": reverse("practices:export_session", args=[session.pk]),
        "offer export": reverse("practices:export_offer", args=[session.offer_id]),
        "registrations": reverse("training_sessions:registrations", args=[session.pk]),
        "edit": reverse("training_sessions:edit", args=[session.pk]),
        "cancel": reverse("training_sessions:cancel", args=[session.pk]),
    }


@pytest.mark.parametrize(
    "page", ["session export", "offer export", "registrations", "edit", "cancel"]
)
def test_a_contributor_with_no_link_to_a_training_cannot_open_its_organiser_pages(
    contributor_client, session, page
):
    response = contributor_client.get(organiser_pages(session)[page])

    assert response.status_code in (403, 404)
    assert "Bernard" not in response.content.decode()


def test_a_contributor_with_no_link_to_a_training_cannot_cancel_its_session(
    contributor_client, session
):
    response = contributor_client.post(reverse("training_sessions:cancel", args=[session.pk]))

    assert response.status_code in (403, 404)
    assert not refreshed(session).is_cancelled


def test_a_contributor_does_not_see_other_peoples_sessions_in_the_admin(
    contributor_client, session
):
    response = contributor_client.get(reverse("training_sessions:index"))

    assert session.place not in response.content.decode()


def test_the_contributor_named_on_the_offer_organises_it(session):
    organiser = build_organiser(session.offer)
    organiser.groups.add(*UserFactory(groups=["Contributeurs"]).groups.all())
    client = signed_in_client(organiser)

    export = client.get(reverse("practices:export_session", args=[session.pk]))
    listing = client.get(reverse("training_sessions:registrations", args=[session.pk]))

    assert export.status_code == 200
    assert "Bernard" in export.content.decode()
    assert listing.status_code == 200


def test_an_unconfirmed_address_does_not_make_someone_the_organiser(offer, session):
    claimant = UserFactory(email=offer.organiser_email.upper(), verified=False)

    response = signed_in_client(claimant).get(
        reverse("practices:export_session", args=[session.pk])
    )

    assert response.status_code == 403


def test_an_editor_organises_every_training(practices_fr, session):
    other = build_session(build_offer(practices_fr.trainings, title="Autre formation"))
    client = signed_in_client(UserFactory(groups=["Éditeurs"]))

    for each in (session, other):
        response = client.get(reverse("practices:export_session", args=[each.pk]))
        assert response.status_code == 200
