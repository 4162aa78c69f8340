"""The Documents tab (drop, file dialog, open) and File → Export calendar…."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.models import Document, Organization
from contractdesk.paths import documents_dir
from contractdesk.services.access import DataAccess
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import (
    QDesktopServices,
    QDropEvent,
    QPointF,
    Qt,
    QUrl,
)
from contractdesk.ui.workflow.common import Ask
from contractdesk.ui.workflow.documents_tab import (
    DocumentsTab,
    local_files,
    size_text,
    type_text,
)
from tests.ui.workflow_helpers import open_agreement


def _organization_id(access: DataAccess, name: str) -> int:
    with access.database.session("cli") as session:
        return session.scalars(select(Organization.id).where(Organization.name == name)
                               ).one()


def _drop(tab: DocumentsTab, paths: list[Path]) -> None:
    """Drops ``paths`` on the tab. The event goes to the widget's ``event()``:
    ``QApplication.sendEvent`` delivers drop events only during a real drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    tab.event(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def _names(tab: DocumentsTab) -> list[str]:
    return sorted(str(row["file_name"]) for row in tab.model.rows)


def test_dropping_files_on_an_organization_attaches_and_lists_them(
        qtbot: QtBot, window: MainWindow, access: DataAccess, tmp_path: Path) -> None:
    contract = tmp_path / "framework contract.pdf"
    contract.write_bytes(b"%PDF signed" * 200)
    copy = tmp_path / "same content.pdf"
    copy.write_bytes(contract.read_bytes())
    folder = tmp_path / "a folder"
    folder.mkdir()
    dialog = window.edit_record("organization", _organization_id(access, "Bechtle"))
    tab = dialog.documents_tab
    assert isinstance(tab, DocumentsTab)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Documents"
    assert tab.acceptDrops()

    assert local_files([QUrl.fromLocalFile(str(folder)),
                        QUrl("https://example.com/x.pdf")]) == []  # nothing to accept
    with qtbot.waitSignal(tab.attached):
        _drop(tab, [contract, copy, folder])  # the folder is left out
    assert _names(tab) == ["framework contract.pdf", "same content.pdf"]
    row = tab.model.rows[0]
    assert row["media_type"] == "PDF document"
    assert row["size"] == "2.1 KB"
    with access.database.session("cli") as session:
        stored = session.scalars(select(Document)).all()
        assert {d.organization_id for d in stored} == {_organization_id(access, "Bechtle")}
    assert len(list(documents_dir().rglob("*.bin"))) == 1  # equal content stored once


def test_attach_through_the_file_dialog_and_open_with_the_system_viewer(
        qtbot: QtBot, window: MainWindow, access: DataAccess, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    quote = tmp_path / "quote Q-2026-7.xlsx"
    quote.write_bytes(b"PK quote")
    monkeypatch.setattr(Ask, "open_files", staticmethod(lambda *_args: [quote]))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    tab = open_agreement(window, access, "MS-EA-2024").documents_tab
    assert isinstance(tab, DocumentsTab)
    with qtbot.waitSignal(tab.attached):
        qtbot.mouseClick(tab.attach_button, Qt.MouseButton.LeftButton)
    assert _names(tab) == ["quote Q-2026-7.xlsx"]
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert path.parent.parent == documents_dir()  # the stored copy, named by its hash
    assert path.read_bytes() == b"PK quote"


def test_types_read_like_a_file_manager() -> None:
    assert type_text("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     "q.xlsx") == "Spreadsheet"
    assert type_text("application/octet-stream", "scan.tiff2") == "TIFF2 file"
    assert type_text("application/octet-stream", "README") == "File"


def test_sizes_read_like_a_file_manager() -> None:
    assert [size_text(n) for n in (0, 1023, 1024, 5 * 1024 * 1024)] == \
        ["0 bytes", "1023 bytes", "1.0 KB", "5.0 MB"]


def test_export_calendar_writes_a_parseable_ics(qtbot: QtBot, window: MainWindow,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "renewals"  # no suffix typed: .ics is added
    monkeypatch.setattr(Ask, "save_file", staticmethod(lambda *_args: target))
    action = window.menu_actions["export_calendar"]
    assert action.text() == "Export &calendar…"
    action.trigger()
    written = target.with_suffix(".ics")
    qtbot.waitUntil(written.exists)
    calendar = Calendar.from_ical(written.read_bytes())
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert "Notice deadline: MS-EA-2024" in summaries
    assert "CSCO-SNT-9921 renews" in summaries
    assert "FTNT-FC-20411 ends" in summaries  # years away: the calendar holds it too
    qtbot.waitUntil(lambda: "Calendar written to" in window.statusBar().currentMessage())
