from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contractdesk.errors import UserError
from contractdesk.services.progress import CallbackProgress
from contractdesk.ui.app import open_data
from contractdesk.ui.crash import report_exception
from contractdesk.ui.qt import QProgressDialog, QPushButton, Qt, QWidget
from contractdesk.ui.settings import BACKUPS_TO_KEEP, REMINDER_DAYS, THEME, Settings
from contractdesk.ui.tasks import run_task
from tests.ui.conftest import DialogLog


def test_newer_database_is_one_clear_dialog(tmp_path: Path, dialogs: DialogLog) -> None:
    path = tmp_path / "newer.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    before = path.read_bytes()
    assert open_data(str(path), Settings()) is None
    (title, text, details), = dialogs.errors
    assert title == "Cannot open the database"
    assert "newer version of ContractDesk" in text
    assert details == ""
    assert path.read_bytes() == before


def test_corrupt_database_is_one_clear_dialog(tmp_path: Path, dialogs: DialogLog) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert open_data(str(path), Settings()) is None
    (_title, text, _details), = dialogs.errors
    assert "damaged" in text or "not a" in text
    assert "Traceback" not in text


def test_a_bug_is_logged_and_shown_in_words_with_copyable_details(
        dialogs: DialogLog) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        report_exception(error)
    (title, text, details), = dialogs.errors
    assert title == "Something went wrong"
    assert "RuntimeError" in text and "Traceback" not in text
    assert "Traceback" in details and "boom" in details
    report_exception(UserError("The disk is full: free some space and try again."))
    assert dialogs.errors[-1][1] == "The disk is full: free some space and try again."
    assert dialogs.errors[-1][2] == ""


def test_background_task_delivers_its_result_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[int, bool]] = []

    def work(progress: CallbackProgress) -> int:
        for done in range(3):
            progress.update(done, 3, "working")
        return 42

    def done(result: int) -> None:
        seen.append((result, threading.current_thread() is threading.main_thread()))

    task = run_task(parent, "Working", work, done)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [True]
    assert seen == [(42, True)]


def test_background_task_cancel_and_failure(qtbot: QtBot, dialogs: DialogLog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    results: list[object] = []

    def slow(progress: CallbackProgress) -> None:
        started.set()
        while True:
            progress.update(0, 10)
            threading.Event().wait(0.01)

    task = run_task(parent, "Slow", slow, results.append)
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        assert task.dialog is not None
        button = task.dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    assert results == []
    assert dialogs.errors == []

    def failing(_progress: CallbackProgress) -> None:
        raise UserError("The file is open in another program.")

    task = run_task(parent, "Failing", failing, results.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert dialogs.errors[-1][1] == "The file is open in another program."


def test_a_quick_query_never_shows_a_progress_dialog(qtbot: QtBot) -> None:
    """The start page's queries run without one; Qt used to show a hidden dialog after
    its 4 s default when such a query took that long (a slow disk, a large register)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    task = run_task(parent, "Quick", lambda _progress: 42, results.append,
                    progress_dialog=False)
    assert task.dialog is None
    assert parent.findChildren(QProgressDialog) == []
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [True]
    assert results == [42]


def test_settings_are_typed_with_defaults(tmp_path: Path) -> None:
    settings = Settings()
    assert settings.get(REMINDER_DAYS) == 90
    settings.set(REMINDER_DAYS, 60)
    settings.store.setValue(BACKUPS_TO_KEEP.key, "lots")  # edited by hand
    settings.sync()
    again = Settings()
    assert again.get(REMINDER_DAYS) == 60
    assert again.get(BACKUPS_TO_KEEP) == 10
    assert again.get(THEME) == "system"


def test_opening_current_settings_leaves_the_file_alone(qtbot: QtBot) -> None:
    """Every start opens the settings; rewriting (and fsyncing) an unchanged file each
    time was a disk write in the first frame."""
    first = Settings()
    first.sync()
    path = Path(first.store.fileName())
    before = path.stat()
    again = Settings()
    qtbot.wait(10)  # QSettings writes pending changes from the event loop
    again.sync()
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert again.store.value("settings_version") == first.store.value("settings_version")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_status_colours_stay_readable(theme: str) -> None:
    from contractdesk.ui.labels import STATUS_COLOURS
    from contractdesk.ui.look import dark_palette
    from contractdesk.ui.qt import QColor, QPalette

    base = (dark_palette().color(QPalette.ColorRole.Base) if theme == "dark"
            else QColor("#ffffff"))
    # inputs must stand out from the window, or frames and check boxes vanish
    assert dark_palette().color(QPalette.ColorRole.Base).lightness() > \
        dark_palette().color(QPalette.ColorRole.Window).lightness()
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
                + 0.0722 * channel(colour.blueF()))

    for colour in STATUS_COLOURS.values():
        lighter, darker = sorted((luminance(QColor(colour)), luminance(base)), reverse=True)
        # WCAG contrast of the swatch against the cell; the status is also written out
        assert (lighter + 0.05) / (darker + 0.05) >= 2.0, colour


def test_the_window_calms_the_garbage_collector() -> None:
    """What was loaded at start leaves the full collections that would stop the
    window; young objects are collected less often."""
    import gc

    from contractdesk.ui.app import YOUNG_COLLECTION_AFTER, calm_garbage_collector

    threshold = gc.get_threshold()
    try:
        calm_garbage_collector()
        assert gc.get_freeze_count() > 10_000  # the modules, classes, functions so far
        assert gc.get_threshold() == (YOUNG_COLLECTION_AFTER, *threshold[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
