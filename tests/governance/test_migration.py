"""The governance models and migration 0002g agree, and an older database upgrades."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from contractdesk.db import migrate
from contractdesk.db.base import Base
from contractdesk.db.database import Database, open_database

GOVERNANCE_TABLES = {"review", "due_diligence_check", "risk", "support_case"}


def test_models_and_migrations_agree_after_upgrade(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "render_as_batch": True})
        assert compare_metadata(context, Base.metadata) == []


def test_database_at_0001_upgrades_to_governance(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0001")
        assert not GOVERNANCE_TABLES & set(inspect(connection).get_table_names())
    engine.dispose()

    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= GOVERNANCE_TABLES
            assert migrate.current_revision(connection) == migrate.head_revision()
    finally:
        database.close()


def test_governance_migration_downgrades_cleanly(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'down.sqlite3'}")
    with engine.begin() as connection:
        config = migrate.alembic_config(connection)
        command.upgrade(config, "0002g")
        command.downgrade(config, "0001")
        assert not GOVERNANCE_TABLES & set(inspect(connection).get_table_names())
    engine.dispose()
