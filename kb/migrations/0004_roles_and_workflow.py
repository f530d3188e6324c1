"""Names the groups after the site's roles and the review workflow after what it does.

Wagtail's initial data gives an "Editors" group (add and edit pages) and a
"Moderators" group (also publish), with a one-step approval workflow on the
whole tree. Here they become contributors, who write and submit, and editors,
who review and publish; a third group moderates the peer-exchange spaces.
"""

from django.db import migrations

CONTRIBUTORS = "Contributeurs"
EDITORS = "Éditeurs"
MODERATORS = "Modérateurs"
WORKFLOW = "Relecture éditoriale"
TASK = "Validation par un éditeur"

MEDIA_PERMISSIONS = {
    CONTRIBUTORS: [("wagtailimages", "add_image"), ("wagtaildocs", "add_document")],
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("kb", "add_theme"),
        ("kb", "change_theme"),
        ("kb", "add_audience"),
        ("kb", "change_audience"),
        ("kb", "add_establishmenttype"),
        ("kb", "change_establishmenttype"),
    ],
    MODERATORS: [],
}


def ensure_permission(apps, app_label, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    model = codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ")},
    )
    return permission


def set_up_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    Group.objects.filter(name="Editors").update(name=CONTRIBUTORS)
    Group.objects.filter(name="Moderators").update(name=EDITORS)
    access_admin = ensure_permission(apps, "wagtailadmin", "access_admin")
    root_collection = Collection.objects.filter(depth=1).first()

    for name, permissions in MEDIA_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for app_label, codename in permissions:
            permission = ensure_permission(apps, app_label, codename)
            if app_label in ("wagtailimages", "wagtaildocs") and root_collection:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
            else:
                group.permissions.add(permission)

    Task.objects.filter(name="Moderators approval").update(name=TASK)
    Workflow.objects.filter(name="Moderators approval").update(name=WORKFLOW)


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0003_reference_data"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
    ]

    operations = [migrations.RunPython(set_up_roles, migrations.RunPython.noop)]
