"""The Reminders section at the top of the start page: what is due, and "Handled" or
"Snooze until…" on each. Missed reminders stay listed (marked overdue) until handled,
so a reminder that came due while the app was closed is there at the next start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from contractdesk.errors import UserError
from contractdesk.services.access import DataAccess
from contractdesk.services.workflow_view import (
    ReminderRow,
    acknowledge_reminder,
    reminder_rows,
    snooze_reminder,
    take_reminder_rows,
)
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.labels import Formats
from contractdesk.ui.lazy import Lazy
from contractdesk.ui.models import RowsModel
from contractdesk.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QFont,
    QHBoxLayout,
    QLabel,
    QMenu,
    QModelIndex,
    QPoint,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.tasks import Task, run_task
from contractdesk.ui.views import read_only_table
from contractdesk.ui.workflow.common import Ask, action_text, when_text
from contractdesk.ui.workflow.silenced_dialog import SilencedDialog

HANDLED = QCoreApplication.translate("RemindersPanel", "Handled: stop reminding")
HANDLED_TIP = QCoreApplication.translate(
    "RemindersPanel", "Stop reminding me of this stage. It does not record that notice was "
    "given (Give notice… on the agreement does); the next stage still reminds.")
# "status" holds the days left: the table paints a red (missed) or orange square there.
COLUMNS = ("deadline", "status", "action", "name", "title", "stage", "rolled")
MAX_ROWS_SHOWN = 8


class RemindersPanel(QWidget):
    open_requested = Signal(str, int)
    changed = Signal()  # handled or snoozed: the owner refreshes (this panel too)

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 lead_times: Callable[[], Sequence[int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.today = today
        self.lead_times = lead_times
        self.reminders: list[ReminderRow] | None = None
        self.generation = 0
        # Set by the window's workflow: the next refresh also records which reminders
        # are new today and hands them over, so the notifier's check at start does not
        # compute all due reminders a second time.
        self.notify_new: Callable[[list[ReminderRow]], None] | None = None

        self.title = QLabel(self.tr("Reminders"))
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.title.setFont(bold)
        self.model = RowsModel(COLUMNS, {
            "deadline": self.tr("Act by"), "status": self.tr("When"),
            "action": self.tr("Action"), "name": self.tr("Contract"),
            "title": self.tr("Title"), "stage": self.tr("Reminder"),
            "rolled": self.tr("Auto-renewed")})
        self.table = Lazy(self._make_view)  # made with the first reminders

        self.handled_button = QPushButton(HANDLED)
        self.handled_button.setToolTip(HANDLED_TIP)
        self.snooze_button = QPushButton(self.tr("Snooze until…"))
        self.open_button = QPushButton(self.tr("Open agreement"))
        self.handled_button.clicked.connect(lambda: self.handle(self.selected()))
        self.snooze_button.clicked.connect(lambda: self.snooze(self.selected()))
        self.open_button.clicked.connect(lambda: self._open_row(self.selected()))
        self.button_row = QWidget()
        buttons = QHBoxLayout(self.button_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.handled_button, self.snooze_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.silenced_button = QPushButton(self.tr("Handled and snoozed…"))
        self.silenced_button.setToolTip(self.tr("Look over the reminders you silenced, "
                                                "and bring one back"))
        self.silenced_button.clicked.connect(lambda _checked=False: self.show_silenced())
        self.dialog: SilencedDialog | None = None
        self.message = QLabel()  # what the last Handled or Snooze did
        self.message.setWordWrap(True)
        self.message.hide()
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addStretch(1)
        title_row.addWidget(self.silenced_button)

        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addLayout(title_row)
        self.column.addWidget(self.button_row)
        self.column.addWidget(self.message)
        self.button_row.hide()  # until there are reminders (_show)
        self._update_buttons()

    @property
    def view(self) -> QTableView:
        """The reminders table; made with the first reminders (or when asked for)."""
        return self.table.get()

    def _make_view(self) -> QTableView:
        view = read_only_table(self.model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Thousands of reminders on a large register: size columns by the first rows.
        view.horizontalHeader().setResizeContentsPrecision(MAX_ROWS_SHOWN)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        view.doubleClicked.connect(self._open_index)
        view.setToolTip(self.tr("Double-click to open the agreement; right-click for "
                                "Handled or Snooze"))
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.column.insertWidget(1, view)
        return view

    def refresh(self) -> Task[tuple[list[ReminderRow], list[ReminderRow]]]:
        today, stages = self.today(), tuple(self.lead_times())
        self.generation += 1
        generation = self.generation
        notify, self.notify_new = self.notify_new, None

        def load(_progress: object) -> tuple[list[ReminderRow], list[ReminderRow]]:
            if notify is None:
                return self.access.read(reminder_rows, today, stages), []
            return self.access.write(take_reminder_rows, today, stages)

        def done(result: tuple[list[ReminderRow], list[ReminderRow]]) -> None:
            rows, new = result
            self._show(rows, generation)
            if notify is not None:
                notify(new)

        return run_task(self, self.tr("Reminders"), load, done, progress_dialog=False)

    def _show(self, rows: list[ReminderRow], generation: int) -> None:
        if generation != self.generation:
            return
        if self.reminders is not None and len(rows) > len(self.reminders):
            self.message.hide()  # a reminder came back: the last line is old news
        self.reminders = rows
        self.model.set_rows([self._row(row) for row in rows])
        missed = sum(1 for row in rows if row.overdue)
        if not rows:
            self.title.setText(self.tr("Reminders: none due"))
        elif missed:
            self.title.setText(self.tr("Reminders ({n}, {missed} missed)").format(
                n=len(rows), missed=missed))
        else:
            self.title.setText(self.tr("Reminders ({n})").format(n=len(rows)))
        view = self.view if rows else self.table.built
        if view is not None:
            view.setVisible(bool(rows))
        self.button_row.setVisible(bool(rows))
        if rows:
            self.view.resizeColumnsToContents()
            shown = min(len(rows), MAX_ROWS_SHOWN)
            self.view.setFixedHeight(self.view.horizontalHeader().height()
                                     + shown * self.view.verticalHeader().defaultSectionSize()
                                     + 2 * self.view.frameWidth() + 2)
            self.view.selectRow(0)
        self._update_buttons()

    def _row(self, row: ReminderRow) -> dict[str, object]:
        rolled = (self.tr("{n}×").format(n=row.rolled_over) if row.rolled_over else "")
        # the day to act (the act-by date where notice is due), which "When" counts to;
        # the contract's own deadline is in the explanation on every cell
        return {"id": row.agreement_id, "entity": "agreement",
                "deadline": row.act_by or row.deadline, "explanation": row.explanation,
                "status": when_text(row.days_left), "action": action_text(row.action),
                "name": row.name, "title": row.title,
                "stage": (self.tr("missed") if row.overdue
                          else self.tr("{n} days ahead").format(n=row.stage_days)),
                "rolled": rolled, "colour": "overdue" if row.overdue else "notice_due"}

    def selected(self) -> ReminderRow | None:
        view = self.table.built
        if view is None:
            return None
        rows = view.selectionModel().selectedRows()
        if not rows or self.reminders is None:
            return None
        return self.reminders[rows[0].row()]

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.handled_button, self.snooze_button, self.open_button):
            button.setEnabled(chosen)

    def handle(self, row: ReminderRow | None) -> None:
        if row is None:
            return
        if self._write(lambda: self.access.write_undoable(
                self.tr("Handled {name}").format(name=row.name), acknowledge_reminder,
                row.agreement_id, self.today(), tuple(self.lead_times()))):
            self._said(row, self.tr(
                "No more reminders of {name} at this stage. Notice is not recorded as "
                "given: use Give notice… on the agreement for that. To undo: Handled and "
                "snoozed…").format(name=row.name))

    def snooze(self, row: ReminderRow | None) -> None:
        if row is None:
            return
        until = Ask.snooze_until(self, row.name, self.today())
        if until is not None and self._write(
                lambda: self.access.write_undoable(
                    self.tr("Snooze {name}").format(name=row.name), snooze_reminder,
                    row.agreement_id, self.today(), until, tuple(self.lead_times()))):
            self._said(row, self.tr("{name} is snoozed until {day}.").format(
                name=row.name, day=Formats.date(until)))

    def _write(self, action: Callable[[], None]) -> bool:
        """Runs the write; the owner refreshes either way (the row may have changed)."""
        try:
            action()
        except UserError as error:
            Dialogs.error(self, self.tr("Reminder"), str(error))
            self.changed.emit()
            return False
        self.changed.emit()
        return True

    def _said(self, row: ReminderRow, text: str) -> None:
        """The row leaves the list at once (the reload confirms it), with a line on
        what was done."""
        if self.reminders is not None and row in self.reminders:
            self._show([r for r in self.reminders if r is not row], self.generation)
        self.message.setText(text)
        self.message.show()

    def show_silenced(self) -> SilencedDialog:
        """The handled and snoozed reminders, to undo one; the panel follows."""
        if self.dialog is None:
            self.dialog = SilencedDialog(self.access, self.today, self)
            self.dialog.changed.connect(self.changed)
        else:
            self.dialog.reload()
        self.dialog.show()
        return self.dialog

    def _menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid() or self.reminders is None:
            return
        row = self.reminders[index.row()]
        menu = QMenu(self)
        menu.addAction(self.tr("Open agreement"), lambda: self._open_row(row))
        menu.addAction(HANDLED, lambda: self.handle(row))
        menu.addAction(self.tr("Snooze until…"), lambda: self.snooze(row))
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid() and self.reminders is not None:
            self._open_row(self.reminders[index.row()])

    def _open_row(self, row: ReminderRow | None) -> None:
        if row is not None:
            self.open_requested.emit("agreement", row.agreement_id)
