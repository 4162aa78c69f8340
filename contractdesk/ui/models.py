"""Table models over plain rows.

:class:`RecordListModel` is a record list of any size over a loaded
:class:`~contractdesk.services.rowset.RowSet` (filtered and sorted there, never through
a proxy model). :class:`RowsModel` holds a short list of dicts given whole (start page,
vendor view, history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from contractdesk.services import queries
from contractdesk.services.rowset import ListFilter, RowSet
from contractdesk.ui.labels import display, field_label, status_colour
from contractdesk.ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
STATUS_COLUMNS = frozenset({"status"})
CURRENCY_COLUMNS = frozenset({"cost", "total", "unit_price"})


class _NamedColumns(QAbstractTableModel):
    """What every model here shares: columns named by field, headed by their labels."""

    def __init__(self, columns: Sequence[str]) -> None:
        super().__init__()
        self.columns = list(columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header(self.columns[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return LEFT
        return None

    def header(self, name: str) -> str:
        return field_label(name)


class _RowTable(_NamedColumns):
    """Dict rows given whole, under named columns."""

    def __init__(self, columns: Sequence[str]) -> None:
        super().__init__(columns)
        self.rows: list[Row] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)


    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        name = self.columns[index.column()]
        value = row.get(name)
        if role == Qt.ItemDataRole.ToolTipRole and row.get("explanation"):
            return row["explanation"]  # the dates' calculation, on any cell of the row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display(name, value, row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if isinstance(value, Decimal | int) and not isinstance(
                value, bool) else LEFT
        if role == Qt.ItemDataRole.DecorationRole and name in STATUS_COLUMNS:
            return status_colour(row.get("colour", value))
        if role == ID_ROLE:
            return row.get("id")
        return None

    def record_id(self, row: int) -> int | None:
        if 0 <= row < len(self.rows):
            value = self.rows[row].get("id")
            return int(value) if value is not None else None
        return None


class RowsModel(_RowTable):
    """A short list of rows shown whole; ``headers`` may rename columns."""

    def __init__(self, columns: Sequence[str], headers: dict[str, str] | None = None
                 ) -> None:
        super().__init__(columns)
        self.headers = headers or {}

    def header(self, name: str) -> str:
        return self.headers.get(name) or field_label(name)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (1, "")
    if isinstance(value, Enum):
        return (0, value.value)
    if isinstance(value, dt.date | Decimal | int | float):
        return (0, value)
    return (0, str(value).casefold())


class SortableRowsModel(RowsModel):
    """A :class:`RowsModel` that sorts its (short) list itself."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        name = self.columns[column]
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda row: _sort_key(row.get(name)),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class RecordListModel(_NamedColumns):
    """One record kind, loaded once as compact rows, filtered and sorted in memory.

    ``load`` reads off the GUI thread (a second for 20,000 agreements on a slow
    machine); after that a keystroke is a pass over the loaded rows.
    """

    def __init__(self, kind: str) -> None:
        super().__init__(queries.columns(kind))
        self.kind = kind
        self.rowset: RowSet | None = None
        self.visible: list[int] = []
        self.filter = ListFilter()
        self.sort_column: str | None = None
        self.descending = False
        self._at: list[int] = []

    @property
    def loaded(self) -> bool:
        return self.rowset is not None

    @property
    def total(self) -> int:
        return len(self.visible)

    def set_rows(self, rowset: RowSet) -> None:
        self.rowset = rowset
        self._at = [rowset.position(name) for name in self.columns]
        self._refilter()

    def set_filter(self, flt: ListFilter) -> None:
        self.filter = flt
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self.visible = (self.rowset.matching(self.filter, self.sort_column, self.descending)
                        if self.rowset is not None else [])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visible)


    def row(self, row: int) -> Row:
        """One visible row as a dict (for tests and actions, not for painting)."""
        assert self.rowset is not None
        return dict(zip(self.rowset.columns, self.rowset.rows[self.visible[row]],
                        strict=True))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.rowset is None or index.row() >= len(self.visible):
            return None
        values = self.rowset.rows[self.visible[index.row()]]
        name = self.columns[index.column()]
        value = values[self._at[index.column()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if name in CURRENCY_COLUMNS:
                return display(name, value, {"currency": values[self.rowset.position(
                    "currency")]})
            return display(name, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if isinstance(value, Decimal | int) and not isinstance(
                value, bool) else LEFT
        if role == Qt.ItemDataRole.DecorationRole and name in STATUS_COLUMNS:
            return status_colour(value)
        if role == ID_ROLE:
            return values[0]
        return None

    def record_id(self, row: int) -> int | None:
        if self.rowset is None or not 0 <= row < len(self.visible):
            return None
        return int(self.rowset.rows[self.visible[row]][0])

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.columns)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        self.sort_column = self.columns[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.visible = (self.rowset.matching(self.filter, self.sort_column, self.descending)
                        if self.rowset is not None else [])
        self.layoutChanged.emit()
