"""Makes indicators, leads and milestones translatable with their page (wagtail-localize).

Existing rows take their page's locale and a translation key of their own.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

TRANSLATABLE_CHILDREN = [
    "practicesheetindicator",
    "experimentindicator",
    "practicelead",
    "practicemilestone",
]


def give_rows_their_page_locale(apps, schema_editor):
    for model_name in TRANSLATABLE_CHILDREN:
        Model = apps.get_model("practices", model_name)
        for row in Model.objects.select_related("page"):
            row.locale_id = row.page.locale_id
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])


def nullable_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
    ]


def required_fields(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[operation for name in TRANSLATABLE_CHILDREN for operation in nullable_fields(name)],
        migrations.RunPython(give_rows_their_page_locale, migrations.RunPython.noop),
        *[operation for name in TRANSLATABLE_CHILDREN for operation in required_fields(name)],
    ]
