"""The base of the pages whose facts depend on the day and on the reminder window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.services.access import DataAccess
from contractdesk.ui.qt import QWidget


class DatedPage(QWidget):
    """A page that reads through ``access`` and asks for today and the reminder window
    at each load (callables, not values), so a page left open overnight or after a
    change in Settings shows the same day and window as the rest of the window."""

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 window_days: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.today = today
        self.window_days = window_days
