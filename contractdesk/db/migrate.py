"""Schema versions through Alembic: what a database is at, and bringing it to head."""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util.exc import CommandError
from sqlalchemy import Connection

from contractdesk.paths import package_dir


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(package_dir() / "db" / "migrations"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    """The shipped migrations, read once per process: reading them runs every revision
    file, which was most of the time it takes to open a database (and the window)."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def is_known_revision(revision: str) -> bool:
    """False for a revision this version of the app has never heard of: a newer one."""
    try:
        return script_directory().get_revision(revision) is not None
    except (CommandError, RevisionError):
        return False


def upgrade_to_head(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
