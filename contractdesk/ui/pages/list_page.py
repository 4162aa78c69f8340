"""A record list with its quick-filter bar.

Filters and sorting go to the database through :class:`RecordListModel`; which filters
appear depends on what the record kind supports (``queries.spec(kind).filters()``).
Column choice and widths are saved per kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum

from contractdesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    ContactRole,
    OrgRole,
    OrgStatus,
)
from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.rowset import ListFilter, RowSet
from contractdesk.ui.labels import word
from contractdesk.ui.models import RecordListModel
from contractdesk.ui.qt import (
    QAbstractItemView,
    QAction,
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QPoint,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.settings import Settings
from contractdesk.ui.tasks import Task, run_task

ENTITY = {"agreements": "agreement", "purchases": "purchase", "items": "item",
          "organizations": "organization", "contacts": "contact"}
KIND_VALUES: dict[str, type[Enum]] = {"agreements": AgreementKind,
                                      "organizations": OrgRole, "contacts": ContactRole}
STATUS_VALUES: dict[str, type[Enum]] = {"agreements": AgreementStatus,
                                        "organizations": OrgStatus}
NO_DATE = QDate(1900, 1, 1)
# Columns a first-time user sees; the rest are a right-click on the header away.
HIDDEN_BY_DEFAULT = {"agreements": {"notice_period", "auto_renew", "sla", "currency"},
                     "purchases": {"quote_number", "currency"},
                     "items": {"part_number", "currency"}, "organizations": {"email"}}
WIDTHS = {"title": 260, "description": 220, "status": 110, "contract_number": 140,
          "oem": 150, "reseller": 120, "cost": 120, "total": 120, "unit_price": 110}


class ListPage(QWidget):
    """One record kind as a filterable, sortable list."""

    open_requested = Signal(str, int)
    loaded = Signal()

    def __init__(self, data: DataAccess, kind: str, settings: Settings,
                 today: Callable[[], dt.date], window_days: Callable[[], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.entity = ENTITY[kind]
        self.settings = settings
        self.access = data
        self.today = today
        self.window_days = window_days
        self.model = RecordListModel(kind)
        self.generation = 0
        supported = queries.spec(kind).filters()

        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter this list…"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(100)
        self.kind_box = self._enum_box(KIND_VALUES.get(kind), self.tr("All kinds")
                                       if kind == "agreements" else self.tr("All roles"))
        self.status_box = self._enum_box(STATUS_VALUES.get(kind), self.tr("Any status"))
        self.reseller_box = QComboBox()
        self.oem_box = QComboBox()
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.count_label = QLabel()
        for box in (self.kind_box, self.status_box, self.reseller_box, self.oem_box):
            # they may shrink below their longest choice, so the bar fits a 1024 px
            # window beside the sidebar; the open list shows every choice whole
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)

        bar = QHBoxLayout()
        bar.addWidget(self.text, 2)
        for name, widget in (("kind", self.kind_box), ("status", self.status_box),
                             ("reseller", self.reseller_box), ("oem", self.oem_box)):
            if name in supported:
                bar.addWidget(widget)
            else:
                widget.hide()
        if "date" in supported:
            bar.addWidget(QLabel(self._date_label()))
            bar.addWidget(self.date_from)
            bar.addWidget(QLabel(self.tr("to")))
            bar.addWidget(self.date_to)
        else:
            self.date_from.hide()
            self.date_to.hide()
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.view = self._table()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)

        self.text.textChanged.connect(self.apply_filter)
        for box in (self.kind_box, self.status_box, self.reseller_box, self.oem_box):
            box.currentIndexChanged.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.setFocusProxy(self.view)
        self._restore_layout()

    def _table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionClicked.connect(self._sort_by)
        view.activated.connect(self._open)
        return view

    def _date_label(self) -> str:
        return {"agreements": self.tr("Ends"), "organizations": self.tr("Review")}.get(
            self.kind, self.tr("Ordered"))

    def _enum_box(self, values: type[Enum] | None, everything: str) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for value in values or ():
            box.addItem(word(value), value.value)
        return box

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def set_organizations(self, choices: list[tuple[int, str, frozenset[str]]]) -> None:
        """Fills the reseller and OEM pickers, keeping what was chosen."""
        for box, role, everything in ((self.reseller_box, "reseller",
                                       self.tr("Any reseller")),
                                      (self.oem_box, "oem", self.tr("Any OEM"))):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for org_id, name, roles in choices:
                if role in roles:
                    box.addItem(name, org_id)
            found = box.findData(chosen)
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)

    @staticmethod
    def _date(edit: QDateEdit) -> dt.date | None:
        date = edit.date()
        return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())

    def current_filter(self) -> ListFilter:
        return ListFilter(text=self.text.text(), kind=self.kind_box.currentData(),
                          status=self.status_box.currentData(),
                          reseller_id=self.reseller_box.currentData(),
                          oem_id=self.oem_box.currentData(),
                          date_from=self._date(self.date_from),
                          date_to=self._date(self.date_to))

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._show_count()

    def reload(self) -> Task[RowSet]:
        """Reads the list again off the GUI thread; the old rows stay until then."""
        today, window = self.today(), self.window_days()
        self.generation += 1
        generation = self.generation
        if not self.model.loaded:
            self.count_label.setText(self.tr("Loading…"))
        return run_task(self, self.tr("Loading"),
                        lambda _progress: self.access.read(queries.load_rows, self.kind,
                                                           today, window),
                        lambda rows: self._loaded(rows, generation), progress_dialog=False)

    def _loaded(self, rows: RowSet, generation: int) -> None:
        if generation != self.generation:
            return
        self.model.filter = self.current_filter()
        self.model.set_rows(rows)
        self._show_count()
        self.loaded.emit()

    def _show_count(self) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("1 record") if total == 1
                                 else self.tr("{n} records").format(n=f"{total:,}"))

    def _sort_by(self, column: int) -> None:
        header = self.view.horizontalHeader()
        if not self.model.is_sortable(column):
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            return
        descending = (self.model.sort_column == self.model.columns[column]
                      and not self.model.descending)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)
        self.model.sort(column, order)

    def _open(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id is not None:
            self.open_requested.emit(self.entity, record_id)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def _column_menu(self, position: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column, name in enumerate(self.model.columns):
            action = QAction(self.model.header(name), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
            menu.addAction(action)
        menu.exec(header.mapToGlobal(position))

    def _restore_layout(self) -> None:
        """Columns as the user left them, sorted as they were; a new list in its own
        order (by date), with no sort arrow to claim otherwise."""
        state = self.settings.layout(f"list/{self.kind}")
        header = self.view.horizontalHeader()
        if state is not None and header.restoreState(state):
            column = header.sortIndicatorSection()
            if 0 <= column < len(self.model.columns) and self.model.is_sortable(column):
                self.model.sort(column, header.sortIndicatorOrder())
                return
        else:
            hidden = HIDDEN_BY_DEFAULT.get(self.kind, set())
            for column, name in enumerate(self.model.columns):
                header.setSectionHidden(column, name in hidden)
                header.resizeSection(column, WIDTHS.get(name, 105))
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def save_layout(self) -> None:
        self.settings.set_layout(f"list/{self.kind}", self.view.horizontalHeader().saveState())
