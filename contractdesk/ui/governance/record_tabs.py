"""Tabs the governance adds to record forms: an agreement's or item's support cases, an
organization's reviews and its due-diligence checklist.

Each tab saves on its own (a logged call or a check is a record of its own, not a field
of the form), then reloads its list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from contractdesk.services.access import DataAccess
from contractdesk.services.case_forms import SCORE_FIELDS, case_rows, review_rows
from contractdesk.services.risk_forms import check_rows, delete_check
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.governance.case_dialog import CaseDialog
from contractdesk.ui.governance.diligence_dialog import CheckDialog
from contractdesk.ui.governance.review_dialog import ReviewDialog
from contractdesk.ui.governance.widgets import ColouredRowsModel, selected_id, table
from contractdesk.ui.governance.words import (
    GREEN,
    RED,
    RESULT_COLOURS,
    colour,
    gword,
    when,
)
from contractdesk.ui.qt import (
    QColor,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class _ListTab(QWidget):
    """A table with a row of buttons under a one-line explanation."""

    counted = Signal(int)  # rows shown, for the tab's title
    changed = Signal()  # a record of the tab was saved or deleted (others may show it)

    def __init__(self, model: ColouredRowsModel, hint: str, on_open: Callable[[int], object]
                 ) -> None:
        super().__init__()
        self.model = model
        self.view = table(model, on_open)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.addWidget(button)
        return button

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.counted.emit(len(rows))


def _verdict_colour(row: dict[str, Any]) -> QColor | None:
    met = row.get("met")
    return None if met is None else QColor(GREEN if met else RED)


class CasesTab(_ListTab):
    """The support-case log of one agreement or item, with "Log a call…"."""

    def __init__(self, data: DataAccess, now: Callable[[], dt.datetime], *,
                 agreement_id: int | None = None, item_id: int | None = None) -> None:
        headers = {"opened_at": self.tr("Called at"), "called": self.tr("Called"),
                   "case_number": self.tr("Case number"),
                   "resolved_at": self.tr("Resolved at"), "hours": self.tr("Hours"),
                   "sla_met": self.tr("SLA"), "serial": self.tr("Serial number"),
                   "notes": self.tr("Notes")}
        model = ColouredRowsModel(tuple(headers), headers, "sla_met", _verdict_colour)
        super().__init__(model, self.tr("Calls for support under it and whether the SLA "
                                        "was met. Double-click a case to change it."),
                         self.edit_case)
        self.access = data
        self.now = now
        self.agreement_id = agreement_id
        self.item_id = item_id
        self.log_button = self.add_button(self.tr("Log a call…"), self.log_call)
        self.add_button(self.tr("Edit…"), self._edit_selected)
        self.buttons.addStretch(1)
        self.dialog: CaseDialog | None = None
        self.reload()

    def reload(self) -> None:
        rows = self.access.read(case_rows, agreement_id=self.agreement_id,
                                item_id=self.item_id)
        verdicts = {True: self.tr("met"), False: self.tr("missed"), None: "—"}
        self.show_rows([{**row, "opened_at": when(row["opened_at"]),
                         "resolved_at": when(row["resolved_at"]) or self.tr("open"),
                         "called": gword(row["called"]), "met": row["sla_met"],
                         "sla_met": verdicts[row["sla_met"]]
                         + (self.tr(" (by hand)") if row["by_user"] else "")}
                        for row in rows])

    def log_call(self) -> CaseDialog:
        return self._open(CaseDialog(self.access, self.now, agreement_id=self.agreement_id,
                                     item_id=self.item_id, parent=self))

    def edit_case(self, case_id: int) -> CaseDialog:
        return self._open(CaseDialog(self.access, self.now, case_id=case_id, parent=self))

    def _edit_selected(self) -> None:
        case_id = selected_id(self.view, self.model)
        if case_id is not None:
            self.edit_case(case_id)

    def _open(self, dialog: CaseDialog) -> CaseDialog:
        dialog.saved.connect(lambda _id: self.reload())
        dialog.saved.connect(self.changed)
        self.dialog = dialog
        dialog.show()
        return dialog


class ReviewsTab(_ListTab):
    """An organization's past reviews with "Start review…"."""

    review_saved = Signal(int)

    def __init__(self, data: DataAccess, organization_id: int,
                 start_review: Callable[[int], ReviewDialog]) -> None:
        headers = {"review_date": self.tr("Reviewed"), "reviewer": self.tr("Reviewer"),
                   **{name: gword(name) for name in SCORE_FIELDS},
                   "next_review": self.tr("Next review"), "findings": self.tr("Findings")}
        model = ColouredRowsModel(tuple(headers), headers, "", lambda _row: None)
        super().__init__(model, self.tr("Periodic reviews, scored 1 (poor) to 5 (excellent)."),
                         lambda _id: None)
        self.access = data
        self.organization_id = organization_id
        self.start_review = start_review
        self.add_button(self.tr("Start review…"), self.review)
        self.buttons.addStretch(1)
        self.reload()

    def review(self) -> ReviewDialog:
        dialog = self.start_review(self.organization_id)
        dialog.saved.connect(lambda _id: self.reload())
        dialog.saved.connect(self.review_saved)
        return dialog

    def reload(self) -> None:
        self.show_rows(self.access.read(review_rows, self.organization_id))


class DiligenceTab(_ListTab):
    """An organization's due-diligence checklist, editable."""

    def __init__(self, data: DataAccess, organization_id: int,
                 today: Callable[[], dt.date]) -> None:
        headers = {"topic": self.tr("Topic"), "result": self.tr("Result"),
                   "checked_on": self.tr("Checked on"), "expires_on": self.tr("Expires on"),
                   "notes": self.tr("Notes")}
        model = ColouredRowsModel(tuple(headers), headers, "result",
                                  lambda row: colour(RESULT_COLOURS, row["colour"]))
        super().__init__(model, self.tr("What we checked before relying on this supplier. "
                                        "Failed, concerning and expired checks show on "
                                        "the scorecard."), self.edit_check)
        self.access = data
        self.organization_id = organization_id
        self.today = today
        self.add_button(self.tr("Add check…"), lambda: self.edit_check(None))
        self.add_button(self.tr("Edit…"), self._edit_selected)
        self.add_button(self.tr("Delete…"), self.delete_selected)
        self.buttons.addStretch(1)
        self.dialog: CheckDialog | None = None
        self.reload()

    def reload(self) -> None:
        rows = self.access.read(check_rows, self.organization_id, self.today())
        self.show_rows([{**row, "topic": gword(row["topic"]),
                         "colour": "expired" if row["expired"] and row["result"] == "ok"
                         else row["result"],
                         "result": gword(row["result"])
                         + (self.tr(" (expired)") if row["expired"] else "")}
                        for row in rows])

    def edit_check(self, check_id: int | None) -> CheckDialog:
        dialog = CheckDialog(self.access, self.organization_id, check_id, self)
        dialog.saved.connect(lambda _id: self.reload())
        dialog.saved.connect(self.changed)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _edit_selected(self) -> None:
        check_id = selected_id(self.view, self.model)
        if check_id is not None:
            self.edit_check(check_id)

    def delete_selected(self) -> None:
        check_id = selected_id(self.view, self.model)
        if check_id is None or not Dialogs.confirm(
                self, self.tr("Delete check"), self.tr("Delete this due-diligence check?")):
            return
        self.access.write_undoable(self.tr("Delete due-diligence check"), delete_check,
                                   check_id)
        self.reload()
        self.changed.emit()
