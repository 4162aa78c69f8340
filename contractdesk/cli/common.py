"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from contractdesk.db.database import Database, open_database
from contractdesk.errors import UserError
from contractdesk.services.terms import roll_forward_database

AddDbOption = Callable[[argparse.ArgumentParser], None]
Subparsers = Any  # argparse's _SubParsersAction is private


_opened: list[Database] = []


def open_from_args(args: argparse.Namespace) -> Database:
    """Opens the database ``--db`` names; :func:`close_opened` closes it when the
    command ends, however it ends."""
    database = open_database(getattr(args, "db", None))
    _opened.append(database)
    roll_forward_database(database, today())
    return database


def close_opened() -> None:
    while _opened:
        _opened.pop().close()


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
