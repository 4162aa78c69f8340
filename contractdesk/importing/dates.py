"""Dates as people type them, and the day/month order decided per column.

A column of ``01/04/2024`` is ambiguous on its own; one ``31/03/2025`` anywhere in it
proves day-first. :func:`decide_order` looks at the whole column first, then at the
whole file, and only then falls back to day-first (the European reading, and the one
that cannot turn 13.05. into an error).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from enum import Enum

from contractdesk.importing.cells import Cell, Reason, shown


class DateOrder(Enum):
    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"


EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_RANGE = (1, 2_958_465)  # what Excel accepts: 1900-01-01 .. 9999-12-31
PLAUSIBLE_YEARS = (1900, 2200)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_NUMERIC = re.compile(
    r"^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})\.?(?:\s+\d{1,2}:\d{2}.*)?$")
_YMD_DOTTED = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})$")
_SERIAL = re.compile(r"^\d{4,7}(?:\.\d+)?$")
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+", re.UNICODE)
MAX_DATE_DIGITS = 4

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
        ("january", "jan", "januar", "jänner", "jaenner", "janner"),
        ("february", "feb", "februar", "feber"),
        ("march", "mar", "märz", "maerz", "marz", "mrz", "mär"),
        ("april", "apr"),
        ("may", "mai"),
        ("june", "jun", "juni"),
        ("july", "jul", "juli"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct", "oktober", "okt"),
        ("november", "nov"),
        ("december", "dec", "dezember", "dez")), start=1):
    for _name in _names:
        MONTHS[_name] = _number


def _numeric_parts(text: str) -> tuple[int, int] | None:
    match = _NUMERIC.match(text.strip())
    if match is None or match.group(2) == ".":
        return None
    return int(match.group(1)), int(match.group(3))


def order_evidence(cells: Iterable[Cell]) -> DateOrder | None:
    """What a column's slash/dash dates prove: a first part over 12 means day-first, a
    second part over 12 means month-first; nothing (or both) proves nothing."""
    day_first = month_first = False
    for cell in {cell for cell in cells if isinstance(cell, str)}:  # each text once
        parts = _numeric_parts(cell)
        if parts is None:
            continue
        day_first |= parts[0] > 12 >= parts[1]
        month_first |= parts[1] > 12 >= parts[0]
    if day_first == month_first:
        return None
    return DateOrder.DAY_FIRST if day_first else DateOrder.MONTH_FIRST


def decide_order(column: DateOrder | None, file: DateOrder | None) -> DateOrder:
    return column or file or DateOrder.DAY_FIRST


def plausible_year(year: int) -> bool:
    """Whether a date in ``year`` is one a register means: Excel's dates start in 1900,
    and a year like 9999 (a placeholder for "never") would overflow the first date
    arithmetic done with it (a renewal, a deadline, a time zone)."""
    return PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]


def _build(year: int, month: int, day: int, cell: Cell) -> dt.date | Reason:
    if year < 100:
        year += 2000 if year < 70 else 1900
    if not plausible_year(year):
        return Reason(f"{shown(cell)} is not a plausible date")
    try:
        return dt.date(year, month, day)
    except ValueError:
        return Reason(f"{shown(cell)} is not a valid date")


def from_serial(serial: float, cell: Cell) -> dt.date | Reason:
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        return Reason(f"{shown(cell)} is not a date")
    day = EXCEL_EPOCH + dt.timedelta(days=int(serial))
    if not plausible_year(day.year):
        return Reason(f"{shown(cell)} is not a plausible date")
    return day


def _with_month_name(text: str, cell: Cell) -> dt.date | Reason | None:
    tokens = _TOKEN.findall(text.casefold())
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    digits = [t for t in tokens if t.isascii() and t.isdigit()]
    if any(len(t) > MAX_DATE_DIGITS for t in digits):
        return None  # no day or year has that many digits (and int() would refuse)
    numbers = [int(t) for t in digits]
    words = [t for t in tokens if not (t.isascii() and t.isdigit()) and t not in MONTHS]
    if len(months) != 1 or words or not 1 <= len(numbers) <= 2:
        return None
    if len(numbers) == 1:  # "March 2024": the first of the month
        return _build(numbers[0], months[0], 1, cell) if numbers[0] > 31 else None
    first, second = numbers
    day, year = (first, second) if first <= 31 < second or second >= 100 else (second, first)
    return _build(year, months[0], day, cell)


def parse_date(cell: Cell, order: DateOrder = DateOrder.DAY_FIRST) -> dt.date | Reason | None:
    """A date from a date cell, an Excel serial, ISO text, ``dd.mm.yyyy``,
    ``dd/mm/yyyy`` or ``mm/dd/yyyy`` (as ``order`` says), or a month name."""
    if cell is None:
        return None
    if isinstance(cell, dt.date):  # a date cell (or a datetime, a kind of date)
        day = cell.date() if isinstance(cell, dt.datetime) else cell
        if not plausible_year(day.year):
            return Reason(f"{shown(cell)} is not a plausible date")
        return day
    if isinstance(cell, bool):
        return Reason(f"{shown(cell)} is not a date")
    if isinstance(cell, int | float):
        return from_serial(float(cell), cell) if math.isfinite(cell) else None
    if not isinstance(cell, str):
        return Reason(f"{shown(cell)} is not a date")
    text = cell.strip()
    if not text or text in ("-", "–", "n/a", "N/A"):
        return None
    if match := _ISO.match(text) or _YMD_DOTTED.match(text):
        return _build(int(match.group(1)), int(match.group(2)), int(match.group(3)), cell)
    if match := _NUMERIC.match(text):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if match.group(2) == "." or order is DateOrder.DAY_FIRST:
            return _build(year, second, first, cell)
        return _build(year, first, second, cell)
    if _SERIAL.match(text):
        return from_serial(float(text), cell)
    named = _with_month_name(text, cell)
    if named is not None:
        return named
    return Reason(f"{shown(cell)} is not a date")
