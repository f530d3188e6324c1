from django.db import migrations

from search.glossary import load_shipped_terms


def load(apps, schema_editor):
    load_shipped_terms(apps.get_model("search", "GlossaryTerm"))


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
