"""Finding the register in a workbook: which sheet, which row holds the headers, and
where the data ends (a totals row, or notes below a gap)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from contractdesk.errors import UserError
from contractdesk.importing.cells import Cell, cell_text
from contractdesk.importing.error_cells import ErrorCells
from contractdesk.importing.mapping import header_score
from contractdesk.importing.readers import Sheet
from contractdesk.importing.values import fold, is_blank

HEADER_SEARCH_ROWS = 30
MIN_HEADER_FIELDS = 2
_TOTALS = re.compile(r"^(grand |sub)?totals?\b|^sum\b|^summe|^gesamt|^zwischensumme|^insgesamt")
_NOTE = re.compile(r"^(notes?|hinweise?|anmerkung|bemerkung|source|quelle|stand)\b|^\*")


@dataclass(frozen=True, slots=True)
class DataRow:
    number: int  # as the spreadsheet shows it (1-based)
    cells: list[Cell]


@dataclass(frozen=True, slots=True)
class Table:
    sheet: str
    header_row: int  # 1-based
    headers: list[str]
    rows: list[DataRow]
    errors: ErrorCells  # (row, column) from 1 → #N/A and the like, blank in ``rows``


def _header_candidate(sheet: Sheet, named: frozenset[str]) -> tuple[int, int]:
    """(score, 0-based row index) of the row most like a header row; headers the user's
    mapping names count as known."""
    best = (0, 0)
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
        if len(texts) < MIN_HEADER_FIELDS:
            continue
        score = header_score(texts) + sum(1 for t in texts if t.strip().casefold() in named)
        if score > best[0]:
            best = (score, index)
    return best


def choose_sheet(sheets: list[Sheet], name: str | None,
                 named_headers: Iterable[str] = ()) -> tuple[Sheet, int]:
    """The sheet to import and its header row index.

    Raises:
        UserError: the named sheet does not exist, or no sheet looks like a register.
    """
    if name is not None:
        named = [s for s in sheets if s.name == name] or [
            s for s in sheets if s.name.casefold() == name.strip().casefold()]
        if not named:
            raise UserError(f"There is no sheet {name!r}; the sheets are "
                            f"{', '.join(repr(s.name) for s in sheets)}.")
        candidates = named
    else:
        candidates = sheets
    known = frozenset(header.strip().casefold() for header in named_headers)
    scored = [(_header_candidate(sheet, known), -order, sheet)
              for order, sheet in enumerate(candidates)]
    (score, header_index), _, sheet = max(scored, key=lambda item: (item[0][0], item[1]))
    if score < MIN_HEADER_FIELDS:
        where = f"sheet {sheet.name!r}" if name is not None or len(sheets) == 1 else \
            "any sheet"
        raise UserError(f"No header row with known column names was found in {where} "
                        "(such as Contract No., Manufacturer, Supplier, End Date, Serial "
                        "Number); give a --mapping file to name the columns.")
    return sheet, header_index


def _is_totals(cells: list[Cell]) -> bool:
    return any(isinstance(cell, str) and _TOTALS.match(cell.strip().casefold())
               for cell in cells[:3])


def _filled(cells: list[Cell]) -> int:
    """How many cells hold something, counted exactly only up to two (all that matters)."""
    present = [cell for cell in cells if cell is not None and cell != ""]
    if len(present) > 2:
        return len(present)
    return sum(1 for cell in present if not is_blank(cell))


def build_table(sheet: Sheet, header_index: int) -> Table:
    """Rows below the header until a totals row (labelled, or a lone number), or a
    lone note (after a blank row, or starting like one)."""
    rows = sheet.rows
    headers = [cell_text(cell) for cell in rows[header_index]]
    width = len(headers)
    while width and not headers[width - 1]:
        width -= 1
    headers = headers[:width]
    data: list[DataRow] = []
    after_blank = False
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        if len(cells) > width:
            cells = cells[:width]
        filled = _filled(cells)
        if filled == 0:
            after_blank = True
            continue
        if _is_totals(cells):
            break
        lone = filled == 1
        first = next((c for c in cells if not is_blank(c)), None)
        if lone and (after_blank or isinstance(first, int | float)
                     or (isinstance(first, str) and _NOTE.match(fold(first).strip()))):
            break  # notes below the table, or an unlabelled =SUM() under a column
        data.append(DataRow(index + 1, cells if len(cells) == width else
                            cells + [None] * (width - len(cells))))
        after_blank = False
    return Table(sheet.name, header_index + 1, headers, data, sheet.errors)
