"""Once loaded the acronym glossary; the thesaurus of migration 0006 replaced it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = []
