import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from practices import registrations
from practices.forms import TrainingSessionForm
from practices.models import TrainingRegistration, TrainingSession
from tests.practices.training_fixtures import (
    OFFER_TITLE,
    build_offer,
    build_organiser,
    build_session,
    build_user,
    refreshed,
    signed_in_client,
    take_seats,
)

pytestmark = pytest.mark.django_db

Status = TrainingRegistration.Status


@pytest.fixture
def other_offer(practices_fr):
    return build_offer(practices_fr.trainings, title="Travailler avec l’Éducation nationale")


@pytest.fixture
def organiser(offer):
    return build_organiser(offer)


@pytest.fixture
def admin_client(organiser):
    return signed_in_client(organiser)


def admin_url(name, *args):
    return reverse(f"training_sessions:{name}", args=args)


def session_data(offer, **overrides):
    start = timezone.localtime(timezone.now() + timedelta(days=40)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    data = {
        "offer": offer.pk,
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start + timedelta(hours=7)).strftime("%Y-%m-%d %H:%M"),
        "place": "Le Puy-en-Velay, DITEP",
        "seats": "12",
    }
    return {**data, **overrides}


# Managing sessions


def test_an_organiser_lists_the_sessions_of_the_offers_they_may_edit_only(
    admin_client, offer, other_offer
):
    build_session(offer, place="Aurillac")
    build_session(other_offer, place="Moulins")

    response = admin_client.get(admin_url("index"))

    assert response.status_code == 200
    assert "Aurillac" in response.content.decode()
    assert "Moulins" not in response.content.decode()


def test_an_organiser_adds_a_session_to_their_offer(admin_client, offer):
    response = admin_client.post(admin_url("add"), session_data(offer))

    assert response.status_code == 302
    session = TrainingSession.objects.get()
    assert (session.offer_id, session.place, session.seats) == (
        offer.pk,
        "Le Puy-en-Velay, DITEP",
        12,
    )


def test_an_organiser_cannot_add_a_session_to_someone_elses_offer(admin_client, other_offer):
    response = admin_client.post(admin_url("add"), session_data(other_offer))

    assert response.status_code == 200
    assert "offer" in response.context["form"].errors
    assert not TrainingSession.objects.exists()


def test_a_session_ending_before_it_starts_is_refused_with_the_reason(admin_client, offer):
    data = session_data(offer)
    data["ends_at"], data["starts_at"] = data["starts_at"], data["ends_at"]

    response = admin_client.post(admin_url("add"), data)

    assert response.status_code == 200
    assert "La fin doit suivre le début" in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_seats_cannot_go_below_the_people_already_registered(admin_client, offer):
    session = take_seats(build_session(offer, seats=5), [build_user() for _ in range(4)])

    response = admin_client.post(admin_url("edit", session.pk), session_data(offer, seats="3"))

    assert response.status_code == 200
    assert "4 personnes sont déjà inscrites" in response.content.decode()
    assert refreshed(session).seats == 5


def test_saving_a_session_keeps_the_registrations_made_while_the_form_was_open(organiser, offer):
    session = build_session(offer, seats=5)
    opened = TrainingSession.objects.get(pk=session.pk)
    registrations.register(session, build_user())
    form = TrainingSessionForm(
        data=session_data(offer, place="Salle Pasteur", seats="5"),
        instance=opened,
        for_user=organiser,
    )

    assert form.is_valid(), form.errors
    form.save()

    saved = refreshed(session)
    assert (saved.place, saved.seats_taken) == ("Salle Pasteur", 1)


def test_adding_seats_confirms_people_on_the_waiting_list(
    admin_client, offer, django_capture_on_commit_callbacks
):
    session = take_seats(build_session(offer, seats=1), [build_user()])
    waiting = build_user(email="en-attente@exemple.fr")
    registrations.register(session, waiting)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url("edit", session.pk), session_data(offer, seats="2"))

    assert TrainingRegistration.objects.get(user=waiting).status == Status.CONFIRMED
    assert refreshed(session).seats_taken == 2
    assert any(m.to == ["en-attente@exemple.fr"] for m in mail.outbox)


def test_someone_without_rights_on_the_offer_cannot_edit_its_sessions(offer, other_offer):
    session = build_session(offer)
    outsider = signed_in_client(build_organiser(other_offer))

    outsider.post(admin_url("edit", session.pk), session_data(offer, place="Ailleurs"))

    assert refreshed(session).place != "Ailleurs"


def test_a_session_with_registrations_cannot_be_deleted(admin_client, offer):
    session = take_seats(build_session(offer), [build_user()])

    admin_client.post(admin_url("delete", session.pk))

    assert TrainingSession.objects.filter(pk=session.pk).exists()


def test_a_session_nobody_registered_to_can_be_deleted(admin_client, offer):
    session = build_session(offer)

    admin_client.post(admin_url("delete", session.pk))

    assert not TrainingSession.objects.filter(pk=session.pk).exists()


