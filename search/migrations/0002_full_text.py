"""The full-text side of the search index, maintained by the database itself.

SQLite: an external-content FTS5 table over the document rows (tokenizer ``ascii``: the terms are
already analysed by ``search.analysis``, so splitting on ASCII spaces and punctuation is all it must
do; non-ASCII characters, i.e. Khmer, stay inside terms), with prefix indexes for autocomplete.
PostgreSQL: a text-search configuration ``nhanquyen_terms`` (a copy of ``simple``, so nothing is
stemmed or dropped twice), a weighted ``tsvector`` column (title A, text C, Khmer syllables D)
kept by a trigger, and a GIN index on it.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, body_terms, syllables,
        content='search_searchdocument', content_rowid='id', tokenize='ascii', prefix='2 3')""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title_terms, body_terms, syllables)
        VALUES (new.id, new.title_terms, new.body_terms, new.syllables);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms, syllables)
        VALUES ('delete', old.id, old.title_terms, old.body_terms, old.syllables);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms, syllables)
        VALUES ('delete', old.id, old.title_terms, old.body_terms, old.syllables);
        INSERT INTO search_fts(rowid, title_terms, body_terms, syllables)
        VALUES (new.id, new.title_terms, new.body_terms, new.syllables);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_fts_update",
    "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert",
    "DROP TABLE search_fts",
]
POSTGRESQL = [
    "CREATE TEXT SEARCH CONFIGURATION nhanquyen_terms (COPY = simple)",
    "ALTER TABLE search_searchdocument ADD COLUMN vector tsvector",
    """CREATE FUNCTION search_document_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector :=
            setweight(to_tsvector('nhanquyen_terms', coalesce(NEW.title_terms, '')), 'A')
            || setweight(to_tsvector('nhanquyen_terms', coalesce(NEW.body_terms, '')), 'C')
            || setweight(to_tsvector('nhanquyen_terms', coalesce(NEW.syllables, '')), 'D');
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER search_document_vector
        BEFORE INSERT OR UPDATE OF title_terms, body_terms, syllables ON search_searchdocument
        FOR EACH ROW EXECUTE FUNCTION search_document_vector()""",
    "CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin (vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX search_document_vector_gin",
    "DROP TRIGGER search_document_vector ON search_searchdocument",
    "DROP FUNCTION search_document_vector()",
    "ALTER TABLE search_searchdocument DROP COLUMN vector",
    "DROP TEXT SEARCH CONFIGURATION nhanquyen_terms",
]
STATEMENTS = {"sqlite": (SQLITE, SQLITE_REVERSE), "postgresql": (POSTGRESQL, POSTGRESQL_REVERSE)}


def _run(schema_editor, reverse):
    forward, backward = STATEMENTS.get(schema_editor.connection.vendor, ((), ()))
    for statement in backward if reverse else forward:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: _run(schema_editor, reverse=False),
            lambda apps, schema_editor: _run(schema_editor, reverse=True),
        )
    ]
