"""Issue 17, items 11 and 12: what "Handled" means, the handled and snoozed reminders to
look over and undo, due diligence without checks, and where Save as PDF put the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.governance import DueDiligenceCheck
from contractdesk.db.models import Organization
from contractdesk.db.reminders import ReminderState
from contractdesk.services.access import DataAccess
from contractdesk.ui.file_dialogs import FileDialogs
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import Qt
from contractdesk.ui.report_viewer import ReportDialog
from tests.ui.workflow_helpers import agreement_id, reminder_names, reminders_panel


def _acknowledged(access: DataAccess, number: str) -> bool:
    with access.database.session("cli") as session:
        return session.scalars(select(ReminderState.acknowledged_at).where(
            ReminderState.agreement_id == agreement_id(access, number))).one() is not None


def test_handled_says_it_stops_reminding_and_not_that_notice_was_given(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    panel = reminders_panel(qtbot, window)
    assert "stop reminding" in panel.handled_button.text()
    assert "does not record that notice was given" in panel.handled_button.toolTip()
    before = len(reminder_names(panel))
    panel.view.selectRow(reminder_names(panel).index("MS-TEAMS-PH"))
    qtbot.mouseClick(panel.handled_button, Qt.MouseButton.LeftButton)
    # at once, before any reload: the row is gone and the count says so
    assert "MS-TEAMS-PH" not in reminder_names(panel)
    assert panel.title.text().startswith(f"Reminders ({before - 1}")
    assert panel.message.isVisibleTo(window)
    assert "Notice is not recorded as given" in panel.message.text()
    assert _acknowledged(access, "MS-TEAMS-PH")


def test_a_handled_reminder_is_listed_and_can_come_back(qtbot: QtBot, window: MainWindow,
                                                        access: DataAccess) -> None:
    panel = reminders_panel(qtbot, window)
    panel.view.selectRow(reminder_names(panel).index("MS-TEAMS-PH"))
    qtbot.mouseClick(panel.handled_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.silenced_button, Qt.MouseButton.LeftButton)
    dialog = panel.show_silenced()
    assert [row["name"] for row in dialog.model.rows] == ["MS-TEAMS-PH"]
    assert str(dialog.model.rows[0]["state"]).startswith("handled on")
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    assert not _acknowledged(access, "MS-TEAMS-PH")
    assert dialog.model.rows == [] and dialog.empty.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: "MS-TEAMS-PH" in reminder_names(panel))
    dialog.close()


def test_due_diligence_without_checks_is_not_good_news(qtbot: QtBot, window: MainWindow,
                                                       access: DataAccess) -> None:
    with access.database.transaction("cli") as session:
        org = session.scalars(select(Organization).where(
            Organization.name == "Softcat")).one()
        for check in session.scalars(select(DueDiligenceCheck).where(
                DueDiligenceCheck.organization_id == org.id)):
            session.delete(check)
        org_id = org.id
    window.open_record("organization", org_id)
    tile = window.governance.scorecard.tiles["diligence"]
    qtbot.waitUntil(lambda: tile.detail.text() != "")
    assert tile.detail.text() == "no checks recorded"
    assert "issue" not in tile.value.text()


def test_save_as_pdf_says_where_with_an_open_folder_link(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    target = tmp_path / "kept" / "renewals.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(FileDialogs, "save_file",
                        staticmethod(lambda *_args: (target, "PDF (*.pdf)")))
    dialog = ReportDialog(None, "renewals report", pdf, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == pdf.read_bytes()
    assert dialog.saved.isVisibleTo(dialog)
    assert str(target) in dialog.saved.text()
    assert "Open folder" in dialog.saved.text()
    assert f'href="file://{target.parent}"' in dialog.saved.text()
