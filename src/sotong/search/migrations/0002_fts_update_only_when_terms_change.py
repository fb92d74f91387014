"""SQLite: re-write a document's FTS5 row only when its terms are written, so an UPDATE of
its popularity alone (a 공감) leaves the full-text index alone. PostgreSQL keeps its
generated tsvector column: it is computed from the stored terms (`to_tsvector` over text,
nothing for Kiwi to do)."""

from django.db import migrations

FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    """CREATE TRIGGER search_fts_update AFTER UPDATE OF title_terms, body_terms
        ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
    END""",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
