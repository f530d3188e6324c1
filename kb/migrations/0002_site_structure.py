"""Replaces Wagtail's welcome page by a French home page and its English translation."""

import uuid

from django.db import migrations


def create_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("kb", "HomePage")

    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", slug="home").delete()
    Site.objects.all().delete()

    french, _ = Locale.objects.get_or_create(language_code="fr")
    english, _ = Locale.objects.get_or_create(language_code="en")
    content_type, _ = ContentType.objects.get_or_create(app_label="kb", model="homepage")
    translation_key = uuid.uuid4()
    pages = [
        (french, "Accueil", "accueil", "00010001"),
        (english, "Home", "home", "00010002"),
    ]
    for locale, title, slug, path in pages:
        HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=path,
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=translation_key,
            live=True,
        )
    Page.objects.filter(depth=1).update(numchild=len(pages))
    Site.objects.create(
        hostname="localhost",
        port=80,
        site_name="Pair-émulation et capitalisation médico-sociale",
        root_page=HomePage.objects.get(locale=french),
        is_default_site=True,
    )


class Migration(migrations.Migration):
    dependencies = [("kb", "0001_initial")]

    operations = [migrations.RunPython(create_home_pages, migrations.RunPython.noop)]
