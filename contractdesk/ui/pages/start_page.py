"""The start page, "What needs doing": the answer without a click.

Counts at the top, then one table per group (overdue notice, notice due, renewals and
expiries, reviews); a click on a row opens the agreement (or organization).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.domain.reminders import DEFAULT_LEAD_TIMES
from contractdesk.services.access import DataAccess
from contractdesk.services.start_page import DueRow, StartPage, what_needs_doing
from contractdesk.ui.labels import Formats, word
from contractdesk.ui.models import RowsModel
from contractdesk.ui.pages.dated_page import DatedPage
from contractdesk.ui.pages.first_start import FirstStartPanel
from contractdesk.ui.qt import (
    QColor,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPainter,
    QPaintEvent,
    QPalette,
    QScrollArea,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.tasks import Task, run_task
from contractdesk.ui.views import read_only_table
from contractdesk.ui.workflow.reminders_panel import RemindersPanel

MAX_ROWS_SHOWN = 12
COLUMNS = ("due", "when", "what", "name", "title", "oem", "reseller", "status")


class _Bar(QWidget):
    """The coloured edge of a count: the same colour as the rows it counts."""

    def __init__(self, colour: QColor) -> None:
        super().__init__()
        self.colour = colour
        self.setFixedWidth(6)
        self.setMinimumHeight(24)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(self.rect(), 3, 3)
        painter.end()


class _Count(QFrame):
    """A big number with its caption and a coloured bar."""

    def __init__(self, caption: str, colour: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        bar = _Bar(QColor(colour))
        self.number = QLabel("0")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number.setFont(font)
        text = QLabel(caption)
        text.setWordWrap(True)
        column = QVBoxLayout()
        column.addWidget(self.number)
        column.addWidget(text)
        layout = QHBoxLayout(self)
        layout.addWidget(bar)
        layout.addLayout(column, 1)


class StartPageWidget(DatedPage):
    open_requested = Signal(str, int)
    loaded = Signal()

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 window_days: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(data, today, window_days, parent)
        self.page: StartPage | None = None
        self.generation = 0

        self.heading, self.subheading = self._headings()
        self.counts = {
            "overdue": _Count(self.tr("notice deadlines overdue"), "#d64545"),
            "notice_due": _Count(self.tr("notices to give soon"), "#e07b00"),
            "ending": _Count(self.tr("renewals and expiries coming up"), "#d4a600"),
            "reviews": _Count(self.tr("vendor reviews due"), "#3a7bd5"),
        }
        counts = QGridLayout()
        for column, card in enumerate(self.counts.values()):
            counts.addWidget(card, 0, column)

        # a group's table is made with its first rows (_section); the titles are there
        self.sections: dict[str, tuple[QLabel, QTableView, RowsModel]] = {}
        self.labels: dict[str, QLabel] = {}
        self.titles: dict[str, str] = {}
        self.reminders = self._reminders_panel()
        self.first_start = FirstStartPanel()
        self.first_start.hide()  # until the first load says the database is empty
        # what an empty database has nothing of, hidden together while it is empty
        self.agenda = QWidget()
        body = self.body = QVBoxLayout(self.agenda)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.reminders)
        body.addLayout(counts)
        self._add_sections(body)
        self.extra = QVBoxLayout()  # sections other parts of the window add
        body.addLayout(self.extra)

        inner = QWidget()
        page = QVBoxLayout(inner)
        page.addWidget(self.heading)
        page.addWidget(self.subheading)
        page.addWidget(self.first_start)
        page.addWidget(self.agenda)
        page.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _headings(self) -> tuple[QLabel, QLabel]:
        heading = QLabel(self.tr("What needs doing"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        subheading = QLabel()
        subheading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return heading, subheading

    def _add_sections(self, body: QVBoxLayout) -> None:
        """One title per kind of thing to do; its table follows it once it has rows."""
        titles = {"overdue": self.tr("Notice deadline passed — act now"),
                  "notice_due": self.tr("Give notice by"),
                  "ending": self.tr("Renewing or expiring"),
                  "reviews": self.tr("Vendor reviews due")}
        for key, title in titles.items():
            label = QLabel(title)
            bold = QFont(label.font())
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.15)
            label.setFont(bold)
            body.addSpacing(10)
            body.addWidget(label)
            self.labels[key] = label
            self.titles[key] = title

    def _section(self, key: str) -> tuple[QLabel, QTableView, RowsModel]:
        """The title, table and rows of group ``key``; the table is made on first use,
        so the first frame (before any rows have arrived) has none to lay out."""
        if key not in self.sections:
            headers = {"due": self.tr("Date"), "when": self.tr("When"),
                       "what": self.tr("Action"), "name": self.tr("Contract / vendor"),
                       "status": self.tr("Status")}
            model = RowsModel(COLUMNS, headers)
            view = self._table(model)
            if key == "reviews":  # organizations have no title, OEM or reseller
                for name in ("title", "oem", "reseller"):
                    view.setColumnHidden(COLUMNS.index(name), True)
            label = self.labels[key]
            self.body.insertWidget(self.body.indexOf(label) + 1, view)
            self.sections[key] = (label, view, model)
        return self.sections[key]

    def _reminders_panel(self) -> RemindersPanel:
        """Due reminders first; the window sets its lead times from the settings."""
        panel = RemindersPanel(self.access, self.today, lambda: DEFAULT_LEAD_TIMES)
        panel.open_requested.connect(self.open_requested)
        panel.changed.connect(self.refresh)
        return panel

    def _table(self, model: RowsModel) -> QTableView:
        view = read_only_table(model)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.horizontalHeader().setResizeContentsPrecision(MAX_ROWS_SHOWN)
        view.setCursor(Qt.CursorShape.PointingHandCursor)
        view.setToolTip(self.tr("Click a row to open it"))
        view.clicked.connect(lambda index: self._open(model, index))
        view.activated.connect(lambda index: self._open(model, index))
        return view

    def refresh(self) -> Task[StartPage]:
        """Loads the page off the GUI thread; the window is usable meanwhile."""
        today, window = self.today(), self.window_days()
        self.generation += 1
        generation = self.generation
        if self.page is None:
            self.subheading.setText(self.tr("Loading…"))
        self.reminders.refresh()
        return run_task(self, self.tr("What needs doing"),
                        lambda _progress: self.access.read(what_needs_doing, today, window),
                        lambda page: self._show(page, today, generation),
                        progress_dialog=False)

    def _show(self, page: StartPage, today: dt.date, generation: int) -> None:
        if generation != self.generation:  # a newer refresh is on its way
            return
        self.page = page
        self.loaded.emit()
        self.first_start.setVisible(page.empty)
        self.agenda.setVisible(not page.empty)
        self.subheading.setText(
            self.tr("Welcome to ContractDesk: renewal notice deadlines, warranties and "
                    "support contacts in one place.") if page.empty else
            self.tr("As of {today}, looking {days} days ahead").format(
                today=Formats.date(today), days=page.window_days))
        groups = {"overdue": page.overdue, "notice_due": page.notice_due,
                  "ending": page.ending, "reviews": page.reviews}
        for key, rows in groups.items():
            self.counts[key].number.setText(str(len(rows)))
            label, view, model = self._section(key)
            model.set_rows([self._row(row, overdue=key == "overdue") for row in rows])
            label.setText(f"{self.titles[key]} ({len(rows)})" if rows
                          else self.tr("{title}: nothing").format(title=self.titles[key]))
            self._fit(view, len(rows))

    def _row(self, row: DueRow, overdue: bool) -> dict[str, object]:
        if row.days_left < 0:
            when = (self.tr("1 day overdue") if row.days_left == -1
                    else self.tr("{n} days overdue").format(n=-row.days_left))
        elif row.days_left == 0:
            when = self.tr("today")
        else:
            when = (self.tr("tomorrow") if row.days_left == 1
                    else self.tr("in {n} days").format(n=row.days_left))
        return {"id": row.record_id, "entity": row.entity, "due": row.due, "when": when,
                "what": word(row.what), "name": row.name, "title": row.title,
                "oem": row.oem, "reseller": row.reseller, "status": word(row.status),
                "colour": "overdue" if overdue else row.status,
                "explanation": row.explanation}

    @staticmethod
    def _fit(view: QTableView, count: int) -> None:
        """Short groups show whole (the page scrolls); long ones scroll inside."""
        view.setVisible(count > 0)
        if not count:
            return
        view.resizeColumnsToContents()
        shown = min(count, MAX_ROWS_SHOWN)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded
                                        if count > shown else
                                        Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        height = (view.horizontalHeader().height()
                  + shown * view.verticalHeader().defaultSectionSize()
                  + 2 * view.frameWidth() + 2)
        view.setFixedHeight(height)

    def _open(self, model: RowsModel, index: QModelIndex) -> None:
        if index.isValid():
            row = model.rows[index.row()]
            self.open_requested.emit(str(row["entity"]), int(row["id"]))
