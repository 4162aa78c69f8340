"""How many cells python-calamine will hold for a sheet, worked out from its XML as it
streams past.

calamine reads a sheet into one dense grid from A1 to the last cell holding a value
(its ``dimension`` element is not trusted for the size), so the cost is rows x columns
of that box, however few cells are filled. Positions follow calamine and Excel: a
``<row>`` or ``<c>`` without ``r=`` comes right after the one before it; an ODS row or
cell repeated N times counts N times, but only where it holds a value, since empty
repeats (LibreOffice writes ``number-rows-repeated="1048553"`` after the last row)
are never materialised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CELLS = 30_000_000  # rows x columns of one sheet's box
DENSE_CELLS = 2_000_000  # a box up to this size is fine however sparse
SPARSE_RATIO = 16  # past DENSE_CELLS, box cells per filled cell
MAX_REPEATED_CELLS = 2_000_000  # ODS cells made by repeating a filled one
_HUGE = 10**9  # stands for any number too long to be a real position or repeat

_REFERENCE = re.compile(r"([A-Za-z]+)([0-9]+)")


class TooLarge(Exception):
    """A sheet past the limits; ``why`` ends the sentence that names the file, the
    sheet's box and its part."""

    def __init__(self, rows: int, columns: int, why: str) -> None:
        super().__init__(rows, columns, why)
        self.rows = rows
        self.columns = columns
        self.why = why


def column_number(letters: str) -> int:
    if len(letters) > 4:
        return _HUGE
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _count(text: str | None, default: int) -> int:
    if text is None or not text.isdigit():
        return default
    return int(text) if len(text) <= 9 else _HUGE


@dataclass
class Extent:
    """The box of one sheet's filled cells, checked as it grows."""

    rows: int = 0
    columns: int = 0
    filled: int = 0

    def add(self, last_row: int, last_column: int, cells: int = 1) -> None:
        self.rows = max(self.rows, last_row)
        self.columns = max(self.columns, last_column)
        self.filled += cells
        if (self.rows > MAX_ROWS or self.columns > MAX_COLUMNS
                or self.rows * self.columns > MAX_CELLS):
            raise TooLarge(self.rows, self.columns,
                           f", more than ContractDesk reads ({MAX_CELLS:,} cells)")

    def finish(self) -> None:
        box = self.rows * self.columns
        if box > DENSE_CELLS and box > SPARSE_RATIO * self.filled:
            raise TooLarge(self.rows, self.columns,
                           f" but only {self.filled:,} filled cells; past {DENSE_CELLS:,} "
                           "cells ContractDesk reads only sheets that are not mostly "
                           "empty (delete stray cells far from the data)")


class XlsxCells:
    """Element handler for SpreadsheetML parts: any ``sheetData`` in them is measured,
    and its error cells (``t="e"``: ``#N/A``, ``#REF!``) noted by (row, column) from 1,
    as calamine reads them as blanks."""

    def __init__(self) -> None:
        self.extent = Extent()
        self.saw_sheet = False
        self.errors: dict[tuple[int, int], str] = {}
        self._in_data = False
        self._row = 0
        self._column = 0
        self._cell: tuple[int, int] | None = None
        self._filled = False
        self._error: list[str] | None = None  # the error cell's text so far
        self._in_value = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == "sheetData":
            self._in_data = self.saw_sheet = True
            self._row = 0
        elif not self._in_data:
            return
        elif name == "row":
            self._row = _count(attributes.get("r"), self._row + 1)
            self._column = 0
        elif name == "c":
            row, column = self._row, self._column + 1
            match = _REFERENCE.fullmatch(attributes.get("r", ""))
            if match:
                column = column_number(match.group(1))
                row = _count(match.group(2), row)
            self._column = column
            self._cell = (row, column)
            self._filled = False
            self._error = [] if attributes.get("t") == "e" else None
        elif name in ("v", "is") and self._cell is not None:
            self._filled = True
            self._in_value = name == "v"

    def text(self, data: str) -> None:
        if self._in_value and self._error is not None and len(self._error) < 8:
            self._error.append(data)

    def end(self, name: str) -> None:
        if name == "v":
            self._in_value = False
        elif name == "c" and self._cell is not None:
            if self._filled:
                self.extent.add(*self._cell)
            if self._error is not None:
                self.errors[self._cell] = "".join(self._error).strip()[:20] or "#ERROR"
            self._cell = None
        elif name == "sheetData":
            self._in_data = False
            self.extent.finish()


@dataclass
class _Table:
    row: int = 0  # rows before the current one
    row_repeat: int = 1
    column: int = 0  # cells before the current one in this row
    column_repeat: int = 1
    cell_filled: bool = False
    in_cell: bool = False
    extent: Extent = field(default_factory=Extent)


_CELLS = frozenset({"table-cell", "covered-table-cell"})


def _attribute(attributes: dict[str, str], wanted: str) -> str | None:
    for key, value in attributes.items():
        if key.rpartition(":")[2] == wanted:
            return value
    return None


class OdsCells:
    """Element handler for an ODS ``content.xml``: each ``table:table`` is measured."""

    def __init__(self) -> None:
        self._tables: list[_Table] = []
        self._repeated = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        table = self._tables[-1] if self._tables else None
        if table is not None and table.in_cell:
            table.cell_filled = True  # a paragraph or any other content
        if name == "table":
            self._tables.append(_Table())
        elif table is None:
            return
        elif name == "table-row":
            table.row_repeat = _count(_attribute(attributes, "number-rows-repeated"), 1)
            table.column = 0
        elif name in _CELLS:
            table.column_repeat = _count(_attribute(attributes, "number-columns-repeated"),
                                         1)
            table.in_cell = True
            table.cell_filled = _attribute(attributes, "value-type") is not None

    def end(self, name: str) -> None:
        if not self._tables:
            return
        table = self._tables[-1]
        if name == "table":
            self._tables.pop()
            table.extent.finish()
        elif name in _CELLS and table.in_cell:
            table.in_cell = False
            if table.cell_filled:
                    table.extent.add(table.row + table.row_repeat,
                                 table.column + table.column_repeat,
                                 table.row_repeat * table.column_repeat)
            table.column += table.column_repeat
        elif name == "table-row":
            table.row += table.row_repeat
