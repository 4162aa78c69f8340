"""Reminders on the start page (Handled, Snooze) and desktop notifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.reminders import ReminderState
from contractdesk.services import preferences
from contractdesk.services.access import DataAccess
from contractdesk.services.workflow_view import reminder_rows
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import (
    QLineEdit,
    QMainWindow,
    QObject,
    QPlainTextEdit,
    QSpinBox,
    QSystemTrayIcon,
    Qt,
    Signal,
)
from contractdesk.ui.settings import REMINDER_STAGES, Settings
from contractdesk.ui.settings_dialog import SettingsDialog
from contractdesk.ui.workflow import notifier as notifier_module
from contractdesk.ui.workflow.common import Ask
from contractdesk.ui.workflow.notifier import Notifier
from tests.conftest import TODAY
from tests.ui.workflow_helpers import (
    agreement_id,
    reminder_names,
    reminders_panel,
    select_reminder,
)

DUE = ["CSCO-SNT-9921", "MS-TEAMS-PH", "MS-EA-2024", "VEEAM-DP-1187", "DELL-PS-4471"]


def _state(access: DataAccess, number: str) -> ReminderState:
    with access.database.session("cli") as session:
        state = session.scalars(select(ReminderState).where(
            ReminderState.agreement_id == agreement_id(access, number))).one()
        session.expunge(state)
        return state


def test_start_page_lists_due_reminders_first_with_the_missed_one_on_top(
        qtbot: QtBot, window: MainWindow) -> None:
    panel = reminders_panel(qtbot, window)
    layout = window.start_page.body
    assert layout.indexOf(panel) < layout.indexOf(window.start_page.sections["overdue"][0])
    assert reminder_names(panel) == DUE
    first = panel.model.rows[0]
    assert first["status"] == "40 days overdue"
    assert first["colour"] == "overdue"
    assert first["action"] == "Give notice by"
    assert first["stage"] == "missed"
    assert panel.model.rows[1]["stage"] == "7 days ahead"
    assert panel.title.text() == "Reminders (5, 1 missed)"


def test_handled_removes_the_reminder_and_records_it(qtbot: QtBot, window: MainWindow,
                                                     access: DataAccess) -> None:
    panel = reminders_panel(qtbot, window)
    select_reminder(panel, "MS-TEAMS-PH")
    qtbot.mouseClick(panel.handled_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "MS-TEAMS-PH" not in reminder_names(panel))
    assert reminder_names(panel) == [name for name in DUE if name != "MS-TEAMS-PH"]
    assert _state(access, "MS-TEAMS-PH").acknowledged_at is not None


def test_snooze_hides_the_reminder_until_the_chosen_day(
        qtbot: QtBot, window: MainWindow, access: DataAccess,
        monkeypatch: pytest.MonkeyPatch) -> None:
    until = TODAY + dt.timedelta(days=3)
    monkeypatch.setattr(Ask, "snooze_until", staticmethod(lambda *_args: until))
    panel = reminders_panel(qtbot, window)
    select_reminder(panel, "VEEAM-DP-1187")
    qtbot.mouseClick(panel.snooze_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "VEEAM-DP-1187" not in reminder_names(panel))
    assert _state(access, "VEEAM-DP-1187").snoozed_until == until
    back = [row.name for row in access.read(reminder_rows, until)]
    assert "VEEAM-DP-1187" in back


class FakeTray(QObject):
    """Stands in for the system tray: records messages, clicks on demand."""

    MessageIcon = QSystemTrayIcon.MessageIcon
    ActivationReason = QSystemTrayIcon.ActivationReason
    messageClicked = Signal()
    activated = Signal(object)
    messages: list[tuple[str, str]]

    def __init__(self, *_args: Any) -> None:
        super().__init__()
        self.messages = []

    @staticmethod
    def isSystemTrayAvailable() -> bool:
        return True

    def showMessage(self, title: str, text: str, *_args: Any) -> None:
        self.messages.append((title, text))

    def setToolTip(self, _text: str) -> None: ...
    def setContextMenu(self, _menu: Any) -> None: ...
    def show(self) -> None: ...


def test_tray_notifies_once_per_reminder_per_day_and_a_click_opens_it(
        qtbot: QtBot, qtlog: Any, access: DataAccess,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notifier_module, "QSystemTrayIcon", FakeTray)
    day = {"today": TODAY}
    host = QMainWindow()
    qtbot.addWidget(host)
    notifier = Notifier(host, access, lambda: day["today"], lambda: (90, 60, 30, 7))
    tray: object = notifier.tray  # the notifier's QSystemTrayIcon slot holds the fake
    assert isinstance(tray, FakeTray)

    with qtbot.waitSignal(notifier.check().finished):
        pass
    assert [title for title, _text in tray.messages] == ["5 renewal reminders due"]
    assert tray.messages[0][1].startswith("CSCO-SNT-9921: give notice by")
    with qtbot.waitSignal(notifier.check().finished):  # the hourly check, same day
        pass
    assert len(tray.messages) == 1

    # Opening raises the window, which the offscreen platform warns it cannot do.
    with qtlog.disabled(), qtbot.waitSignal(notifier.open_requested) as opened:
        tray.messageClicked.emit()
    assert opened.args == ["agreement", agreement_id(access, "CSCO-SNT-9921")]

    day["today"] = TODAY + dt.timedelta(days=1)  # a new day: due ones notify again
    with qtbot.waitSignal(notifier.check().finished):
        pass
    assert len(tray.messages) == 2


def test_without_a_tray_a_banner_notifies_at_start_and_opens_the_agreement(
        qtbot: QtBot, qtlog: Any, window: MainWindow) -> None:
    notifier = window.notifier
    assert notifier.tray is None  # the offscreen platform has no system tray
    banner = notifier.banner
    assert banner is not None
    # the check at start comes with the start page's reminders
    qtbot.waitUntil(lambda: bool(notifier.shown), timeout=5000)
    assert banner.isVisible()
    assert banner.text.text().startswith("5 renewal reminders due: CSCO-SNT-9921")
    with qtlog.disabled():  # raising the window: not on the offscreen platform
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert window.dialogs[-1].form.fields["contract_number"].value() == "CSCO-SNT-9921"
    with qtbot.waitSignal(notifier.check().finished):
        pass
    assert len(notifier.shown) == 1 and not banner.isVisible()


def test_settings_dialog_checks_and_stores_the_reminder_stages(qtbot: QtBot) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.stages.text() == "90,60,30,7"
    dialog.stages.setText("30, 90 x")
    dialog.accept()
    assert "Reminder stages" in dialog.problem.text()
    dialog.stages.setText("30 120 7")
    dialog.accept()
    assert settings.get(REMINDER_STAGES) == "120,30,7"


def test_minimising_hides_the_window_into_the_tray_and_a_click_brings_it_back(
        qtbot: QtBot, qtlog: Any, access: DataAccess,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notifier_module, "QSystemTrayIcon", FakeTray)
    host = QMainWindow()
    qtbot.addWidget(host)
    notifier = Notifier(host, access, lambda: TODAY, lambda: (90,))
    tray: object = notifier.tray  # the notifier's QSystemTrayIcon slot holds the fake
    assert isinstance(tray, FakeTray)
    host.show()
    qtbot.waitExposed(host)
    with qtlog.disabled():  # the offscreen platform cannot minimise or raise for real
        host.showMinimized()
        qtbot.waitUntil(lambda: not host.isVisible())
        tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert host.isVisible() and not host.isMinimized()


def test_settings_keep_the_teams_preferences_in_the_database(
        qtbot: QtBot, window: MainWindow, access: DataAccess,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[SettingsDialog] = []

    def exec_(self: SettingsDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    window.menu_actions["settings"].trigger()
    (dialog,) = shown
    name, address = dialog.shared["own.name"], dialog.shared["own.address"]
    country, region = dialog.shared["holidays.country"], dialog.shared["holidays.region"]
    lead, largest = dialog.shared["notice.lead_time_days"], dialog.shared["documents.max_mb"]
    assert isinstance(largest, QSpinBox) and largest.value() == 200
    largest.setValue(50)
    assert isinstance(name, QLineEdit) and isinstance(address, QPlainTextEdit)
    assert isinstance(country, QLineEdit) and isinstance(region, QLineEdit)
    assert isinstance(lead, QSpinBox)
    qtbot.keyClicks(name, "Muster IT GmbH")
    address.setPlainText("Hauptstr. 1\n80331 München")
    qtbot.keyClicks(country, "DE")
    qtbot.keyClicks(region, "XX")
    lead.setValue(14)
    dialog.accept()
    assert "not a region of DE" in dialog.problem.text()
    assert access.read(preferences.get, preferences.OWN_NAME) == ""  # all or nothing
    region.setText("BY")
    dialog.accept()
    stored = access.read(preferences.all_preferences)
    assert (stored["own.name"], stored["own.address"], stored["holidays.region"],
            stored["notice.lead_time_days"], stored["documents.max_mb"]) == (
        "Muster IT GmbH", "Hauptstr. 1\n80331 München", "BY", 14, 50)
