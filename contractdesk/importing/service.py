"""The import service: what the command line and the window's import wizard call.

:func:`preview` reads and parses without touching the database; :func:`run_import`
adds reconciliation and one transaction (all good rows, or with ``strict`` all rows, or
nothing). A cancel between batches rolls everything back.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.term_sync import sync_terms
from contractdesk.domain.money import is_currency
from contractdesk.errors import ConflictError, UserError, translate_errors
from contractdesk.importing.apply import apply_plan
from contractdesk.importing.cells import RowWarning
from contractdesk.importing.governance_rows import import_governance
from contractdesk.importing.incoming import AgreementKey, GivenTerms, Incoming
from contractdesk.importing.mapping import (
    ColumnMapping,
    auto_mapping,
    check_targets,
    with_overrides,
)
from contractdesk.importing.native import NativeDocument, native_workbook, read_json
from contractdesk.importing.plan import build_plan
from contractdesk.importing.readers import read_sheets
from contractdesk.importing.register import add_register_row
from contractdesk.importing.rows import ParsedRow, parse_rows
from contractdesk.importing.table import build_table, choose_sheet
from contractdesk.importing.term_history import restore_terms
from contractdesk.importing.text_files import DETECT, TextFormat
from contractdesk.printable import printable
from contractdesk.services.progress import NO_PROGRESS, Progress
from contractdesk.services.terms import roll_forward

log = logging.getLogger("contractdesk.importing")


@dataclass(frozen=True, slots=True)
class Skipped:
    row: int
    reason: str


@dataclass
class Preview:
    """What the file holds, as the import wizard shows it before anything is written."""

    file: str
    sheet: str
    header_row: int
    mapping: ColumnMapping | None
    rows: list[ParsedRow] = field(default_factory=list)
    native: NativeDocument | None = None
    text_format: TextFormat | None = None  # how a CSV file's text was read
    file_warnings: tuple[RowWarning, ...] = ()  # what reading the file had to repair
    _incoming: Incoming | None = field(default=None, init=False, repr=False)

    @property
    def rows_read(self) -> int:
        return self.native.rows_read if self.native else len(self.rows)

    @property
    def skipped(self) -> list[Skipped]:
        if self.native is not None:
            return [Skipped(r, reason) for r, reason in self.native.skipped]
        return [Skipped(row.number, "; ".join(row.problems + row.warnings))
                for row in self.rows if row.problems]

    @property
    def warnings(self) -> list[RowWarning]:
        """What was read with a caveat, file first, then row by row (a skipped row's
        warnings are part of its reason), then the values rows gave one record twice."""
        rows = [RowWarning(row.number, text) for row in self.rows if row.ok
                for text in row.warnings]
        native = self.native.warnings if self.native is not None else []
        return [*self.file_warnings, *native, *rows, *self.incoming().warnings]

    @property
    def unmapped(self) -> list[str]:
        return [c.header for c in self.mapping.unmapped] if self.mapping else []

    def mapping_report(self) -> dict[str, str]:
        return self.mapping.report() if self.mapping else {}

    def incoming(self) -> Incoming:
        """The records the rows describe, built once (:func:`preview` builds them, on
        the caller's thread, so the wizard shows their warnings without a wait)."""
        if self.native is not None:
            return self.native.incoming
        if self._incoming is None:
            self._incoming = Incoming()
            profile = self.mapping.profile if self.mapping else None
            for row in self.rows:
                if row.ok:
                    add_register_row(self._incoming, row, profile)
        return self._incoming


@dataclass
class ImportSummary:
    file: str
    sheet: str
    header_row: int
    rows_read: int
    dry_run: bool
    created: dict[str, int]
    updated: dict[str, int]
    skipped: list[Skipped]
    mapping: dict[str, str]
    unmapped: list[str] = field(default_factory=list)  # kept in notes; not in the contract
    text_format: TextFormat | None = None  # a CSV file's encoding and delimiter; ditto
    warnings: list[RowWarning] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The design's ``import --json`` contract, key for key."""
        return {"file": self.file, "sheet": self.sheet, "header_row": self.header_row,
                "rows_read": self.rows_read, "dry_run": self.dry_run,
                "created": dict(self.created), "updated": dict(self.updated),
                "skipped": [{"row": s.row, "reason": s.reason} for s in self.skipped],
                "mapping": dict(self.mapping),
                "warnings": [{"row": w.row, "warning": w.text} for w in self.warnings]}


def preview(path: Path, sheet: str | None = None,
            mapping: Mapping[str, str | None] | None = None,
            default_currency: str = "EUR", text_format: TextFormat = DETECT) -> Preview:
    """Reads and parses ``path`` without touching any database; a CSV file in the
    encoding and with the delimiter ``text_format`` names, where it names them.

    Raises:
        UserError: the file cannot be read, holds no register, or the mapping is wrong.
    """
    path = Path(path)
    if not is_currency(default_currency):
        raise UserError(f"{default_currency!r} is not an ISO 4217 currency code.")
    with translate_errors():
        if not path.is_file():
            raise UserError(f"No such file: {path}")
        if _looks_like_json(path):
            document = read_json(path, default_currency)
            return Preview(path.name, document.sheet, document.header_row, None,
                           native=document)
        check_targets(mapping or {})
        sheets = read_sheets(path, text_format.checked())
        native = native_workbook(sheets, default_currency) if sheet is None else None
        if native is not None:
            return Preview(path.name, native.sheet, native.header_row, None, native=native)
        chosen, header_index = choose_sheet(sheets, sheet, mapping or ())
        table = build_table(chosen, header_index)
        columns = auto_mapping(table.headers)
        if mapping:
            columns = with_overrides(columns, mapping)
        if not columns.identifies_rows():
            raise UserError(f"No column of sheet {chosen.name!r} identifies a record (a "
                            "contract number, title, serial number, asset tag or order "
                            "number); give a --mapping file to name the columns.")
        rows = parse_rows(table, columns, default_currency)
    read = Preview(path.name, table.sheet, table.header_row, columns, rows,
                   text_format=chosen.text_format,
                   file_warnings=_place_warnings(chosen.warnings, rows))
    read.incoming()
    return read


def _place_warnings(warnings: Iterable[RowWarning], rows: list[ParsedRow]
                    ) -> tuple[RowWarning, ...]:
    """Reading's warnings that name a row go to that row (the preview marks it); the
    ones about the file as a whole are returned."""
    by_number = {row.number: row for row in rows}
    whole_file = []
    for warning in warnings:
        row = by_number.get(warning.row)
        if row is None:
            whole_file.append(warning)
        else:
            row.warnings.insert(0, warning.text)
    return tuple(whole_file)


def run_import(target: Database | Session, path: Path, *, sheet: str | None = None,
               mapping: Mapping[str, str | None] | None = None, dry_run: bool = False,
               strict: bool = False, progress: Progress = NO_PROGRESS,
               default_currency: str = "EUR", text_format: TextFormat = DETECT
               ) -> ImportSummary:
    """Imports ``path``: every good row in one transaction, or nothing.

    With a :class:`Database`, the transaction is opened and committed here; with a
    :class:`Session`, the caller owns the transaction (and its commit). When someone
    else's import created the same organization (or another natural key) meanwhile, the
    database refuses the duplicate and the import runs once more from the file, now
    matching what the other one created.

    Raises:
        UserError: unreadable file, bad mapping, or (with ``strict``) any bad row.
        ConflictError: a clash that persisted on the second attempt.
        Cancelled: ``progress`` asked to stop; nothing was written.
    """
    path = Path(path)
    retry = isinstance(target, Database) and not dry_run
    with _collector_paused():
        try:
            return _run(target, path, sheet, mapping, dry_run, strict, progress,
                        default_currency, text_format)
        except ConflictError as clash:
            if not retry:
                raise
            log.info("import of %s clashed with another writer (%s); trying again",
                     path.name, clash)
        return _run(target, path, sheet, mapping, dry_run, strict, progress,
                    default_currency, text_format)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """An import allocates a few hundred thousand long-lived objects, and each of
    Python's full collections would walk all of them again for nothing (a third of an
    import's time); the rare cycles are collected once it is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run(target: Database | Session, path: Path, sheet: str | None,
         mapping: Mapping[str, str | None] | None, dry_run: bool, strict: bool,
         progress: Progress, default_currency: str, text_format: TextFormat
         ) -> ImportSummary:
    parsed = preview(path, sheet, mapping, default_currency, text_format)
    skipped = parsed.skipped
    if strict and skipped:
        first = skipped[0]
        raise UserError(f"Row {first.row} of {path.name} cannot be imported ({first.reason})"
                        f"; {len(skipped)} row(s) in all. Nothing was imported.")
    progress.update(0, 1, "reading")
    incoming = parsed.incoming()
    source = f"import:{printable(path.name)}"[:300]
    governance = parsed.native.governance if parsed.native is not None else {}
    histories = parsed.native.terms if parsed.native is not None else {}
    warnings = parsed.warnings
    with _writing(target, source, dry_run) as session:
        created, updated = _import_into(session, incoming, source, progress, warnings)
        skipped += _import_governance(session, governance, created)
        skipped += _finish_terms(session, histories)
    log.info("imported %s: created %s, updated %s, skipped %d", path.name, created,
             updated, len(skipped))
    return ImportSummary(printable(path.name), parsed.sheet, parsed.header_row, parsed.rows_read,
                         dry_run, created, updated, skipped, parsed.mapping_report(),
                         parsed.unmapped, parsed.text_format, warnings)


@contextmanager
def _writing(target: Database | Session, source: str, dry_run: bool) -> Iterator[Session]:
    """The session the import writes in. A dry run writes too, and is rolled back: it
    meets every check the real import meets (the database's own included), so what it
    reports is what the import will do."""
    if isinstance(target, Session):
        if not dry_run:
            yield target
            return
        savepoint = target.begin_nested()
        try:
            yield target
        finally:
            savepoint.rollback()
    elif not dry_run:
        with target.transaction(source) as session:
            yield session
    else:
        with translate_errors(), target.session(source) as session, session.begin() as work:
            try:
                yield session
            finally:
                work.rollback()


def _import_into(session: Session, incoming: Incoming, source: str, progress: Progress,
                 warnings: list[RowWarning]) -> tuple[dict[str, int], dict[str, int]]:
    """The plan, applied (its warnings, values cut to fit, added to ``warnings``)."""
    with translate_errors():
        plan = build_plan(session, incoming)
        warnings.extend(plan.warnings)
        created, updated = plan.created(), plan.updated()
        apply_plan(session, plan, source, str(session.info.get("user", "")), progress)
        sync_terms(session.connection())
    return created, updated


def _import_governance(session: Session, lists: Mapping[str, list[dict[str, Any]]],
                       created: dict[str, int]) -> list[Skipped]:
    """Reviews, checks, risks and cases of a ContractDesk export, in the same transaction
    as the records they refer to; counted in ``created`` only when there are any."""
    if not lists:
        return []
    with translate_errors():
        result = import_governance(session, lists)
    created.update({kind: n for kind, n in result.created.items() if n or kind in lists})
    return [Skipped(entry["index"], f"{entry['kind']} record {entry['index']}: "
                                    f"{entry['reason']}") for entry in result.skipped]


def _finish_terms(session: Session, histories: Mapping[AgreementKey, GivenTerms]
                  ) -> list[Skipped]:
    """The term histories of an export, then the roll forward: a year-old register's
    auto-renewing agreements are shown in their running term at once, not only after
    the next start."""
    with translate_errors():
        left_out = restore_terms(session, histories)
        roll_forward(session, dt.date.today())
    return [Skipped(row, reason) for row, reason in left_out]


def _looks_like_json(path: Path) -> bool:
    if path.suffix.lower() == ".json":
        return True
    with path.open("rb") as handle:
        return handle.read(16).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
