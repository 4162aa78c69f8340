"""No traceback ever reaches the user: the exception hook of the window.

A :class:`UserError` that escapes a slot is shown as its sentence. Anything else is a
bug: the traceback goes to the log file, and the dialog says so in words, with the
details copyable behind "Show Details…" for a bug report (qutebrowser's crash handler
and Anki's ``errors.py`` do the same).
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from contractdesk.errors import UserError
from contractdesk.logging_setup import log_file
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.qt import QApplication, QCoreApplication

log = logging.getLogger("contractdesk.ui")


def _tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


def report_exception(error: BaseException) -> None:
    """Shows ``error`` to the user the right way for its kind."""
    parent = QApplication.activeWindow()
    if isinstance(error, UserError):
        Dialogs.error(parent, _tr("ContractDesk"), str(error))
        return
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error\n%s", details)
    Dialogs.error(parent, _tr("Something went wrong"),
                  _tr("ContractDesk hit an unexpected problem ({name}). Your saved data is "
                      "safe; the last action may not have completed. The details are in "
                      "{log}.").format(name=type(error).__name__, log=log_file()),
                  details)


def _hook(kind: type[BaseException], error: BaseException,
          trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    report_exception(error.with_traceback(trace))


def install_excepthook() -> None:
    sys.excepthook = _hook
