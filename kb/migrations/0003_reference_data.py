from django.db import migrations

from kb.reference_data import load_reference_data


def load(apps, schema_editor):
    load_reference_data(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("kb", "0002_site_structure")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
