"""Copies of SQLite databases through SQLite's online backup API.

The backup API copies a consistent snapshot even while the database is in use and
includes what is still in the WAL file; a plain file copy would not. A copy is written
to ``<target>.partial`` and renamed when complete; whatever stops it (a full disk,
Ctrl+C) removes the partial file, and one left by a killed earlier run is removed
before the next copy starts. Backups hold every contract: they are private (0600).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from contractdesk.db.sqlite_files import SIDECARS, reading
from contractdesk.errors import DatabaseError

log = logging.getLogger("contractdesk.db")

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_KEEP = 10
_AUTO_PREFIX = "contractdesk-"
PRIVATE = 0o600


def backups_dir(db_path: Path) -> Path:
    """Backups live beside the database, in ``backups/``."""
    return db_path.parent / "backups"


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _remove_partial(partial: Path) -> None:
    for name in (str(partial), *(f"{partial}{suffix}" for suffix in SIDECARS)):
        Path(name).unlink(missing_ok=True)


def copy_database(source: Path, target: Path, mode: int | None = PRIVATE) -> None:
    """Writes a consistent copy of ``source`` to ``target`` (replacing it), with
    permissions ``mode`` (None: a new file's, 0666 less the umask); on any failure
    nothing new is left beside ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    _remove_partial(partial)
    try:
        # Created empty first so a private copy is never readable by others, not even
        # briefly (an empty file is an empty SQLite database).
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                         0o666 if mode is None else mode))
        if mode is not None:
            os.chmod(partial, mode)
        with reading(source, leave_no_trace=False) as src:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        partial.replace(target)
    except BaseException:
        _remove_partial(partial)
        raise


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
        with reading(path) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is damaged: {error}.") from error
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages
