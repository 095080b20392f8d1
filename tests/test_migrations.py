"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from meetingpoint.extensions import db


def skip_search_index(obj, name, type_, reflected, compare_to):
    # The full-text index is engine-specific SQL made by a migration, not a model.
    return not (type_ == "table" and name.startswith("search_"))


def test_migrations_match_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": skip_search_index}
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_schema_came_from_migrations(app):
    tables = inspect(db.engine).get_table_names()
    assert "alembic_version" in tables and "search_posts" in tables
