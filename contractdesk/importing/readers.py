"""Reading a file into sheets of cells: workbooks through python-calamine,
CSV through :mod:`contractdesk.importing.text_files`.

Row 1 of a sheet is always the file's first row, blank or not, so that row numbers in
messages are the ones Excel shows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from contractdesk.errors import UserError
from contractdesk.importing.calamine_load import Failure, LoadedSheet, load_visible_sheets
from contractdesk.importing.cells import RowWarning
from contractdesk.importing.error_cells import ErrorCells
from contractdesk.importing.guard import check_size, check_zip
from contractdesk.importing.limited import OutOfMemory, run_limited
from contractdesk.importing.text_files import DETECT, Rows, TextFormat, read_csv
from contractdesk.printable import printable

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab"})
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Sheet:
    """One sheet's name and a way to read its rows (loaded once, on first use).
    A CSV file's sheet also says how its text was read."""

    name: str
    _load: Callable[[], Rows] = field(repr=False)
    _rows: Rows | None = field(default=None, repr=False)
    text_format: TextFormat | None = None
    warnings: tuple[RowWarning, ...] = ()
    errors: ErrorCells = field(default_factory=dict)  # blank in ``rows``: see error_cells

    @property
    def rows(self) -> Rows:
        if self._rows is None:
            self._rows = self._load()
        return self._rows


class _LastRead:
    """The last file read, while it stays unchanged (same size and modification time):
    the import wizard reads a file for its sheet list, for its preview after each
    change and for the import itself, and each read of a workbook starts a child."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[str, int, int, TextFormat] | None = None
        self._sheets: list[Sheet] = []

    def read(self, path: Path, text_format: TextFormat) -> list[Sheet]:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, text_format)
        with self._lock:
            if key == self._key:
                return self._sheets
        sheets = _read(path, text_format)
        with self._lock:
            self._key, self._sheets = key, sheets
        return sheets


_last_read = _LastRead()


def read_sheets(path: Path, text_format: TextFormat = DETECT) -> list[Sheet]:
    """The visible sheets of a workbook, or the one sheet of a CSV file (read with
    ``text_format`` where it names an encoding or delimiter); the rows are shared with
    later reads of the unchanged file, so they are never changed in place.

    Raises:
        UserError: unreadable, empty, damaged, hostile or not a spreadsheet.
    """
    check_size(path)
    return _last_read.read(path, text_format)


def _read(path: Path, text_format: TextFormat) -> list[Sheet]:
    with path.open("rb") as handle:
        magic = handle.read(8)
    suffix = path.suffix.lower()
    if magic.startswith(ZIP_MAGIC) or magic == OLE_MAGIC:
        if magic.startswith(ZIP_MAGIC):
            check_zip(path)
        return _workbook_sheets(path)
    if suffix in WORKBOOK_SUFFIXES:
        raise UserError(f"{path.name} is not a {suffix} workbook (its content is not a "
                        "spreadsheet); save it again from the spreadsheet program.")
    reading = read_csv(path, text_format)
    return [Sheet(printable(path.stem), lambda: reading.rows, reading.rows,
                  reading.text_format, reading.warnings)]


def _workbook_sheets(path: Path) -> list[Sheet]:
    """Every visible sheet, read at once in the reader child process (one process
    start per workbook: choosing a sheet reads them all anyway)."""
    try:
        loaded = run_limited(load_visible_sheets, str(path))
    except OutOfMemory as error:
        raise UserError(f"{path.name} needs more memory than ContractDesk allows for one "
                        f"import ({error.limit_mb} MB); it was not imported.") from error
    if isinstance(loaded, Failure):
        raise UserError(_failure_message(path, loaded))
    if not loaded:
        raise UserError(f"{path.name} has no visible worksheet.")
    return [_loaded_sheet(sheet) for sheet in loaded]


def _loaded_sheet(sheet: LoadedSheet) -> Sheet:
    rows = cast(Rows, sheet.rows)
    return Sheet(sheet.name, lambda: rows, rows, errors=sheet.errors)


def _failure_message(path: Path, failure: Failure) -> str:
    if failure.kind == "password":
        return (f"{path.name} is password-protected; save an unprotected copy to import "
                "it.")
    if failure.kind == "sheet":
        return f"Sheet {failure.sheet!r} of {path.name} cannot be read ({failure.detail})."
    return f"{path.name} is damaged or not a spreadsheet ({failure.detail})."
