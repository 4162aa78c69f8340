"""Opening a ContractDesk database: where it is, whether it is safe to touch, migrations.

The order matters. A SQLite file is first inspected read-only, so that a file that is
not a database, is damaged, or comes from a newer ContractDesk is refused while still
byte-identical. Only then is it backed up, migrated and opened for writing. A sound
file that cannot be written where it lives (a full disk, a read-only folder) is refused
with that reason, or, where the caller only needs to read, opened read-only.
"""

from __future__ import annotations

import getpass
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from contractdesk.db import migrate
from contractdesk.db.audit import install_audit
from contractdesk.db.backup import automatic_backup, looks_like_sqlite
from contractdesk.db.sqlite_files import (
    DamagedDatabaseError,
    UnwritableDatabaseError,
    connect_read_only,
    existing_sidecars,
    is_damage,
    is_read_only_refusal,
    reading,
    remove_new_sidecars,
    write_reason,
)
from contractdesk.db.term_sync import install_term_sync
from contractdesk.errors import DatabaseError, NewerSchemaError, UserError, translate_errors
from contractdesk.paths import default_db_path

log = logging.getLogger("contractdesk.db")

BUSY_TIMEOUT_MS = 5000


def _os_user() -> str:
    """Who the audit trail names: ``CONTRACTDESK_USER`` (set from the window's settings
    or by a team), else the operating-system login."""
    named = os.environ.get("CONTRACTDESK_USER")
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return os.environ.get("USERNAME", "")


