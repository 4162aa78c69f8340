"""Renew…: the next term with its dates shifted by the renewal term, the covered items
carried over and the cost editable, showing the price change against the term before
(amount and %) as the cost is typed."""

from __future__ import annotations

import datetime as dt

from contractdesk.errors import UserError
from contractdesk.services.access import DataAccess
from contractdesk.services.renewal_workflow import PriceChange
from contractdesk.services.workflow_view import (
    RenewalDone,
    RenewalPlan,
    renew_agreement,
    renewal_plan,
)
from contractdesk.ui.forms.fields import MoneyField
from contractdesk.ui.labels import Formats
from contractdesk.ui.qt import QFont, QLabel, QLineEdit, QWidget
from contractdesk.ui.workflow.action_dialog import ActionDialog, sentence
from contractdesk.ui.workflow.common import change_text


class RenewDialog(ActionDialog):
    def __init__(self, data: DataAccess, agreement_id: int, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Renew agreement"))
        self.ok_button.setText(self.tr("Renew"))
        self.access = data
        self.agreement_id = agreement_id
        self.today = today
        self.renewal: RenewalDone | None = None
        self.plan: RenewalPlan | None = None
        try:
            self.plan = data.read(renewal_plan, agreement_id, today)
        except UserError as error:  # already renewed, notice given, no end date
            self.error.setText(sentence(error))
            self.error.show()
            self.ok_button.setEnabled(False)
            return
        plan = self.plan
        self.form.addRow(self.tr("Renewing"), QLabel(self.tr("{name}, {start} – {end}").format(
            name=plan.previous_name, start=Formats.date(plan.previous_start) or "…",
            end=Formats.date(plan.previous_end))))
        self.new_term = QLabel(self.tr("{start} – {end}  (renewal term {term})").format(
            start=Formats.date(plan.start_date), end=Formats.date(plan.end_date),
            term=Formats.period(plan.renewal_term)))
        self.form.addRow(self.tr("New term"), self.new_term)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("{number}: a new term of this agreement").format(
            number=plan.contract_number or "—"))
        self.number.setToolTip(self.tr("Leave empty to add the next term to this agreement; "
                                       "a new number records the renewal as a new contract "
                                       "that replaces this one"))
        self.form.addRow(self.tr("Contract number"), self.number)
        self.form.addRow(self.tr("Covered items"), QLabel(
            self.tr("{n} carried over").format(n=plan.item_count)))
        self.previous_cost = QLabel(Formats.money(plan.cost, plan.currency)
                                    or self.tr("none recorded"))
        self.form.addRow(self.tr("Previous cost"), self.previous_cost)
        self.cost = MoneyField()
        self.cost.set_value(plan.cost)
        self.cost.on_change(self._update_change)
        self.form.addRow(self.tr("New cost ({currency})").format(currency=plan.currency),
                         self.cost.widget)
        self.change = QLabel()
        bold = QFont(self.change.font())
        bold.setBold(True)
        self.change.setFont(bold)
        self.form.addRow(self.tr("Price change"), self.change)
        self._update_change()

    def _update_change(self) -> None:
        plan = self.plan
        if plan is None:
            return
        try:
            cost = self.cost.value()
        except ValueError as error:
            self.change.setText(str(error))
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(True)
        change = PriceChange(plan.cost, cost, plan.currency, plan.currency)
        self.change.setText(change_text(change.amount, change.percent, plan.currency))

    def submit(self) -> None:
        try:
            cost = self.cost.value()
        except ValueError:
            return
        number = self.number.text()
        result = self.attempt(lambda: self.access.write_undoable(
            self.tr("Renew {name}").format(name=self.plan.previous_name if self.plan else ""),
            renew_agreement,
            self.agreement_id, cost, self.today, number))
        if result is not None:
            self.renewal = result
            self.accept()
