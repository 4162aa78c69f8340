"""The start page's "Supplier blocked or high risk" section: running agreements whose one
supplier is blocked, rated high risk or carries a high open risk, with the reason and
the alternative supplier a risk names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.services.access import DataAccess
from contractdesk.services.risk_forms import flag_rows
from contractdesk.ui.governance.widgets import ColouredRowsModel, table
from contractdesk.ui.governance.words import RED
from contractdesk.ui.lazy import Lazy
from contractdesk.ui.qt import (
    QColor,
    QFont,
    QLabel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.tasks import Task, run_task

MAX_ROWS_SHOWN = 12


class FlagsSection(QWidget):
    open_requested = Signal(str, int)

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.today = today
        self.title = self.tr("Supplier blocked or high risk")
        self.label = QLabel(self.title)
        bold = QFont(self.label.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.label.setFont(bold)
        headers = {"name": self.tr("Contract"), "title": self.tr("Title"),
                   "supplier": self.tr("Supplier"), "reasons": self.tr("Why"),
                   "alternative": self.tr("Alternative supplier"),
                   "end_date": self.tr("Ends")}
        self.model = ColouredRowsModel(tuple(headers), headers, "supplier",
                                       lambda _row: QColor(RED))
        self.table = Lazy(self._make_view)  # made with the first rows
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 10, 0, 0)
        self.column.addWidget(self.label)

    @property
    def view(self) -> QTableView:
        """The flagged agreements; made with the first rows (or when asked for)."""
        return self.table.get()

    def _make_view(self) -> QTableView:
        view = table(self.model, lambda record_id: self.open_requested.emit(
            "agreement", record_id))
        view.clicked.connect(self._clicked)
        view.setCursor(Qt.CursorShape.PointingHandCursor)
        view.setToolTip(self.tr("Click a row to open the agreement"))
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.column.addWidget(view)
        return view

    def _clicked(self) -> None:
        record_id = self.model.record_id(self.view.currentIndex().row())
        if record_id is not None:
            self.open_requested.emit("agreement", record_id)

    def refresh(self) -> Task[list[dict[str, object]]]:
        today = self.today()
        return run_task(self, self.title,
                        lambda _progress: self.access.read(flag_rows, today),
                        self._show, progress_dialog=False)

    def _show(self, rows: list[dict[str, object]]) -> None:
        self.model.set_rows([{**row, "alternative": row["alternative"] or "—"}
                             for row in rows])
        self.label.setText(f"{self.title} ({len(rows)})" if rows
                           else self.tr("{title}: nothing").format(title=self.title))
        view = self.view if rows else self.table.built
        if view is not None:
            view.setVisible(bool(rows))
        if rows:
            self.view.resizeColumnsToContents()
            self.view.setColumnWidth(3, min(self.view.columnWidth(3), 460))
            shown = min(len(rows), MAX_ROWS_SHOWN)
            self.view.setFixedHeight(self.view.horizontalHeader().height()
                                     + shown * self.view.verticalHeader().defaultSectionSize()
                                     + 2 * self.view.frameWidth() + 2)
