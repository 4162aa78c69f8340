"""The workbook for the manager: a Renewals sheet, then one sheet per record kind.

Written with openpyxl in write-only mode, which streams rows to disk instead of keeping
every cell in memory. Each record sheet has exactly the columns of
:data:`~contractdesk.exporting.records.COLUMNS` under a single header row, which is how
the importer recognises its own export; the agreements sheet shows each agreement's
current term and a terms sheet after it holds every term, so the workbook imports back
with its history. The agreements' covered serial numbers are listed again in a sheet of
their own, one row each, which is what the importer reads: a cell holds 32,767
characters, and an agreement covering thousands of serials would not fit in one (the
agreements sheet then says how many there are and where). No value is ever cut: a text
too long for a cell stops the export with the record and field named. The Renewals
sheet is for reading only.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy.orm import Session

from contractdesk.exporting.cells import list_text
from contractdesk.exporting.governance_rows import (
    GOVERNANCE_COLUMNS,
    governance_rows,
)
from contractdesk.exporting.plan import ExportPlan, plan_export
from contractdesk.exporting.records import (
    COLUMNS,
    LINK_SHEET,
    LINK_SHEET_COLUMNS,
    MONEY_CURRENCY,
    TERM_SHEET,
    TERM_SHEET_COLUMNS,
    Row,
    link_records,
    records,
    term_records,
)
from contractdesk.exporting.request import ExportRequest
from contractdesk.exporting.safe_write import atomic_path
from contractdesk.exporting.xlsx_cells import SheetCells, fits_a_cell
from contractdesk.services.renewals import RenewalEntry

RENEWALS_SHEET = "Renewals"
RENEWAL_COLUMNS = ("due", "action", "overdue", "contract_number", "title", "kind", "oem",
                   "reseller", "status", "notice_deadline", "end_date", "auto_renew",
                   "renewal_term", "notice_period", "cost", "currency", "first_line_support",
                   "support_contact", "oem_reference", "serial_numbers")
WIDTH_SAMPLE = 200  # rows looked at for column widths, written before the first row
PROGRESS_EVERY = 500


class _Counter:
    """Rows written so far across all sheets, reported to the request's progress."""

    def __init__(self, request: ExportRequest, total: int) -> None:
        self.progress = request.progress
        self.total = total
        self.done = 0

    def step(self, message: str) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self.progress.update(self.done, self.total, message)

    def counted(self, message: str, rows: Iterable[Row]) -> Iterator[Row]:
        for row in rows:
            self.step(message)
            yield row

    def flush(self, message: str) -> None:
        self.progress.update(self.done, self.total, message)


def write_xlsx(session: Session, target: Path, request: ExportRequest) -> dict[str, int]:
    """Writes the workbook to ``target`` atomically; returns rows per record kind."""
    plan = plan_export(session, request, request.kinds,
                       with_renewals="agreements" in request.kinds)
    with atomic_path(target) as temp:
        workbook = Workbook(write_only=True)
        try:
            counts = _fill(workbook, session, request, plan)
            workbook.save(temp)
        except BaseException:
            _discard(workbook)
            raise
    return counts


def _fill(workbook: Workbook, session: Session, request: ExportRequest,
          plan: ExportPlan) -> dict[str, int]:
    """Writes every sheet. Renewals is created first (it is the first tab) but filled
    last, from the agreement rows kept on the way, so agreements are read only once."""
    counter = _Counter(request, plan.total_rows)
    with_renewals = "agreements" in plan.kinds
    renewals_sheet = workbook.create_sheet(RENEWALS_SHEET) if with_renewals else None
    sheets = {kind: workbook.create_sheet(kind) for kind in plan.kinds}
    due = {entry.agreement.id for entry in plan.renewals}
    due_rows: dict[int, Row] = {}
    counts: dict[str, int] = {}
    for kind, sheet in sheets.items():
        def rows(kind: str = kind) -> Iterator[Row]:
            for record_id, stored in records(session, kind, request.today,
                                             request.window_days, plan.scope.get(kind)):
                row = _serials_shown(stored) if kind == "agreements" else stored
                if record_id in due and kind == "agreements":
                    due_rows[record_id] = row
                counter.step(kind)
                yield row
        counts[kind] = _write_sheet(sheet, COLUMNS[kind], MONEY_CURRENCY.get(kind, {}),
                                    rows())
        counter.flush(kind)
        if kind == "agreements":
            _write_sheet(workbook.create_sheet(TERM_SHEET), TERM_SHEET_COLUMNS,
                         {"cost": "currency"},
                         (row for _, row in term_records(session, plan.scope.get(kind))))
            _write_sheet(workbook.create_sheet(LINK_SHEET), LINK_SHEET_COLUMNS, {},
                         (row for _, row in link_records(session, plan.scope.get(kind))))
    if plan.governance:
        for kind, governance in governance_rows(session).items():
            counts[kind] = _write_sheet(workbook.create_sheet(kind), GOVERNANCE_COLUMNS[kind],
                                        {}, counter.counted(kind, governance))
            counter.flush(kind)
    if renewals_sheet is not None:
        _write_sheet(renewals_sheet, RENEWAL_COLUMNS, {"cost": "currency"},
                     _renewal_rows(plan.renewals, due_rows, counter))
        counter.flush(RENEWALS_SHEET)
    return counts


def _serials_shown(row: Row) -> Row:
    """The agreement's row with its serial numbers, or where to find them when they are
    more than a cell holds (the sheet of covered items has every one)."""
    serials = row["serial_numbers"]
    if fits_a_cell(list_text(serials)):
        return row
    return {**row, "serial_numbers": f"{len(serials):,} serial numbers, one per row in "
                                     f"sheet {LINK_SHEET!r}"}


def _renewal_rows(entries: Sequence[RenewalEntry], rows: Mapping[int, Row],
                  counter: _Counter) -> Iterator[Row]:
    """The agreement's own export row, led by what is due, when, and whether overdue."""
    for entry in entries:
        counter.step(RENEWALS_SHEET)
        yield {"due": entry.due, "action": entry.action, "overdue": entry.overdue,
               **rows[entry.agreement.id]}


def _write_sheet(sheet: WriteOnlyWorksheet, columns: Sequence[str],
                 money_currency: Mapping[str, str | None], rows: Iterable[Row]) -> int:
    """Header, widths, frozen header and autofilter around the rows; returns their count."""
    cells = SheetCells(sheet, columns, money_currency)
    iterator = iter(rows)
    sample = list(itertools.islice(iterator, WIDTH_SAMPLE))
    for index, width in enumerate(cells.widths(sample), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(cells.header())
    count = 0
    for row in itertools.chain(sample, iterator):
        sheet.append(cells.row(row))
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def _discard(workbook: Workbook) -> None:
    """Removes the temporary files write-only sheets stream into.

    openpyxl deletes them when the workbook is saved, or else only when Python exits;
    a cancelled export in a long-running window must not leave them behind until then.
    """
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        rows = getattr(sheet, "_rows", None)
        if rows is not None:
            rows.close()  # ends the sheet's row stream before its file is closed
        writer.close()
        Path(writer.out).unlink(missing_ok=True)
