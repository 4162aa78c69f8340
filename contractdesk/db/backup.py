"""Copies of SQLite databases through SQLite's online backup API.

The backup API copies a consistent snapshot even while the database is in use and
includes what is still in the WAL file; a plain file copy would not.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from contractdesk.errors import DatabaseError

log = logging.getLogger("contractdesk.db")

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_KEEP = 10
_AUTO_PREFIX = "contractdesk-"


def backups_dir(db_path: Path) -> Path:
    """Backups live beside the database, in ``backups/``."""
    return db_path.parent / "backups"


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def copy_database(source: Path, target: Path) -> None:
    """Writes a consistent copy of ``source`` to ``target`` (replacing it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)


def automatic_backup(db_path: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """A timestamped copy in ``backups/``, keeping the newest ``keep`` of them."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir(db_path) / f"{_AUTO_PREFIX}{stamp}-{reason}.sqlite3"
    copy_database(db_path, target)
    log.info("backed up %s to %s", db_path, target)
    rotate(backups_dir(db_path), keep)
    return target


def rotate(folder: Path, keep: int) -> None:
    backups = sorted(folder.glob(f"{_AUTO_PREFIX}*.sqlite3"))
    for old in backups[:-keep] if keep > 0 else backups:
        old.unlink(missing_ok=True)


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` finds wrong; empty when the file is sound.

    Raises:
        DatabaseError: the file is not a SQLite database at all.
    """
    if not path.is_file() or not looks_like_sqlite(path):
        raise DatabaseError(f"{path} is not a ContractDesk database (not a SQLite file).")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is damaged: {error}.") from error
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages
