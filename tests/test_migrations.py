"""The schema exists only through migrations: upgrading an empty database gives all of it."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from sqlalchemy import inspect

from tracker.db import Base
from tracker.extensions import db
from tracker.search.schema import include_name


def test_migrated_schema_matches_the_models(app: Flask) -> None:
    connection = db.session.connection()
    context = MigrationContext.configure(connection, opts={"include_name": include_name})
    differences = compare_metadata(context, Base.metadata)
    tables = set(inspect(connection).get_table_names())
    assert differences == []
    assert {"agency", "notice", "task", "event", "reminder_log", "alembic_version"} <= tables
    assert "search_document" in tables
