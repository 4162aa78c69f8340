"""The main window: menus, the always-visible search box, and the pages.

Pages are loaded when first shown, so the window appears as fast with 20,000 agreements
as with 20; the pages the first screen does not show (the lists, search results, the
vendor view) are also built only when first needed. Import, export and reports live in
``file_actions`` and ``report_actions`` and run through ``tasks.run_task``; a spreadsheet
dropped on the window is imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from contractdesk import APP_NAME, __version__
from contractdesk.paths import data_dir
from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.ui.file_actions import dropped_file, start_import
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.governance.install import GovernanceUi
from contractdesk.ui.labels import Formats
from contractdesk.ui.lazy import Lazy
from contractdesk.ui.menus import build_menus
from contractdesk.ui.pages.coverage_page import CoveragePage
from contractdesk.ui.pages.list_page import ListPage
from contractdesk.ui.pages.search_page import SearchPage
from contractdesk.ui.pages.start_page import StartPageWidget
from contractdesk.ui.pages.vendor_page import VendorPage
from contractdesk.ui.qt import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFrame,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPalette,
    QShortcut,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QToolBar,
    QWidget,
)
from contractdesk.ui.sample_data import SampleData
from contractdesk.ui.settings import DEFAULT_CURRENCY, LOCALE, REMINDER_DAYS, Settings
from contractdesk.ui.settings_dialog import SettingsDialog
from contractdesk.ui.undo import undo_stack
from contractdesk.ui.workflow.window_parts import install_workflow

PAGES = ("start", *queries.KINDS)
SIDEBAR = (*PAGES, "coverage", "risks")  # the risk register is the governance part's page
FIRST_LOAD_DELAY_MS = 30

P = TypeVar("P", bound=QWidget)


class MainWindow(QMainWindow):
    def __init__(self, data: DataAccess, settings: Settings,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.access = data
        self.settings = settings
        self.today = today
        Formats.locale_name = settings.get(LOCALE)
        self.undo_stack = undo_stack(data, self.refresh, self)
        self.dialogs: list[RecordDialog] = []
        self.setWindowTitle(f"{APP_NAME} — {data.describe()}")

        self.window_days: Callable[[], int] = lambda: self.settings.get(REMINDER_DAYS)
        self.start_page = StartPageWidget(data, today, self.window_days)
        self.lists: dict[str, ListPage] = {}  # made when first shown: a faster start
        self.search_part, self.vendor_part, self.coverage_part = (
            Lazy(self._make_search_page), Lazy(self._make_vendor_page),
            Lazy(self._make_coverage_page))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.start_page.open_requested.connect(self.open_record)
        ways_in = self.start_page.first_start
        ways_in.import_requested.connect(lambda: start_import(self))
        ways_in.new_requested.connect(self.new_record)
        self.loaded: set[QWidget] = set()

        self.sidebar = QListWidget()
        names = {"start": self.tr("What needs doing"), "agreements": self.tr("Agreements"),
                 "purchases": self.tr("Purchases"), "items": self.tr("Items"),
                 "organizations": self.tr("Organizations"), "contacts": self.tr("Contacts"),
                 "coverage": self.tr("Coverage"), "risks": self.tr("Risk register")}
        for key in SIDEBAR:
            self.sidebar.addItem(names[key])
        self.page_names = names
        self.sidebar.setMaximumWidth(220)
        self.sidebar.setSpacing(3)
        # never squeezed below its longest name by a wide page beside it
        self.sidebar.setMinimumWidth(min(220, self.sidebar.sizeHintForColumn(0) + 16))
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setBackgroundRole(QPalette.ColorRole.Window)
        self.sidebar.currentRowChanged.connect(self._sidebar_changed)
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([180, 1100])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.search = self._search_box()

        self.menu_actions = build_menus(self)
        self.statusBar().addPermanentWidget(QLabel(data.describe()))
        self._previous_page = 0
        self._back: tuple[QWidget, int] | None = None  # where the vendor view came from
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.go_back)
        self.governance = GovernanceUi(self)
        self.setAcceptDrops(True)
        self._restore()
        self.notifier = install_workflow(self)  # after restoring: its banner starts hidden
        self.sample_data = SampleData(self)
        # The start page loads a moment after the window appears: a worker thread holding
        # the interpreter lock while the first frame paints made the start 2x slower.
        QTimer.singleShot(FIRST_LOAD_DELAY_MS, self, self._first_load)

    def _search_box(self) -> QLineEdit:
        """The always-visible search box; typing coalesces into one search per event
        loop turn, so fast typing never queues stale searches."""
        search = QLineEdit()
        search.setPlaceholderText(self.tr("Search serial, asset tag, contract, PO, "
                                          "vendor or person  (Ctrl+F)"))
        search.setClearButtonEnabled(True)
        search.setMinimumWidth(420)
        search.setToolTip(self.tr("Find anything; results appear as you type"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self.run_search)
        search.textChanged.connect(self._search_timer.start)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), search,
                  self._leave_search, context=Qt.ShortcutContext.WidgetShortcut)
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setObjectName("search_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(search)
        self.addToolBar(toolbar)
        return search

    @property
    def search_page(self) -> SearchPage:
        """The search results, built at the first search."""
        return self.search_part.get()

    @property
    def vendor_page(self) -> VendorPage:
        """The vendor view, built when the first organization is opened."""
        return self.vendor_part.get()

    def _make_search_page(self) -> SearchPage:
        page = SearchPage(self.access, self.today, self.window_days)
        page.open_requested.connect(self.open_record)
        self.stack.addWidget(page)
        return page

    def _make_vendor_page(self) -> VendorPage:
        page = VendorPage(self.access, self.today, self.window_days)
        page.open_requested.connect(self.open_record)
        page.back_requested.connect(self.go_back)
        page.edit_requested.connect(self.edit_record)
        self.stack.addWidget(page)
        return page

    def _make_coverage_page(self) -> CoveragePage:
        page = CoveragePage(self.access, self.today, self.window_days)
        page.open_requested.connect(self.open_record)
        page.new_requested.connect(self.new_record)
        self.stack.addWidget(page)
        return page

    def on_screen(self, part: Lazy[P]) -> P | None:
        """``part``'s page if it is the one on screen; never builds it."""
        page = part.built
        return page if page is not None and self.stack.currentWidget() is page else None

    def _first_load(self) -> None:
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    # pages -------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(SIDEBAR.index(key))

    def _sidebar_changed(self, row: int) -> None:
        if row < 0:
            return
        key = SIDEBAR[row]
        if key == "risks":
            self.governance.show_risks()
            self.sidebar.blockSignals(True)  # it unselects the sidebar, as its menu entry
            self.sidebar.setCurrentRow(row)
            self.sidebar.blockSignals(False)
            return
        page: QWidget = (self.start_page if key == "start" else self.coverage_part.get()
                         if key == "coverage" else self.list_page(key))
        self.stack.setCurrentWidget(page)
        if page not in self.loaded:
            self.loaded.add(page)
            self.refresh_page(page)

    def list_page(self, kind: str) -> ListPage:
        if kind not in self.lists:
            page = ListPage(self.access, kind, self.settings, self.today, self.window_days)
            page.open_requested.connect(self.open_record)
            page.new_requested.connect(self.new_record)
            self.stack.addWidget(page)
            self.lists[kind] = page
        return self.lists[kind]

    def refresh_page(self, page: QWidget) -> None:
        if page is self.start_page:
            self.start_page.refresh()
        elif isinstance(page, ListPage):
            page.set_organizations(self.access.read(queries.organization_choices))
            page.reload()
        elif isinstance(page, CoveragePage):
            page.reload()

    def refresh(self) -> None:
        """Reloads what is on screen and forgets what is not (it reloads when shown)."""
        current = self.stack.currentWidget()
        pages = (self.start_page, *self.lists.values(), self.coverage_part.built)
        self.loaded = {current} if current in pages and current is not None else set()
        vendor = self.on_screen(self.vendor_part)
        if self.on_screen(self.search_part) is not None:
            self.run_search()
        elif vendor is not None:
            if vendor.view is not None:
                vendor.show_organization(vendor.view.id)
        elif current is not None:
            self.refresh_page(current)

    def current_list(self) -> ListPage | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, ListPage) else None

    # search ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def run_search(self) -> None:
        text = self.search.text()
        if not text.strip():
            self._leave_search()
            return
        page = self.search_page
        if self.stack.currentWidget() is not page:
            self._previous_page = self.stack.currentIndex()
            self.stack.setCurrentWidget(page)
        page.run(text)

    def _leave_search(self) -> None:
        if self.search.text():
            self.search.clear()
        if self.on_screen(self.search_part) is not None:
            self.stack.setCurrentIndex(self._previous_page)

    # records -----------------------------------------------------------------------

    def open_record(self, kind: str, record_id: int) -> RecordDialog | None:
        """Organizations open in the vendor view; everything else in its form."""
        if kind == "organization":
            page = self.vendor_page
            current = self.stack.currentWidget()
            if current is not None and current is not page:
                self._back = (current, self.sidebar.currentRow())
            page.set_back(self._back_name())
            page.show_organization(record_id)
            self.stack.setCurrentWidget(page)
            self.sidebar.setCurrentRow(-1)  # so choosing any page again switches to it
            return None
        return self.edit_record(kind, record_id)

    def _back_name(self) -> str | None:
        if self._back is None:
            return None
        widget, row = self._back
        if row >= 0:
            return self.page_names[SIDEBAR[row]]
        return (self.tr("search results") if widget is self.search_part.built
                else self.tr("the previous page"))

    def go_back(self) -> None:
        """Alt+Left or the vendor view's Back: to the page the vendor was opened from."""
        if self._back is None or self.on_screen(self.vendor_part) is None:
            return
        widget, row = self._back
        self._back = None
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)
        self.stack.setCurrentWidget(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_record(self, kind: str, record_id: int | None,
                    prefill: dict[str, Any] | None = None) -> RecordDialog:
        dialog = RecordDialog(self.access, kind, record_id,
                              self.settings.get(DEFAULT_CURRENCY), self, today=self.today,
                              prefill=prefill)
        dialog.saved.connect(self.refresh)
        dialog.deleted.connect(self.refresh)
        dialog.open_requested.connect(self.open_record)
        dialog.create_requested.connect(self.new_record)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        self.governance.extend(dialog)
        dialog.show()
        return dialog

    def _forget(self, dialog: RecordDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
        self.return_focus()

    def return_focus(self) -> None:
        """After a dialog, typing goes to the window again (the page on screen), not
        nowhere."""
        if self.dialogs:
            return
        self.activateWindow()
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def new_record(self, kind: str, prefill: dict[str, Any] | None = None) -> RecordDialog:
        """A new record's form; ``prefill`` sets some fields (an agreement for a
        purchase's items)."""
        return self.edit_record(kind, None, prefill)

    def open_selected(self) -> None:
        page = self.current_list()
        record_id = page.selected_id() if page is not None else None
        if page is not None and record_id is not None:
            self.open_record(page.entity, record_id)

    def edit_selected(self) -> None:
        page = self.current_list()
        record_id = page.selected_id() if page is not None else None
        if page is not None and record_id is not None:
            self.edit_record(page.entity, record_id)

    def delete_selected(self) -> None:
        page = self.current_list()
        record_id = page.selected_id() if page is not None else None
        if page is not None and record_id is not None:
            dialog = self.edit_record(page.entity, record_id)
            dialog.delete()

    # dialogs -----------------------------------------------------------------------

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, self.access)
        if dialog.exec():
            Formats.locale_name = self.settings.get(LOCALE)
            self.refresh()
        self.return_focus()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME), self.tr(
            "<h3>{app} {version}</h3><p>IT purchases, agreements, renewal notice deadlines "
            "and support contacts, bought through resellers.</p>"
            "<p>Data folder: {folder}<br>Database: {db}</p>").format(
                app=APP_NAME, version=__version__, folder=data_dir(),
                db=self.access.describe()))

    # layout ------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.layout("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.layout("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.layout("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.set_layout("main/geometry", self.saveGeometry())
        self.settings.set_layout("main/state", self.saveState())
        self.settings.set_layout("main/splitter", self.splitter.saveState())
        for page in self.lists.values():
            page.save_layout()
        self.settings.sync()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            start_import(self, path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
