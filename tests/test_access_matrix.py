"""Who gets what at every address of the site, the admin included: one matrix.

Every URL pattern the resolver knows (walked recursively, Wagtail's admin, its
snippet choosers, listings, exports and both APIs included) is requested once
with GET by every kind of person below, and the answer is compared with what
`EXPECTED` writes down for that pattern. A new view is in the matrix by default:
`test_every_address_has_an_expected_answer` fails, naming it, until its line is
written here.

Answers are read as:
- `+` allowed: 2xx, or a redirection elsewhere than to a sign-in page or to the
  admin's home (where Wagtail sends those it refuses);
- `-` refused: 403, 404, or a redirection to a sign-in page (or to the set-up of
  the second factor) or to the admin's home;
- `M` the view answers only POST (405 to everyone): GET does nothing there;
- any other status by its number (`400`...), which then must be expected.

An expectation is the set of people allowed (the others are refused), `ALL`,
`NOBODY`, or a string with one answer per person in the order of `ROLES`.
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Workflow, WorkflowTask

from forums import attachments, moderator_alerts
from forums.models import CitationConsent, ModerationAction, Post, Report, Space, SpaceMembership
from kb.mail import Link
from kb.models import HomePage
from kb.security import has_second_factor, must_use_second_factor
from practices.models import TrainingRegistration
from tests.forums.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory
from tests.kb.factories import UserFactory
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    ExperimentPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
)
from tests.practices.training_fixtures import build_offer, build_organiser, build_session

ROLES = [
    "anonymous",
    "signed_in",
    "member",
    "suspended",
    "blocked",
    "space_moderator",
    "site_moderator",
    "contributor",
    "editor",
    "organiser",
    "administrator",
]
ALL = frozenset(ROLES)
NOBODY = frozenset()
SIGNED_IN = ALL - {"anonymous"}
# Administrators hold every permission, site moderators' included.
READERS = frozenset({"member", "space_moderator", "site_moderator", "administrator"})
SPACE_MODERATORS = frozenset({"space_moderator", "site_moderator", "administrator"})
SITE_MODERATORS = frozenset({"site_moderator", "administrator"})
PAGE_STAFF = frozenset({"contributor", "editor", "organiser", "administrator"})
STAFF = PAGE_STAFF | {"site_moderator"}
WRITERS = frozenset({"contributor", "editor", "administrator"})
EDITORS = frozenset({"editor", "administrator"})
TRAINING_MANAGERS = frozenset({"editor", "organiser", "administrator"})
ADMINISTRATOR = frozenset({"administrator"})
# Wagtail's admin serves its sign-in helpers to anonymous visitors and to staff; other
# signed-in people are sent away from the whole admin.
ANONYMOUS_AND_STAFF = STAFF | {"anonymous"}
POST_ONLY = "M" * len(ROLES)
STAFF_POST_ONLY = "------MMMMM"
PDF = b"%PDF-1.7\n%fin\n"
MISSING = 999999


# --- the world -----------------------------------------------------------------------------


@dataclass
class World:
    users: dict
    values: dict  # URL parameter values by pattern name, then by parameter name
    pages: dict  # public pages served by wagtail_serve, by kind


def build_world():
    home = HomePage.objects.get(locale__language_code="fr")
    practices = PracticesIndexPageFactory(parent=home)
    sheets = PracticeSheetIndexPageFactory(parent=practices)
    experiments = ExperimentIndexPageFactory(parent=practices)
    trainings = TrainingOfferIndexPageFactory(parent=practices)
    sheet = PracticeSheetPageFactory(parent=sheets, title="Unité de répit")
    experiment = ExperimentPageFactory(parent=experiments, title="Plateforme de répit")
    offer = build_offer(trainings, title="Le dispositif ITEP au quotidien")
    session = build_session(offer, seats=10)

    space = SpaceFactory(name="Directions d’ITEP", slug="directions-itep")
    hidden = SpaceFactory(
        name="Cellule de crise", slug="cellule-de-crise", join_policy="invitation"
    )
    topic = TopicFactory(space=space, title="Passer en dispositif")
    users = {
        "anonymous": None,
        "signed_in": UserFactory(),
        "site_moderator": UserFactory(groups=["Modérateurs"]),
        "contributor": UserFactory(groups=["Contributeurs"]),
        "editor": UserFactory(groups=["Éditeurs"]),
        "organiser": build_organiser(offer),
        "administrator": UserFactory(is_superuser=True, is_staff=True),
    }
    memberships = {
        "member": {},
        "suspended": {"suspended_until": timezone.now() + timedelta(days=7)},
        "blocked": {"status": SpaceMembership.Status.BLOCKED},
        "space_moderator": {"role": SpaceMembership.Role.MODERATOR},
    }
    for role, fields in memberships.items():
        users[role] = MembershipFactory(space=space, **fields).user
    post = PostFactory(topic=topic, author=users["member"], body="Notre bascule en DITEP.")
    hidden_topic = TopicFactory(space=hidden)
    PostFactory(topic=hidden_topic, body="Cellule de crise confidentielle.")
    PostFactory(topic=hidden_topic, body="En attente de validation.", status=Post.Status.PENDING)
    CitationConsent.objects.create(topic=topic, user=users["member"])
    capitalised = TopicFactory(
        space=space,
        title="Conventions signées",
        capitalised_as=PracticeSheetPageFactory(parent=sheets, title="Conventions", live=False),
    )
    attachment = attachments.attach(post, attachments.check(SimpleUploadedFile("plan.pdf", PDF)))
    request = MembershipFactory(space=space, status=SpaceMembership.Status.PENDING)
    report = Report.objects.create(post=post, reporter=users["space_moderator"], reason="Test")
    action = ModerationAction.objects.create(
        space=space, moderator=users["space_moderator"], kind="pin", topic=topic
    )
    registration = TrainingRegistration.objects.create(
        session=session, user=users["signed_in"], status=TrainingRegistration.Status.CONFIRMED
    )
    for user in users.values():
        if user is not None and must_use_second_factor(user) and not has_second_factor(user):
            TOTP.activate(user, generate_totp_secret())

    image = get_image_model().objects.first()
    document = get_document_model().objects.create(
        title="Plan d’action", file=SimpleUploadedFile("plan-action.pdf", PDF)
    )
    workflow = Workflow.objects.first()
    task = WorkflowTask.objects.first()
    revision = sheet.save_revision()
    page_type = ContentType.objects.get_for_model(sheet)
    values = {
        # By pattern name first (several patterns call different objects `pk`).
        "forums:topic": {"pk": topic.pk},
        "forums:reply": {"pk": topic.pk},
        "forums:capitalise": {"pk": topic.pk},
        "forums:citation_consent": {"pk": topic.pk},
        "forums:capitalised_draft": {"pk": capitalised.pk},
        "forums:follow_topic": {"pk": topic.pk},
        "forums:moderate_topic": {"pk": topic.pk},
        "forums:attachment": {"pk": attachment.pk},
        "forums:edit_post": {"pk": post.pk},
        "forums:delete_post": {"pk": post.pk},
        "forums:report_post": {"pk": post.pk},
        "forums:moderate_post": {"pk": post.pk},
        "forums:decide": {"pk": request.pk},
        "forums:moderate_member": {"pk": users["member"].pk},
        "forums:dismiss_report": {"pk": report.pk},
        "forums:invitation": {"token": "jeton-invalide"},
        "forums:unsubscribe": {"token": "jeton-invalide"},
        "practices:register": {"pk": session.pk},
        "practices:cancel": {"pk": registration.pk},
        "practices:export_session": {"pk": session.pk},
        "practices:export_offer": {"page_id": offer.pk},
        "theme_feed_rss": {"slug": "scolarisation"},
        "theme_feed_atom": {"slug": "scolarisation"},
        "open_data_schema": {"name": "fiches-action"},
        "open_data_download": {"name": "fiches-action", "output_format": "csv"},
        "observatory_csv": {"slug": "territoires"},
        "wagtailapi:pages:detail": {"pk": sheet.pk},
        "wagtailadmin_api:pages:detail": {"pk": sheet.pk},
        "wagtailsettings:edit": {"app_name": "kb", "model_name": "missing"},
        # By namespace: `pk` is an object of the model the namespace manages.
        "wagtailsnippets_forums_space": {"pk": space.pk},
        "wagtailsnippetchoosers_forums_space": {"pk": space.pk},
        "wagtailsnippets_forums_spacemembership": {"pk": request.pk},
        "wagtailsnippetchoosers_forums_spacemembership": {"pk": request.pk},
        "wagtailsnippets_forums_report": {"pk": report.pk},
        "wagtailsnippetchoosers_forums_report": {"pk": report.pk},
        "wagtailsnippets_forums_moderationaction": {"pk": action.pk},
        "wagtailsnippetchoosers_forums_moderationaction": {"pk": action.pk},
        "training_sessions": {"pk": session.pk},
        "background_jobs": {"pk": uuid.UUID(int=1)},
        "wagtailusers_users": {"pk": users["signed_in"].pk},
        "wagtailusers_groups": {"pk": Group.objects.get(name="Contributeurs").pk},
        "wagtailadmin_workflows": {"pk": workflow.pk if workflow else MISSING},
        # By parameter name.
        "slug": space.slug,
        "page_id": sheet.pk,
        "parent_page_id": sheets.pk,
        "page_to_move_id": sheet.pk,
        "destination_id": experiments.pk,
        "page_pk": sheet.pk,
        "revision_id": revision.pk,
        "image_id": image.pk if image else MISSING,
        "document_id": document.pk,
        "doc_id": document.pk,
        "task_id": task.pk if task else MISSING,
        "content_type_app_name": page_type.app_label,
        "content_type_model_name": page_type.model,
        "app_label": page_type.app_label,
        "model_name": page_type.model,
        "app_name": "kb",
        "pk": MISSING,
    }
    pages = {
        "home": home,
        "practices": practices,
        "sheets": sheets,
        "sheet": sheet,
        "experiment": experiment,
        "training_offer": offer,
    }
    return World(users=users, values=values, pages=pages)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def sessions(world, django_db_blocker):
    """Each person of the world signed in once for the module, as their session cookie. A
    test's requests may change or end the session: its transaction rolls that back."""
    cookies = {}
    with django_db_blocker.unblock():
        for role, user in world.users.items():
            if user is not None:
                client = Client()
                client.force_login(user)
                cookies[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies


def client_of(sessions, role):
    client = Client()
    if role in sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
    return client


# --- the addresses ---------------------------------------------------------------------------


def walk(resolver, prefix=(), namespaces=()):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from walk(pattern, prefix + (pattern,), inner)
        elif isinstance(pattern, URLPattern):
            yield namespaces, prefix, pattern


def patterns():
    """(name, parameter names) of every named pattern, once per distinct parameter set."""
    seen = {}
    for namespaces, prefix, pattern in walk(get_resolver()):
        if not pattern.name:
            continue
        name = ":".join((*namespaces, pattern.name))
        parameters = set(pattern.pattern.regex.groupindex)
        for outer in prefix:
            parameters |= set(outer.pattern.regex.groupindex)
        seen.setdefault((name, tuple(sorted(parameters))), None)
    return list(seen)


# Addresses that no GET of a person can exercise; each says why.
NOT_REQUESTED = {
    "wagtail_serve": "one line per kind of page in SERVED_PAGES",
    "wagtailadmin_pages:revisions_compare": "its parameters are two revisions, not one",
    "account_confirm_email": "a key sent by e-mail (tests/kb/test_email_verification.py)",
    "account_reset_password_from_key": "a key sent by e-mail (tests/kb/test_password_reset.py)",
    "wagtailadmin_error_test": "Wagtail's page that fails on purpose, to try the error pages",
    "wagtaildocs_serve": "positional parameters; tests/kb/test_document_library.py covers it",
}


def parameter_values(world, name, parameters):
    namespace = name.rsplit(":", 1)[0]
    specific = {**world.values.get(namespace, {}), **world.values.get(name, {})}
    kwargs = {}
    for parameter in parameters:
        if parameter in specific:
            kwargs[parameter] = specific[parameter]
        elif parameter in world.values:
            kwargs[parameter] = world.values[parameter]
        else:
            kwargs[parameter] = {
                "action_name": "approve",
                "task_state_id": MISSING,
                "workflow_state_id": MISSING,
                "workflow_pk": MISSING,
                "translation_id": MISSING,
                "translation_source_id": MISSING,
                "string_segment_id": MISSING,
                "overridable_segment_id": MISSING,
                "uploaded_file_id": MISSING,
                "collection_id": MISSING,
                "redirect_id": MISSING,
                "object_id": MISSING,
                "restriction_id": MISSING,
                "page_view_restriction_id": MISSING,
                "filter_spec": "original",
                "mode": "default",
                "action": "delete",
                "path": "0" * 16,
                "session_id": MISSING,
                "uidb36": "0",
                "uidb64": "MA",
                "key": "cle",
                "token": "jeton",
                "name": "fiches",
            }[parameter]
    return kwargs


# --- reading the answers ---------------------------------------------------------------------

SIGN_IN_PATHS = ("/comptes/login/", "/admin/login/", "/_util/login/", "/comptes/2fa/")


def outcome(response, url):
    status = response.status_code
    if status == 405:
        return "M"
    if status in (403, 404):
        return "-"
    if 300 <= status < 400:
        target = urlsplit(response.headers.get("Location", "")).path
        if target.startswith(SIGN_IN_PATHS) or (target == "/admin/" and url != "/admin/"):
            return "-"
        return "+"
    if 200 <= status < 300:
        return "+"
    return str(status)


def expected_answers(expectation):
    if isinstance(expectation, str):
        answers = expectation.split() if " " in expectation else list(expectation)
        assert len(answers) == len(ROLES), expectation
        return dict(zip(ROLES, answers, strict=True))
    return {role: "+" if role in expectation else "-" for role in ROLES}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """Pages are kept for signed-out visitors as in production (kb.page_cache)."""
    settings.PAGE_CACHE_SECONDS = 600


def answers_of(sessions, url):
    answers = {}
    for role in ROLES:
        response = client_of(sessions, role).get(url)
        answers[role] = outcome(response, url)
    # Asked again once everyone else has been answered: what a signed-in person
    # got is never what a signed-out visitor gets from the page cache.
    again = outcome(Client().get(url), url)
    if again != answers["anonymous"]:
        answers["anonymous"] += f" then {again}"
    return answers


def table(rows):
    width = max(len(label) for label, _ in rows)
    header = " " * width + "  " + " ".join(role[:4].ljust(4) for role in ROLES)
    lines = [header]
    for label, answers in rows:
        lines.append(label.ljust(width) + "  " + " ".join(answers[r].ljust(4) for r in ROLES))
    return "\n".join(lines)


# --- what each person gets -------------------------------------------------------------------

# Kinds of public page served at their own address: everyone reads them.
SERVED_PAGES = {
    "home": ALL,
    "practices": ALL,
    "sheets": ALL,
    "sheet": ALL,
    "experiment": ALL,
    "training_offer": ALL,
}

# Wagtail's choosers of forum objects below open for all staff, but list nothing except to
# site moderators: tests/forums/test_admin_choosers.py checks what they list. Background
# jobs run at once in the tests, so no job exists to be opened.
HAND_WRITTEN = {
    "wagtailadmin_password_reset_confirm": ANONYMOUS_AND_STAFF,
    "background_jobs:edit": NOBODY,
    "background_jobs:delete": NOBODY,
    "background_jobs:history": NOBODY,
    "background_jobs:history_results": NOBODY,
    "background_jobs:usage": NOBODY,
    "background_jobs:inspect": NOBODY,
    "background_jobs:copy": NOBODY,
}

EXPECTED_BY_PREFIX = {
    "wagtailadmin_api:pages:": STAFF,
    "wagtailadmin_api:documents:": NOBODY,
    "wagtailadmin_api:images:": NOBODY,
    "wagtailadmin_pages:": WRITERS,
    "wagtailadmin_collections:": NOBODY,
    "wagtailadmin_workflows:": ADMINISTRATOR,
    "wagtailadmin_reports:": PAGE_STAFF,
    "wagtailadmin_editing_sessions:": STAFF_POST_ONLY,
    "wagtail_localize:": NOBODY,
    "wagtailforms:": NOBODY,
    "wagtailredirects:": ADMINISTRATOR,
    "wagtailsettings:": NOBODY,
    "wagtailembeds:": STAFF,
    "wagtaildocs:": WRITERS,
    "wagtailimages:": NOBODY,
    "wagtailsnippets_kb_theme:": NOBODY,
    "wagtailsnippetchoosers_kb_theme:": STAFF,
    "wagtailsnippets_kb_audience:": NOBODY,
    "wagtailsnippetchoosers_kb_audience:": STAFF,
    "wagtailsnippets_kb_establishmenttype:": NOBODY,
    "wagtailsnippetchoosers_kb_establishmenttype:": STAFF,
    "wagtailsnippets_kb_region:": NOBODY,
    "wagtailsnippetchoosers_kb_region:": STAFF,
    "wagtailsnippets_kb_department:": NOBODY,
    "wagtailsnippetchoosers_kb_department:": STAFF,
    "wagtailsnippets_kb_documentclassification:": NOBODY,
    "wagtailsnippetchoosers_kb_documentclassification:": STAFF,
    "wagtailsnippets_forums_space:": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_space:": STAFF,
    "wagtailsnippets_forums_spacemembership:": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_spacemembership:": STAFF,
    "wagtailsnippets_forums_report:": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_report:": STAFF,
    "wagtailsnippets_forums_moderationaction:": ADMINISTRATOR,
    "wagtailsnippetchoosers_forums_moderationaction:": STAFF,
    "wagtailsnippets_search_synonymgroup:": NOBODY,
    "wagtailsnippetchoosers_search_synonymgroup:": STAFF,
    "wagtailsnippets_search_promotedresult:": NOBODY,
    "wagtailsnippetchoosers_search_promotedresult:": STAFF,
    "wagtailsnippets_search_zeroresultquery:": NOBODY,
    "wagtailsnippetchoosers_search_zeroresultquery:": STAFF,
    "background_jobs:": ADMINISTRATOR,
    "training_sessions:": TRAINING_MANAGERS,
    "indicator_measurements:": NOBODY,
    "wagtaillocales:": NOBODY,
    "wagtailsites:": NOBODY,
    "wagtailusers_users:": ADMINISTRATOR,
    "wagtailusers_groups:": ADMINISTRATOR,
    "wagtaildocs_chooser:": STAFF,
    "wagtailimages_chooser:": STAFF,
    "wagtailapi:pages:": ALL,
    "wagtailapi:documents:": NOBODY,
    "practices:": POST_ONLY,
    "forums:": POST_ONLY,
}

EXPECTED = {
    **HAND_WRITTEN,
    "wagtailadmin_home": STAFF,
    "wagtailadmin_api:pages:detail": WRITERS,
    "wagtailadmin_api:pages:find": NOBODY,
    "wagtailadmin_api:pages:action": STAFF_POST_ONLY,
    "wagtailadmin_api:documents:listing": STAFF,
    "wagtailadmin_api:images:listing": STAFF,
    "wagtailadmin_explore_root": PAGE_STAFF,
    "wagtailadmin_explore": PAGE_STAFF,
    "wagtailadmin_explore_results": PAGE_STAFF,
    "wagtail_bulk_action": NOBODY,
    "wagtailadmin_pages:type_use": PAGE_STAFF,
    "wagtailadmin_pages:choose_parent": STAFF,
    "wagtailadmin_pages:type_use_results": PAGE_STAFF,
    "wagtailadmin_pages:delete": EDITORS,
    "wagtailadmin_pages:unpublish": EDITORS,
    "wagtailadmin_pages:convert_alias": NOBODY,
    "wagtailadmin_pages:search": PAGE_STAFF,
    "wagtailadmin_pages:search_results": PAGE_STAFF,
    "wagtailadmin_pages:move": EDITORS,
    "wagtailadmin_pages:move_confirm": STAFF,
    "wagtailadmin_pages:set_page_position": STAFF_POST_ONLY,
    "wagtailadmin_pages:workflow_action": NOBODY,
    "wagtailadmin_pages:collect_workflow_action_data": NOBODY,
    "wagtailadmin_pages:confirm_workflow_cancellation": STAFF,
    "wagtailadmin_pages:workflow_preview": NOBODY,
    "wagtailadmin_pages:set_privacy": EDITORS,
    "wagtailadmin_pages:lock": STAFF_POST_ONLY,
    "wagtailadmin_pages:unlock": STAFF_POST_ONLY,
    "wagtailadmin_pages:revisions_index": STAFF,
    "wagtailadmin_pages:revisions_unschedule": EDITORS,
    "wagtailadmin_pages:workflow_history_detail": NOBODY,
    "wagtailadmin_choose_page": STAFF,
    "wagtailadmin_choose_page_child": STAFF,
    "wagtailadmin_choose_page_search": STAFF,
    "wagtailadmin_choose_page_chosen_multiple": STAFF,
    "wagtailadmin_choose_page_external_link": STAFF,
    "wagtailadmin_choose_page_email_link": STAFF,
    "wagtailadmin_choose_page_phone_link": STAFF,
    "wagtailadmin_choose_page_anchor_link": STAFF,
    "wagtailadmin_tag_autocomplete": STAFF,
    "wagtailadmin_tag_model_autocomplete": NOBODY,
    "wagtailadmin_collections:index": ADMINISTRATOR,
    "wagtailadmin_collections:add": ADMINISTRATOR,
    "wagtailadmin_workflows:enable": STAFF_POST_ONLY,
    "wagtailadmin_workflows:remove": STAFF_POST_ONLY,
    "wagtailadmin_workflows:add_task": NOBODY,
    "wagtailadmin_workflows:enable_task": STAFF_POST_ONLY,
    "wagtailadmin_workflows:task_chooser": STAFF,
    "wagtailadmin_workflows:task_chooser_results": STAFF,
    "wagtailadmin_workflows:task_chooser_create": STAFF,
    "wagtailadmin_workflows:task_chosen": STAFF,
    "wagtailadmin_reports:locked_pages": EDITORS,
    "wagtailadmin_reports:locked_pages_results": EDITORS,
    "wagtailadmin_reports:site_history": STAFF,
    "wagtailadmin_reports:site_history_results": STAFF,
    "wagtailadmin_account": STAFF,
    "wagtailadmin_logout": STAFF_POST_ONLY,
    "wagtailadmin_dismissibles": STAFF,
    "wagtailadmin_block_preview": NOBODY,
    "wagtail_localize:javascript_catalog": STAFF,
    "wagtail_localize:submit_page_translation": ADMINISTRATOR,
    "wagtail_localize:edit_string_translation": STAFF_POST_ONLY,
    "wagtail_localize:edit_override": STAFF_POST_ONLY,
    "wagtail_localize:upload_pofile": STAFF_POST_ONLY,
    "wagtail_localize:machine_translate": STAFF_POST_ONLY,
    "wagtail_localize:stop_translation": STAFF_POST_ONLY,
    "wagtail_localize:translations_report": STAFF,
    "wagtail_localize:translations_report_results": STAFF,
    "wagtailforms:index": PAGE_STAFF,
    "wagtailforms:index_results": PAGE_STAFF,
    "wagtailredirects:edit": NOBODY,
    "wagtailredirects:delete": NOBODY,
    "wagtailredirects:process_import": "- - - - - - - - - - M",
    "wagtailsnippets:index": NOBODY,
    "wagtaildocs:edit": WRITERS,
    "wagtaildocs:delete": WRITERS,
    "wagtaildocs:edit_multiple": STAFF_POST_ONLY,
    "wagtaildocs:create_multiple_from_uploaded_document": STAFF_POST_ONLY,
    "wagtaildocs:delete_multiple": STAFF_POST_ONLY,
    "wagtaildocs:delete_upload_multiple": STAFF_POST_ONLY,
    "wagtaildocs:document_usage": WRITERS,
    "wagtailimages:index": WRITERS,
    "wagtailimages:index_results": WRITERS,
    "wagtailimages:add": WRITERS,
    "wagtailimages:add_multiple": WRITERS,
    "wagtailimages:edit_multiple": STAFF_POST_ONLY,
    "wagtailimages:create_multiple_from_uploaded_image": STAFF_POST_ONLY,
    "wagtailimages:delete_multiple": STAFF_POST_ONLY,
    "wagtailimages:delete_upload_multiple": STAFF_POST_ONLY,
    "wagtailsnippets_kb_theme:list": EDITORS,
    "wagtailsnippets_kb_theme:list_results": EDITORS,
    "wagtailsnippets_kb_theme:add": EDITORS,
    "wagtailsnippetchoosers_kb_theme:chosen": NOBODY,
    "wagtailsnippetchoosers_kb_theme:create": EDITORS,
    "wagtailsnippets_kb_audience:list": EDITORS,
    "wagtailsnippets_kb_audience:list_results": EDITORS,
    "wagtailsnippets_kb_audience:add": EDITORS,
    "wagtailsnippetchoosers_kb_audience:chosen": NOBODY,
    "wagtailsnippetchoosers_kb_audience:create": EDITORS,
    "wagtailsnippets_kb_establishmenttype:list": EDITORS,
    "wagtailsnippets_kb_establishmenttype:list_results": EDITORS,
    "wagtailsnippets_kb_establishmenttype:add": EDITORS,
    "wagtailsnippetchoosers_kb_establishmenttype:chosen": NOBODY,
    "wagtailsnippetchoosers_kb_establishmenttype:create": EDITORS,
    "wagtailsnippets_kb_region:list": ADMINISTRATOR,
    "wagtailsnippets_kb_region:list_results": ADMINISTRATOR,
    "wagtailsnippets_kb_region:add": ADMINISTRATOR,
    "wagtailsnippetchoosers_kb_region:chosen": NOBODY,
    "wagtailsnippetchoosers_kb_region:create": ADMINISTRATOR,
    "wagtailsnippets_kb_department:list": ADMINISTRATOR,
    "wagtailsnippets_kb_department:list_results": ADMINISTRATOR,
    "wagtailsnippets_kb_department:add": ADMINISTRATOR,
    "wagtailsnippetchoosers_kb_department:chosen": NOBODY,
    "wagtailsnippetchoosers_kb_department:create": ADMINISTRATOR,
    "wagtailsnippets_kb_documentclassification:list": ADMINISTRATOR,
    "wagtailsnippets_kb_documentclassification:list_results": ADMINISTRATOR,
    "wagtailsnippets_kb_documentclassification:add": ADMINISTRATOR,
    "wagtailsnippetchoosers_kb_documentclassification:chosen": NOBODY,
    "wagtailsnippetchoosers_kb_documentclassification:create": ADMINISTRATOR,
    "wagtailsnippets_forums_space:delete": ADMINISTRATOR,
    "wagtailsnippetchoosers_forums_space:chosen": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_space:create": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_spacemembership:chosen": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_spacemembership:create": SITE_MODERATORS,
    "wagtailsnippets_forums_report:add": ADMINISTRATOR,
    "wagtailsnippets_forums_report:delete": ADMINISTRATOR,
    "wagtailsnippets_forums_report:copy": ADMINISTRATOR,
    "wagtailsnippetchoosers_forums_report:chosen": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_report:create": ADMINISTRATOR,
    "wagtailsnippets_forums_moderationaction:list": SITE_MODERATORS,
    "wagtailsnippets_forums_moderationaction:list_results": SITE_MODERATORS,
    "wagtailsnippets_forums_moderationaction:inspect": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_moderationaction:chosen": SITE_MODERATORS,
    "wagtailsnippetchoosers_forums_moderationaction:create": ADMINISTRATOR,
    "wagtailsnippets_search_synonymgroup:list": EDITORS,
    "wagtailsnippets_search_synonymgroup:list_results": EDITORS,
    "wagtailsnippets_search_synonymgroup:add": EDITORS,
    "wagtailsnippetchoosers_search_synonymgroup:chosen": NOBODY,
    "wagtailsnippetchoosers_search_synonymgroup:create": EDITORS,
    "wagtailsnippets_search_promotedresult:list": EDITORS,
    "wagtailsnippets_search_promotedresult:list_results": EDITORS,
    "wagtailsnippets_search_promotedresult:add": EDITORS,
    "wagtailsnippetchoosers_search_promotedresult:chosen": NOBODY,
    "wagtailsnippetchoosers_search_promotedresult:create": EDITORS,
    "wagtailsnippets_search_zeroresultquery:list": EDITORS,
    "wagtailsnippets_search_zeroresultquery:list_results": EDITORS,
    "wagtailsnippetchoosers_search_zeroresultquery:chosen": NOBODY,
    "wagtailsnippetchoosers_search_zeroresultquery:create": NOBODY,
    "background_jobs:add": NOBODY,
    "training_sessions:delete": NOBODY,
    "indicator_measurements:index": EDITORS,
    "indicator_measurements:index_results": EDITORS,
    "indicator_measurements:add": EDITORS,
    "wagtaillocales:index": ADMINISTRATOR,
    "wagtaillocales:index_results": ADMINISTRATOR,
    "wagtaillocales:add": ADMINISTRATOR,
    "wagtailsites:index": ADMINISTRATOR,
    "wagtailsites:index_results": ADMINISTRATOR,
    "wagtailsites:add": ADMINISTRATOR,
    "wagtaildocs_chooser:chosen": NOBODY,
    "wagtaildocs_chooser:create": WRITERS,
    "wagtailimages_chooser:chosen": NOBODY,
    "wagtailimages_chooser:create": WRITERS,
    "wagtailimages_chooser:select_format": NOBODY,
    "wagtailadmin_sprite": ANONYMOUS_AND_STAFF,
    "wagtailadmin_login": NOBODY,
    "wagtailadmin_password_reset": ANONYMOUS_AND_STAFF,
    "wagtailadmin_password_reset_done": ANONYMOUS_AND_STAFF,
    "wagtailadmin_password_reset_complete": ANONYMOUS_AND_STAFF,
    "wagtailadmin_javascript_catalog": ANONYMOUS_AND_STAFF,
    "wagtaildocs_authenticate_with_password": NOBODY,
    "wagtailapi:pages:find": NOBODY,
    "wagtailapi:documents:listing": ALL,
    "sitemap": ALL,
    "robots_txt": ALL,
    "profile": SIGNED_IN,
    "export_personal_data": SIGNED_IN,
    "close_account": SIGNED_IN,
    "account_login": ALL,
    "account_logout": ALL,
    "account_inactive": ALL,
    "account_signup": ALL,
    "account_reauthenticate": SIGNED_IN,
    "account_request_reauthentication_code": SIGNED_IN,
    "account_confirm_reauthentication_code": SIGNED_IN,
    "account_email": SIGNED_IN,
    "account_email_verification_sent": ALL,
    "account_change_password": SIGNED_IN,
    "account_set_password": SIGNED_IN,
    "account_reset_password": ALL,
    "account_confirm_login_code": SIGNED_IN,
    "account_reset_password_from_key_done": ALL,
    "account_reset_password_done": ALL,
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": SIGNED_IN,
    "mfa_reauthenticate": SIGNED_IN,
    "mfa_activate_totp": SIGNED_IN,
    "mfa_deactivate_totp": STAFF,
    "mfa_view_recovery_codes": NOBODY,
    "mfa_generate_recovery_codes": SIGNED_IN,
    "mfa_download_recovery_codes": NOBODY,
    "search": ALL,
    "search_suggestions": ALL,
    "practices:export_session": TRAINING_MANAGERS,
    "practices:export_offer": TRAINING_MANAGERS,
    "forums:spaces": ALL,
    "forums:notifications": SIGNED_IN,
    "forums:notification_settings": SIGNED_IN,
    "forums:unsubscribe": NOBODY,
    "forums:space": ALL,
    "forums:capitalise": SPACE_MODERATORS,
    "forums:capitalised_draft": SPACE_MODERATORS,
    "forums:citation_consent": frozenset({"member"}),  # the author who was asked
    "forums:mention_suggestions": READERS,
    "forums:join_requests": SPACE_MODERATORS,
    "forums:invitation": NOBODY,
    "forums:new_topic": READERS,
    "forums:topic": READERS,
    "forums:attachment": READERS,
    "forums:edit_post": frozenset({"member"}),  # its author
    "forums:moderation": SPACE_MODERATORS,
    "practices_feed_rss": ALL,
    "practices_feed_atom": ALL,
    "theme_feed_rss": ALL,
    "theme_feed_atom": ALL,
    "open_data": ALL,
    "open_data_package": ALL,
    "open_data_schema": ALL,
    "open_data_download": ALL,
    "observatory_dashboard": ALL,
    "observatory_map": ALL,
    "observatory_csv": ALL,
    "page_privacy_sign_in": NOBODY,
    "wagtailcore_authenticate_with_password": NOBODY,
    "wagtailcore_login": NOBODY,
}


def expectation_for(name):
    if name in EXPECTED:
        return EXPECTED[name]
    prefixes = [prefix for prefix in EXPECTED_BY_PREFIX if name.startswith(prefix)]
    if prefixes:
        return EXPECTED_BY_PREFIX[max(prefixes, key=len)]
    return None


ADDRESSES = [(name, parameters) for name, parameters in patterns() if name not in NOT_REQUESTED]


def test_every_address_has_an_expected_answer():
    unlisted = sorted({name for name, _ in ADDRESSES if expectation_for(name) is None})
    assert not unlisted, (
        f"{len(unlisted)} addresses have no expected answer in tests/test_access_matrix.py "
        "(add each to EXPECTED, or to a prefix of EXPECTED_BY_PREFIX):\n  " + "\n  ".join(unlisted)
    )


@pytest.mark.parametrize(
    ("name", "parameters"), ADDRESSES, ids=[f"{n}{list(p) or ''}" for n, p in ADDRESSES]
)
def test_each_person_gets_the_expected_answer(world, sessions, db, name, parameters):
    expectation = expectation_for(name)
    if expectation is None:
        pytest.fail(f"{name} has no expected answer (see the test above)")
    url = reverse(name, kwargs=parameter_values(world, name, parameters))
    answers = answers_of(sessions, url)
    expected = expected_answers(expectation)
    assert answers == expected, f"GET {url}\n" + table([("expected", expected), ("got", answers)])


@pytest.mark.parametrize("kind", list(SERVED_PAGES))
def test_each_person_reads_the_pages_they_may(world, sessions, db, kind):
    url = world.pages[kind].url
    answers = answers_of(sessions, url)
    expected = expected_answers(SERVED_PAGES[kind])
    assert answers == expected, f"GET {url}\n" + table([("expected", expected), ("got", answers)])


# --- what waits for the moderation: counts, pages and mails ----------------------------------

# The world's space has a join request, an open report; the hidden space a held post.
TOLD_OF_THE_SPACE = SPACE_MODERATORS
TOLD_OF_THE_HIDDEN_SPACE = SITE_MODERATORS


def moderation_channels(world, client, role, mailed):
    """What tells `role` that something waits: the header's count, the notifications page's
    "À modérer" section naming each space, the mails `alert` sent."""
    user = world.users[role]
    page = client.get(reverse("forums:notifications")).content.decode() if user else ""
    header = client.get(reverse("forums:spaces")).content.decode()
    email = user.email if user else None
    return {
        "count": "+" if user and moderator_alerts.waiting_count(user) else "-",
        "header": "+" if "#a-moderer" in header else "-",
        "page": "+" if 'id="a-moderer"' in page and "Directions d’ITEP" in page else "-",
        "hidden_page": "+" if "Cellule de crise" in page else "-",
        "mail": "+" if email in mailed["directions-itep"] else "-",
        "hidden_mail": "+" if email in mailed["cellule-de-crise"] else "-",
    }


def test_moderation_alerts_and_counts_reach_only_who_may_moderate_the_space(
    world, sessions, db, mailoutbox
):
    mailed = {}
    for space in Space.objects.filter(slug__in=["directions-itep", "cellule-de-crise"]):
        mailoutbox.clear()
        link = Link("File", "/")
        moderator_alerts.alert(space, "Un message attend.", link)
        mailed[space.slug] = {message.to[0] for message in mailoutbox}
    answers = {}
    for role in ROLES:
        answers[role] = moderation_channels(world, client_of(sessions, role), role, mailed)

    expected = {
        channel: expected_answers(
            TOLD_OF_THE_HIDDEN_SPACE if channel.startswith("hidden") else TOLD_OF_THE_SPACE
        )
        for channel in ["count", "header", "page", "hidden_page", "mail", "hidden_mail"]
    }
    got = {channel: {role: answers[role][channel] for role in ROLES} for channel in expected}
    assert got == expected, table(
        [
            row
            for channel in expected
            for row in (
                (f"{channel} expected", expected[channel]),
                (f"{channel} got", got[channel]),
            )
        ]
    )


def test_nothing_is_left_out_without_a_reason():
    assert set(NOT_REQUESTED) <= {name for name, _ in patterns()}
