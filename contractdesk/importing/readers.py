"""Reading a file into sheets of cells: workbooks through python-calamine,
CSV through :mod:`contractdesk.importing.text_files`.

Row 1 of a sheet is always the file's first row, blank or not, so that row numbers in
messages are the ones Excel shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import python_calamine

from contractdesk.errors import UserError
from contractdesk.importing.guard import check_size, check_zip
from contractdesk.importing.text_files import DETECT, Rows, TextFormat, read_csv

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

    @property
    def rows(self) -> Rows:
        if self._rows is None:
            self._rows = self._load()
        return self._rows


def read_sheets(path: Path, text_format: TextFormat = DETECT) -> list[Sheet]:
    """The visible sheets of a workbook, or the one sheet of a CSV file (read with
    ``text_format`` where it names an encoding or delimiter).

    Raises:
        UserError: unreadable, empty, damaged, hostile or not a spreadsheet.
    """
    check_size(path)
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
    rows, used = read_csv(path, text_format)
    return [Sheet(path.stem, lambda: rows, rows, used)]


def _workbook_sheets(path: Path) -> list[Sheet]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        visible = [meta.name for meta in workbook.sheets_metadata
                   if meta.visible == python_calamine.SheetVisibleEnum.Visible
                   and meta.typ == python_calamine.SheetTypeEnum.WorkSheet]
    except python_calamine.PasswordError as error:
        raise UserError(f"{path.name} is password-protected; save an unprotected copy "
                        "to import it.") from error
    except (python_calamine.CalamineError, ValueError, OSError) as error:
        raise UserError(f"{path.name} is damaged or not a spreadsheet ({error}).") from error
    if not visible:
        raise UserError(f"{path.name} has no visible worksheet.")

    def loader(name: str) -> Callable[[], Rows]:
        def load() -> Rows:
            try:
                sheet = workbook.get_sheet_by_name(name)
                rows = cast(Rows, sheet.to_python(skip_empty_area=False))
            except (python_calamine.CalamineError, ValueError) as error:
                raise UserError(f"Sheet {name!r} of {path.name} cannot be read "
                                f"({error}).") from error
            return rows
        return load

    return [Sheet(name, loader(name)) for name in visible]


