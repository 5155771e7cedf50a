"""Trigram indexes for the resident search by name, on PostgreSQL only.

`resident_search` matches every word of the name anywhere in the given name or surname
(`icontains`, which PostgreSQL runs as UPPER(column::text) LIKE UPPER('%word%')). A btree index
cannot serve a leading wildcard; a pg_trgm GIN index on the same expression can, so a search
among 100,000 residents reads only the matching rows instead of the whole table.

CREATE EXTENSION needs a role allowed to create pg_trgm: a superuser, or (PostgreSQL 13 and
later, where pg_trgm is a trusted extension) the owner of the database. SQLite skips this
migration: it has no such index and searches by scanning, which is fine at its scale. Only the
database changes, not the model state, so `makemigrations` stays quiet.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

INDEXES = {
    "resident_given_name_trgm": "given_name",
    "resident_surname_trgm": "surname",
}


def _forward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "cases_resident" USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def _backward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_resolution_labels"),
    ]

    operations = [
        migrations.RunPython(_forward, _backward, elidable=False),
    ]
