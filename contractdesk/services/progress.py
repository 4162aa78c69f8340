"""Progress and cooperative cancel for long services (import, export, reports).

Services call ``progress.update(done, total, message)`` between batches. Cancel is
cooperative: ``update`` raises :class:`Cancelled` once cancel was requested, and the
service's transaction rolls back, so a cancelled job commits nothing. The window wraps
this around a Qt signal; the command line uses :data:`NO_PROGRESS`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol


class Cancelled(Exception):
    """The user cancelled; whatever the job did is rolled back."""


class Progress(Protocol):
    def update(self, done: int, total: int, message: str = "") -> None:
        """Reports progress; raises :class:`Cancelled` if the user cancelled."""


class _NoProgress:
    def update(self, done: int, total: int, message: str = "") -> None:
        return None


NO_PROGRESS: Progress = _NoProgress()


class CallbackProgress:
    """Forwards at most ``per_second`` updates to ``callback`` (plus the last one) and
    raises :class:`Cancelled` once ``cancel`` is set, from any thread."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None,
                 cancel: threading.Event | None = None, per_second: float = 20.0) -> None:
        self.callback = callback
        self.cancel = cancel or threading.Event()
        self._interval = 1.0 / per_second
        self._last = 0.0

    def update(self, done: int, total: int, message: str = "") -> None:
        if self.cancel.is_set():
            raise Cancelled
        if self.callback is None:
            return
        now = time.monotonic()
        if done >= total or now - self._last >= self._interval:
            self._last = now
            self.callback(done, total, message)
