"""From exchange to capitalisation: a topic becomes a draft sheet in the editors' review."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from forums import capitalise
from forums.models import Topic
from practices.models import PracticeSheetPage
from tests.forums.factories import MembershipFactory, PostFactory
from tests.forums.spaces import build_closed_space, sign_in
from tests.kb.factories import UserFactory
from tests.kb.helpers import text_of
from tests.practices.factories import PracticeSheetIndexPageFactory, PracticesIndexPageFactory


@pytest.fixture
def cast(home_page_fr):
    section = PracticesIndexPageFactory(parent=home_page_fr, slug="pratiques")
    PracticeSheetIndexPageFactory(parent=section)
    closed = build_closed_space()
    named = MembershipFactory(
        space=closed.space, user__first_name="Sophie", user__last_name="Garnier"
    ).user
    shy = MembershipFactory(
        space=closed.space, user__first_name="Marc", user__last_name="Olivier"
    ).user
    posts = [
        PostFactory(topic=closed.topic, author=named, body="Une commission **trimestrielle**."),
        PostFactory(topic=closed.topic, author=shy, body="Une fiche par jeune suivi."),
        PostFactory(topic=closed.topic, author=named, body="Aparté sans intérêt."),
    ]
    return closed, posts, named, shy


def capitalise_url(closed):
    return reverse("forums:capitalise", args=[closed.space.slug, closed.topic.pk])


def test_a_space_moderator_turns_chosen_posts_into_a_draft_sheet_under_review(client, cast):
    closed, posts, named, shy = cast
    moderator = closed.users["space_moderator"]
    capitalise.ask_consent(closed.topic, moderator)
    capitalise.answer_consent(closed.topic, named, agreed=True)
    sign_in(client, moderator)

    response = client.post(
        capitalise_url(closed), {"posts": [posts[0].pk, posts[1].pk]}, follow=True
    )

    sheet = PracticeSheetPage.objects.get()
    assert not sheet.live
    assert sheet.title == closed.topic.title
    assert "<strong>trimestrielle</strong>" in sheet.context
    assert "Une fiche par jeune suivi." in sheet.context
    assert "Aparté" not in sheet.context
    assert "Sophie Garnier" in sheet.context
    assert "Marc Olivier" not in sheet.context, "not named without consent"
    assert "un membre de l’espace" in sheet.context
    assert closed.space.name in sheet.context
    assert WorkflowState.objects.filter(object_id=str(sheet.pk), status="in_progress").exists()
    assert Topic.objects.get(pk=closed.topic.pk).capitalised_as == sheet
    assert "en cours de relecture éditoriale" in text_of(response)


def test_an_editor_who_capitalises_gets_a_link_to_the_draft(client, cast):
    closed, posts, _named, _shy = cast
    closed.space.visibility = "signed_in"
    closed.space.save()
    sign_in(client, UserFactory(groups=["Éditeurs"]))

    response = client.post(capitalise_url(closed), {"posts": [posts[0].pk]}, follow=True)

    sheet = PracticeSheetPage.objects.get()
    assert f'href="/admin/pages/{sheet.pk}/edit/"' in response.content.decode()


def draft_url(closed):
    return reverse("forums:capitalised_draft", args=[closed.space.slug, closed.topic.pk])


def test_a_space_moderator_without_the_admin_gets_a_link_to_read_the_draft(client, cast):
    closed, posts, named, _shy = cast
    capitalise.ask_consent(closed.topic, closed.users["space_moderator"])
    capitalise.answer_consent(closed.topic, named, agreed=True)
    sign_in(client, closed.users["space_moderator"])

    created = client.post(
        capitalise_url(closed), {"posts": [posts[0].pk, posts[1].pk]}, follow=True
    )
    draft = client.get(draft_url(closed))
    topic_page = client.get(closed.topic.get_absolute_url())

    assert f'href="{draft_url(closed)}"' in created.content.decode()
    assert f'href="{draft_url(closed)}"' in topic_page.content.decode()
    assert draft.status_code == 200
    assert "Sophie Garnier" in text_of(draft)
    assert "Une fiche par jeune suivi." in text_of(draft)
    assert "Marc Olivier" not in text_of(draft)


@pytest.mark.parametrize("role", ["member", "non_member"])
def test_people_who_may_not_capitalise_do_not_read_the_draft(client, cast, role):
    closed, posts, _named, _shy = cast
    capitalise.capitalise(closed.topic, closed.users["space_moderator"], [posts[0]])
    sign_in(client, closed.users[role])

    assert client.get(draft_url(closed)).status_code == 404
    assert draft_url(closed) not in client.get(closed.topic.get_absolute_url()).content.decode()


def test_a_person_who_did_not_agree_is_neither_named_nor_mentioned_nor_quoted(cast):
    closed, posts, named, shy = cast
    moderator = closed.users["space_moderator"]
    thanks = PostFactory(
        topic=closed.topic,
        author=named,
        body=(
            f"> Une fiche par jeune suivi.\n\nMerci @{shy.username} et @{named.username} !"
            "\n\n- une commission\n- une fiche"
        ),
    )
    capitalise.ask_consent(closed.topic, moderator)
    capitalise.answer_consent(closed.topic, named, agreed=True)
    capitalise.answer_consent(closed.topic, shy, agreed=False)

    sheet = capitalise.capitalise(closed.topic, moderator, [thanks])

    assert "Marc" not in sheet.context and "Olivier" not in sheet.context
    assert shy.username not in sheet.context
    assert "Une fiche par jeune suivi" not in sheet.context, "his words, quoted by another"
    assert "Merci un membre de l’espace et Sophie Garnier" in sheet.context
    assert "<li>une commission</li>" in sheet.context


def test_each_author_is_asked_in_the_site_and_by_mail_and_the_moderator_sees_the_answers(
    client, cast, django_capture_on_commit_callbacks
):
    closed, _posts, named, shy = cast
    moderator = closed.users["space_moderator"]
    sign_in(client, moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(capitalise_url(closed), {"action": "ask"})

    assert sorted(message.to[0] for message in mail.outbox) == sorted([named.email, shy.email])
    consent_url = reverse("forums:citation_consent", args=[closed.space.slug, closed.topic.pk])
    assert consent_url in mail.outbox[0].body
    sign_in(client, shy)
    assert consent_url in client.get(closed.topic.get_absolute_url()).content.decode()
    client.post(consent_url, {"agreed": "0"})
    sign_in(client, moderator)
    page = text_of(client.get(capitalise_url(closed)))
    assert "Préfère ne pas être cité ou citée" in page
    assert "Pas encore de réponse" in page


def test_only_an_author_who_was_asked_answers(client, cast):
    closed, _posts, named, _shy = cast
    capitalise.ask_consent(closed.topic, closed.users["space_moderator"])
    consent_url = reverse("forums:citation_consent", args=[closed.space.slug, closed.topic.pk])
    member = closed.users["member"]

    with pytest.raises(capitalise.CapitalisationError):
        capitalise.answer_consent(closed.topic, member, agreed=True)
    assert sign_in(client, member).post(consent_url, {"agreed": "1"}).status_code == 404
    assert capitalise.agreed_authors(closed.topic) == set()


def test_an_anonymous_post_is_never_signed_in_the_sheet(cast):
    closed, posts, named, _shy = cast
    posts[0].anonymous = True
    posts[0].save()
    capitalise.ask_consent(closed.topic, closed.users["space_moderator"])
    capitalise.answer_consent(closed.topic, named, agreed=True)

    sheet = capitalise.capitalise(closed.topic, closed.users["space_moderator"], [posts[0]])

    assert "Sophie Garnier" not in sheet.context


def test_a_topic_is_capitalised_once(cast):
    closed, posts, _named, _shy = cast
    moderator = closed.users["space_moderator"]
    capitalise.capitalise(closed.topic, moderator, [posts[0]])

    with pytest.raises(capitalise.CapitalisationError):
        capitalise.capitalise(closed.topic, moderator, [posts[1]])


def test_choosing_no_post_is_shown_again_with_an_error(client, cast):
    closed, _posts, _named, _shy = cast
    sign_in(client, closed.users["space_moderator"])

    response = client.post(capitalise_url(closed), {})

    assert response.status_code == 400
    assert "Choisissez au moins un message" in text_of(response)
    assert not PracticeSheetPage.objects.exists()


@pytest.mark.parametrize("role", ["member", "non_member", "suspended"])
def test_members_and_outsiders_cannot_capitalise(client, cast, role):
    closed, posts, _named, _shy = cast
    sign_in(client, closed.users[role])

    response = client.post(capitalise_url(closed), {"posts": [posts[0].pk]})

    assert response.status_code == 404
    assert not PracticeSheetPage.objects.exists()


def test_an_editor_who_reads_the_space_may_capitalise(cast):
    closed, _posts, _named, _shy = cast
    editor = UserFactory(groups=["Éditeurs"])
    closed.space.visibility = "signed_in"
    closed.space.save()

    assert capitalise.can_capitalise(editor, closed.topic)
    assert not capitalise.can_capitalise(UserFactory(), closed.topic)


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_contributor_who_is_a_plain_member_gets_404_on_the_capitalise_page(client, cast, method):
    closed, posts, _named, _shy = cast
    member = closed.users["member"]
    member.groups.add(Group.objects.get(name="Contributeurs"))
    sign_in(client, member)

    response = getattr(client, method)(capitalise_url(closed), {"posts": [posts[0].pk]})
    topic_page = client.get(closed.topic.get_absolute_url())

    assert response.status_code == 404
    assert capitalise_url(closed) not in topic_page.content.decode()
    assert not PracticeSheetPage.objects.exists()
