"""Everything python-calamine reads of a workbook, run in the reader child process
(:mod:`contractdesk.importing.limited`), so it imports nothing but calamine.

ODS and .xls files are parsed whole as soon as they are opened, so even listing the
sheets happens here. Merged cells are filled from their top-left cell: a manufacturer
merged down five rows belongs to all five. Error cells, which calamine reads as blanks,
are found by :mod:`contractdesk.importing.error_cells`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import python_calamine

from contractdesk.importing.error_cells import ErrorCells, workbook_errors


@dataclass(frozen=True, slots=True)
class Failure:
    """Why the workbook, or one sheet of it, could not be read."""

    kind: str  # "password", "damaged" or "sheet"
    detail: str
    sheet: str = ""


@dataclass(frozen=True, slots=True)
class LoadedSheet:
    name: str
    rows: list[list[Any]]  # from A1
    errors: ErrorCells  # the cells calamine read as blanks that hold #N/A and the like


Loaded = list[LoadedSheet] | Failure


def load_visible_sheets(path: str) -> Loaded:
    """Each visible worksheet, or why not."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(path)
        visible = [meta.name for meta in workbook.sheets_metadata
                   if meta.visible == python_calamine.SheetVisibleEnum.Visible
                   and meta.typ == python_calamine.SheetTypeEnum.WorkSheet]
    except python_calamine.PasswordError as error:
        return Failure("password", str(error))
    except (python_calamine.CalamineError, ValueError, OSError) as error:
        return Failure("damaged", str(error))
    errors = workbook_errors(path)
    sheets = []
    for name in visible:
        try:
            sheet = workbook.get_sheet_by_name(name)
            rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
            _fill_merged(rows, sheet.merged_cell_ranges or [])
            _share_equal_texts(rows)
        except (python_calamine.CalamineError, ValueError) as error:
            return Failure("sheet", str(error), name)
        sheets.append(LoadedSheet(name, rows, errors.get(name, {})))
    return sheets


def _share_equal_texts(rows: list[list[Any]]) -> None:
    """Makes equal texts one object, so the rows cross to the importer pickled once
    per distinct text: registers repeat themselves (vendors, kinds, "yes"), and a
    million copies of one word would otherwise be a million strings in each process."""
    seen: dict[str, str] = {"": ""}
    for row in rows:
        for index, cell in enumerate(row):
            if type(cell) is str:
                row[index] = seen.setdefault(cell, cell)


def _fill_merged(rows: list[list[Any]],
                 ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Copies each range's top-left value into the rest of it, within the rows read
    (a range reaching past the last filled cell adds no rows)."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in rows[top:bottom + 1]:
            for column in range(left, min(right + 1, len(row))):
                row[column] = value
