"""Every way into an account is the site's sign-in: second factor, confirmed e-mail, lock-out.

Wagtail has sign-in forms of its own (its admin's, and /_util/login/ for pages kept
to signed-in people) that would check a password alone.
"""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.kb.factories import PASSWORD, UserFactory

ENTRY_POINTS = ["/comptes/login/", "/_util/login/", "/en/_util/login/", "/admin/login/"]


def attempt(client, entry_point, user, password=PASSWORD):
    """What each form asks for: allauth an e-mail as `login`, Wagtail's a `username`."""
    return client.post(
        entry_point, {"login": user.email, "username": user.username, "password": password}
    )


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def staff_with_authenticator(db):
    editor = UserFactory(groups=["Éditeurs"], is_staff=True)
    TOTP.activate(editor, generate_totp_secret())
    return editor


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_staff_with_an_authenticator_get_no_session_without_its_code(
    client, staff_with_authenticator, entry_point
):
    attempt(client, entry_point, staff_with_authenticator)

    assert not signed_in(client)


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_an_unconfirmed_e_mail_address_gets_no_session(client, db, entry_point):
    newcomer = UserFactory(verified=False)

    attempt(client, entry_point, newcomer)

    assert not signed_in(client)


@pytest.mark.parametrize("entry_point", ENTRY_POINTS)
def test_a_locked_out_person_gets_no_session_with_their_username(client, db, entry_point):
    member = UserFactory()
    for _attempt in range(5):
        attempt(client, "/comptes/login/", member, password="mauvais-mot-de-passe")

    attempt(client, entry_point, member)

    assert not signed_in(client)


@pytest.mark.parametrize(
    ("entry_point", "site_sign_in"),
    [("/_util/login/", "/comptes/login/"), ("/en/_util/login/", "/en/comptes/login/")],
)
def test_wagtail_page_privacy_sign_in_hands_over_to_the_site_sign_in_keeping_next(
    client, db, entry_point, site_sign_in
):
    response = client.get(entry_point + "?next=/guide/")

    assert response.status_code == 302
    assert response["Location"] == site_sign_in + "?next=/guide/"


def test_wagtail_page_privacy_sign_in_does_not_pass_on_a_foreign_next(client, db):
    response = client.get("/_util/login/?next=https://evil.example/")

    assert "evil.example" not in response["Location"]


@pytest.fixture
def restricted_page(make_page):
    def make(restriction_type, **fields):
        page = make_page(slug="copil", title="Comptes rendus du copil")
        PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)
        return page

    return make


def test_a_page_for_signed_in_people_sends_visitors_to_the_site_sign_in(client, restricted_page):
    page = restricted_page(PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={page.url}"


def test_a_password_protected_page_still_opens_with_its_password(client, restricted_page):
    page = restricted_page(PageViewRestriction.PASSWORD, password="Motdepassissime")
    restriction = PageViewRestriction.objects.get(page=page)

    form = client.get(page.url)
    opened = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "Motdepassissime", "return_url": page.url},
        follow=True,
    )

    assert "password" in form.text
    assert opened.status_code == 200
    assert "Comptes rendus du copil" in opened.text
    assert not signed_in(client)
