"""Restoring a SQLite database from a backup file, after checking the file is sound."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from contractdesk.db import migrate
from contractdesk.db.backup import copy_database, integrity_problems
from contractdesk.db.sqlite_files import SIDECARS, reading
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
    try:
        with reading(source) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{source} is not a ContractDesk backup; nothing was "
                            "restored.") from error
    if row is None:
        raise DatabaseError(f"{source} is not a ContractDesk backup; nothing was restored.")
    if not migrate.is_known_revision(str(row[0])):
        raise NewerSchemaError(f"{source} comes from a newer ContractDesk; nothing was "
                               "restored.")


KeepPrevious = Callable[[Path], Path]


def restore_from(source: Path, target: Path,
                 keep_previous: KeepPrevious | None = None) -> Path | None:
    """Replaces ``target`` with ``source`` once ``source`` is validated; returns where
    ``keep_previous`` (a backup, or :func:`set_aside` for a damaged file) put the
    previous database, called only then, so a refused backup changes nothing. The
    restored file keeps the permissions of the one it replaces: unlike a backup, it is
    the working file."""
    validate_backup(source)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
    previous = keep_previous(target) if keep_previous is not None else None
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    copy_database(source, target, mode)
    return previous


def set_aside(path: Path) -> Path:
    """Renames a damaged database (and any ``-wal``/``-shm`` beside it, which belong to
    it) to ``<name>.damaged-<timestamp>``, so a restore can take its place while it is
    kept for whoever wants to rescue something from it; returns the new name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", *SIDECARS):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(f"{aside}{suffix}")
    return aside
