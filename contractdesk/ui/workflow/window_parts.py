"""Plugs the workflow into the main window: reminder lead times from the settings, the
notifier, and File → Export calendar…, without the window knowing their details."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from contractdesk.exporting.safe_write import atomic_writer
from contractdesk.services.progress import CallbackProgress
from contractdesk.services.workflow_view import calendar_file
from contractdesk.ui.qt import QAction, QMenu
from contractdesk.ui.tasks import run_task
from contractdesk.ui.workflow.common import Ask, lead_times
from contractdesk.ui.workflow.notifier import Notifier

if TYPE_CHECKING:
    from contractdesk.ui.main_window import MainWindow


def install_workflow(window: MainWindow) -> Notifier:
    stages = partial(lead_times, window.settings)
    window.start_page.reminders.lead_times = stages
    notifier = Notifier(window, window.access, window.today, stages)
    notifier.open_requested.connect(window.open_record)
    # The check at start rides on the start page's first reminders load (one pass over
    # the due reminders, not two); the notifier's timer does the hourly ones.
    window.start_page.reminders.notify_new = notifier.notify

    settings_action = window.menu_actions["settings"]
    file_menu = settings_action.parent()
    export = QAction(window.tr("Export &calendar…"), window)
    export.setStatusTip(window.tr("Notice deadlines and end dates as an .ics file for "
                                  "Outlook, Google or Apple Calendar"))
    export.triggered.connect(lambda _checked=False: export_calendar(window))
    if isinstance(file_menu, QMenu):
        file_menu.insertAction(settings_action, export)
        file_menu.insertSeparator(settings_action)
    window.menu_actions["export_calendar"] = export
    return notifier


def export_calendar(window: MainWindow) -> None:
    """Asks where, then writes the calendar off the GUI thread."""
    target = Ask.save_file(window, window.tr("Export calendar"), "contractdesk.ics",
                           window.tr("iCalendar files (*.ics)"))
    if target is None:
        return
    if target.suffix.lower() != ".ics":
        target = target.with_suffix(".ics")
    today, stages = window.today(), lead_times(window.settings)

    def write(progress: CallbackProgress) -> Path:
        data = window.access.read(calendar_file, today, stages, progress)
        with atomic_writer(target, "wb") as handle:
            handle.write(data)
        return target

    run_task(window, window.tr("Exporting the calendar"), write,
             lambda path: window.statusBar().showMessage(
                 window.tr("Calendar written to {path}").format(path=path), 10_000))
