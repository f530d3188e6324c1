"""Builders for the training tests: people and seats, on top of the shared page factories.

The `offer` fixture is shared through this package's conftest.
"""

import itertools
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from wagtail.models import GroupPagePermission

from kb.models import Profile
from practices.models import TrainingOfferPage, TrainingRegistration, TrainingSession
from tests.practices.factories import TrainingOfferPageFactory, TrainingSessionFactory

PASSWORD = "un-mot-de-passe-solide"
OFFER_TITLE = "Le dispositif ITEP au quotidien"
ORGANISER_EMAIL = "formations@itep-tilleuls.fr"
_numbers = itertools.count(1)


def build_offer(index, **fields):
    return TrainingOfferPageFactory(parent=index, **fields)


@pytest.fixture
def offer(practices_fr):
    """A published cross-training whose organiser is told of each registration and withdrawal."""
    return build_offer(practices_fr.trainings, title=OFFER_TITLE, organiser_email=ORGANISER_EMAIL)


def build_session(offer, *, starts_in=timedelta(days=30), hours=7, **fields):
    starts_at = timezone.now() + starts_in
    return TrainingSessionFactory(
        offer=offer, starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), **fields
    )


def build_user(*, first_name="Camille", last_name=None, organisation="", **fields):
    number = next(_numbers)
    user = get_user_model().objects.create_user(
        username=f"personne{number}",
        email=fields.pop("email", f"personne{number}@exemple.fr"),
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name or f"Martin{number}",
        **fields,
    )
    Profile.objects.create(user=user, organisation=organisation)
    return user


def build_organiser(offer):
    """The person named on `offer` as its organiser, who may edit its page in the admin.

    An offer without an organiser's address gets this person's.
    """
    email = offer.organiser_email or f"organisation{next(_numbers)}@exemple.fr"
    if not offer.organiser_email:
        TrainingOfferPage.objects.filter(pk=offer.pk).update(organiser_email=email)
        offer.organiser_email = email
    user = build_user(first_name="Dominique", last_name="Organisatrice", email=email)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    group = Group.objects.create(name=f"Organisateurs {next(_numbers)}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.create(group=group, page=offer, permission_type="change")
    user.groups.add(group)
    return user


def take_seats(session, users, status=TrainingRegistration.Status.CONFIRMED):
    """Registrations made directly, with the counter kept in step, for arranging a test."""
    for user in users:
        TrainingRegistration.objects.create(session=session, user=user, status=status)
    if status == TrainingRegistration.Status.CONFIRMED:
        session.seats_taken += len(users)
        TrainingSession.objects.filter(pk=session.pk).update(seats_taken=session.seats_taken)
    return session


def refreshed(session):
    """The session as the database holds it now (seats taken, cancellation)."""
    return TrainingSession.objects.get(pk=session.pk)


def signed_in_client(user):
    client = Client()
    client.force_login(user)
    return client
