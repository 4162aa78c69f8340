"""What a spreadsheet cell can hold, and the per-row reason a value could not be read.

Readers hand over cells as Python values (text, numbers, booleans, dates); every value
parser takes one and returns a value, ``None`` for an empty cell, or a :class:`Reason`.
Parsers never raise: a bad cell costs one row, never the whole import.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a cell could not be read, in words that name the cell's text."""

    text: str


@dataclass(frozen=True, slots=True)
class RowWarning:
    """Something read with a caveat the user must hear about: a line repaired, a value
    put elsewhere than its column. ``row`` 0 means the file as a whole."""

    row: int
    text: str


def cell_text(cell: Cell) -> str:
    """The cell as the user sees it: whole numbers without ``.0``, dates in ISO form."""
    if type(cell) is str:
        return " ".join(cell.split())
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float):
        if not math.isfinite(cell):
            return ""
        return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    if isinstance(cell, dt.datetime):
        return (cell.date().isoformat() if cell.time() == dt.time() else
                cell.isoformat(sep=" "))
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell)


def shown(cell: Cell) -> str:
    """The cell's text quoted for a message, shortened so one row's reason stays short."""
    text = cell_text(cell)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def unstorable_text(value: object) -> str | None:
    """Why a text from a JSON file cannot be stored, or ``None``: JSON can spell a lone
    UTF-16 surrogate (``"\\ud800"``) or a NUL, which no database encoding holds (PostgreSQL
    refuses both, SQLite the surrogate), so one such title would undo a whole import."""
    if type(value) is not str:
        return None
    if "\x00" in value:
        return f"{shown(value.replace(chr(0), ''))} holds a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{shown(value.encode('utf-8', 'replace').decode())} holds a lone surrogate " \
               "(half of a character), which cannot be stored"
    return None
