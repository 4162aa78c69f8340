""""Log a call…": when we called, whom, the case number, when it was fixed, and whether
that met the agreement's SLA.

The SLA verdict is worked out as the times are typed ("24x7x4h: due 14:00 — met"); the
user can override it, and must judge it where the SLA cannot be read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.domain.enums import FirstLine
from contractdesk.errors import UserError, ValidationError
from contractdesk.services.access import DataAccess
from contractdesk.services.case_forms import (
    CaseContext,
    case_context,
    load_case,
    save_case,
    sla_verdict,
)
from contractdesk.ui.forms.fields import ChoiceField, NotesField, TextField
from contractdesk.ui.forms.record_form import ERROR_STYLE
from contractdesk.ui.governance.widgets import DateTimeField
from contractdesk.ui.governance.words import GREEN, RED, when
from contractdesk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    Signal,
)


class CaseDialog(QDialog):
    """Logs a new call (``case_id`` None) against an agreement and/or item, or edits one."""

    saved = Signal(int)

    def __init__(self, data: DataAccess, now: Callable[[], dt.datetime], *,
                 agreement_id: int | None = None, item_id: int | None = None,
                 case_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.case_id = case_id
        values = data.read(load_case, case_id) if case_id is not None else None
        if values is not None:
            agreement_id, item_id = values["agreement_id"], values["item_id"]
        opened = values["opened_at"] if values is not None else now()
        self.context: CaseContext = data.read(case_context, agreement_id=agreement_id,
                                              item_id=item_id, day=opened.date())
        context = self.context
        self.setWindowTitle(self.tr("Log a call") if case_id is None
                            else self.tr("Support case"))

        self.about = QLabel(self._about())
        self.about.setWordWrap(True)
        self.called = ChoiceField([
            (self.tr("OEM — {name}").format(name=context.oem or "?"), FirstLine.OEM),
            (self.tr("Reseller — {name}").format(name=context.reseller or "?"),
             FirstLine.RESELLER)], allow_none=False)
        self.called.set_value(context.first_line)
        self.opened_at = DateTimeField()
        self.opened_at.set_value(opened)
        self.resolved_at = DateTimeField(self.tr("empty while still open"))
        self.case_number = TextField(placeholder=self.tr("the supplier's ticket number"))
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        self.sla_met = ChoiceField([(self.tr("Met (set by hand)"), True),
                                    (self.tr("Missed (set by hand)"), False)],
                                   none_text="")
        self.notes = NotesField()
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self._lay_out()
        if values is not None:
            self.called.set_value(values["called"])
            self.resolved_at.set_value(values["resolved_at"])
            self.case_number.set_value(values["case_number"])
            self.sla_met.set_value(values["sla_met"])
            self.notes.set_value(values["notes"])
        for field in (self.opened_at, self.resolved_at):
            field.on_change(self.update_verdict)
        self.update_verdict()
        self.resize(580, 0)  # as tall as the fields need

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("About"), self.about)
        form.addRow(self.tr("Whom we called"), self.called.widget)
        form.addRow(self.tr("Called at"), self.opened_at.widget)
        form.addRow(self.tr("Case number"), self.case_number.widget)
        form.addRow(self.tr("Resolved at"), self.resolved_at.widget)
        form.addRow(self.tr("SLA deadline"), self.deadline)
        form.addRow(self.tr("SLA met"), self.sla_met.widget)
        form.addRow(self.tr("Notes"), self.notes.widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)  # spare height below the fields, not between them
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _about(self) -> str:
        context = self.context
        parts = [context.agreement_label or self.tr("no running agreement covers it"),
                 context.item_label]
        sla = self.tr("SLA: {sla}").format(sla=context.sla) if context.sla \
            else self.tr("no SLA recorded")
        return "\n".join(part for part in (*parts, sla) if part)

    def update_verdict(self) -> None:
        """Shows the deadline and the computed verdict for the times as typed."""
        try:
            opened, resolved = self.opened_at.value(), self.resolved_at.value()
        except ValueError as error:
            self.deadline.setText(str(error))
            return
        verdict = sla_verdict(self.context.sla, opened, resolved) if opened else None
        if verdict is None or not verdict.computable:
            self.deadline.setText(
                self.tr("The SLA “{sla}” gives no deadline: judge it yourself.").format(
                    sla=self.context.sla) if self.context.sla
                else self.tr("No SLA recorded: judge it yourself."))
            self.deadline.setStyleSheet("")
            self.sla_met.combo.setItemText(0, self.tr("Not known"))
            return
        assert opened is not None and verdict.deadline is not None
        due = verdict.deadline
        due_text = (f"{due:%H:%M}" if due.date() == opened.date()
                    else f"{due:%a} {when(due)}")
        outcome = {True: self.tr("met"), False: self.tr("missed"),
                   None: self.tr("open")}[verdict.met]
        self.deadline.setText(self.tr("{sla}: due {due} — {outcome}").format(
            sla=verdict.label, due=due_text, outcome=outcome))
        self.deadline.setStyleSheet(
            "" if verdict.met is None else f"color: {GREEN if verdict.met else RED};")
        self.sla_met.combo.setItemText(0, self.tr("As the SLA says ({outcome})").format(
            outcome=outcome))

    def values(self) -> dict[str, object]:
        return {"agreement_id": self.context.agreement_id, "item_id": self.context.item_id,
                "opened_at": self.opened_at.value(), "resolved_at": self.resolved_at.value(),
                "called": self.called.value(), "case_number": self.case_number.value(),
                "sla_met": self.sla_met.value(), "notes": self.notes.value()}

    def save(self) -> None:
        try:
            values = self.values()
            case_id = self.access.write_undoable(self.tr("Save support case"), save_case,
                                                 self.case_id, values)
        except ValueError as error:  # a time that cannot be read
            self._show_problem(str(error))
            return
        except UserError as error:
            self._show_problem("; ".join(error.problems.values())
                               if isinstance(error, ValidationError) else str(error))
            return
        self.case_id = case_id
        self.saved.emit(case_id)
        self.accept()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
