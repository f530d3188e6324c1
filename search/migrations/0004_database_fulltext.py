"""Full-text index of the database search backend, kept in step with the documents.

SQLite: an FTS5 table `search_fulltext` (accents folded, case ignored), filled by
triggers on every insert, update and delete of `search_indexeddocument`.
PostgreSQL: a `search_vector` column filled by a trigger, with one text-search
configuration per language that also folds accents, and a GIN index.
Triggers rather than Python keep the index right whatever writes the rows
(a rebuild, a cascade delete, a test that flushes the tables).
"""

import django.contrib.postgres.search
from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fulltext USING fts5(
        title, summary, body, tags, tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_fulltext_insert AFTER INSERT ON search_indexeddocument BEGIN
        INSERT INTO search_fulltext (rowid, title, summary, body, tags) VALUES (
            new.id, new.title, new.summary, new.body,
            (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.data, '$.tags'))
        );
    END
    """,
    """
    CREATE TRIGGER search_fulltext_update AFTER UPDATE ON search_indexeddocument BEGIN
        DELETE FROM search_fulltext WHERE rowid = old.id;
        INSERT INTO search_fulltext (rowid, title, summary, body, tags) VALUES (
            new.id, new.title, new.summary, new.body,
            (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.data, '$.tags'))
        );
    END
    """,
    """
    CREATE TRIGGER search_fulltext_delete AFTER DELETE ON search_indexeddocument BEGIN
        DELETE FROM search_fulltext WHERE rowid = old.id;
    END
    """,
    """
    INSERT INTO search_fulltext (rowid, title, summary, body, tags)
    SELECT id, title, summary, body,
        (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(data, '$.tags'))
    FROM search_indexeddocument
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fulltext_insert",
    "DROP TRIGGER IF EXISTS search_fulltext_update",
    "DROP TRIGGER IF EXISTS search_fulltext_delete",
    "DROP TABLE IF EXISTS search_fulltext",
]

POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION kb_french (COPY = pg_catalog.french)",
    """
    ALTER TEXT SEARCH CONFIGURATION kb_french
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem
    """,
    "CREATE TEXT SEARCH CONFIGURATION kb_english (COPY = pg_catalog.english)",
    """
    ALTER TEXT SEARCH CONFIGURATION kb_english
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem
    """,
    """
    CREATE FUNCTION search_indexeddocument_vector() RETURNS trigger AS $$
    DECLARE
        config regconfig := CASE NEW.locale
            WHEN 'en' THEN 'kb_english'::regconfig ELSE 'kb_french'::regconfig END;
        tags text := coalesce(
            (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(NEW.data -> 'tags')),
            ''
        );
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(config, tags), 'A')
            || setweight(to_tsvector(config, coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'D');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER search_indexeddocument_vector
        BEFORE INSERT OR UPDATE ON search_indexeddocument
        FOR EACH ROW EXECUTE FUNCTION search_indexeddocument_vector()
    """,
    "UPDATE search_indexeddocument SET id = id",
    """
    CREATE INDEX search_indexeddocument_vector_gin
        ON search_indexeddocument USING gin (search_vector)
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_indexeddocument_vector_gin",
    "DROP TRIGGER IF EXISTS search_indexeddocument_vector ON search_indexeddocument",
    "DROP FUNCTION IF EXISTS search_indexeddocument_vector()",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS kb_french",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS kb_english",
]


def run_for_vendor(statements):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_database_backend_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="indexeddocument",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(
            run_for_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            run_for_vendor({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        ),
    ]
