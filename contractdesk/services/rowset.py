"""A loaded list, filtered and sorted in memory (pure Python, no Qt, no database).

A keystroke is a pass over pre-folded text, and a sort is done once per column and
direction and then only filtered: both a few milliseconds for 20,000 rows, where the
proxy-model way took seconds (DESIGN.md measured 14 s for 100,000 rows).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ListFilter:
    """What the quick-filter bar asks for; unset parts filter nothing."""

    text: str = ""
    kind: str | None = None  # agreement kind, organization role or contact role
    status: str | None = None  # agreement status or organization status
    reseller_id: int | None = None
    oem_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (1, "")  # empty last, whichever the direction
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


@dataclass
class RowSet:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    text_columns: tuple[str, ...]
    kind_column: str | None = None
    status_column: str | None = None
    reseller_column: str | None = None
    oem_column: str | None = None
    date_column: str | None = None
    default_sort: str = "id"
    _haystacks: list[str] = field(default_factory=list, repr=False)
    _orders: dict[tuple[str, bool], list[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        positions = [self.columns.index(name) for name in self.text_columns]
        self._haystacks = ["\n".join(str(row[p]) for p in positions if row[p]).casefold()
                           for row in self.rows]

    def position(self, name: str) -> int:
        return self.columns.index(name)

    def order(self, column: str | None, descending: bool = False) -> list[int]:
        """Row numbers sorted by ``column`` (empty values last), cached."""
        key = (column or self.default_sort, descending)
        if key not in self._orders:
            at = self.position(key[0])
            ranked = sorted(range(len(self.rows)), key=lambda i: _sort_key(self.rows[i][at]),
                            reverse=descending)
            if descending:  # keep empty values last
                ranked.sort(key=lambda i: self.rows[i][at] in (None, ""))
            self._orders[key] = ranked
        return self._orders[key]

    def matching(self, flt: ListFilter, sort: str | None = None,
                 descending: bool = False) -> list[int]:
        """Row numbers passing ``flt``, in the requested order."""
        haystacks, rows = self._haystacks, self.rows
        chosen = self.order(sort, descending)
        for word in flt.text.casefold().split():  # one tight pass per word and test
            chosen = [i for i in chosen if word in haystacks[i]]
        for test in self._tests(flt):
            chosen = [i for i in chosen if test(rows[i])]
        return chosen

    def _tests(self, flt: ListFilter) -> list[Any]:
        tests: list[Any] = []

        def equals(column: str | None, wanted: Any) -> None:
            if column is not None and wanted is not None:
                at = self.position(column)
                tests.append(lambda row: row[at] == wanted)

        if flt.kind and self.kind_column == "roles":  # a comma-separated set
            at = self.position("roles")
            tests.append(lambda row: flt.kind in (row[at] or "").split(","))
        else:
            equals(self.kind_column, flt.kind)
        equals(self.status_column, flt.status)
        equals(self.reseller_column, flt.reseller_id)
        equals(self.oem_column, flt.oem_id)
        if self.date_column is not None and (flt.date_from or flt.date_to):
            at = self.position(self.date_column)
            low, high = flt.date_from or dt.date.min, flt.date_to or dt.date.max
            tests.append(lambda row: row[at] is not None and low <= row[at] <= high)
        return tests
