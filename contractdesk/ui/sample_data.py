"""File → Try the sample data: a made-up company's records in ``sample.sqlite3`` beside
the real database, in a window of its own that says so.

The real window hides while the sample one is open, so nobody edits the sample thinking
it is their data; "Back to my data" (the same File menu entry, the strip at the top, or
closing the sample window) shows the real window again. The sample file is made and
filled on first use and kept: what someone tried out is still there next time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from contractdesk import APP_NAME
from contractdesk.db.database import open_database
from contractdesk.errors import UserError
from contractdesk.paths import data_dir
from contractdesk.services.access import DataAccess
from contractdesk.services.sample import fill_sample
from contractdesk.services.start_page import is_empty
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.look import strip_style
from contractdesk.ui.qt import (
    QAction,
    QEvent,
    QLabel,
    QMenu,
    QObject,
    QPushButton,
    Qt,
    QToolBar,
)

if TYPE_CHECKING:
    import datetime as dt

    from contractdesk.ui.main_window import MainWindow

SAMPLE_FILE = "sample.sqlite3"


def sample_path() -> Path:
    return data_dir() / SAMPLE_FILE


def _open_sample(today: dt.date) -> DataAccess:
    """The sample database, made and filled if it is not there yet.

    Raises:
        UserError: the file cannot be opened (damaged, locked, an unwritable folder).
    """
    access = DataAccess(open_database(sample_path(), verify=False))
    try:
        access.write(lambda session: None if not is_empty(session)
                     else fill_sample(session, today))
    except UserError:
        access.close()
        raise
    return access


class SampleData(QObject):
    """The File menu entry of one window: "Try the sample data" in the real window,
    "Back to my data" in the sample one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sample: MainWindow | None = None  # the sample window, while it is open
        self.real: MainWindow | None = None  # in the sample window: the real one
        self.action = QAction(window.tr("Try the &sample data"), window)
        self.action.setStatusTip(window.tr("Look around in made-up records, in a separate "
                                           "sample database; yours stays as it is"))
        self.action.triggered.connect(lambda _checked=False: self.switch())
        import_action = window.menu_actions["import"]
        menu = import_action.parent()
        if isinstance(menu, QMenu):
            actions = menu.actions()
            after = actions.index(import_action) + 1
            if after < len(actions):
                menu.insertAction(actions[after], self.action)
            else:
                menu.addAction(self.action)
        window.menu_actions["sample"] = self.action
        window.start_page.first_start.sample_requested.connect(self.switch)

    def switch(self) -> MainWindow | None:
        """Into the sample (from the real window) or back (from the sample window)."""
        if self.real is not None:
            self.window.close()
            return self.real
        return self.open()

    def open(self) -> MainWindow | None:
        if self.sample is not None:
            self.sample.activateWindow()
            return self.sample
        try:
            access = _open_sample(self.window.today())
        except UserError as error:
            Dialogs.error(self.window, self.window.tr("Sample data"), str(error))
            return None
        from contractdesk.ui.main_window import MainWindow

        sample = MainWindow(access, self.window.settings, self.window.today)
        sample.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sample.installEventFilter(self)
        sample.destroyed.connect(lambda _object=None: self._closed(access))
        self.sample = sample
        sample.sample_data.mark_sample(self.window)
        sample.show()
        self.window.hide()
        return sample

    def mark_sample(self, real: MainWindow) -> None:
        """Makes this window say, in its title, a strip and the File menu, that it
        shows the sample, with the way back."""
        self.real = real
        window = self.window
        window.setWindowTitle(window.tr("{app} — SAMPLE DATA (not your records) — {db}")
                              .format(app=APP_NAME, db=window.access.describe()))
        self.action.setText(window.tr("&Back to my data"))
        self.action.setStatusTip(window.tr("Close the sample and return to {db}").format(
            db=real.access.describe()))
        strip = QToolBar(window.tr("Sample data"))
        strip.setObjectName("sample_strip")
        strip.setMovable(False)
        strip.setStyleSheet(strip_style("sample_strip", window.palette()))
        self.strip_text = QLabel(window.tr(
            "You are looking at sample data, not your records. Your database ({db}) is "
            "unchanged.").format(db=real.access.describe()))
        self.back_button = QPushButton(window.tr("Back to my data"))
        self.back_button.clicked.connect(lambda _checked=False: self.switch())
        strip.addWidget(self.strip_text)
        strip.addWidget(self.back_button)
        window.addToolBarBreak()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, strip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The real window shows before the sample one goes, so closing the sample is
        never closing the last window (which would end the app)."""
        if watched is self.sample and event.type() == QEvent.Type.Close:
            self.window.show()
            self.window.activateWindow()
        return super().eventFilter(watched, event)

    def _closed(self, access: DataAccess) -> None:
        self.sample = None
        access.close()
        self.window.refresh()
