"""The reminder migration matches the models and can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from contractdesk.db.base import Base
from contractdesk.db.database import Database
from contractdesk.db.migrate import alembic_config

WORKFLOW_TABLES = {"reminder_state", "reminder_lead_times", "notice"}


def test_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_downgrade_to_0001_removes_the_workflow_tables(database: Database) -> None:
    with database.engine.begin() as connection:
        before = set(inspect(connection).get_table_names())
        command.downgrade(alembic_config(connection), "0001")
    with database.engine.begin() as connection:
        removed = before - set(inspect(connection).get_table_names())
        assert removed >= WORKFLOW_TABLES
        assert "agreement" not in removed
        command.upgrade(alembic_config(connection), "head")
    with database.engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) >= WORKFLOW_TABLES
