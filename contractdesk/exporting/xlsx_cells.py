"""Turning row values into xlsx cells: typed, formatted, and never a formula.

openpyxl decides a cell's type from its value, and it stores any text starting with
``=`` as a formula and ``#N/A`` and the like as error values. Text is therefore written
as an explicit text cell, marked "quote prefix" like text typed after an apostrophe,
whenever it starts like a formula or an error code; all other text goes in as it is,
which openpyxl already stores as text. Dates get Excel's built-in
short-date format (number format 14), which Excel shows in the reader's own locale
(25.11.2026 in Germany, 25/11/2026 in the UK); money is a number with its currency code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from contractdesk.errors import UserError
from contractdesk.exporting.cells import list_text, starts_like_formula
from contractdesk.exporting.records import Row

DATE_FORMAT = "mm-dd-yy"  # openpyxl's name for built-in format 14, the locale's short date
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PLAIN_MONEY_FORMAT = "#,##0.00"
HEADER_FONT = Font(name="Calibri", family=2, size=11, scheme="minor", bold=True)
# What XML cannot carry verbatim: control characters (XML 1.0 forbids them; parsers turn
# CR into LF), text that looks like their escape ("_x000D_" itself), and the two
# non-characters U+FFFE/U+FFFF, which no escape can carry and become U+FFFD.
# U+FFFE, U+FFFF and lone surrogates (which no XML file can hold) become U+FFFD.
_NEEDS_ESCAPE = re.compile("_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPABLE = 0x100  # readers (Excel, calamine) decode _xHHHH_ at least up to here
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
MIN_WIDTH, MAX_WIDTH, FILTER_BUTTON = 6, 60, 3
CELL_LIMIT = 32_767  # characters a cell holds (Excel's limit; openpyxl cuts the rest)
_LABEL_FIELDS = ("contract_number", "title", "name", "po_number", "serial_number",
                 "asset_tag", "description", "case_number", "organization")
_FIXED_WIDTHS: dict[type, int] = {dt.date: 11, dt.datetime: 17, bool: 6}


def money_format(currency: str | None) -> str:
    """``#,##0.00 "EUR"``: a number with thousands separators and the currency code."""
    if currency is None or not _CURRENCY_CODE.match(currency):
        return PLAIN_MONEY_FORMAT
    return f'#,##0.00 "{currency}"'


def fits_a_cell(text: str) -> bool:
    """Whether ``text`` is written whole: openpyxl would cut it, as stored (escaped),
    at :data:`CELL_LIMIT` without a word."""
    return len(escape_text(text)) <= CELL_LIMIT  # escaping never shortens a text


def escape_text(text: str) -> str:
    """Text in OOXML's own escape (``_x000D_`` for CR), which Excel and calamine decode.

    Without it a carriage return comes back as a line feed and a control character
    cannot be written at all; a literal ``_x000D_`` is protected as ``_x005F_x000D_``.
    Text of nothing but white space is escaped whole, as readers drop it otherwise.
    """
    if text.isspace():
        return "".join(_escape_char(char) for char in text)
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    return _NEEDS_ESCAPE.sub(_escape_match, text)


def _escape_char(char: str) -> str:
    if ord(char) < _ESCAPABLE:
        return f"_x{ord(char):04X}_"
    return "\ufffd" if char in "\ufffe\uffff" or "\ud800" <= char <= "\udfff" else char


def _escape_match(match: re.Match[str]) -> str:
    found = match.group()
    return "_x005F" + found if len(found) > 1 else _escape_char(found)


class SheetCells:
    """Makes the cells of one sheet's rows, given its columns and money columns."""

    def __init__(self, sheet: WriteOnlyWorksheet, columns: Sequence[str],
                 money_currency: Mapping[str, str | None]) -> None:
        self.sheet = sheet
        self.columns = tuple(columns)
        self.money_currency = dict(money_currency)
        self._money_formats: dict[str | None, str] = {}

    def header(self) -> list[WriteOnlyCell]:
        cells = []
        for name in self.columns:
            cell = WriteOnlyCell(self.sheet, name)
            cell.font = HEADER_FONT
            cells.append(cell)
        return cells

    def row(self, row: Row) -> list[Any]:
        """The row's cells.

        Raises:
            UserError: a text longer than a cell holds; cutting it would lose data.
        """
        return [self._cell(name, row[name], row) for name in self.columns]

    def _too_long(self, name: str, text: str, row: Row) -> UserError:
        label = next((str(row[field]) for field in _LABEL_FIELDS if row.get(field)), "")
        record = f"{label[:60]!r}" if label else "a record"
        return UserError(f"Cannot export to a workbook: the {name} of {record} (sheet "
                         f"{self.sheet.title!r}) is {len(text):,} characters long, more "
                         f"than a spreadsheet cell holds ({CELL_LIMIT:,}); shorten it or "
                         "export to JSON or CSV, which keep it whole.")

    def _cell(self, name: str, value: Any, row: Row) -> Any:
        kind = type(value)
        if kind is str or kind is list or isinstance(value, str):
            text = list_text(value) if kind is list else str(value)
            escaped = escape_text(text)
            if len(escaped) > CELL_LIMIT:
                raise self._too_long(name, text, row)
            return self._text(text, escaped)
        if value is None or kind is bool or kind is int:
            return value
        if kind is dt.date:
            return self._formatted(value, DATE_FORMAT)
        if kind is dt.datetime:
            return self._formatted(value, DATETIME_FORMAT)
        if kind is Decimal:
            currency_column = self.money_currency.get(name)
            currency = row[currency_column] if currency_column else None
            return self._formatted(value, self._money_format(currency))
        raise TypeError(f"cannot write {kind.__name__} in column {name}")

    def _text(self, text: str, escaped: str) -> Any:
        if not (starts_like_formula(text) or text in ERROR_CODES):
            return escaped
        cell = WriteOnlyCell(self.sheet)
        cell.value = escaped
        cell.data_type = "s"  # after the value: binding "=…" would make it a formula
        cell.quotePrefix = True  # and Excel keeps it text when the user edits the cell
        return cell

    def _formatted(self, value: dt.date | Decimal, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        cell.number_format = number_format  # first, so a date keeps this format
        cell.value = value
        return cell

    def _money_format(self, currency: str | None) -> str:
        number_format = self._money_formats.get(currency)
        if number_format is None:
            number_format = self._money_formats[currency] = money_format(currency)
        return number_format

    def widths(self, rows: Iterable[Row]) -> list[int]:
        """Column widths (in characters) that fit the header and the given rows."""
        widths = [len(name) + FILTER_BUTTON for name in self.columns]
        for row in rows:
            for index, name in enumerate(self.columns):
                widths[index] = max(widths[index], _display_width(row[name]))
        return [min(max(width, MIN_WIDTH), MAX_WIDTH) for width in widths]


def _display_width(value: Any) -> int:
    fixed = _FIXED_WIDTHS.get(type(value))
    if fixed is not None:
        return fixed
    if value is None:
        return 0
    if isinstance(value, Decimal):
        return len(f"{value:,.2f}") + 5  # the currency code after the number
    if isinstance(value, list):
        return len(list_text(value)) + 1
    longest_line = max(str(value).splitlines() or [""], key=len)
    return len(longest_line) + 1
