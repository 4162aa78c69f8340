"""Register cells that word a contract's clause: notice, term, renewal, lead time.

Each cell goes through the one clause reader (:mod:`contractdesk.domain.clauses`), the
same the agreement form uses. A row may spread its clause over several columns
("Laufzeit", "Verlängerung", "Kündigungsfrist") or write it in one; the readings are
merged per row, a contradiction between columns is a reason naming both, and every
worded cell is kept verbatim as the agreement's clause text, so nothing a user wrote
is lost even where only part of it has a field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from contractdesk.domain.clauses import (
    ClauseError,
    ClauseReading,
    Role,
    read_clause,
    said,
)
from contractdesk.domain.durations import Duration
from contractdesk.importing.cells import Cell, Reason, cell_text, shown
from contractdesk.importing.values import parse_bool, parse_duration

CLAUSE_TARGETS: dict[str, Role] = {
    "agreement.notice_period": Role.NOTICE,
    "agreement.term": Role.TERM,
    "agreement.renewal_term": Role.RENEWAL,
    "agreement.auto_renew": Role.RENEWAL,
    "agreement.lead_time": Role.LEAD_TIME,
    "agreement.notice_clause": Role.NOTICE,
}
"""The register targets read as clause wording, and what a bare value in each means."""


@dataclass(frozen=True, slots=True)
class ClauseCell:
    """What one cell says, and its words when it has any (a bare "90" has none)."""

    reading: ClauseReading
    wording: str | None
    where: str = ""  # the column, set when rows are finished


def clause_parser(role: Role, bare_unit: str) -> Callable[[Cell], ClauseCell | Reason]:
    """The cell reader for a column whose bare numbers are in ``bare_unit``."""
    def parse(cell: Cell) -> ClauseCell | Reason:
        return _parse(cell, role, bare_unit)
    return parse


def _parse(cell: Cell, role: Role, bare_unit: str) -> ClauseCell | Reason:
    flag = parse_bool(cell) if role is Role.RENEWAL or isinstance(cell, bool) else None
    if isinstance(flag, bool):
        return ClauseCell(ClauseReading(auto_renew=flag), None)
    if isinstance(cell, int | float) or cell_text(cell).strip().isdigit():
        return _bare(cell, role, bare_unit)
    text = cell_text(cell).strip()
    try:
        return ClauseCell(read_clause(text, role), text)
    except ClauseError as error:
        return Reason(str(error))


def _bare(cell: Cell, role: Role, bare_unit: str) -> ClauseCell | Reason:
    """A number alone: a period in the column's unit (days unless the header names one)."""
    iso = parse_duration(cell, bare_unit)
    if not isinstance(iso, str):
        return iso if isinstance(iso, Reason) else Reason(f"{shown(cell)} is not a period")
    period = Duration.parse(iso)
    if role is Role.LEAD_TIME:
        days = period.days + 7 * period.weeks + 30 * (period.months + 12 * period.years)
        return ClauseCell(ClauseReading(lead_time_days=days), None)
    if role is Role.TERM:
        return ClauseCell(ClauseReading(initial_term=period), None)
    if role is Role.RENEWAL:
        return ClauseCell(ClauseReading(renewal_term=period, auto_renew=True), None)
    return ClauseCell(ClauseReading(notice_period=period), None)


def merge(cells: Iterable[ClauseCell]) -> tuple[dict[str, object], list[str]]:
    """One row's clause cells as agreement fields, and the contradictions between them.

    A period that names its own anchor wins over the default "end of the term" another
    column implies, since no cell says the opposite; any other difference is a problem.
    """
    found: dict[str, tuple[object, str]] = {}
    problems: list[str] = []
    wording: list[str] = []
    for cell in cells:
        if cell.wording and cell.wording not in wording:
            wording.append(cell.wording)
        for slot in fields(ClauseReading):
            value = getattr(cell.reading, slot.name)
            if value is None:
                continue
            if slot.name in found and found[slot.name][0] != value:
                other = found[slot.name]
                problems.append(f"{cell.where} says {slot.name.replace('_', ' ')} "
                                f"{said(value)}, but {other[1]} says {said(other[0])}")
                continue
            found[slot.name] = (value, cell.where)
    values: dict[str, object] = {}
    for name, (value, _where) in found.items():
        values[name] = value.isoformat() if isinstance(value, Duration) else value
    if wording:
        values["notice_clause"] = " · ".join(wording)
    return values, problems


def end_from_term(start: object, initial_term: object) -> dt.date | None:
    """The first term's end from its start and a duration ("36 Monate ab 1.4.2024")."""
    if not isinstance(start, dt.date) or not isinstance(initial_term, str):
        return None
    try:
        return Duration.parse(initial_term).after(start) - dt.timedelta(days=1)
    except (ValueError, OverflowError):
        return None
