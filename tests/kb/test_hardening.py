"""Security hardening a reviewer checks from outside: headers, scripts, sign-in, documents."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.files.base import ContentFile
from django.urls import path, reverse
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Collection, CollectionViewRestriction

from kb.models import SeminarIndexPage, SeminarPage
from tests.kb.factories import PASSWORD, UserFactory
from tests.kb.helpers import html
from website.urls import urlpatterns as site_urlpatterns

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def failing_view(request):
    raise RuntimeError("panne simulée")


# The site's addresses, plus one that fails, for the server error page.
urlpatterns = [path("panne/", failing_view), *site_urlpatterns]

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
HSTS_SECONDS = 31_536_000


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def document(title, filename, data=b"contenu", collection=None):
    item = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    item.file.save(filename, ContentFile(data), save=True)
    return item


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/", 200),
        ("/comptes/login/", 200),
        ("/api/v2/pages/", 200),
        ("/flux/pratiques/rss/", 200),
        ("/sitemap.xml", 200),
        ("/robots.txt", 200),
        ("document", 200),
        ("/page-disparue/", 404),
        ("/panne/", 500),
    ],
    ids=[
        "page",
        "sign-in",
        "api",
        "feed",
        "sitemap",
        "robots",
        "document",
        "not-found",
        "server-error",
    ],
)
def test_every_kind_of_response_carries_the_security_headers(client, settings, address, status):
    settings.SECURE_HSTS_SECONDS = HSTS_SECONDS
    client.raise_request_exception = False
    if address == "document":
        address = document("Guide", "guide.pdf", b"%PDF-1.4 guide").url

    response = client.get(address, secure=True)

    assert response.status_code == status
    for header, value in SECURITY_HEADERS.items():
        assert response[header] == value, header
    assert response["Strict-Transport-Security"].startswith(f"max-age={HSTS_SECONDS}")
    policy = directives(response)
    if address.startswith("/documents/"):
        # Wagtail's own policy for a served file: nothing in it may run or load.
        assert policy == {"default-src": ["'none'"]}
    else:
        assert policy["default-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]


PUBLIC_PAGES = ["/", "/comptes/login/", "/comptes/signup/", "/recherche/?q=répit", "/espaces/"]


@pytest.mark.parametrize("address", PUBLIC_PAGES)
def test_public_pages_run_no_inline_script_and_forbid_it(client, address):
    response = client.get(address)

    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    document_tree = html(response)
    for script in document_tree.find_all("script"):
        assert script.get("src") or script.get("type") == "application/json", script
    for element in document_tree.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, element


def test_a_seminar_video_player_is_allowed_to_load(client, home_page_fr):
    video = "https://www.youtube.com/watch?v=restitution"
    Embed.objects.create(
        hash=get_embed_hash(video),
        url=video,
        type="video",
        html='<iframe title="Plénière" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
    )
    index = SeminarIndexPage(title="Séminaires", slug="seminaires")
    home_page_fr.add_child(instance=index)
    seminar = SeminarPage(
        title="Restitution",
        summary="Présentation.",
        start_date="2026-01-15",
        place="Lyon",
        recordings=[("recording", {"title": "Plénière filmée", "video": video})],
    )
    index.add_child(instance=seminar)
    seminar.save_revision().publish()

    response = client.get(seminar.url)

    player = html(response).find("iframe")
    assert player["src"].startswith("https://www.youtube-nocookie.com/")
    assert "https://www.youtube-nocookie.com" in directives(response)["frame-src"]


def test_the_admin_may_frame_its_own_preview_but_nobody_frames_the_site(client, superuser):
    client.force_login(superuser)

    admin_policy = directives(client.get("/admin/"))
    public_policy = directives(client.get("/"))

    assert admin_policy["frame-ancestors"] == ["'self'"]
    assert public_policy["frame-ancestors"] == ["'none'"]


def test_the_page_preview_may_be_framed_by_the_admin_only(client, editor, home_page_fr):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[home_page_fr.pk]))

    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


# Sign-in lock-out


def sign_in(client, login, password):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def test_five_failed_sign_ins_lock_the_account_out_with_a_clear_message(client, member):
    for _attempt in range(4):
        assert sign_in(client, member.email, "mauvais-mot-de-passe").status_code == 200

    locked = sign_in(client, member.email, "mauvais-mot-de-passe")

    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.text
    assert "30 minutes" in locked.text
    # Even the right password is refused until the cooling-off period ends.
    assert sign_in(client, member.email, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lock_out_does_not_reach_a_colleague_on_the_same_network(client, member):
    for _attempt in range(5):
        sign_in(client, member.email, "mauvais-mot-de-passe")
    colleague = UserFactory(email="colleague@exemple.fr")

    response = sign_in(client, colleague.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(colleague.pk)


def test_wagtail_sign_in_form_hands_over_to_the_site_sign_in(client, superuser):
    response = client.post(
        "/admin/login/?next=/admin/pages/", {"username": superuser.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/comptes/login/?next=/admin/pages/"
    assert "_auth_user_id" not in client.session


# Two-factor authentication for staff


@pytest.mark.staff_without_second_factor
@pytest.mark.parametrize("role", ["superuser", "editor", "contributor"])
def test_staff_without_second_factor_are_sent_to_set_it_up(client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp") + "?next=%2Fadmin%2Fpages%2F"
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("double authentification" in message for message in messages)


@pytest.mark.staff_without_second_factor
def test_site_moderator_without_second_factor_cannot_open_a_moderation_queue(client):
    from tests.forums.factories import SpaceFactory

    space = SpaceFactory()
    client.force_login(UserFactory(groups=["Modérateurs"]))

    response = client.get(reverse("forums:moderation", args=[space.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


@pytest.mark.staff_without_second_factor
def test_an_ordinary_member_is_not_asked_for_a_second_factor(client, member):
    client.force_login(member)

    assert client.get(reverse("profile")).status_code == 200
    # Not asked for a second factor: simply refused, the admin is not for them.
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "Accès refusé" in response.text


def test_staff_with_a_second_factor_reach_the_admin(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.mark.staff_without_second_factor
def test_signing_in_to_the_admin_asks_for_the_authenticator_code(client, editor):
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)

    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": editor.email, "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


# Documents


def test_an_office_document_is_downloaded_never_displayed(client):
    report = document("Rapport", "rapport.docx", b"PK\x03\x04 pas du HTML")

    response = client.get(report.url)

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [("guide.pdf", "application/pdf"), ("lisez-moi.txt", "text/plain")],
)
def test_pdf_and_plain_text_open_in_the_browser(client, filename, content_type):
    item = document("Lecture", filename, b"%PDF-1.4 lecture")

    response = client.get(item.url)

    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("inline")


def test_a_document_of_a_private_collection_is_refused_to_those_outside_it(client, member):
    private = Collection.get_first_root_node().add_child(name="Comptes rendus du copil")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([member.groups.model.objects.get(name="Éditeurs")])
    minutes = document("Compte rendu", "copil.pdf", b"%PDF-1.4 confidentiel", collection=private)

    anonymous = client.get(minutes.url)
    client.force_login(member)
    outsider = client.get(minutes.url)
    client.force_login(UserFactory(groups=["Éditeurs"]))
    insider = client.get(minutes.url)

    assert anonymous.status_code == 302
    assert outsider.status_code in (302, 403)
    for refused in (anonymous, outsider):
        assert b"confidentiel" not in refused.content
    assert insider.status_code == 200
    assert b"confidentiel" in b"".join(insider.streaming_content)


@pytest.mark.staff_without_second_factor
def test_an_editor_signing_in_without_second_factor_sets_it_up_and_goes_on_to_the_admin(
    client, editor
):
    sign_in(client, editor.email, PASSWORD)

    # No second password prompt: the password was typed moments ago.
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_activate_totp"))
    page = html(response)
    assert page.find("img", src=lambda source: source.startswith("data:image/svg"))
    secret = page.find(id="authenticator_secret")["value"]

    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    response = client.get(response["Location"])

    codes = html(response).find("textarea", id="recovery_codes").get_text().split()
    assert len(codes) == 10
    download = client.get(reverse("mfa_download_recovery_codes"))
    assert download["Content-Disposition"].startswith("attachment")
    assert all(code in download.content.decode() for code in codes)
    continue_link = html(response).find("a", string="Continuer")
    assert continue_link["href"] == "/admin/pages/"
    assert client.get(continue_link["href"]).status_code == 200


@pytest.mark.staff_without_second_factor
def test_a_password_typed_long_ago_is_asked_again_before_a_second_factor_is_added(
    client, editor, settings
):
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    sign_in(client, editor.email, PASSWORD)

    confirm = client.get("/admin/", follow=True).redirect_chain[-1][0]

    assert confirm.startswith(reverse("account_reauthenticate"))
