"""Practice sheets go through the editors' review and translate to English with wagtail-localize."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Workflow
from wagtail_localize.models import String, StringTranslation, Translation, TranslationSource

from kb.models import HomePage, Region, Theme
from practices.models import (
    PracticeSheetIndexPage,
    PracticeSheetIndicator,
    PracticeSheetPage,
    PracticesIndexPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet_index():
    home = HomePage.objects.get(locale__language_code="fr")
    practices = home.add_child(instance=PracticesIndexPage(title="Pratiques", slug="pratiques"))
    return practices.add_child(instance=PracticeSheetIndexPage(title="Fiches", slug="fiches"))


def draft_sheet(parent, **fields):
    sheet = PracticeSheetPage(
        title="Un espace de répit partagé entre ITEP",
        slug="repit-inter-itep",
        summary="Des jeunes accueillis quelques jours ailleurs pour éviter une rupture.",
        objectives="<p>Prévenir les ruptures de parcours.</p>",
        live=False,
        **fields,
    )
    sheet.indicators = [
        PracticeSheetIndicator(name="Jeunes accueillis", unit="jeunes", baseline=0, target=40)
    ]
    parent.add_child(instance=sheet)
    sheet.themes = [Theme.objects.get(slug="prevention-ruptures", locale__language_code="fr")]
    sheet.regions = [Region.objects.get(code="84")]
    sheet.tags.add("répit")
    sheet.save_revision()
    return sheet


def member_of(django_user_model, group_name, email):
    user = django_user_model.objects.create_user(username=email, email=email, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_contributor_submits_a_sheet_and_an_editor_publishes_it(sheet_index, django_user_model):
    contributor = member_of(django_user_model, "Contributeurs", "contrib@exemple.fr")
    editor = member_of(django_user_model, "Éditeurs", "editor@exemple.fr")
    sheet = draft_sheet(sheet_index, owner=contributor)
    assert not sheet.permissions_for_user(contributor).can_publish()

    workflow = sheet.get_workflow()
    assert workflow == Workflow.objects.get(name="Relecture éditoriale")
    workflow_state = workflow.start(sheet, contributor)
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(sheet, editor)
    assert not task_state.task.specific.user_can_access_editor(sheet, contributor)

    task_state.task.specific.on_action(task_state, editor, "approve")

    sheet.refresh_from_db()
    assert sheet.live
    assert PracticeSheetPage.objects.live().filter(pk=sheet.pk).exists()


def test_a_sheet_translated_with_wagtail_localize_reads_in_english(
    sheet_index, client, django_capture_on_commit_callbacks
):
    sheet = draft_sheet(sheet_index)
    sheet.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    english_titles = {
        sheet.title: "A respite space shared between ITEPs",
        "Jeunes accueillis": "Young people welcomed",
    }
    for page in [sheet_index.get_parent(), sheet_index, sheet]:
        source, _ = TranslationSource.get_or_create_from_instance(page.specific)
        translation = Translation.objects.create(source=source, target_locale=english)
        for french, translated in english_titles.items():
            string = String.objects.filter(data=french).first()
            if string is not None:
                for context in source.stringsegment_set.filter(string=string):
                    StringTranslation.objects.get_or_create(
                        translation_of=string,
                        locale=english,
                        context=context.context,
                        defaults={"data": translated},
                    )
        # wagtail-localize publishes once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)

    english_sheet = sheet.get_translation(english).specific
    response = client.get(english_sheet.url)

    assert english_sheet.url.startswith("/en/")
    assert english_sheet.title == "A respite space shared between ITEPs"
    assert english_sheet.indicators.get().name == "Young people welcomed"
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert "A respite space shared between ITEPs" in response.text
    assert "Young people welcomed" in response.text
