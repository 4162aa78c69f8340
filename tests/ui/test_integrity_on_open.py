"""The window opens without waiting for the integrity check, then runs it in the
background and reports a damaged file before anyone edits it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contractdesk.db.database import open_database
from contractdesk.errors import DatabaseError
from contractdesk.services.access import DataAccess
from contractdesk.ui.app import verify_in_background
from contractdesk.ui.qt import QWidget
from tests.db.test_opening import damage
from tests.ui.conftest import DialogLog


def test_damage_is_reported_and_the_window_closed(db_path: Path, qtbot: QtBot,
                                                  dialogs: DialogLog) -> None:
    damage(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(db_path)  # the command line checks before opening
    data = DataAccess(open_database(db_path, verify=False))  # the window does not wait
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    verify_in_background(window, data)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=5000)
    title, text, _ = dialogs.errors[0]
    assert title == "The database is damaged" and "Restore a backup" in text
    assert not window.isVisible()
    data.close()


def test_a_sound_file_says_nothing(migrated_db_path: Path, qtbot: QtBot,
                                   dialogs: DialogLog) -> None:
    data = DataAccess(open_database(migrated_db_path, verify=False))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(verify_in_background(window, data).finished, timeout=5000):
        pass
    assert dialogs.errors == [] and window.isVisible()
    data.close()
