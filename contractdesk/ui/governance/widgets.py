"""Small pieces the governance dialogs and pages share: a date-and-time field, a rows
model that colours one column, and a table set up the window's way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from contractdesk.services.typed_values import read_date
from contractdesk.ui.forms.fields import TextField
from contractdesk.ui.models import Index, SortableRowsModel
from contractdesk.ui.qt import QAbstractItemView, QColor, QModelIndex, Qt, QTableView
from contractdesk.ui.views import read_only_table

_TIME = re.compile(r"^(.*?)[ T]+(\d{1,2})[:.](\d{2})$")


def parse_datetime(text: str) -> dt.datetime | None:
    """``2026-11-20 14:30`` (or ``20.11.2026 14:30``, or ISO with a ``T``); empty is None."""
    text = text.strip()
    if not text:
        return None
    match = _TIME.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date and time (write 2026-11-20 14:30)")
    day = read_date(match.group(1))
    hour, minute = int(match.group(2)), int(match.group(3))
    if day is None or hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is not a date and time (write 2026-11-20 14:30)")
    return dt.datetime.combine(day, dt.time(hour, minute))


class DateTimeField(TextField):
    def __init__(self, placeholder: str = "YYYY-MM-DD HH:MM") -> None:
        super().__init__(placeholder=placeholder, max_length=16)

    def value(self) -> dt.datetime | None:  # type: ignore[override]
        return parse_datetime(self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(f"{value:%Y-%m-%d %H:%M}" if isinstance(value, dt.datetime)
                          else "")


class ColouredRowsModel(SortableRowsModel):
    """Rows whose ``colour_column`` shows a swatch picked by ``colour_of(row)``."""

    def __init__(self, columns: Sequence[str], headers: dict[str, str],
                 colour_column: str, colour_of: Callable[[dict[str, Any]], QColor | None]
                 ) -> None:
        super().__init__(columns, headers)
        self.colour_column = colour_column
        self.colour_of = colour_of

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DecorationRole and index.isValid()
                and index.row() < len(self.rows)
                and self.columns[index.column()] == self.colour_column):
            return self.colour_of(self.rows[index.row()])
        return super().data(index, role)


def table(model: SortableRowsModel, on_open: Callable[[int], object] | None = None
          ) -> QTableView:
    """A read-only, row-selecting, sortable table; activating a row calls ``on_open``
    with its record id."""
    view = read_only_table(model)
    view.setSortingEnabled(True)
    # rows arrive in the service's order (most severe, newest first): no arrow claims
    # otherwise until the user sorts
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if on_open is not None:
        def activated(index: QModelIndex) -> None:
            record_id = model.record_id(index.row())
            if record_id is not None:
                on_open(record_id)
        view.activated.connect(activated)
    return view


def selected_id(view: QTableView, model: SortableRowsModel) -> int | None:
    index = view.currentIndex()
    return model.record_id(index.row()) if index.isValid() else None
