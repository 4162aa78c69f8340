"""Reading SQLite files without writing beside them, and telling a damaged file from a
machine that cannot write one.

SQLite reports a full disk or a folder without write permission in many words ("disk
I/O error", "attempt to write a readonly database", "unable to open database file"),
some of which read like damage. Its error codes and a look at the folder say which it
is, so a sound database is never called damaged and can still be read.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from contractdesk.errors import DatabaseError

SIDECARS = ("-wal", "-shm", "-journal")
MIN_FREE_BYTES = 1024 * 1024  # below this SQLite cannot even size its lock file

_PERM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 8, 10, 11, 13, 14, 26
_DAMAGE = {_CORRUPT, _NOTADB}
_CANNOT_WRITE = {_PERM, _READONLY, _IOERR, _FULL, _CANTOPEN}
_WRITE_ERRNOS = {errno.ENOSPC, errno.EACCES, errno.EPERM, errno.EROFS,
                 getattr(errno, "EDQUOT", errno.ENOSPC)}


class DamagedDatabaseError(DatabaseError):
    """The file is a SQLite file whose content is damaged: restoring over it is safe."""


class UnwritableDatabaseError(DatabaseError):
    """The database is sound but nothing can be written where it lives."""


def uri(path: Path, **params: str) -> str:
    """A SQLite URI for ``path`` (``?`` and ``#`` in a folder name are escaped)."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path.absolute().as_uri()}?{query}"


def has_sidecars(path: Path) -> bool:
    """Whether a ``-wal``, ``-shm`` or ``-journal`` file is beside ``path``: someone has it
    open, or left changes that only SQLite's locking protocol reads correctly."""
    return any(Path(f"{path}{suffix}").exists() for suffix in SIDECARS)


def _complete_in_itself(path: Path) -> bool:
    """Whether every committed change is in the file itself: no rollback journal and no
    write-ahead log with content (an empty ``-wal`` and a ``-shm`` beside it are what a
    connection that failed on a full disk, or a reader, leaves)."""
    wal = Path(f"{path}-wal")
    return (not Path(f"{path}-journal").exists()
            and (not wal.exists() or wal.stat().st_size == 0))


def remove_new_sidecars(path: Path, existed: set[str]) -> None:
    """Removes the lock files a connection that failed for want of space or permission
    created beside ``path`` (those not in ``existed``, the suffixes found before it),
    so a refused database is left as it was. No other program can be using them: it
    would have failed the same way."""
    for suffix in ("-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if suffix not in existed and part.exists() and _complete_in_itself(path):
            part.unlink(missing_ok=True)


def existing_sidecars(path: Path) -> set[str]:
    return {suffix for suffix in SIDECARS if Path(f"{path}{suffix}").exists()}


def connect_read_only(path: Path, *, leave_no_trace: bool) -> sqlite3.Connection:
    """A read-only connection to ``path``.

    When every committed change is in the file itself (nothing beside it, or only an
    empty log), it can be read as immutable: SQLite then creates no ``-wal``/``-shm``
    files, which a refused or damaged file must not gain, and which a full disk or a
    read-only folder cannot hold. ``leave_no_trace=False`` (copying a database that may
    be in use) goes through SQLite's locks first and falls back to immutable only when
    those cannot be created, in which case no other program can write to it either.
    """
    if leave_no_trace and _complete_in_itself(path):
        return sqlite3.connect(uri(path, mode="ro", immutable="1"), uri=True,
                               check_same_thread=False)
    existed = existing_sidecars(path)
    try:
        connection = sqlite3.connect(uri(path, mode="ro"), uri=True, check_same_thread=False)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        if not _complete_in_itself(path) or write_reason(error, path) is None:
            raise
        remove_new_sidecars(path, existed)
        return sqlite3.connect(uri(path, mode="ro", immutable="1"), uri=True,
                               check_same_thread=False)
    return connection


@contextmanager
def reading(path: Path, *, leave_no_trace: bool = True) -> Iterator[sqlite3.Connection]:
    """:func:`connect_read_only`, closed afterwards."""
    connection = connect_read_only(path, leave_no_trace=leave_no_trace)
    try:
        yield connection
    finally:
        connection.close()


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: sqlite3.Error) -> bool:
    """Corrupt or not a database; a code-less error counts as damage, as it did before."""
    code = _primary_code(error)
    return code is None or code in _DAMAGE


def is_read_only_refusal(error: BaseException) -> bool:
    """SQLite refusing to write through a read-only connection."""
    return isinstance(error, sqlite3.Error) and _primary_code(error) == _READONLY


def write_obstacle(path: Path) -> str | None:
    """Why nothing can be written beside ``path`` (the end of a sentence), else None."""
    folder = path.parent
    try:
        if shutil.disk_usage(folder).free < MIN_FREE_BYTES:
            return f"the disk holding {folder} is full (free some space)"
    except OSError:
        pass
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is not writable (check its permissions)"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file {path} is read-only (check its permissions)"
    return None


def write_reason(error: BaseException, path: Path) -> str | None:
    """For a failure caused by the machine rather than the file (a full disk, missing
    permissions), the reason in words; None for anything else (damage, a bug).

    Looks through SQLAlchemy's wrapper (``orig``) and the ``raise … from`` chain.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            code = _primary_code(current)
            if code in _CANNOT_WRITE:
                if code == _FULL:
                    return "the disk is full (free some space)"
                return write_obstacle(path) or f"SQLite cannot write there ({current})"
            return None
        if isinstance(current, OSError) and current.errno in _WRITE_ERRNOS:
            return write_obstacle(path) or (current.strerror or str(current)).lower()
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return None
