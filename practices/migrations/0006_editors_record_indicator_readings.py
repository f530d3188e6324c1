"""Editors (the "Éditeurs" group) record indicator readings in the admin."""

from django.db import migrations

EDITORS = "Éditeurs"
PERMISSIONS = [
    ("add_indicatormeasurement", "Can add relevé d’indicateur"),
    ("change_indicatormeasurement", "Can change relevé d’indicateur"),
    ("delete_indicatormeasurement", "Can delete relevé d’indicateur"),
    ("view_indicatormeasurement", "Can view relevé d’indicateur"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="practices", model="indicatormeasurement"
    )
    for codename, name in PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        editors.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors:
        codenames = [codename for codename, _name in PERMISSIONS]
        editors.permissions.remove(*editors.permissions.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0005_indicator_measurements"),
        ("kb", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
