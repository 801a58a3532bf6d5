"""PostgreSQL: a title-only ``tsvector`` for autocomplete, with its own GIN index.

Suggestions match title words by prefix. Against the full weighted vector, that needs the index
result rechecked row by row (weights are not in a GIN index) and every vector read back from TOAST
storage: 220 ms at 110,000 documents. Titles are short, so this vector stays in the row.
"""

from django.db import migrations

POSTGRESQL = [
    """ALTER TABLE search_searchdocument ADD COLUMN title_vector tsvector
        GENERATED ALWAYS AS (setweight(to_tsvector('nhanquyen_terms', coalesce(title_terms, '')), 'A'))
        STORED""",
    "ALTER TABLE search_searchdocument ALTER COLUMN title_vector SET STORAGE MAIN",
    "CREATE INDEX search_document_title_gin ON search_searchdocument USING gin (title_vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_document_title_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN title_vector",
]


def _run(schema_editor, statements):
    if schema_editor.connection.vendor == "postgresql":
        for statement in statements:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_document_facet_keys")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: _run(schema_editor, POSTGRESQL),
            lambda apps, schema_editor: _run(schema_editor, POSTGRESQL_REVERSE),
        )
    ]
