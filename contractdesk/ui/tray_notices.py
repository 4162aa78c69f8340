"""``contractdesk remind --notify`` through the system tray: the one way to notify that
every platform offers with a click back into the app.

The messages come one after another, each for :data:`SECONDS_EACH` seconds (a tray
shows one at a time), then the tray icon goes and the process ends.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from contractdesk.cli.notices import Notice

SECONDS_EACH = 6


def can_start_qt() -> bool:
    """False in a session without a display (Qt would abort there, not raise)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY",
                                                 "QT_QPA_PLATFORM"))


def show_in_tray(notices: Sequence[Notice], on_click: Callable[[Notice], None]) -> bool:
    """Shows ``notices`` as tray messages; False (nothing shown) where there is no tray."""
    if not can_start_qt():
        return False
    from contractdesk.ui.app import application
    from contractdesk.ui.qt import QSystemTrayIcon, QTimer

    app = application()
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return False
    tray = QSystemTrayIcon(app.windowIcon())
    showing: list[Notice] = []

    def show(index: int) -> None:
        if index == len(notices):
            app.quit()
            return
        showing[:] = [notices[index]]
        tray.showMessage(notices[index].title, notices[index].text,
                         QSystemTrayIcon.MessageIcon.Warning, SECONDS_EACH * 1000)
        QTimer.singleShot(SECONDS_EACH * 1000, lambda: show(index + 1))

    def clicked() -> None:
        if showing:
            on_click(showing[0])

    tray.messageClicked.connect(clicked)
    tray.show()
    QTimer.singleShot(0, lambda: show(0))
    app.exec()
    tray.hide()
    return True
