"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from contractdesk.db.database import Database, open_database
from contractdesk.db.sqlite_files import write_reason
from contractdesk.errors import DatabaseError, UserError
from contractdesk.services.terms import roll_forward_database

AddDbOption = Callable[[argparse.ArgumentParser], None]
Subparsers = Any  # argparse's _SubParsersAction is private


_opened: list[Database] = []
_default_sigterm: list[Any] = []
_NOT_ROLLED = ("Terms that renewed automatically since it was last written are not "
               "rolled forward.")


def open_from_args(args: argparse.Namespace) -> Database:
    """Opens the database ``--db`` names; :func:`close_opened` closes it when the
    command ends, however it ends.

    A sound database that cannot be written (a full disk, a read-only folder) is
    opened read-only with a note on stderr, so reading commands still work and
    changing ones are refused with that reason. From here on a termination request
    (SIGTERM) unwinds like Ctrl+C, so backups, restores and exports remove their
    temporary files.
    """
    _terminate_as_interrupt()
    database = open_database(getattr(args, "db", None), read_only_fallback=True)
    _opened.append(database)
    if database.read_only is not None:
        _note(f"{database.describe()} is opened read-only: {database.read_only}. "
              f"{_NOT_ROLLED}")
        return database
    try:
        roll_forward_database(database, today())
    except DatabaseError as error:
        reason = write_reason(error, database.path) if database.path else None
        if reason is None:
            raise
        _note(f"nothing can be saved: {reason}. {_NOT_ROLLED}")
    return database


def _note(text: str) -> None:
    print(f"contractdesk: note: {text}", file=sys.stderr)


def _raise_interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _terminate_as_interrupt() -> None:
    if _default_sigterm or threading.current_thread() is not threading.main_thread():
        return
    _default_sigterm.append(signal.signal(signal.SIGTERM, _raise_interrupt))


def close_opened() -> None:
    while _opened:
        _opened.pop().close()
    if _default_sigterm:
        signal.signal(signal.SIGTERM, _default_sigterm.pop())


def today() -> dt.date:
    return dt.date.today()


def output_path(text: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    if not path.parent.is_dir():
        raise UserError(f"The folder {path.parent} does not exist.")
    return path


def existing_file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        raise UserError(f"No such file: {path}")
    return path


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def positive_days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days") from None
    if days < 0 or days > 36600:
        raise argparse.ArgumentTypeError("days must be between 0 and 36600")
    return days
