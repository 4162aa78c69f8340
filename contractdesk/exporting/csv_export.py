"""One record kind as a csv file that Excel opens right and the importer reads back.

UTF-8 with a byte-order mark (without it, Excel on Windows reads umlauts as ANSI), the
user's choice of ``;`` (German Excel) or ``,``, and the same columns as the xlsx sheet.
Values use the JSON contract's notation (ISO dates, ``"18400.00"``), which is exact in
every locale; booleans are ``yes``/``no``; lists are one cell, ``"A1, B2"``.

Text that a spreadsheet would run as a formula gets a leading apostrophe, as OWASP
recommends. :func:`unescape_csv_cell` undoes it, so the importer gets the original text.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.exporting.cells import list_text, starts_like_formula
from contractdesk.exporting.plan import plan_export
from contractdesk.exporting.records import COLUMNS, records
from contractdesk.exporting.request import ExportRequest
from contractdesk.exporting.safe_write import atomic_writer

QUOTE = "'"
DEFAULT_KIND = "agreements"
PROGRESS_EVERY = 500


def escape_csv_cell(text: str) -> str:
    """Prefixes one apostrophe to text that starts like a formula.

    Text that already starts with apostrophes followed by a trigger gets one more, so
    :func:`unescape_csv_cell` can tell the two apart and the round trip stays exact.
    """
    return QUOTE + text if starts_like_formula(text.lstrip(QUOTE)) else text


def unescape_csv_cell(text: str) -> str:
    """The original text of a csv cell written by :func:`escape_csv_cell`.

    The rule for importers: a cell that starts with one or more apostrophes followed by
    ``=``, ``+``, ``-``, ``@``, tab or carriage return loses exactly one leading
    apostrophe; every other cell is left alone.
    """
    if text.startswith(QUOTE) and starts_like_formula(text.lstrip(QUOTE)):
        return text[1:]
    return text


def csv_text(value: Any) -> str:
    """A row value as csv text (see the module docstring for the notation)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, list):
        return escape_csv_cell(list_text(value))
    if isinstance(value, str):
        return escape_csv_cell(value)
    return str(value)


def write_csv(session: Session, target: Path, request: ExportRequest) -> dict[str, int]:
    """Writes one kind (``request.kind``, else agreements) to ``target`` atomically."""
    kind = request.kind or DEFAULT_KIND
    plan = plan_export(session, request, (kind,))
    columns = COLUMNS[kind]
    total = plan.total_rows
    written = 0
    with atomic_writer(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=request.delimiter)
        writer.writerow(columns)
        for _, row in records(session, kind, request.today, request.window_days,
                              plan.scope.get(kind)):
            writer.writerow([csv_text(row[column]) for column in columns])
            written += 1
            if written % PROGRESS_EVERY == 0:
                request.progress.update(written, total, kind)
        request.progress.update(written, total, kind)
    return {kind: written}
