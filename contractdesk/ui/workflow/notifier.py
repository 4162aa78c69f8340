"""Desktop notifications of due reminders while the app runs; no server, no cron.

Checked at start (together with the start page's reminders, ``take_reminder_rows``) and
then every hour (``take_notification_rows``): both return only the reminders not yet
notified today and record them, so each reminder notifies at most once a day however
often the check runs or the app restarts. Where the platform has a system tray, the
notification is a tray message (clicking it opens the agreement) and minimising the
window hides it to the tray; elsewhere a non-modal banner at the top of the window says
the same, with an Open button (made at the first notification: most starts have none to
show).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from contractdesk import APP_NAME
from contractdesk.services.access import DataAccess
from contractdesk.services.workflow_view import ReminderRow, take_notification_rows
from contractdesk.ui.labels import Formats
from contractdesk.ui.look import strip_style
from contractdesk.ui.qt import (
    QApplication,
    QEvent,
    QLabel,
    QMainWindow,
    QMenu,
    QObject,
    QPushButton,
    QSystemTrayIcon,
    Qt,
    QTimer,
    QToolBar,
    Signal,
)
from contractdesk.ui.tasks import Task, run_task
from contractdesk.ui.workflow.common import action_text, when_text

CHECK_EVERY_MS = 60 * 60 * 1000


class Banner(QToolBar):
    """The in-window notification where no tray exists: text, Open, Dismiss."""

    open_clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reminder_banner")
        self.setWindowTitle(self.tr("Reminders"))
        self.setMovable(False)
        self.setStyleSheet(strip_style("reminder_banner", self.palette()))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.addWidget(self.text)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_clicked)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.hide)
        self.addWidget(self.open_button)
        self.addWidget(self.dismiss_button)


class Notifier(QObject):
    """Checks for due reminders and tells the user once per reminder per day."""

    open_requested = Signal(str, int)

    def __init__(self, window: QMainWindow, data: DataAccess,
                 today: Callable[[], dt.date], lead_times: Callable[[], Sequence[int]]
                 ) -> None:
        super().__init__(window)
        self.window = window
        self.access = data
        self.today = today
        self.lead_times = lead_times
        self.shown: list[list[ReminderRow]] = []  # what was notified, in order
        self.target: int | None = None  # the agreement a click opens
        self.tray: QSystemTrayIcon | None = None
        self._banner: Banner | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._make_tray()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _make_tray(self) -> None:
        tray = QSystemTrayIcon(self.window.windowIcon(), self)
        tray.setToolTip(APP_NAME)
        menu = QMenu(self.window)
        menu.addAction(self.tr("Show {app}").format(app=APP_NAME), self.show_window)
        menu.addAction(self.tr("Check reminders now"), self.check)
        menu.addSeparator()
        menu.addAction(self.tr("Quit"), self.quit)
        tray.setContextMenu(menu)
        tray.messageClicked.connect(self._clicked)
        tray.activated.connect(self._activated)
        tray.show()
        self.tray = tray
        self.window.installEventFilter(self)

    @property
    def banner(self) -> Banner | None:
        """The in-window banner (hidden until there is news); None where a tray is."""
        if self.tray is None and self._banner is None:
            banner = Banner()
            banner.open_clicked.connect(self._clicked)
            self.window.addToolBarBreak()
            self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
            banner.hide()  # adding it to the window showed it
            self._banner = banner
        return self._banner

    def check(self) -> Task[list[ReminderRow]]:
        today, stages = self.today(), tuple(self.lead_times())
        return run_task(self.window, self.tr("Reminders"),
                        lambda _progress: self.access.write(take_notification_rows, today,
                                                            stages),
                        self.notify, progress_dialog=False)

    def notify(self, rows: list[ReminderRow]) -> None:
        if not rows:
            return
        self.shown.append(rows)
        self.target = rows[0].agreement_id
        first = rows[0]
        line = self.tr("{name}: {action} {date} ({when})").format(
            name=first.name, action=action_text(first.action).lower(),
            date=Formats.date(first.deadline), when=when_text(first.days_left))
        if len(rows) > 1:
            title = self.tr("{n} renewal reminders due").format(n=len(rows))
            line += " " + self.tr("and {n} more").format(n=len(rows) - 1)
        else:
            title = self.tr("Renewal reminder")
        banner = self.banner
        if self.tray is not None:
            self.tray.showMessage(title, line, QSystemTrayIcon.MessageIcon.Warning)
        elif banner is not None:
            banner.text.setText(f"{title}: {line}")
            banner.show()

    def quit(self) -> None:
        """Closes the window (it saves its layout) and ends the app, also when the
        window is hidden in the tray."""
        self.window.close()
        QApplication.quit()

    def _clicked(self) -> None:
        if self.target is not None:
            self.show_window()
            self.open_requested.emit("agreement", self.target)
        if self._banner is not None:
            self._banner.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Minimising hides the window into the tray; it keeps checking there."""
        if (watched is self.window and event.type() == QEvent.Type.WindowStateChange
                and self.window.isMinimized() and self.tray is not None):
            QTimer.singleShot(0, self.window.hide)
        return super().eventFilter(watched, event)
