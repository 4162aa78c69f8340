"""Reminders → "Handled and snoozed…": every stage someone silenced, with "Remind me
again" to undo it, so a wrong click on Handled is never a deadline lost in silence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.errors import UserError
from contractdesk.services.access import DataAccess
from contractdesk.services.reminders import SilencedReminder, remind_again, silenced_reminders
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.labels import Formats
from contractdesk.ui.models import RowsModel
from contractdesk.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.views import read_only_table

COLUMNS = ("name", "title", "deadline", "stage", "state")


class SilencedDialog(QDialog):
    changed = Signal()  # a reminder is due again

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.today = today
        self.rows: list[SilencedReminder] = []
        self.setWindowTitle(self.tr("Handled and snoozed reminders"))
        intro = QLabel(self.tr("Reminders you marked handled (no more reminding of that "
                               "stage) or snoozed. “Remind me again” puts one back on "
                               "the start page."))
        intro.setWordWrap(True)
        self.model = RowsModel(COLUMNS, {
            "name": self.tr("Contract"), "title": self.tr("Title"),
            "deadline": self.tr("Deadline"), "stage": self.tr("Reminder"),
            "state": self.tr("What was done")})
        self.view = read_only_table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel(self.tr("No reminder is handled or snoozed."))
        self.again_button = QPushButton(self.tr("Remind me again"))
        self.again_button.clicked.connect(lambda _checked=False: self.remind_again())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 380)
        self.view.selectionModel().selectionChanged.connect(self._update_button)
        self.reload()

    def reload(self) -> None:
        self.rows = self.access.read(silenced_reminders, self.today())
        self.model.set_rows([self._row(row) for row in self.rows])
        self.view.resizeColumnsToContents()
        self.empty.setVisible(not self.rows)
        self.view.setVisible(bool(self.rows))
        if self.rows:
            self.view.selectRow(0)
        self._update_button()

    def _row(self, row: SilencedReminder) -> dict[str, object]:
        if row.snoozed_until is not None:
            state = self.tr("snoozed until {day}").format(day=Formats.date(row.snoozed_until))
        else:
            handled = row.handled_at.date() if row.handled_at else None
            state = self.tr("handled on {day}").format(day=Formats.date(handled))
        return {"id": row.agreement_id, "entity": "agreement", "name": row.name,
                "title": row.title, "deadline": row.deadline,
                "stage": self.tr("{n} days ahead").format(n=row.stage_days), "state": state}

    def selected(self) -> SilencedReminder | None:
        chosen = self.view.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen and self.rows else None

    def _update_button(self) -> None:
        self.again_button.setEnabled(self.selected() is not None)

    def remind_again(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self.access.write(remind_again, row.state_id)
        except UserError as error:
            Dialogs.error(self, self.windowTitle(), str(error))
        self.reload()
        self.changed.emit()
