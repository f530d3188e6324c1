"""The glossary becomes a thesaurus, and the database backend indexes analysed terms.

- `SynonymGroup` replaces `GlossaryTerm`: the shipped thesaurus is loaded, and
  every term an editor had added to the glossary becomes a group of its own.
  Editors may manage the thesaurus and the other search settings.
- The database backend's full-text index reads the terms `search.terms` gives
  (stemmed, folded, compounds joined) rather than the raw text, so SQLite and
  PostgreSQL hold the same terms: the FTS5 table and the PostgreSQL trigger are
  made anew over the new columns, which are computed for the documents already
  indexed, with the vocabulary that typos are corrected towards.
"""

from django.db import migrations, models

from search.thesaurus import shipped_groups, split_forms

EDITORS = "Éditeurs"
EDITORS_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("synonymgroup", "promotedresult")
    for action in ("add", "change", "delete", "view")
] + ["view_zeroresultquery", "delete_zeroresultquery"]

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_fulltext_insert",
    "DROP TRIGGER IF EXISTS search_fulltext_update",
    "DROP TRIGGER IF EXISTS search_fulltext_delete",
    "DROP TABLE IF EXISTS search_fulltext",
    """
    CREATE VIRTUAL TABLE search_fulltext USING fts5(
        title, summary, body, keywords, tokenize = 'unicode61'
    )
    """,
    """
    CREATE TRIGGER search_fulltext_insert AFTER INSERT ON search_indexeddocument BEGIN
        INSERT INTO search_fulltext (rowid, title, summary, body, keywords) VALUES (
            new.id, new.title_terms, new.summary_terms, new.body_terms, new.keyword_terms
        );
    END
    """,
    """
    CREATE TRIGGER search_fulltext_update AFTER UPDATE ON search_indexeddocument BEGIN
        DELETE FROM search_fulltext WHERE rowid = old.id;
        INSERT INTO search_fulltext (rowid, title, summary, body, keywords) VALUES (
            new.id, new.title_terms, new.summary_terms, new.body_terms, new.keyword_terms
        );
    END
    """,
    """
    CREATE TRIGGER search_fulltext_delete AFTER DELETE ON search_indexeddocument BEGIN
        DELETE FROM search_fulltext WHERE rowid = old.id;
    END
    """,
]

POSTGRESQL_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION search_indexeddocument_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('simple', coalesce(NEW.title_terms, '')), 'A')
            || setweight(to_tsvector('simple', coalesce(NEW.keyword_terms, '')), 'B')
            || setweight(to_tsvector('simple', coalesce(NEW.summary_terms, '')), 'B')
            || setweight(to_tsvector('simple', coalesce(NEW.body_terms, '')), 'D');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
]


def run_for_vendor(statements):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def load_thesaurus(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    GlossaryTerm = apps.get_model("search", "GlossaryTerm")
    shipped = set()
    for language in ("fr", "en"):
        for group in shipped_groups(language):
            SynonymGroup.objects.create(
                language=language, forms=", ".join(group.forms), broader=", ".join(group.broader)
            )
            shipped.update(form.casefold() for form in group.forms)
    for acronym, expansion in GlossaryTerm.objects.values_list("acronym", "expansion"):
        if acronym.casefold() not in shipped:
            forms = (acronym, " ".join(split_forms(expansion.split("(")[0])))
            SynonymGroup.objects.create(language="fr", forms=", ".join(forms))


def let_editors_manage_search(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    for codename in EDITORS_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="search", model=codename.split("_", 1)[1]
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        editors.permissions.add(permission)


def analyse_indexed_documents(apps, schema_editor):
    from search.backends.database import add_to_vocabulary, analysed_columns

    IndexedDocument = apps.get_model("search", "IndexedDocument")
    surfaces = {}
    for row in IndexedDocument.objects.only("pk", "data").iterator():
        columns = analysed_columns(row.data, surfaces)
        IndexedDocument.objects.filter(pk=row.pk).update(**columns)
    add_to_vocabulary(surfaces)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_promoted_and_zero_result_queries"),
        ("kb", "0004_roles_and_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name="IndexedWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=100, unique=True)),
                ("term", models.CharField(max_length=100)),
            ],
        ),
        migrations.CreateModel(
            name="SynonymGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(choices=[("fr", "Français"), ("en", "English")], default="fr", max_length=10, verbose_name="langue")),
                ("forms", models.CharField(help_text="Séparées par des virgules : « ITEP, institut thérapeutique éducatif et pédagogique ». Chacune trouve les autres. Un sigle s’écrit en capitales.", max_length=500, verbose_name="formes équivalentes")),
                ("broader", models.CharField(blank=True, help_text="Termes plus larges que ces formes trouvent aussi, sans réciproque : pour « DITEP », « ITEP ».", max_length=300, verbose_name="trouve aussi (sens unique)")),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "groupe de synonymes",
                "verbose_name_plural": "thésaurus",
                "ordering": ["language", "forms"],
            },
        ),
        migrations.RunPython(load_thesaurus, migrations.RunPython.noop),
        migrations.DeleteModel(name="GlossaryTerm"),
        migrations.RunPython(let_editors_manage_search, migrations.RunPython.noop),
        migrations.AddField(
            model_name="indexeddocument", name="title_terms", field=models.TextField(blank=True)
        ),
        migrations.AddField(
            model_name="indexeddocument", name="summary_terms", field=models.TextField(blank=True)
        ),
        migrations.AddField(
            model_name="indexeddocument", name="body_terms", field=models.TextField(blank=True)
        ),
        migrations.AddField(
            model_name="indexeddocument", name="keyword_terms", field=models.TextField(blank=True)
        ),
        migrations.RemoveIndex(model_name="indexedterm", name="search_inde_field_c3d48b_idx"),
        migrations.AddIndex(
            model_name="indexedterm",
            index=models.Index(fields=["field", "value", "document"], name="search_term_facets"),
        ),
        migrations.AddIndex(
            model_name="indexeddocument",
            index=models.Index(
                fields=["locale", "doc_type", "year", "status", "rank_boost", "published_at"],
                name="search_document_facets",
            ),
        ),
        migrations.RunPython(
            run_for_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(analyse_indexed_documents, migrations.RunPython.noop),
    ]
