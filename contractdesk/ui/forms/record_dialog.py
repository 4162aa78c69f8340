"""A record in a window of its own: the form, and its history (the audit trail).

Saving and deleting go through the session's undo stack (``write_undoable``); deleting
asks first, naming what depends on the record (which Undo brings back with it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from contractdesk.domain.enums import OrgRole
from contractdesk.errors import ValidationError
from contractdesk.services import editing, org_choices, purchase_lines
from contractdesk.services.access import DataAccess
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.forms.record_form import RecordForm
from contractdesk.ui.labels import PERIOD_COLUMNS, Formats, field_label
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
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.workflow.record_parts import add_workflow_parts

KIND_TITLES = {"agreement": "Agreement", "purchase": "Purchase", "item": "Item",
               "organization": "Organization", "contact": "Contact"}
HISTORY_COLUMNS = ("at", "action", "field", "old_value", "new_value", "source", "user")


def _readable(field: str, value: str) -> str:
    """A value of the audit trail as people write it (a period as "3 months", not the
    ISO text stored); a created or deleted record's snapshot (JSON) as
    "Field: value · …"."""
    if not value.startswith("{"):
        return Formats.period(value) if field in PERIOD_COLUMNS else value
    try:
        snapshot = json.loads(value)
    except ValueError:
        return value
    return " · ".join(f"{field_label(key)}: {_readable(key, str(text))}"
                      for key, text in snapshot.items())


class RecordDialog(QDialog):
    """Edits one record (``record_id`` None: a new one)."""

    saved = Signal(str, int)
    deleted = Signal(str, int)
    open_requested = Signal(str, int)  # another record, e.g. the next term
    create_requested = Signal(str, object)  # a new record of a kind, with these values

    def __init__(self, data: DataAccess, kind: str, record_id: int | None,
                 default_currency: str, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today,
                 prefill: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.kind = kind
        self.record_id = record_id
        self.default_currency = default_currency
        self.today = today
        self.form = RecordForm(data, kind, default_currency, self._new_organization,
                               today=today)
        self.before: dict[str, Any] | None = None
        if record_id is None:
            self.form.set_values({**self.form.new_values(), **(prefill or {})})
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
        if kind == "purchase":
            self._add_agreement_button(buttons)
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
             "old_value": _readable(row.field, row.old_value),
             "new_value": _readable(row.field, row.new_value),
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
        if self.kind == "organization" and self.record_id is None \
                and self._used_existing(values.get("name")):
            return
        label = str(values.get("contract_number") or values.get("name")
                    or values.get("po_number") or values.get("serial_number")
                    or values.get("title") or values.get("description") or "")
        verb = self.tr("Create") if self.record_id is None else self.tr("Edit")
        try:
            record_id = self.access.write_undoable(
                f"{verb} {field_label(self.kind).lower()} {label}".rstrip(), editing.save,
                self.kind,
                self.record_id, values)
        except ValidationError as error:
            self.form.show_problems(error.problems)
            self._update_buttons()
            return
        self.record_id = record_id
        self.saved.emit(self.kind, record_id)
        self.accept()

    def _used_existing(self, name: str | None) -> bool:
        """Offers the organization a new one's name duplicates; True when the user took
        it (this dialog then stands for it: its picker selects it, or it opens)."""
        existing = self.access.read(org_choices.same_name, name, None)
        if existing is None or not Dialogs.offer(
                self, self.tr("Organization exists"),
                self.tr("An organization named {name} already exists.").format(
                    name=existing.name),
                self.tr("Use the existing {name}").format(name=existing.name)):
            return False
        self.record_id = existing.id
        self.open_requested.emit("organization", existing.id)
        self.accept()
        return True

    def _new_organization(self, role: OrgRole | None) -> int | None:
        """The organization form over this one, starting with ``role``; saving it goes
        on the undo stack like any other."""
        dialog = RecordDialog(self.access, "organization", None, self.default_currency,
                              self, today=self.today,
                              prefill={"roles": frozenset({role} if role else ())})
        dialog.saved.connect(self.saved)  # the window refreshes its lists
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.record_id if accepted else None

    def _add_agreement_button(self, buttons: QDialogButtonBox) -> None:
        self.agreement_button = QPushButton(self.tr("Create agreement for these items…"))
        self.agreement_button.setToolTip(self.tr(
            "Saves the purchase, then opens a new agreement with its OEM, reseller and "
            "PO number, covering its items"))
        buttons.addButton(self.agreement_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.agreement_button.clicked.connect(self.create_agreement)

    def create_agreement(self) -> None:
        """Saves the purchase, then asks for a new agreement covering its items."""
        self.save()
        if self.result() == QDialog.DialogCode.Accepted and self.record_id is not None:
            self.create_requested.emit("agreement", self.access.read(
                purchase_lines.agreement_values, self.record_id))

    def delete(self) -> None:
        if self.record_id is None:
            return
        depending = self.access.read(editing.dependents, self.kind, self.record_id)
        label = self.access.read(editing.label, self.kind, self.record_id)
        text = self.tr("Delete {what}?").format(what=label)
        if depending:
            listed = ", ".join(f"{count} {kind}" for kind, count in depending.items())
            text = self.tr("Delete {what}? These refer to it: {listed}.").format(
                what=label, listed=listed)
        if not Dialogs.confirm(self, self.tr("Delete"), text):
            return
        self.access.write_undoable(self.tr("Delete {kind} {what}").format(
                                       kind=field_label(self.kind).lower(), what=label),
                                   editing.delete, self.kind, self.record_id)
        self.deleted.emit(self.kind, self.record_id)
        self.accept()
