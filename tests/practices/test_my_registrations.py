"""« Mes inscriptions » on the profile: the sessions to come a person holds a seat or a
waiting-list place in, each with a button to withdraw that brings them back there."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from practices import registrations
from practices.models import TrainingRegistration
from tests.kb.helpers import html
from tests.practices.training_fixtures import build_session, build_user, take_seats

pytestmark = pytest.mark.django_db

Status = TrainingRegistration.Status
PROFILE = "/comptes/profil/"


@pytest.fixture
def camille():
    return build_user(first_name="Camille", email="camille@exemple.fr")


@pytest.fixture
def client_of(camille):
    client = Client()
    client.force_login(camille)
    return client


def registrations_section(response):
    return html(response).find("section", attrs={"aria-labelledby": "my-registrations-title"})


def test_the_profile_lists_seats_and_waiting_places_to_come_soonest_first(
    offer, camille, client_of
):
    later = build_session(offer, seats=1, starts_in=timedelta(days=60), place="Rodez")
    take_seats(later, [build_user()])
    registrations.register(later, camille)
    sooner = build_session(offer, seats=5, starts_in=timedelta(days=10), place="Albi")
    registrations.register(sooner, camille)
    past = build_session(offer, seats=5, starts_in=-timedelta(days=10), place="Millau")
    TrainingRegistration.objects.create(session=past, user=camille, status=Status.CONFIRMED)
    someone_elses = build_session(offer, seats=5, place="Castres")
    registrations.register(someone_elses, build_user())

    section = registrations_section(client_of.get(PROFILE))

    items = section.find_all("li", class_="kb-registration")
    places = [" ".join(item.get_text(" ").split()) for item in items]
    assert len(places) == 2
    assert "Albi" in places[0] and "Inscription confirmée" in places[0]
    assert "Rodez" in places[1] and "Liste d’attente : position 1" in places[1]
    assert section.find("a", string=offer.title)["href"].endswith(f"#session-{sooner.pk}")
    forms = section.find_all("form")
    assert [form["action"] for form in forms] == [
        reverse("practices:cancel", args=[sooner.pk]),
        reverse("practices:cancel", args=[later.pk]),
    ]
    assert [form.button.get_text(" ", strip=True).split(" — ")[0] for form in forms] == [
        "Annuler mon inscription",
        "Quitter la liste d’attente",
    ]


def test_withdrawing_from_the_profile_frees_the_seat_and_comes_back_to_it(
    offer, camille, client_of
):
    session = build_session(offer, seats=2)
    registrations.register(session, camille)

    response = client_of.post(
        reverse("practices:cancel", args=[session.pk]), {"next": PROFILE}, follow=True
    )

    assert response.redirect_chain[-1][0] == PROFILE
    assert "est annulée" in response.text
    assert registrations_section(response).find("li") is None
    assert "aucune session de formation à venir" in registrations_section(response).get_text()
    assert not TrainingRegistration.objects.filter(user=camille, status__in=registrations.ACTIVE)