def test_the_offer_page_editor_links_to_its_sessions_and_export(admin_client, offer):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[offer.pk]))

    content = response.content.decode()
    assert f"{admin_url('index')}?offer={offer.pk}" in content
    assert reverse("practices:export_offer", args=[offer.pk]) in content


# Registrations and cancelling a session


def test_the_registrations_page_lists_people_with_their_organisation_and_status(
    admin_client, offer
):
    session = build_session(offer, seats=1)
    registrations.register(session, build_user(last_name="Bernard", organisation="IME du Cantal"))
    registrations.register(session, build_user(last_name="Roux"))

    response = admin_client.get(admin_url("registrations", session.pk))

    content = response.content.decode()
    assert "Bernard" in content
    assert "IME du Cantal" in content
    assert "en liste d’attente" in content


def test_cancelling_a_session_asks_first_then_tells_everyone(
    admin_client, offer, django_capture_on_commit_callbacks
):
    session = take_seats(build_session(offer, seats=2), [build_user(), build_user()])

    confirmation = admin_client.get(admin_url("cancel", session.pk))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url("cancel", session.pk))

    assert "Les 2 personnes inscrites" in confirmation.content.decode()
    assert refreshed(session).is_cancelled
    assert len([m for m in mail.outbox if "Session annulée" in m.subject]) == 2


def test_someone_without_rights_on_the_offer_cannot_cancel_its_session(offer, other_offer):
    session = build_session(offer)
    outsider = signed_in_client(build_organiser(other_offer))

    outsider.post(admin_url("cancel", session.pk))

    assert not refreshed(session).is_cancelled


# CSV export


def read_csv(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def test_the_session_export_is_a_french_spreadsheet_friendly_csv(admin_client, offer):
    nine_am = timezone.localtime(timezone.now() + timedelta(days=30)).replace(hour=9, minute=0)
    session = build_session(
        offer, seats=1, place="Aurillac, IME du Cantal", starts_in=nine_am - timezone.now()
    )
    registrations.register(
        session,
        build_user(
            first_name="Élise",
            last_name="Bernard",
            email="elise.bernard@exemple.fr",
            organisation="IME du Cantal",
        ),
    )
    registrations.register(session, build_user(first_name="Hugo", last_name="Roux"))

    response = admin_client.get(reverse("practices:export_session", args=[session.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, first, second = read_csv(response)
    assert header == [
        "Session",
        "Date",
        "Lieu",
        "Nom",
        "Prénom",
        "Courriel",
        "Organisation",
        "Statut",
        "Inscrit le",
    ]
    assert first[:8] == [
        OFFER_TITLE,
        f"{nine_am:%d/%m/%Y} 09:00 – 16:00",
        "Aurillac, IME du Cantal",
        "Bernard",
        "Élise",
        "elise.bernard@exemple.fr",
        "IME du Cantal",
        "inscrit",
    ]
    assert second[3:5] == ["Roux", "Hugo"]
    assert second[7] == "en liste d’attente"


def test_the_offer_export_covers_all_its_sessions_in_date_order(admin_client, offer):
    later = build_session(offer, place="Moulins", starts_in=timedelta(days=60))
    sooner = build_session(offer, place="Aurillac", starts_in=timedelta(days=10))
    registrations.register(later, build_user())
    registrations.register(sooner, build_user())

    response = admin_client.get(reverse("practices:export_offer", args=[offer.pk]))

    _header, *rows = read_csv(response)
    assert [row[2] for row in rows] == ["Aurillac", "Moulins"]


def test_the_export_does_not_let_a_spreadsheet_run_a_formula(admin_client, offer):
    session = build_session(offer)
    registrations.register(session, build_user(organisation='=HYPERLINK("http://x")'))

    response = admin_client.get(reverse("practices:export_session", args=[session.pk]))

    _header, row = read_csv(response)
    assert row[6] == '\'=HYPERLINK("http://x")'


def test_a_signed_in_person_who_may_not_edit_the_offer_gets_403(offer):
    session = build_session(offer)
    registrations.register(session, build_user())
    plain = signed_in_client(build_user())

    session_export = plain.get(reverse("practices:export_session", args=[session.pk]))
    offer_export = plain.get(reverse("practices:export_offer", args=[offer.pk]))

    assert session_export.status_code == offer_export.status_code == 403


def test_an_organiser_of_another_offer_gets_403(offer, other_offer):
    session = build_session(offer)
    outsider = signed_in_client(build_organiser(other_offer))

    response = outsider.get(reverse("practices:export_session", args=[session.pk]))

    assert response.status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in_for_the_export(offer):
    session = build_session(offer)

    response = Client().get(reverse("practices:export_session", args=[session.pk]))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_someone_without_rights_on_the_offer_cannot_read_a_sessions_history(offer, other_offer):
    session = build_session(offer, place="Aurillac")
    outsider = signed_in_client(build_organiser(other_offer))

    response = outsider.get(admin_url("history", session.pk), follow=True)

    assert "Aurillac" not in response.content.decode()
    assert response.status_code == 404
