"""Words and small questions the workflow parts share.

``Ask`` holds the modal questions of the workflow (a snooze date, a file to attach, where
to save the calendar) so tests can patch them instead of clicking through a modal box.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from contractdesk.domain.reminders import DEFAULT_LEAD_TIMES, parse_lead_times
from contractdesk.ui.labels import Formats
from contractdesk.ui.qt import (
    QCoreApplication,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from contractdesk.ui.settings import REMINDER_STAGES, Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("workflow", text)


def lead_times(settings: Settings) -> tuple[int, ...]:
    """The default reminder stages from the settings; the built-in ones if unreadable."""
    try:
        return parse_lead_times(settings.get(REMINDER_STAGES))
    except ValueError:
        return DEFAULT_LEAD_TIMES


def when_text(days_left: int) -> str:
    if days_left < 0:
        return (tr("1 day overdue") if days_left == -1
                else tr("{n} days overdue").format(n=-days_left))
    if days_left == 0:
        return tr("today")
    return (tr("tomorrow") if days_left == 1
            else tr("in {n} days").format(n=days_left))


def action_text(action: str) -> str:
    return {"give_notice": tr("Give notice by"), "can_end": tr("Can end; notice by"),
            "renews": tr("Renews on"),
            "expires": tr("Ends on (renew or replace before then)")}.get(action, action)


def change_text(amount: Decimal | None, percent: Decimal | None, currency: str) -> str:
    """"+120.00 EUR (+5.0%)", or why there is nothing to compare."""
    if amount is None:
        return tr("no comparable previous price")
    if not amount:
        return tr("no change")
    sign = "+" if amount > 0 else ""
    text = f"{sign}{Formats.money(amount, currency)}"
    if percent is not None:
        text += f" ({percent:+}%)"
    return text


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class Ask:
    @staticmethod
    def snooze_until(parent: QWidget | None, name: str, today: dt.date) -> dt.date | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(tr("Snooze reminder"))
        edit = date_edit(today + dt.timedelta(days=7))
        edit.setMinimumDate(to_qdate(today + dt.timedelta(days=1)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(tr("Remind me about {name} again on:").format(name=name)))
        layout.addWidget(edit)
        layout.addWidget(buttons)
        return from_qdate(edit.date()) if dialog.exec() else None

    @staticmethod
    def open_files(parent: QWidget | None, title: str) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(parent, title)
        return [Path(name) for name in names]

    @staticmethod
    def save_file(parent: QWidget | None, title: str, suggested: str,
                  file_filter: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return Path(name) if name else None
