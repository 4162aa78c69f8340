"""The one way long work leaves the GUI thread (after Anki's ``QueryOp`` and Picard's
``run_task``).

``run_task(parent, title, fn, on_done)`` runs ``fn(progress)`` on the thread pool with a
progress dialog and a Cancel button. ``progress`` is a
:class:`~contractdesk.services.progress.CallbackProgress`; Cancel sets its event, so the
service's next ``update`` raises ``Cancelled`` and its transaction rolls back. Results,
errors and progress come back through queued signals, so ``on_done`` and the dialog run
on the GUI thread; the worker never touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import Generic, TypeVar

from contractdesk.services.progress import CallbackProgress, Cancelled
from contractdesk.ui.crash import report_exception
from contractdesk.ui.qt import (
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
)

T = TypeVar("T")

_RUNNING: set[QObject] = set()  # keeps running tasks alive until they end


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[CallbackProgress], object], progress: CallbackProgress,
                 signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.progress = progress
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self._deliver(self.signals.cancelled.emit)
        except BaseException as error:  # the thread boundary: hand it to the GUI thread
            self._deliver(partial(self.signals.failed.emit, error))
        else:
            self._deliver(partial(self.signals.succeeded.emit, result))

    @staticmethod
    def _deliver(emit: Callable[[], object]) -> None:
        """Hands the outcome to the GUI thread, unless the window that asked has been
        closed meanwhile (Qt then deleted the signal's source): nobody is left to tell."""
        with suppress(RuntimeError):
            emit()


class Task(QObject, Generic[T]):
    """A running background operation; ``finished`` fires after ``on_done`` (or after an
    error or cancel was handled) with True if it succeeded."""

    finished = Signal(bool)

    def __init__(self, parent: QWidget | None, title: str,
                 fn: Callable[[CallbackProgress], T], on_done: Callable[[T], None],
                 progress_dialog: bool = True) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.signals = _Signals()
        self.signals.progress.connect(self._progressed)
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        self.signals.cancelled.connect(self._cancelled)
        self.on_done = on_done
        # No dialog at all for quick queries: a hidden one still cost a window's worth of
        # widgets per query, and Qt showed it anyway after its own 4 s default (the
        # minimum duration only takes effect from the first progress report).
        self.dialog = self._dialog(parent, title) if progress_dialog else None
        progress = CallbackProgress(self.signals.progress.emit, self.cancel_event)
        self.job = _Job(fn, progress, self.signals)

    def _dialog(self, parent: QWidget | None, title: str) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumWidth(420)  # room for "Adding agreements…" and a real bar
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        return dialog

    def start(self) -> None:
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(self.job)

    def cancel(self) -> None:
        self.cancel_event.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int, message: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if message:
            self.dialog.setLabelText(message)

    def _end(self, succeeded: bool) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        _RUNNING.discard(self)
        self.finished.emit(succeeded)

    def _succeeded(self, result: T) -> None:
        try:
            self.on_done(result)
        finally:
            self._end(True)

    def _failed(self, error: BaseException) -> None:
        self._end(False)
        report_exception(error)

    def _cancelled(self) -> None:
        self._end(False)


def run_task(parent: QWidget | None, title: str, fn: Callable[[CallbackProgress], T],
             on_done: Callable[[T], None], progress_dialog: bool = True) -> Task[T]:
    """Starts ``fn(progress)`` off the GUI thread; ``on_done(result)`` runs on it.

    ``progress_dialog=False`` is for queries that take a second at most (the start
    page): no dialog (and no Cancel), the window stays usable meanwhile.
    """
    task = Task(parent, title, fn, on_done, progress_dialog)
    task.start()
    return task
