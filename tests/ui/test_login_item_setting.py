"""Settings → "Remind me when I sign in": the checkbox puts the autostart entry in place
and takes it away again (Linux, in a home folder of the test's own)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contractdesk.ui.qt import QDialogButtonBox, Qt
from contractdesk.ui.settings import REMIND_AT_SIGN_IN, Settings
from contractdesk.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the XDG autostart entry is Linux's sign-in item")


def _confirm(qtbot: QtBot, settings: Settings, checked: bool) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    if dialog.at_sign_in.isChecked() != checked:
        qtbot.mouseClick(dialog.at_sign_in, Qt.MouseButton.LeftButton)
    assert dialog.at_sign_in.isChecked() is checked
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.problem.text()
    return dialog


def test_sign_in_checkbox_writes_and_removes_the_autostart_entry(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "contractdesk-reminders.desktop"
    settings = Settings()

    _confirm(qtbot, settings, checked=True)
    assert settings.get(REMIND_AT_SIGN_IN) is True
    exec_line = next(line for line in entry.read_text(encoding="utf-8").splitlines()
                     if line.startswith("Exec="))
    assert exec_line == (f'Exec="{sys.executable}" "-m" "contractdesk" "remind" '
                         '"--notify"')

    dialog = _confirm(qtbot, settings, checked=False)
    assert dialog.at_sign_in.text().startswith("Remind me when I sign in")
    assert not entry.exists()
    assert settings.get(REMIND_AT_SIGN_IN) is False
