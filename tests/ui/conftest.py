"""A main window over the sample database, as of the fixed test day."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from contractdesk.db.database import Database, open_database
from contractdesk.services.access import DataAccess
from contractdesk.services.sample import fill_sample
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.pages.list_page import ListPage
from contractdesk.ui.report_viewer import ReportViewer
from contractdesk.ui.settings import Settings
from tests.conftest import TODAY


class DialogLog:
    """Stands in for modal boxes: records what would have been shown."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str, str]] = []
        self.confirmations: list[str] = []
        self.answer = True
        self.text_answer: str | None = None

    def error(self, _parent: Any, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))

    def confirm(self, _parent: Any, _title: str, text: str) -> bool:
        self.confirmations.append(text)
        return self.answer

    def text(self, _parent: Any, _title: str, _label: str) -> str | None:
        return self.text_answer


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    log = DialogLog()
    monkeypatch.setattr(Dialogs, "error", staticmethod(log.error))
    monkeypatch.setattr(Dialogs, "confirm", staticmethod(log.confirm))
    monkeypatch.setattr(Dialogs, "text", staticmethod(log.text))
    return log


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample database built once (migrations and sample data take ~1 s)."""
    path = tmp_path_factory.mktemp("template") / "sample.sqlite3"
    database = open_database(path)
    with database.transaction("cli") as session:
        fill_sample(session, TODAY)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def sample_database(sample_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the sample database, as the shared fixture makes it."""
    path = tmp_path / "sample.sqlite3"
    shutil.copyfile(sample_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def access(sample_database: Database) -> DataAccess:
    return DataAccess(sample_database)


@pytest.fixture
def window(qtbot: QtBot, access: DataAccess) -> Iterator[MainWindow]:
    main = MainWindow(access, Settings(), today=lambda: TODAY)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: main.start_page.page is not None)  # loads off the GUI thread
    yield main
    for dialog in list(main.dialogs):
        dialog.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform cannot pass a top-level window's size constraints on and
    says so whenever a shown window's minimum size changes; that is the test platform's
    limit, not the app's, so only this message is let through."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(
                r"This plugin does not support propagateSizeHints\(\)"))


def show_list(qtbot: QtBot, window: MainWindow, kind: str) -> ListPage:
    """Shows a list page and waits until its rows arrived from the worker."""
    window.show_page(kind)
    page = window.lists[kind]
    qtbot.waitUntil(lambda: page.model.loaded)
    return page


@pytest.fixture
def empty_window(qtbot: QtBot, sqlite_database: Database) -> Iterator[MainWindow]:
    """The window on an empty database, as a new user first sees it."""
    main = MainWindow(DataAccess(sqlite_database), Settings(), today=lambda: TODAY)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: main.start_page.page is not None)
    yield main
    for dialog in list(main.dialogs):
        dialog.close()


class Shown:
    """The reports the window presented (title, PDF, pages), instead of a viewer."""

    def __init__(self) -> None:
        self.reports: list[tuple[str, Path, int]] = []

    def present(self, _parent: object, title: str, pdf: Path, pages: int) -> None:
        self.reports.append((title, pdf, pages))


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    log = Shown()
    monkeypatch.setattr(ReportViewer, "present", staticmethod(log.present))
    return log


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)
