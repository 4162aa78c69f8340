"""Shared steps of the workflow window tests: find records, open forms, wait for tasks."""

from __future__ import annotations

from typing import TypeVar

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.models import Agreement
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QWidget
from contractdesk.ui.workflow.reminders_panel import RemindersPanel

W = TypeVar("W", bound=QWidget)


def agreement_id(access: DataAccess, number: str) -> int:
    with access.database.session("cli") as session:
        return session.scalars(select(Agreement.id).where(
            Agreement.contract_number == number)).one()


def open_agreement(window: MainWindow, access: DataAccess, number: str) -> RecordDialog:
    dialog = window.open_record("agreement", agreement_id(access, number))
    assert dialog is not None
    return dialog


def child_dialog(qtbot: QtBot, parent: QWidget, kind: type[W]) -> W:
    """The dialog of ``kind`` a button click opened (non-blocking, window-modal)."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(kind)))
    return next(d for d in parent.findChildren(kind) if d.isVisible())


def reminders_panel(qtbot: QtBot, window: MainWindow) -> RemindersPanel:
    """The start page's reminders panel, once its reminders have loaded."""
    panel = window.start_page.reminders
    qtbot.waitUntil(lambda: panel.reminders is not None)
    return panel


def reminder_names(panel: RemindersPanel) -> list[str]:
    return [str(row["name"]) for row in panel.model.rows]


def select_reminder(panel: RemindersPanel, name: str) -> None:
    panel.view.selectRow(reminder_names(panel).index(name))
