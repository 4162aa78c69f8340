"""A record in a window of its own: the form, and its history (the audit trail).

Saving goes through the session's undo stack; deleting asks first, naming what depends
on the record.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from contractdesk.errors import ValidationError
from contractdesk.services import editing
from contractdesk.services.access import DataAccess
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.forms.record_form import RecordForm
from contractdesk.ui.labels import field_label
from contractdesk.ui.models import RowsModel
from contractdesk.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QKeySequence,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.undo import SaveCommand
from contractdesk.ui.workflow.record_parts import add_workflow_parts

KIND_TITLES = {"agreement": "Agreement", "purchase": "Purchase", "item": "Item",
               "organization": "Organization", "contact": "Contact"}
HISTORY_COLUMNS = ("at", "action", "field", "old_value", "new_value", "source", "user")


def _readable(value: str) -> str:
    """A created or deleted record's snapshot (JSON) as "Field: value · …"."""
    if not value.startswith("{"):
        return value
    try:
        snapshot = json.loads(value)
    except ValueError:
        return value
    return " · ".join(f"{field_label(key)}: {text}" for key, text in snapshot.items())


class RecordDialog(QDialog):
    """Edits one record (``record_id`` None: a new one)."""

    saved = Signal(str, int)
    deleted = Signal(str, int)
    open_requested = Signal(str, int)  # another record, e.g. the next term

    def __init__(self, data: DataAccess, kind: str, record_id: int | None,
                 undo_stack: QUndoStack, default_currency: str,
                 after_undo: Callable[[], None], parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.access = data
        self.kind = kind
        self.record_id = record_id
        self.undo_stack = undo_stack
        self.after_undo = after_undo
        self.form = RecordForm(data, kind, default_currency, today=today)
        self.before: dict[str, Any] | None = None
        if record_id is None:
            self.form.set_values(self.form.new_values())
            title = self.tr("New {kind}").format(kind=self.tr(KIND_TITLES[kind]).lower())
        else:
            self.before = data.read(editing.load, kind, record_id)
            self.form.set_values(self.before)
            title = f"{self.tr(KIND_TITLES[kind])}: {data.read(editing.label, kind, record_id)}"
        self.setWindowTitle(title)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Details"))
        self.history_model = RowsModel(HISTORY_COLUMNS, {
            "at": self.tr("When (UTC)"), "action": self.tr("Action"),
            "field": self.tr("Field"), "old_value": self.tr("Before"),
            "new_value": self.tr("After"), "source": self.tr("Source"),
            "user": self.tr("User")})
        history = QTableView()
        history.setModel(self.history_model)
        history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        history.verticalHeader().hide()
        history.setWordWrap(True)
        self.history_view = history
        self.tabs.addTab(history, self.tr("History"))
        self.tabs.setTabEnabled(1, record_id is not None)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setEnabled(record_id is not None)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)
        self.form.changed.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(980, 720 if kind == "agreement" else 560)
        self.documents_tab: QWidget | None = None
        self.workflow = add_workflow_parts(self, today)
        self._update_buttons()
        self.load_history()

    def reload(self) -> None:
        """Shows the record as stored now (after a workflow action changed it)."""
        if self.record_id is not None:
            self.before = self.access.read(editing.load, self.kind, self.record_id)
            self.form.set_values(self.before)
            self.load_history()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.form.problems)

    def load_history(self) -> None:
        if self.record_id is None:
            return
        rows = self.access.read(editing.history, self.kind, self.record_id)
        actions = {"create": self.tr("created"), "update": self.tr("changed"),
                   "delete": self.tr("deleted")}
        self.history_model.set_rows([
            {"at": row.at.strftime("%Y-%m-%d %H:%M"), "action": actions.get(row.action,
                                                                            row.action),
             "field": field_label(row.field) if row.field else "",
             "old_value": _readable(row.old_value), "new_value": _readable(row.new_value),
             "source": row.source,
             "user": row.user} for row in rows])
        view = self.history_view
        view.resizeColumnsToContents()
        for name in ("old_value", "new_value"):  # a created record's snapshot wraps
            column = HISTORY_COLUMNS.index(name)
            view.setColumnWidth(column, min(view.columnWidth(column), 380))
        view.resizeRowsToContents()

    def save(self) -> None:
        values, unreadable = self.form.read()
        if unreadable:
            self.form.show_problems(unreadable)
            return
        if self.before is not None and values == self.before:
            self.accept()
            return
        label = str(values.get("contract_number") or values.get("name")
                    or values.get("po_number") or values.get("serial_number")
                    or values.get("title") or values.get("description") or "")
        command = SaveCommand(self.access, self.kind, self.record_id, self.before, values,
                              label, self.after_undo)
        try:
            record_id = command.save_first()
        except ValidationError as error:
            self.form.show_problems(error.problems)
            self._update_buttons()
            return
        self.undo_stack.push(command)
        self.record_id = record_id
        self.saved.emit(self.kind, record_id)
        self.accept()

    def delete(self) -> None:
        if self.record_id is None:
            return
        depending = self.access.read(editing.dependents, self.kind, self.record_id)
        label = self.access.read(editing.label, self.kind, self.record_id)
        text = self.tr("Delete {what}? This cannot be undone.").format(what=label)
        if depending:
            listed = ", ".join(f"{count} {kind}" for kind, count in depending.items())
            text = self.tr("Delete {what}? These refer to it: {listed}. This cannot be "
                           "undone.").format(what=label, listed=listed)
        if not Dialogs.confirm(self, self.tr("Delete"), text):
            return
        self.access.write(editing.delete, self.kind, self.record_id)
        self.deleted.emit(self.kind, self.record_id)
        self.accept()
