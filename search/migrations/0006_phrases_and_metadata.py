# ruff: noqa: S608 - statements built from fixed column names, no values
"""Two aligned streams of terms (folded, variant) for phrase matching, and the text a snippet may
show kept apart from what is only matched (metadata, attached files).

SQLite: the FTS5 table gets a ``variant_terms`` column (the table is made again and filled from
the document rows with FTS5's ``rebuild``). PostgreSQL: the vector gets the variant stream at
weight B. Documents indexed before this migration keep matching; for phrases to rank first,
rebuild the index afterwards (``manage.py update_index``), which re-analyses every document.
"""

from django.db import migrations, models

COLUMNS = "title_terms, body_terms, variant_terms, syllables"
OLD_COLUMNS = "title_terms, body_terms, syllables"


def _sqlite(columns):
    new = ", ".join(f"new.{name}" for name in columns.split(", "))
    old = ", ".join(f"old.{name}" for name in columns.split(", "))
    return [
        "DROP TRIGGER IF EXISTS search_fts_update",
        "DROP TRIGGER IF EXISTS search_fts_delete",
        "DROP TRIGGER IF EXISTS search_fts_insert",
        "DROP TABLE IF EXISTS search_fts",
        f"""CREATE VIRTUAL TABLE search_fts USING fts5({columns},
            content='search_searchdocument', content_rowid='id', tokenize='ascii', prefix='2 3')""",
        f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
            INSERT INTO search_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
            INSERT INTO search_fts(search_fts, rowid, {columns}) VALUES ('delete', old.id, {old});
        END""",
        f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
            INSERT INTO search_fts(search_fts, rowid, {columns}) VALUES ('delete', old.id, {old});
            INSERT INTO search_fts(rowid, {columns}) VALUES (new.id, {new});
        END""",
        "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    ]


def _postgresql(variant):
    # The streams follow each other in one vector: a separator (search.analysis.SEPARATOR) after
    # each keeps a phrase from running out of the title into the text, and so on.
    gap = " zq0sep" if variant else ""
    stream = (
        "|| setweight(to_tsvector('nhanquyen_terms', coalesce(NEW.variant_terms, '') || ' zq0sep'), 'B')"
        if variant
        else ""
    )
    columns = COLUMNS if variant else OLD_COLUMNS
    return [
        f"""CREATE OR REPLACE FUNCTION search_document_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.vector :=
                setweight(to_tsvector('nhanquyen_terms', coalesce(NEW.title_terms, '') || '{gap}'), 'A')
                || setweight(to_tsvector('nhanquyen_terms', coalesce(NEW.body_terms, '') || '{gap}'), 'C')
                {stream}
                || setweight(to_tsvector('nhanquyen_terms', coalesce(NEW.syllables, '')), 'D');
            RETURN NEW;
        END $$""",
        "DROP TRIGGER search_document_vector ON search_searchdocument",
        f"""CREATE TRIGGER search_document_vector BEFORE INSERT OR UPDATE OF {columns}
            ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_document_vector()""",
    ]


def _run(schema_editor, variant):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = _sqlite(COLUMNS if variant else OLD_COLUMNS)
    elif vendor == "postgresql":
        statements = _postgresql(variant)
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_title_vector")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="variant_terms",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="metadata",
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="attachments",
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.RunPython(
            lambda apps, schema_editor: _run(schema_editor, variant=True),
            lambda apps, schema_editor: _run(schema_editor, variant=False),
        ),
    ]
