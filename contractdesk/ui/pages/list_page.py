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
    QPalette,
    QPoint,
    QPushButton,
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
# Columns are sized to what is in them (the first rows, as far as these bounds allow)
# until the user sizes them; then their widths and order are kept.
FIT_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 60, 340
NEW_TEXT = {"agreements": "New agreement…", "purchases": "New purchase…",
            "items": "New item…", "organizations": "New organization…",
            "contacts": "New contact…"}


class ListPage(QWidget):
    """One record kind as a filterable, sortable list."""

    open_requested = Signal(str, int)
    new_requested = Signal(str)  # the entity to create
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

        bar = self._filter_bar(supported)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr(NEW_TEXT[kind]))
        self.new_button.clicked.connect(
            lambda _checked=False: self.new_requested.emit(self.entity))
        bar.addWidget(self.new_button)

        self.view = self._table()
        self.hint = self._hint()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)

        self.text.textChanged.connect(self.apply_filter)
        for box in (self.kind_box, self.status_box, self.reseller_box, self.oem_box):
            box.currentIndexChanged.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.setFocusProxy(self.view)
        self._restore_layout()

    def _filter_bar(self, supported: frozenset[str]) -> QHBoxLayout:
        """The filter box and the pickers this kind of record supports."""
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
        return bar

    @staticmethod
    def _hint() -> QLabel:
        """What to do about an empty list, shown above it while it is empty."""
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setContentsMargins(12, 24, 12, 24)
        hint.hide()
        return hint

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
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setToolTip(self.tr("Click to sort; drag to move or size a column; "
                                  "right-click to choose the columns"))
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
        if self.fit_pending and self.model.rowCount():
            self.fit_columns()
        self.loaded.emit()

    def _show_count(self) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("1 record") if total == 1
                                 else self.tr("{n} records").format(n=f"{total:,}"))
        rowset = self.model.rowset
        everything = len(rowset.rows) if rowset is not None else 0
        self.hint.setVisible(self.model.loaded and not total)
        if not everything:
            self.hint.setText(self.tr(
                "Nothing here yet. Click “{new}”, import a spreadsheet (File → Import…, or "
                "drop the file on this window), or look around in the sample data (File → "
                "Try the sample data).").format(new=self.new_button.text()))
        elif not total:
            self.hint.setText(self.tr("No record matches this filter. Clear the filter "
                                      "to see all {n}.").format(n=f"{everything:,}"))

    def fit_columns(self) -> None:
        """Each shown column as wide as its header and its first rows' values need,
        within bounds: a phone number or serial is never cut, an empty column takes no
        more than its header."""
        header = self.view.horizontalHeader()
        self.view.resizeColumnsToContents()
        for column in range(header.count()):
            if not header.isSectionHidden(column):
                header.resizeSection(column, max(MIN_WIDTH, min(MAX_WIDTH,
                                                                header.sectionSize(column))))
        self.fit_pending = False

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
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
            menu.addAction(action)
        menu.exec(header.mapToGlobal(position))

    def show_column(self, column: int, shown: bool) -> None:
        """The column chooser's tick: a column brought back is sized to its content."""
        header = self.view.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown:
            width = max(header.sectionSizeHint(column), self.view.sizeHintForColumn(column))
            header.resizeSection(column, max(MIN_WIDTH, min(MAX_WIDTH, width)))

    def _restore_layout(self) -> None:
        """Columns as the user left them, sorted as they were; a new list in its own
        order (by date), with no sort arrow to claim otherwise."""
        state = self.settings.layout(f"list/{self.kind}")
        header = self.view.horizontalHeader()
        self.fit_pending = state is None
        if state is not None and header.restoreState(state):
            column = header.sortIndicatorSection()
            if 0 <= column < len(self.model.columns) and self.model.is_sortable(column):
                self.model.sort(column, header.sortIndicatorOrder())
                return
        else:
            hidden = HIDDEN_BY_DEFAULT.get(self.kind, set())
            for column, name in enumerate(self.model.columns):
                header.setSectionHidden(column, name in hidden)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def save_layout(self) -> None:
        self.settings.set_layout(f"list/{self.kind}", self.view.horizontalHeader().saveState())
