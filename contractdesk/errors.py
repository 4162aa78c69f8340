"""The two kinds of failure, kept apart as qutebrowser and Anki do.

A :class:`UserError` is something the user or their machine can fix (a bad file, a
locked database, a full disk): it carries one clear sentence and is shown as such. Any
other exception is a bug: it is logged with its traceback and the user is told where.

:func:`translate_errors` is the one boundary that turns environment exceptions into
:class:`UserError`; the CLI and the window both wrap their work in it.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import exc as orm_exc


class UserError(Exception):
    """A problem the user can act on; ``str(error)`` is the whole message."""


class DatabaseError(UserError):
    """The database cannot be opened or used as it is."""


class NewerSchemaError(DatabaseError):
    """The database was written by a newer ContractDesk; it is left untouched."""


class ValidationError(UserError):
    """A record's values break a rule; ``problems`` maps field names to reasons."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {reason}"
                                   for field, reason in self.problems.items()))


class NotFoundError(UserError):
    """A record named by the user does not exist."""


class ConflictError(UserError):
    """Someone else changed or created the same record meanwhile."""


def _describe_os_error(error: OSError) -> str:
    target = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.ENOSPC:
        return f"The disk is full{target}: free some space and try again."
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"Permission denied{target}: the file may be open in another program."
    if error.errno == errno.ENOENT:
        return f"No such file or folder{target}."
    if error.errno == errno.EROFS:
        return f"The disk is read-only{target}."
    return f"{error.strerror or error}{target}."


def describe_database_error(error: BaseException) -> str | None:
    """One sentence for database failures the user can act on, else None (a bug)."""
    text = str(getattr(error, "orig", None) or error).lower()
    if "database is locked" in text or "database table is locked" in text:
        return ("The database is locked by another program or ContractDesk window; "
                "close it and try again.")
    if "disk is full" in text or "database or disk is full" in text:
        return "The disk is full: free some space and try again."
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return "The database file is damaged or is not a ContractDesk database."
    if "readonly database" in text or "read-only" in text:
        return "The database file is read-only: check its permissions."
    if "unable to open database" in text:
        return "The database file cannot be opened: check that its folder exists."
    return _describe_server_error(text)


def _describe_server_error(text: str) -> str | None:
    """PostgreSQL connection failures, in the words a team's admin can act on."""
    if "password authentication failed" in text or "no password supplied" in text:
        return "The database server refused the user name or password."
    if "does not exist" in text and "database" in text:
        return ("The database named in the URL does not exist on the server; create it "
                "first (see README, Team mode).")
    if "role" in text and "does not exist" in text:
        return "The database user named in the URL does not exist on the server."
    if ("connection refused" in text or "could not connect" in text
            or "timeout expired" in text or "connection failed" in text):
        return ("The database server cannot be reached: check the host and port in the "
                "URL and that the server is running.")
    if "could not translate host name" in text or "failed to resolve host" in text:
        return "The database server's host name is unknown: check the URL."
    return None


def _describe_integrity_error(error: sa_exc.IntegrityError) -> str | None:
    """What another writer's change (team mode, a second window) can cause: a duplicate
    natural key, or a reference to a record they deleted. SQLite and PostgreSQL word
    them differently."""
    detail = str(error.orig).strip().splitlines()[0]
    text = detail.lower()
    if "unique" in text or "duplicate key" in text:
        return f"That would duplicate a record that already exists: {detail}"
    if "foreign key" in text:
        return ("A record this refers to was deleted meanwhile (perhaps by someone else); "
                "reload and try again.")
    return None


@contextmanager
def translate_errors() -> Iterator[None]:
    """Re-raises environment failures as :class:`UserError`; bugs pass through."""
    try:
        yield
    except UserError:
        raise
    except orm_exc.StaleDataError as error:
        raise ConflictError("This record was changed by someone else since you opened it: "
                            "reload it, or save again to overwrite.") from error
    except sa_exc.IntegrityError as error:
        message = _describe_integrity_error(error)
        if message is None:
            raise  # a required value or a check the services should have caught: a bug
        raise ConflictError(message) from error
    except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error) as error:
        message = describe_database_error(error)
        if message is None:
            raise
        raise DatabaseError(message) from error
    except OSError as error:
        raise UserError(_describe_os_error(error)) from error
