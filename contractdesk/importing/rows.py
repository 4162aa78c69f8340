"""Turning a table's rows into typed values, one problem list per row.

Decisions that need the whole file are made before any row is read: the day/month
order of each date column, and the file's currency (the one its cells' symbols and
currency column name most often), which applies to amounts that name none.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from dateutil.relativedelta import relativedelta

from contractdesk.domain.clauses import describe_reading
from contractdesk.importing.agreement_dates import dates_problem
from contractdesk.importing.cells import Cell, Reason, cell_text
from contractdesk.importing.clause_cells import (
    CLAUSE_TARGETS,
    ClauseCell,
    clause_parser,
    end_from_term,
    merge,
)
from contractdesk.importing.dates import DateOrder, decide_order, order_evidence, parse_date
from contractdesk.importing.fields import BY_TARGET, IDENTIFYING, Parser
from contractdesk.importing.mapping import ColumnMapping
from contractdesk.importing.table import Table
from contractdesk.importing.values import (
    Amount,
    is_blank,
    parse_billing,
    parse_bool,
    parse_count,
    parse_currency,
    parse_duration,
    parse_first_line,
    parse_kind,
    parse_money,
    parse_serials,
    parse_text,
    unit_in_header,
)

MEMO_LIMIT = 100_000


@dataclass(slots=True)
class ParsedRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # read, with a caveat
    extra: list[tuple[str, str]] = field(default_factory=list)  # unmapped header, text

    @property
    def ok(self) -> bool:
        return not self.problems


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _date_orders(table: Table, mapping: ColumnMapping) -> dict[int, DateOrder]:
    evidence = {index: order_evidence(row.cells[index] for row in table.rows)
                for target, index in mapping.fields.items()
                if BY_TARGET[target].parser is Parser.DATE}
    found = {order for order in evidence.values() if order is not None}
    file_order = found.pop() if len(found) == 1 else None
    return {index: decide_order(order, file_order) for index, order in evidence.items()}


MONEY_TARGETS = ("agreement.cost", "purchase.total", "item.unit_price")


def file_currency(rows: list[ParsedRow], default: str) -> str:
    """The currency the file's cells name most often (symbols, codes, a currency
    column), else ``default``."""
    seen: Counter[str] = Counter()
    for row in rows:
        values = row.values
        code = values.get("agreement.currency")
        if code:
            seen[code] += 1
        for target in MONEY_TARGETS:
            amount = values.get(target)
            if isinstance(amount, Amount) and amount.currency:
                seen[amount.currency] += 1
    return seen.most_common(1)[0][0] if seen else default


def _parsers(table: Table, mapping: ColumnMapping
             ) -> list[tuple[str, int, Callable[[Cell], Any]]]:
    orders = _date_orders(table, mapping)
    chosen: list[tuple[str, int, Callable[[Cell], Any]]] = []
    simple: dict[Parser, Callable[[Cell], Any]] = {
        Parser.TEXT: parse_text, Parser.ORG: parse_text, Parser.MONEY: parse_money,
        Parser.BOOL: parse_bool, Parser.KIND: parse_kind, Parser.SERIALS: parse_serials,
        Parser.COUNT: parse_count, Parser.CURRENCY: parse_currency,
        Parser.BILLING: parse_billing, Parser.FIRST_LINE: parse_first_line,
    }
    for target, index in mapping.fields.items():
        parser = BY_TARGET[target].parser
        if parser is Parser.CLAUSE:
            chosen.append((target, index, clause_parser(
                CLAUSE_TARGETS[target], unit_in_header(table.headers[index]))))
        elif parser is Parser.DATE:
            chosen.append((target, index, partial(parse_date, order=orders[index])))
        elif parser is Parser.DURATION:
            unit = unit_in_header(table.headers[index])
            chosen.append((target, index, partial(parse_duration, bare_unit=unit)))
        else:
            chosen.append((target, index, simple[parser]))
    return chosen


def parse_rows(table: Table, mapping: ColumnMapping, default_currency: str
               ) -> list[ParsedRow]:
    """Column by column (each column's cells through one memo), then each row's values
    gathered from the columns in one step; problems are listed in column order."""
    cells = [row.cells for row in table.rows]
    targets: list[str] = []
    columns: list[list[Any]] = []
    problems: dict[int, list[str]] = {}  # row index → reasons
    for target, index, parser in _parsers(table, mapping):
        values, bad = _parse_column([row[index] for row in cells], parser)
        where = f"{table.headers[index]} ({column_letter(index)}"
        for row_index in bad:
            number = table.rows[row_index].number
            problems.setdefault(row_index, []).append(
                f"{where}{number}): {values[row_index].text}")
            values[row_index] = None
        if target in CLAUSE_TARGETS:  # say which cell each reading came from
            values = [replace(value, where=f"{where}{table.rows[i].number})")
                      if isinstance(value, ClauseCell) else value
                      for i, value in enumerate(values)]
        targets.append(target)
        columns.append(values)
    parsed = [ParsedRow(row.number, _present(targets, values))
              for row, values in zip(table.rows, zip(*columns, strict=True), strict=True)] \
        if columns else [ParsedRow(row.number) for row in table.rows]
    for row_index, reasons in problems.items():
        parsed[row_index].problems.extend(reasons)
    for column in mapping.unmapped:
        for result, row in zip(parsed, cells, strict=True):
            cell = row[column.index]
            if cell is not None and cell != "":
                result.extra.append((column.header, cell_text(cell)))
    _warn_error_cells(table, parsed)
    currency = file_currency(parsed, default_currency)
    for result in parsed:
        _finish(result, currency)
    return parsed


def _warn_error_cells(table: Table, parsed: list[ParsedRow]) -> None:
    """Error cells (``#N/A``) are blanks to every parser; each row that has one says so."""
    if not table.errors:
        return
    by_number = {row.number: row for row in parsed}
    for (number, column), error in sorted(table.errors.items()):
        row = by_number.get(number)
        if row is None or column > len(table.headers):
            continue
        header = table.headers[column - 1] or "a column without a header"
        row.warnings.append(f"{header} ({column_letter(column - 1)}{number}) holds the "
                            f"spreadsheet error {error}; read as blank")


def _present(targets: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    """The row's values by target, without the empty ones."""
    return {target: value for target, value in zip(targets, values, strict=True)
            if value is not None}


class _Memo(dict[Any, Any]):
    """A column's cells → values: each distinct cell is parsed once, on first sight,
    and later lookups stay inside ``map``. Empty cells and lists read as ``None``.
    ``typed`` keys are (type, cell) pairs, for the columns where 1 == 1.0 == True
    would otherwise share one value."""

    def __init__(self, parser: Callable[[Cell], Any], typed: bool) -> None:
        super().__init__({} if typed else {None: None, "": None})
        self.parser = parser
        self.typed = typed
        self.failed = False  # some cell gave a Reason

    def __missing__(self, key: Any) -> Any:
        cell = key[1] if self.typed else key
        value = None if is_blank(cell) else self.parser(cell)
        if value == []:
            value = None
        elif type(value) is Reason:
            self.failed = True
        if len(self) < MEMO_LIMIT:
            self[key] = value
        return value


def _parse_column(column: list[Cell], parser: Callable[[Cell], Any]
                  ) -> tuple[list[Any], list[int]]:
    """The column's values, and the indexes of the cells that could not be read (their
    values are the :class:`Reason`).

    Registers repeat themselves (kinds, parties, yes/no, periods, dates, product names),
    so each distinct cell is parsed once.
    """
    typed = bool in set(map(type, column))
    memo = _Memo(parser, typed)
    keys: Iterable[Any] = zip(map(type, column), column, strict=True) if typed else column
    values = list(map(memo.__getitem__, keys))
    bad = [index for index, value in enumerate(values) if type(value) is Reason] \
        if memo.failed else []
    return values, bad


def _finish_clause(row: ParsedRow) -> None:
    """The row's clause cells merged into agreement fields (see clause_cells.merge); a
    column with no field of its own ("Laufzeit") keeps its reading in words, for the
    preview."""
    found = {target: row.values.pop(target) for target in CLAUSE_TARGETS
             if target in row.values}
    if not found:
        return
    merged, contradictions = merge(found.values())
    row.problems.extend(contradictions)
    for name, value in merged.items():
        row.values[f"agreement.{name}"] = value
    for target, cell in found.items():
        row.values.setdefault(target, describe_reading(cell.reading))
    start = row.values.get("agreement.start_date") or row.values.get("purchase.order_date")
    end = end_from_term(start, merged.get("initial_term"))
    if end is not None and "agreement.end_date" not in row.values:
        row.values["agreement.end_date"] = end


def _finish(row: ParsedRow, file_currency_code: str) -> None:
    """Row-level rules: currency, clause wording, warranty months, date order, something
    to go by."""
    _finish_clause(row)
    values = row.values
    row_currency = values.get("agreement.currency") or file_currency_code
    for target in MONEY_TARGETS:
        amount = values.get(target)
        if isinstance(amount, Amount):
            values[target] = amount.value
            if amount.currency and (target == "agreement.cost"
                                    or "agreement.cost" not in values):
                row_currency = amount.currency
    values["currency"] = row_currency
    months = values.get("agreement.warranty_months")
    start = values.get("agreement.start_date") or values.get("purchase.order_date")
    if months and "agreement.end_date" not in values and isinstance(start, dt.date):
        values["agreement.end_date"] = start + relativedelta(months=months) - dt.timedelta(1)
    end = values.get("agreement.end_date")
    problem = dates_problem(values.get("agreement.start_date"), end)
    if problem:
        row.problems.append(problem)
    if not row.problems and values.keys().isdisjoint(IDENTIFYING):
        row.problems.append("nothing identifies this row (no contract number, title, "
                            "serial number, asset tag or order number)")
