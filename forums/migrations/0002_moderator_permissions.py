"""Site moderators (the "Modérateurs" group) see and moderate every space from the admin,
and read every space's reports and moderation log there."""

from django.db import migrations

MODERATORS = "Modérateurs"
PERMISSIONS = [
    ("forums", "space", "moderate_all_spaces", "Modérer tous les espaces"),
    ("forums", "space", "add_space", "Can add space"),
    ("forums", "space", "change_space", "Can change space"),
    ("forums", "spacemembership", "add_spacemembership", "Can add space membership"),
    ("forums", "spacemembership", "change_spacemembership", "Can change space membership"),
    ("forums", "spacemembership", "delete_spacemembership", "Can delete space membership"),
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
    dependencies = [
        ("forums", "0001_initial"),
        ("kb", "0004_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
