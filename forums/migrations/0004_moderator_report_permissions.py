"""Site moderators read the reports and the moderation log of every space in the admin."""

from django.db import migrations

MODERATORS = "Modérateurs"
PERMISSIONS = [
    ("forums", "report", "view_report", "Can view report"),
    ("forums", "report", "change_report", "Can change report"),
    ("forums", "moderationaction", "view_moderationaction", "Can view moderation action"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for app_label, model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators:
        codenames = [codename for _app, _model, codename, _name in PERMISSIONS]
        moderators.permissions.remove(*moderators.permissions.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("forums", "0003_moderation")]

    operations = [migrations.RunPython(grant, revoke)]
