from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse

from practices import registrations
from practices.models import TrainingRegistration, TrainingSession
from tests.practices.training_fixtures import (
    ORGANISER_EMAIL,
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
def session(offer):
    return build_session(offer, seats=2)


@pytest.fixture
def camille():
    return build_user(first_name="Camille", email="camille@exemple.fr")


def full(session):
    return take_seats(session, [build_user() for _ in range(session.seats)])


def messages_of(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


# The verbs


def test_registering_with_a_free_seat_confirms_it_and_takes_the_seat(session, camille):
    registration = registrations.register(session, camille)

    assert registration.status == Status.CONFIRMED
    assert refreshed(session).seats_taken == 1


def test_registering_to_a_full_session_joins_the_waiting_list_at_the_next_position(session):
    full(session)
    first, second = build_user(), build_user()

    waiting_first = registrations.register(session, first)
    waiting_second = registrations.register(session, second)

    assert waiting_first.status == waiting_second.status == Status.WAITING
    assert registrations.waiting_position(waiting_first) == 1
    assert registrations.waiting_position(waiting_second) == 2
    assert refreshed(session).seats_taken == 2


def test_a_full_session_is_refused_to_someone_who_asked_for_a_seat_only(session, camille):
    full(session)

    with pytest.raises(registrations.SessionFull):
        registrations.register(session, camille, waiting_list=False)

    assert not TrainingRegistration.objects.filter(user=camille).exists()


def test_a_second_registration_of_the_same_person_is_refused_and_takes_no_seat(session, camille):
    registrations.register(session, camille)

    with pytest.raises(registrations.AlreadyRegistered) as refusal:
        registrations.register(session, camille)

    assert "déjà inscrit" in str(refusal.value.message)
    assert refreshed(session).seats_taken == 1
    assert TrainingRegistration.objects.filter(user=camille).count() == 1


def test_a_cancelled_session_refuses_registrations(offer, camille):
    session = build_session(offer, is_cancelled=True)

    with pytest.raises(registrations.SessionCancelled):
        registrations.register(session, camille)

    assert refreshed(session).seats_taken == 0


def test_a_session_that_has_started_refuses_registrations(offer, camille):
    session = build_session(offer, starts_in=-timedelta(hours=1))

    with pytest.raises(registrations.SessionStarted):
        registrations.register(session, camille)

    assert not TrainingRegistration.objects.exists()


def test_someone_can_register_again_after_withdrawing(session, camille):
    registrations.cancel(registrations.register(session, camille), by_user=camille)

    again = registrations.register(session, camille)

    assert again.status == Status.CONFIRMED
    assert refreshed(session).seats_taken == 1


def test_withdrawing_gives_the_seat_to_the_oldest_waiting_person_and_mails_them(
    session, django_capture_on_commit_callbacks
):
    holder, other = build_user(), build_user()
    leaving = registrations.register(session, holder)
    registrations.register(session, other)
    oldest = build_user(email="premiere@exemple.fr")
    newest = build_user(email="seconde@exemple.fr")
    registrations.register(session, oldest)
    registrations.register(session, newest)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel(leaving, by_user=holder)

    statuses = dict(TrainingRegistration.objects.values_list("user__email", "status"))
    assert statuses["premiere@exemple.fr"] == Status.CONFIRMED
    assert statuses["seconde@exemple.fr"] == Status.WAITING
    assert refreshed(session).seats_taken == 2
    promoted_mail = next(m for m in mail.outbox if m.to == ["premiere@exemple.fr"])
    assert "votre inscription" in promoted_mail.subject
    assert session.offer.title in promoted_mail.body
    assert not any(m.to == ["seconde@exemple.fr"] for m in mail.outbox)


def test_withdrawing_with_nobody_waiting_frees_the_seat(session, camille):
    registration = registrations.register(session, camille)

    registrations.cancel(registration, by_user=camille)

    assert refreshed(session).seats_taken == 0
    assert TrainingRegistration.objects.get(pk=registration.pk).status == Status.CANCELLED


def test_leaving_the_waiting_list_keeps_the_seats_as_they_are(session, camille):
    full(session)
    registration = registrations.register(session, camille)

    registrations.cancel(registration, by_user=camille)

    assert refreshed(session).seats_taken == 2
    assert TrainingRegistration.objects.get(pk=registration.pk).status == Status.CANCELLED


def test_nobody_can_withdraw_another_persons_registration(session, camille):
    registration = registrations.register(session, camille)

    with pytest.raises(registrations.NotAllowed):
        registrations.cancel(registration, by_user=build_user())

    assert TrainingRegistration.objects.get(pk=registration.pk).status == Status.CONFIRMED


def test_an_organiser_can_withdraw_a_registration(session, camille):
    registration = registrations.register(session, camille)

    registrations.cancel(registration, by_user=build_organiser(session.offer))

    assert TrainingRegistration.objects.get(pk=registration.pk).status == Status.CANCELLED


def test_withdrawing_twice_is_refused_the_second_time(session, camille):
    registration = registrations.register(session, camille)
    registrations.cancel(registration, by_user=camille)

    with pytest.raises(registrations.NotRegistered):
        registrations.cancel(registration, by_user=camille)

    assert refreshed(session).seats_taken == 0


def test_cancelling_a_session_cancels_everyone_and_tells_them(
    session, django_capture_on_commit_callbacks
):
    full(session)
    waiting = build_user(email="attente@exemple.fr")
    registrations.register(session, waiting)

    with django_capture_on_commit_callbacks(execute=True):
        told = registrations.cancel_session(session)

    assert len(told) == 3
    assert refreshed(session).is_cancelled
    assert refreshed(session).seats_taken == 0
    assert not TrainingRegistration.objects.filter(status__in=registrations.ACTIVE).exists()
    recipients = sorted(m.to[0] for m in mail.outbox if "annulée" in m.subject)
    assert len(recipients) == 3
    assert "attente@exemple.fr" in recipients


def test_the_organiser_is_mailed_on_each_registration_and_withdrawal(
    session, camille, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = registrations.register(session, camille)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel(registration, by_user=camille)

    to_organiser = [m for m in mail.outbox if m.to == [ORGANISER_EMAIL]]
    assert [m.subject.split(" :")[0] for m in to_organiser] == [
        "Nouvelle inscription",
        "Désistement",
    ]
    assert "camille@exemple.fr" in to_organiser[0].body


def test_raising_the_seats_confirms_waiting_people_in_order(session):
    full(session)
    first, second, third = build_user(), build_user(), build_user()
    for user in (first, second, third):
        registrations.register(session, user)
    TrainingSession.objects.filter(pk=session.pk).update(seats=4)

    registrations.promote_waiting(session)

    statuses = dict(TrainingRegistration.objects.values_list("user", "status"))
    assert [statuses[u.pk] for u in (first, second, third)] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITING,
    ]
    assert refreshed(session).seats_taken == 4


# What each visitor is offered


def test_each_visitor_is_offered_the_step_that_fits_their_situation(
    offer, camille, django_assert_max_num_queries
):
    open_session = build_session(offer, seats=3, starts_in=timedelta(days=10))
    full_session = full(build_session(offer, seats=1, starts_in=timedelta(days=20)))
    mine = build_session(offer, seats=3, starts_in=timedelta(days=30))
    waiting_for = full(build_session(offer, seats=1, starts_in=timedelta(days=40)))
    cancelled = build_session(offer, is_cancelled=True, starts_in=timedelta(days=50))
    build_session(offer, starts_in=-timedelta(days=1))
    registrations.register(mine, camille)
    registrations.register(waiting_for, build_user())
    registrations.register(waiting_for, camille)

    with django_assert_max_num_queries(2):
        choices = registrations.session_choices(offer, camille)

    by_session = {choice.session.pk: choice for choice in choices}
    assert list(by_session) == [
        open_session.pk,
        full_session.pk,
        mine.pk,
        waiting_for.pk,
        cancelled.pk,
    ]
    assert by_session[open_session.pk].action == "register"
    assert by_session[full_session.pk].action == "join_waiting_list"
    assert by_session[mine.pk].action == "cancel"
    assert by_session[mine.pk].status == Status.CONFIRMED
    assert by_session[waiting_for.pk].action == "leave_waiting_list"
    assert by_session[waiting_for.pk].waiting_position == 2
    assert by_session[cancelled.pk].action is None


def test_anonymous_visitors_are_offered_to_sign_in(offer):
    from django.contrib.auth.models import AnonymousUser

    build_session(offer)

    [choice] = registrations.session_choices(offer, AnonymousUser())

    assert choice.action == "sign_in"


def render_sessions_block(offer, user):
    request = RequestFactory().get(offer.url)
    request.user = user
    return render_to_string(
        "practices/includes/training_sessions.html", {"page": offer}, request=request
    )


def test_the_sessions_block_shows_seats_left_and_the_visitors_buttons(offer, camille):
    open_session = build_session(offer, seats=3, place="Aurillac, IME du Cantal")
    registrations.register(open_session, build_user())
    waiting_for = full(build_session(offer, seats=1, starts_in=timedelta(days=60)))
    registrations.register(waiting_for, camille)

    html = render_sessions_block(offer, camille)

    assert "Aurillac, IME du Cantal" in html
    assert "2 places libres sur 3" in html
    assert "S’inscrire" in html
    assert "Complet" in html
    assert "Liste d’attente : position 1" in html
    assert "Quitter la liste d’attente" in html
    assert reverse("practices:register", args=[open_session.pk]) in html


def test_the_sessions_block_asks_anonymous_visitors_to_sign_in(offer):
    from django.contrib.auth.models import AnonymousUser

    build_session(offer)

    html = render_sessions_block(offer, AnonymousUser())

    assert "Se connecter pour s’inscrire" in html
    assert "<form" not in html


def test_the_sessions_block_says_when_nothing_is_planned(offer, camille):
    build_session(offer, starts_in=-timedelta(days=3))

    assert "Aucune session n’est programmée" in render_sessions_block(offer, camille)


# The endpoints


@pytest.fixture
def signed_in(camille):
    return signed_in_client(camille)


def register_url(session):
    return reverse("practices:register", args=[session.pk])


def cancel_url(session):
    return reverse("practices:cancel", args=[session.pk])


def test_registering_sends_back_to_the_training_page_with_a_confirmation(signed_in, session):
    response = signed_in.post(register_url(session))

    assert response.status_code == 302
    assert response["Location"] == session.offer.url
    [(level, text)] = messages_of(response)
    assert level == "success"
    assert "est confirmée" in text
    assert refreshed(session).seats_left == 1


def test_the_form_brings_an_english_reader_back_to_the_english_page(signed_in, session):
    response = signed_in.post(register_url(session), {"next": "/en/trainings/itep/"})

    assert response["Location"] == "/en/trainings/itep/"


def test_a_next_address_on_another_site_is_ignored(signed_in, session):
    response = signed_in.post(register_url(session), {"next": "https://exemple.com/piege"})

    assert response["Location"] == session.offer.url


def test_joining_the_waiting_list_tells_the_position(signed_in, session):
    full(session)

    response = signed_in.post(register_url(session), {"waiting_list": "1"})

    [(level, text)] = messages_of(response)
    assert level == "info"
    assert "liste d’attente" in text
    assert "en position 1" in text


def test_asking_for_a_seat_in_a_full_session_offers_the_waiting_list(signed_in, session, camille):
    full(session)

    response = signed_in.post(register_url(session))

    [(level, text)] = messages_of(response)
    assert level == "warning"
    assert "rejoindre la liste d’attente" in text
    assert not TrainingRegistration.objects.filter(user=camille).exists()


def test_a_double_submit_registers_once(signed_in, session, camille):
    signed_in.post(register_url(session))
    response = signed_in.post(register_url(session))

    (level, text) = messages_of(response)[-1]
    assert level == "info"
    assert "déjà inscrit" in text
    assert TrainingRegistration.objects.filter(user=camille).count() == 1
    assert refreshed(session).seats_taken == 1


@pytest.mark.parametrize(
    ("arrange", "expected"),
    [
        ({"is_cancelled": True}, "a été annulée"),
        ({"starts_in": -timedelta(hours=2)}, "a déjà commencé"),
    ],
)
def test_closed_sessions_refuse_with_a_reason(signed_in, offer, camille, arrange, expected):
    session = build_session(offer, **arrange)

    response = signed_in.post(register_url(session))

    [(level, text)] = messages_of(response)
    assert level == "error"
    assert expected in text
    assert not TrainingRegistration.objects.filter(user=camille).exists()


def test_anonymous_visitors_are_sent_to_sign_in_then_back_to_the_training(session):
    response = Client().post(register_url(session))

    assert response.status_code == 302
    login = urlsplit(response["Location"])
    assert login.path == reverse("account_login")
    assert parse_qs(login.query)["next"] == [session.offer.url]
    [(level, text)] = messages_of(response)
    assert "Connectez-vous" in text
    assert not TrainingRegistration.objects.exists()


@pytest.mark.parametrize("url_of", [register_url, cancel_url])
def test_the_endpoints_only_accept_post(signed_in, session, url_of):
    assert signed_in.get(url_of(session)).status_code == 405


def test_the_endpoints_refuse_a_post_without_csrf_token(camille, session):
    client = Client(enforce_csrf_checks=True)
    client.force_login(camille)

    response = client.post(register_url(session))

    assert response.status_code == 403
    assert not TrainingRegistration.objects.exists()


def test_sessions_of_unpublished_offers_are_not_found(signed_in, practices_fr):
    session = build_session(build_offer(practices_fr.trainings, live=False))

    assert signed_in.post(register_url(session)).status_code == 404


def test_withdrawing_from_the_page_frees_the_seat(signed_in, session, camille):
    registrations.register(session, camille)

    response = signed_in.post(cancel_url(session))

    [(level, text)] = messages_of(response)
    assert level == "success"
    assert "est annulée" in text
    assert refreshed(session).seats_taken == 0


def test_leaving_the_waiting_list_from_the_page_says_so(signed_in, session, camille):
    full(session)
    registrations.register(session, camille)

    response = signed_in.post(cancel_url(session))

    [(_, text)] = messages_of(response)
    assert "quitté la liste d’attente" in text


def test_withdrawing_only_ever_touches_ones_own_registration(signed_in, session):
    someone_else = build_user()
    theirs = registrations.register(session, someone_else)

    response = signed_in.post(cancel_url(session))

    [(level, text)] = messages_of(response)
    assert level == "info"
    assert "pas d’inscription en cours" in text
    assert TrainingRegistration.objects.get(pk=theirs.pk).status == Status.CONFIRMED
    assert refreshed(session).seats_taken == 1