@dataclass
class Database:
    """An open database: the engine, a session factory and, for SQLite, the file.

    ``read_only`` is why a SQLite file could only be opened for reading (else None);
    any change is then refused with that reason.
    """

    url: URL
    engine: Engine
    path: Path | None
    user: str = field(default_factory=_os_user)
    read_only: str | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(self._sessions)
        install_term_sync(self._sessions)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def session(self, source: str) -> Session:
        """A new session whose changes are audited with ``source`` (``ui``, ``cli``, …)."""
        session = self._sessions()
        session.info["source"] = source
        session.info["user"] = self.user
        return session

    @contextmanager
    def transaction(self, source: str) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with translate_errors(), self.session(source) as session, session.begin():
            yield session

    def describe(self) -> str:
        return str(self.path) if self.path is not None else self.url.render_as_string(
            hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def resolve_target(target: str | os.PathLike[str] | None) -> str | Path:
    """``--db`` value, else ``CONTRACTDESK_DB``, else the default file; URL or path."""
    chosen: str | os.PathLike[str] | None = target or os.environ.get("CONTRACTDESK_DB")
    if chosen is None:
        return default_db_path()
    text = os.fspath(chosen)
    if "://" in text:
        return text
    return Path(text).expanduser()


def open_database(target: str | os.PathLike[str] | None = None, *,
                  backup_keep: int = 10, verify: bool = True,
                  read_only_fallback: bool = False) -> Database:
    """Opens (creating or migrating as needed) the database ``target`` names.

    ``verify=False`` skips the read-only integrity check of a SQLite file that needs no
    migration (a file to be migrated is always checked first): the window opens at once
    and runs :func:`integrity_problems` in the background instead.
    ``read_only_fallback=True`` opens a sound, current SQLite file that cannot be
    written (a full disk, a read-only folder) for reading, with
    :attr:`Database.read_only` saying why, instead of refusing it.

    Raises:
        DatabaseError: not a database, damaged, newer than this app, locked, unreachable.
        DamagedDatabaseError: a damaged SQLite file (``contractdesk restore`` replaces it).
        UnwritableDatabaseError: sound, but nothing can be written where it lives.
    """
    resolved = resolve_target(target)
    with translate_errors():
        if isinstance(resolved, Path):
            return _open_sqlite(resolved, backup_keep, verify, read_only_fallback)
        return _open_server(resolved)


def _open_sqlite(path: Path, backup_keep: int, verify: bool,
                 read_only_fallback: bool) -> Database:
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    if path == default_db_path():
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise DatabaseError(f"The folder {path.parent} does not exist.")
    existing = path.is_file() and path.stat().st_size > 0
    revision = _inspect_sqlite_read_only(path, verify) if existing else None
    head = migrate.head_revision()
    sidecars = existing_sidecars(path)
    try:
        if existing and revision != head:
            automatic_backup(path, "before-upgrade", keep=backup_keep)
        engine = _writable_engine(path)
        _migrate(engine, revision, head)
    except (DBAPIError, sqlite3.Error, OSError) as error:
        reason = write_reason(error, path)
        if reason is None:
            raise
        remove_new_sidecars(path, sidecars)
        if read_only_fallback and existing and revision == head:
            log.warning("opening %s read-only: %s", path, reason)
            return _read_only_database(path, reason)
        raise UnwritableDatabaseError(f"Cannot write to {path}: {reason}. The database "
                                      "was left untouched.") from error
    return Database(url=engine.url, engine=engine, path=path)


def _writable_engine(path: Path) -> Engine:
    """The engine, with one connection made at once: it is where a full disk or a
    read-only folder shows (WAL mode needs its ``-shm`` file), so it fails here, where
    the reason can still be told, rather than in the first command that reads."""
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except BaseException:
        engine.dispose()
        raise
    return engine


def _read_only_database(path: Path, reason: str) -> Database:
    """Reads as immutable where it can: nobody can write to this file now either. An
    attempt to write fails in SQLite ("readonly database"), which is replaced by the
    reason, whichever way the write came (the ORM, an import's bulk insert)."""
    engine = create_engine("sqlite://", poolclass=NullPool,
                           creator=lambda: connect_read_only(path, leave_no_trace=True))

    def explain(context: ExceptionContext) -> None:
        if is_read_only_refusal(context.original_exception):
            raise UnwritableDatabaseError(f"{path} is open read-only because {reason}; "
                                          "nothing was changed.")

    event.listen(engine, "handle_error", explain)
    return Database(url=URL.create("sqlite", database=str(path)), engine=engine, path=path,
                    read_only=reason)


def _inspect_sqlite_read_only(path: Path, verify: bool) -> str | None:
    """The file's schema revision, read without writing a byte.

    Raises:
        DatabaseError: not SQLite, damaged, or not ContractDesk's.
        NewerSchemaError: written by a newer ContractDesk.
    """
    if not looks_like_sqlite(path):
        raise DatabaseError(f"{path} is not a ContractDesk database (not a SQLite file); "
                            "it was left untouched.")
    try:
        with reading(path) as conn:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = (conn.execute("SELECT version_num FROM alembic_version").fetchone()
                        if "alembic_version" in tables else None)
            needs_check = verify or revision is None or revision[0] != migrate.head_revision()
            problems = ([row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
                        if needs_check else ["ok"])
    except sqlite3.Error as error:
        reason = write_reason(error, path)
        if reason is not None:
            raise UnwritableDatabaseError(f"Cannot read {path}: {reason}. It was left "
                                          "untouched.") from error
        if not is_damage(error):
            raise
        raise DamagedDatabaseError(f"{path} is damaged or not a database ({error}); it "
                                   "was left untouched. Restore a backup with "
                                   "'contractdesk restore'.") from error
    if problems != ["ok"]:
        raise DamagedDatabaseError(f"{path} is damaged ({problems[0]}); it was left "
                                   "untouched. Restore a backup with 'contractdesk restore'.")
    if revision is None:
        if tables - {"sqlite_sequence"}:
            raise DatabaseError(f"{path} is a SQLite file of another program, not a "
                                "ContractDesk database; it was left untouched.")
        return None
    _refuse_newer(str(revision[0]), str(path))
    return str(revision[0])


def _refuse_newer(revision: str, where: str) -> None:
    if not migrate.is_known_revision(revision):
        raise NewerSchemaError(
            f"{where} was written by a newer version of ContractDesk (schema {revision}); "
            "update ContractDesk to open it. The database was left untouched.")


def _migrate(engine: Engine, revision: str | None, head: str) -> None:
    if revision == head:
        return
    log.info("migrating %s from %s to %s", engine.url, revision, head)
    with engine.begin() as connection:
        migrate.upgrade_to_head(connection)


def _open_server(url_text: str) -> Database:
    try:
        url = make_url(url_text)
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise DatabaseError(f"{url_text!r} is not a database URL ContractDesk can use: "
                            f"{error}") from error
    except ModuleNotFoundError as error:
        raise DatabaseError(f"The database driver {error.name!r} is not installed; "
                            "install ContractDesk with its 'postgres' extra.") from error
    with engine.begin() as connection:
        revision = migrate.current_revision(connection)
        if revision is not None:
            _refuse_newer(revision, url.render_as_string(hide_password=True))
        if revision != migrate.head_revision():
            migrate.upgrade_to_head(connection)
    return Database(url=url, engine=engine, path=None)


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def integrity_problems(database: Database) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong with a SQLite database (empty when sound,
    and for a server, which checks itself)."""
    if database.path is None:
        return []
    with translate_errors(), database.engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def require_sqlite(database: Database, action: str) -> Path:
    if database.path is None:
        raise UserError(f"{action} works on a SQLite database file; this is "
                        f"{database.describe()}.")
    return database.path
