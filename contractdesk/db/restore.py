"""Restoring a SQLite database from a backup file, after checking the file is sound."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from contractdesk.db import migrate
from contractdesk.db.backup import copy_database, integrity_problems
from contractdesk.errors import DatabaseError, NewerSchemaError


def validate_backup(source: Path) -> None:
    """Refuses a file that is not a sound ContractDesk database this app can open.

    Raises:
        DatabaseError: not SQLite, damaged, or not ContractDesk's.
        NewerSchemaError: from a newer ContractDesk.
    """
    problems = integrity_problems(source)
    if problems:
        raise DatabaseError(f"{source} is damaged ({problems[0]}); nothing was restored.")
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{source} is not a ContractDesk backup; nothing was "
                            "restored.") from error
    finally:
        conn.close()
    if row is None:
        raise DatabaseError(f"{source} is not a ContractDesk backup; nothing was restored.")
    if not migrate.is_known_revision(str(row[0])):
        raise NewerSchemaError(f"{source} comes from a newer ContractDesk; nothing was "
                               "restored.")


def restore_from(source: Path, target: Path) -> None:
    """Replaces ``target`` with ``source`` once ``source`` is validated; the caller has
    already backed ``target`` up."""
    validate_backup(source)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    copy_database(source, target)
