"""Table models over plain rows (dicts keyed by column name).

:class:`RecordListModel` is a record list of any size: it asks the database for one page
at a time (``canFetchMore``/``fetchMore``) and sorts and filters there, so 20,000
agreements cost what 200 do. :class:`RowsModel` holds a short list given whole (start
page, vendor view, history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from enum import Enum
from typing import Any

from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.queries import ListFilter
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


class _RowTable(QAbstractTableModel):
    """What both models share: showing dict rows under named columns."""

    def __init__(self, columns: Sequence[str]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[Row] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        name = self.columns[index.column()]
        value = row.get(name)
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


class RecordListModel(_RowTable):
    """One record kind, filtered and sorted by the database, loaded page by page."""

    PAGE = 200

    def __init__(self, data: DataAccess, kind: str, today: Callable[[], dt.date],
                 window_days: Callable[[], int]) -> None:
        super().__init__(queries.columns(kind))
        self.access = data
        self.kind = kind
        self.today = today
        self.window_days = window_days
        self.filter = ListFilter()
        self.total = 0
        self._sortable = queries.sortable(kind)

    def set_filter(self, flt: ListFilter) -> None:
        """Shows the first page for ``flt``, keeping the current sort."""
        self.filter = replace(flt, sort=self.filter.sort, descending=self.filter.descending)
        self.reload()

    def reload(self) -> None:
        today, window = self.today(), self.window_days()
        self.beginResetModel()
        self.total = self.access.read(queries.count, self.kind, self.filter, today, window)
        self.rows = self.access.read(queries.page, self.kind, self.filter, today, 0,
                                     self.PAGE, window) if self.total else []
        self.endResetModel()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = self.access.read(queries.page, self.kind, self.filter, self.today(),
                                len(self.rows), self.PAGE, self.window_days())
        if not more:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.columns) and self.columns[column] in self._sortable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        self.filter = replace(self.filter, sort=self.columns[column],
                              descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()
