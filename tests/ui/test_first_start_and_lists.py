"""Issue 17, items 8, 10 and 12: the first start on an empty database, the sample data,
New on every list, empty lists, columns sized to content, Back from the vendor view,
new vendors "Not reviewed", the sidebar at 1024×700."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Organization
from contractdesk.domain.enums import OrgStatus
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.governance.risk_page import RiskRegisterPage
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.pages.list_page import ENTITY
from contractdesk.ui.qt import QDropEvent, QLabel, QPointF, QPushButton, Qt, QUrl
from contractdesk.ui.sample_data import sample_path
from contractdesk.ui.settings import Settings
from tests.conftest import TODAY
from tests.ui.conftest import show_list


def _visible_text(window: MainWindow) -> str:
    widgets = window.start_page.findChildren(QLabel) + window.start_page.findChildren(
        QPushButton)
    return "\n".join(w.text() for w in widgets if w.isVisibleTo(window))


def test_an_empty_database_shows_the_three_ways_in(empty_window: MainWindow) -> None:
    text = _visible_text(empty_window)
    assert "Nothing here yet" in text
    for way in ("Import a spreadsheet…", "Try the sample data", "Add an agreement…"):
        assert way in text
    assert ": nothing" not in text  # no five "nothing" headings
    assert not any(card.isVisibleTo(empty_window)
                   for card in empty_window.start_page.counts.values())


def test_the_sample_database_has_the_agenda_not_the_ways_in(window: MainWindow) -> None:
    assert not window.start_page.first_start.isVisibleTo(window)
    assert window.start_page.counts["overdue"].isVisibleTo(window)


def test_add_an_agreement_from_the_empty_start_page(qtbot: QtBot,
                                                    empty_window: MainWindow) -> None:
    qtbot.mouseClick(empty_window.start_page.first_start.new_button,
                     Qt.MouseButton.LeftButton)
    dialog = empty_window.dialogs[-1]
    assert dialog.kind == "agreement" and dialog.record_id is None


def test_a_spreadsheet_dropped_on_the_empty_start_page_is_imported(
        qtbot: QtBot, empty_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    register = tmp_path / "register.csv"
    register.write_text("Contract,Title,End date\nC-1,Support,2027-01-31\n")
    opened: list[Path] = []
    monkeypatch.setattr("contractdesk.ui.main_window.start_import",
                        lambda _window, path=None: opened.append(path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(register))])
    panel = empty_window.start_page.first_start
    drop = QDropEvent(QPointF(panel.mapTo(empty_window, panel.rect().center())),
                      Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    # Qt hands a drop to the nearest widget under the cursor that takes drops: the
    # panel takes none, so the drop on it reaches the window, which imports the file
    assert not panel.acceptDrops() and empty_window.acceptDrops()
    empty_window.dropEvent(drop)
    assert opened == [register]


def _count(access: DataAccess, model: type[Agreement] | type[Organization]) -> int:
    def counted(session: Session) -> int:
        return len(session.scalars(select(model.id)).all())
    return access.read(counted)


def test_try_the_sample_data_and_back(qtbot: QtBot, empty_window: MainWindow) -> None:
    assert "sample" in empty_window.menu_actions["sample"].text().lower()
    qtbot.mouseClick(empty_window.start_page.first_start.sample_button,
                     Qt.MouseButton.LeftButton)
    sample = empty_window.sample_data.sample
    assert sample is not None
    qtbot.waitUntil(lambda: sample.start_page.page is not None)
    assert "SAMPLE DATA" in sample.windowTitle()
    assert sample.isVisible() and not empty_window.isVisible()
    assert sample.sample_data.back_button.isVisibleTo(sample)
    assert sample.menu_actions["sample"].text().replace("&", "") == "Back to my data"
    assert sample_path().is_file()
    assert _count(sample.access, Agreement) > 0
    assert not sample.start_page.first_start.isVisibleTo(sample)

    qtbot.mouseClick(sample.sample_data.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: empty_window.sample_data.sample is None)
    assert empty_window.isVisible()
    assert _count(empty_window.access, Agreement) == 0  # the real database is untouched


@pytest.mark.parametrize("kind", list(ENTITY))
def test_every_list_has_new_and_says_how_to_fill_it(qtbot: QtBot, empty_window: MainWindow,
                                                    kind: str) -> None:
    page = show_list(qtbot, empty_window, kind)
    assert page.hint.isVisibleTo(empty_window)
    assert "Nothing here yet" in page.hint.text()
    assert "Import" in page.hint.text() and "sample" in page.hint.text()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = empty_window.dialogs[-1]
    assert isinstance(dialog, RecordDialog)
    assert (dialog.kind, dialog.record_id) == (ENTITY[kind], None)


def test_a_filter_without_match_says_so(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "agreements")
    assert not page.hint.isVisibleTo(window)
    qtbot.keyClicks(page.text, "zzzz-no-such-thing")
    assert page.hint.isVisibleTo(window)
    assert "No record matches" in page.hint.text()


def test_columns_are_sized_to_their_content(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "contacts")
    header = page.view.horizontalHeader()
    metrics = page.view.fontMetrics()
    for name in ("phone", "email"):
        column = page.model.columns.index(name)
        longest = max(metrics.horizontalAdvance(str(page.model.data(
            page.model.index(row, column)) or "")) for row in range(page.model.rowCount()))
        assert header.sectionSize(column) >= longest, name  # nothing is cut off
    assert not header.stretchLastSection()  # an empty last column takes no extra room


def test_a_column_shown_again_is_sized_and_remembered(qtbot: QtBot, window: MainWindow,
                                                      access: DataAccess) -> None:
    page = show_list(qtbot, window, "organizations")
    column = page.model.columns.index("email")
    header = page.view.horizontalHeader()
    assert header.isSectionHidden(column)
    page.show_column(column, True)
    assert not header.isSectionHidden(column)
    assert header.sectionSize(column) >= page.view.sizeHintForColumn(column)
    header.moveSection(header.visualIndex(column), 0)
    window.save_layout()

    again = MainWindow(access, Settings(), today=lambda: TODAY)
    qtbot.addWidget(again)
    reopened = show_list(qtbot, again, "organizations")
    reheader = reopened.view.horizontalHeader()
    assert not reheader.isSectionHidden(column)
    assert reheader.visualIndex(column) == 0
    assert reheader.sectionSize(column) == header.sectionSize(column)


def test_back_from_the_vendor_view_with_alt_left(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "organizations")
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    vendor = window.vendor_page
    assert window.stack.currentWidget() is vendor
    assert vendor.back_button.isVisibleTo(window)
    assert "Organizations" in vendor.back_button.text()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is page
    assert window.sidebar.currentItem().text() == "Organizations"

    window.open_record("organization", page.model.record_id(0) or 0)
    qtbot.mouseClick(vendor.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page


def test_the_sidebar_has_the_risk_register_and_stays_readable(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    window.resize(1024, 700)
    names = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert "Risk register" in names
    window.sidebar.setCurrentRow(names.index("Risk register"))
    assert isinstance(window.stack.currentWidget(), RiskRegisterPage)
    assert window.sidebar.currentItem().text() == "Risk register"
    qtbot.wait(10)
    widest = max(window.sidebar.fontMetrics().horizontalAdvance(name) for name in names)
    assert window.sidebar.width() >= widest
    assert not window.splitter.isCollapsible(0)


def test_a_new_organization_is_not_reviewed(qtbot: QtBot, empty_window: MainWindow) -> None:
    dialog = empty_window.new_record("organization")
    assert dialog.form.fields["status"].value() == OrgStatus.NOT_REVIEWED

    def add(session: Session) -> OrgStatus:
        org = Organization(name="Acme", roles=frozenset())
        session.add(org)
        session.flush()
        return org.status
    assert empty_window.access.write(add) == OrgStatus.NOT_REVIEWED


def test_focus_returns_to_the_window_after_a_dialog(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "agreements")
    page.view.setFocus()
    dialog = window.new_record("agreement")
    qtbot.waitExposed(dialog)
    dialog.close()
    qtbot.waitUntil(lambda: not window.dialogs)
    assert window.focusWidget() is page.view
