"""The Terms tab of an agreement: every term from the first to the current one, cost
year on year with the change against the term before. Terms an auto-renewing agreement
rolled into are listed as such, and a term with notice given on it says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.domain.reminders import format_lead_times, parse_lead_times
from contractdesk.errors import UserError
from contractdesk.services.access import DataAccess
from contractdesk.services.workflow_view import (
    NoticeRow,
    TermLine,
    TermsView,
    notice_rows,
    own_lead_times,
    set_own_lead_times,
    terms_view,
)
from contractdesk.ui.labels import Formats, word
from contractdesk.ui.models import RowsModel
from contractdesk.ui.qt import (
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.views import read_only_table
from contractdesk.ui.workflow.action_dialog import ERROR_STYLE, sentence
from contractdesk.ui.workflow.common import change_text, tr

COLUMNS = ("name", "start_date", "end_date", "cost", "change", "origin", "status")


def rolled_text(view: TermsView) -> str:
    """"Auto-renewed 2×, current term 1 Mar 2026 – 28 Feb 2027", or "" if it never rolled."""
    if not view.rolled_over:
        return ""
    return tr("Auto-renewed {n}×, current term {start} – {end}").format(
        n=view.rolled_over, start=Formats.date(view.running_start),
        end=Formats.date(view.running_end))


class StagesEdit(QLineEdit):
    """Enter applies the stages here instead of reaching the form's Save button."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class TermsTab(QWidget):
    open_requested = Signal(str, int)
    stages_changed = Signal()

    def __init__(self, data: DataAccess, agreement_id: int, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.agreement_id = agreement_id
        self.today = today
        self.view_data: TermsView | None = None
        self.model = RowsModel(COLUMNS, {"name": self.tr("Term"),
                                         "start_date": self.tr("Start"),
                                         "end_date": self.tr("End"), "cost": self.tr("Cost"),
                                         "change": self.tr("Change vs. term before"),
                                         "origin": self.tr("How it began"),
                                         "status": self.tr("Status")})
        table = read_only_table(self.model)
        table.doubleClicked.connect(self._open)
        table.setToolTip(self.tr("Double-click a term to open it"))
        self.table = table
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(self.notices)
        layout.addLayout(self._stages_row())
        self.reload()

    def _stages_row(self) -> QHBoxLayout:
        """This agreement's own reminder stages; empty follows the settings."""
        self.stages = StagesEdit()
        self.stages.setPlaceholderText(self.tr("the default stages from the settings"))
        self.stages.setToolTip(self.tr("Days before the notice deadline (or the end) when "
                                       "reminders come due, e.g. 120,60,14"))
        self.stages_button = QPushButton(self.tr("Apply"))
        self.stages_button.clicked.connect(self.apply_stages)
        self.stages.submitted.connect(self.apply_stages)
        self.stages_message = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Reminder stages (days):")))
        row.addWidget(self.stages, 1)
        row.addWidget(self.stages_button)
        row.addWidget(self.stages_message)
        return row

    def apply_stages(self) -> None:
        text = self.stages.text().strip()
        try:
            days = parse_lead_times(text) if text else None
            saved = self.access.write_undoable(self.tr("Set reminder lead times"),
                                               set_own_lead_times, self.agreement_id, days)
        except (ValueError, UserError) as error:
            self.stages_message.setStyleSheet(ERROR_STYLE)
            self.stages_message.setText(sentence(error) if isinstance(error, UserError)
                                        else str(error))
            return
        self.stages_message.setStyleSheet("")
        self.stages_message.setText(self.tr("saved") if saved else
                                    self.tr("back to the default"))
        self.stages.setText(format_lead_times(saved) if saved else "")
        self.stages_changed.emit()

    def reload(self) -> None:
        view = self.access.read(terms_view, self.agreement_id, self.today())
        self.view_data = view
        self.model.set_rows([self._row(line, first=index == 0)
                             for index, line in enumerate(view.lines)])
        self.table.resizeColumnsToContents()
        self._show_notices(self.access.read(notice_rows, self.agreement_id))
        own = self.access.read(own_lead_times, self.agreement_id)
        self.stages.setText(format_lead_times(own) if own else "")

    def _row(self, line: TermLine, first: bool) -> dict[str, object]:
        tags = [self.tr("current")] if line.current else []
        if line.notice_given_on is not None:
            tags.append(self.tr("notice given {date}").format(
                date=Formats.date(line.notice_given_on)))
        if first:
            change = self.tr("first term")
        elif line.rolled and line.amount == 0:
            change = self.tr("rolled on at the same price")
        else:
            change = change_text(line.amount, line.percent, line.currency)
        return {"id": line.agreement_id,
                "name": f"{line.name}  ({', '.join(tags)})" if tags else line.name,
                "start_date": line.start_date, "end_date": line.end_date,
                "cost": line.cost, "currency": line.currency, "change": change,
                "origin": word(line.origin), "status": word(line.status),
                "colour": line.status}

    def _show_notices(self, notices: list[NoticeRow]) -> None:
        lines = [self.tr("Notice sent on {date} to {to} by {how}").format(
                     date=Formats.date(n.sent_on), to=n.sent_to, how=word(n.method))
                 + (self.tr(" (letter: {name})").format(name=n.letter) if n.letter else "")
                 for n in notices]
        self.notices.setText("\n".join(lines))
        self.notices.setVisible(bool(lines))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            record_id = self.model.rows[index.row()]["id"]
            if record_id != self.agreement_id:
                self.open_requested.emit("agreement", int(str(record_id)))
