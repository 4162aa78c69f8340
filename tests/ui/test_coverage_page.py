"""The Coverage page: the service's answer per device, its filters, and an agreement
started from a selection."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.models import Organization
from contractdesk.services import editing
from contractdesk.services.access import DataAccess
from contractdesk.services.coverage import CoverStatus, ItemCover, item_covers
from contractdesk.ui.labels import display, status_colour
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.pages.coverage_page import CoveragePage
from contractdesk.ui.qt import Qt
from tests.conftest import TODAY

WORDS = {CoverStatus.UNCOVERED: "Not covered", CoverStatus.ENDING: "Ends soon",
         CoverStatus.COVERED: "Covered"}
UNCOVERED = ("CSCO-LOOSE-1", "CSCO-LOOSE-2")


def _org_id(access: DataAccess, name: str) -> int:
    with access.database.session("cli") as session:
        return session.scalars(select(Organization.id).where(
            Organization.name == name)).one()


@pytest.fixture
def loose(access: DataAccess) -> list[int]:
    """Two Cisco switches no agreement covers (the sample covers every device)."""
    cisco = _org_id(access, "Cisco")
    return [access.write(editing.save, "item", None, {
        "description": "Access switch", "serial_number": serial, "oem_id": cisco,
        "location": "Berlin", "quantity": 1}) for serial in UNCOVERED]


def _show(qtbot: QtBot, window: MainWindow) -> CoveragePage:
    """Clicks Coverage in the sidebar and waits for its rows."""
    page = window.coverage_part.get()
    item = window.sidebar.findItems("Coverage", Qt.MatchFlag.MatchExactly)[0]
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.sidebar.visualItemRect(item).center())
    assert window.stack.currentWidget() is page
    return page


def _shown(page: CoveragePage) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.data(model.index(row, column)) for column in
                  range(model.columnCount())) for row in range(model.rowCount())]


def _expected(covers: list[ItemCover]) -> list[tuple[str, ...]]:
    return [(WORDS[c.status], c.serial_number or "", c.asset_tag or "", c.oem or "",
             c.location or "", c.description, c.covered_by or "",
             display("cover_until", c.cover_until)) for c in covers]


def _covers(access: DataAccess, **filters: object) -> list[ItemCover]:
    return access.read(item_covers, TODAY, within=90, **filters)  # type: ignore[arg-type]


def _select(qtbot: QtBot, page: CoveragePage, rows: list[int]) -> None:
    """Clicks the first row, Ctrl+clicks the others."""
    for at, row in enumerate(rows):
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier if at
                         else Qt.KeyboardModifier.NoModifier,
                         page.view.visualRect(page.model.index(row, 1)).center())


def test_the_sidebar_shows_every_item_as_the_service_covers_it(
        qtbot: QtBot, window: MainWindow, access: DataAccess, loose: list[int]) -> None:
    page = _show(qtbot, window)
    covers = _covers(access)
    assert _shown(page) == _expected(covers)
    assert [c.status for c in covers[:2]] == [CoverStatus.UNCOVERED] * 2  # first
    assert page.count_label.text() == "2 not covered, 6 ending within 90 days, 6 covered"
    swatches = {page.model.data(page.model.index(row, 0)):
                page.model.data(page.model.index(row, 0), Qt.ItemDataRole.DecorationRole)
                for row in range(page.model.rowCount())}
    assert swatches == {"Not covered": status_colour("overdue"),
                        "Ends soon": status_colour("expiring"),
                        "Covered": status_colour("active")}
    assert page.hint.isHidden()


def test_the_filters_ask_the_service_again(
        qtbot: QtBot, window: MainWindow, access: DataAccess, loose: list[int]) -> None:
    page = _show(qtbot, window)
    with qtbot.waitSignal(page.loaded):
        page.oem_box.setCurrentIndex(page.oem_box.findText("Cisco"))
    assert _shown(page) == _expected(_covers(access, oem="Cisco"))
    assert page.count_label.text() == "2 not covered, 3 ending within 90 days, 0 covered"
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.uncovered_box, Qt.MouseButton.LeftButton)
    assert _shown(page) == _expected(_covers(access, oem="Cisco", uncovered_only=True))
    assert [row[1] for row in _shown(page)] == list(UNCOVERED)
    with qtbot.waitSignal(page.loaded):
        page.oem_box.setCurrentIndex(page.oem_box.findText("Fortinet"))
    assert _shown(page) == []
    assert page.hint.isVisibleTo(page) and "running cover" in page.hint.text()


def test_double_click_opens_the_covering_agreement_or_the_uncovered_item(
        qtbot: QtBot, window: MainWindow, access: DataAccess, loose: list[int]) -> None:
    page = _show(qtbot, window)
    covers = _covers(access)
    for row in (0, len(covers) - 1):
        rect = page.view.visualRect(page.model.index(row, 1))
        for click in (qtbot.mouseClick, qtbot.mouseDClick):  # a double-click's events
            click(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        dialog = window.dialogs[-1]
        cover = covers[row]
        assert (dialog.kind, dialog.record_id) == (
            ("item", cover.item_id) if cover.covered_by_id is None
            else ("agreement", cover.covered_by_id))
    assert [d.kind for d in window.dialogs] == ["item", "agreement"]


def test_create_agreement_prefills_the_selected_items_and_their_one_oem(
        qtbot: QtBot, window: MainWindow, access: DataAccess, loose: list[int]) -> None:
    page = _show(qtbot, window)
    assert not page.agreement_button.isEnabled()
    cisco_rows = [row for row, cover in enumerate(page.covers) if cover.oem == "Cisco"]
    _select(qtbot, page, cisco_rows)
    qtbot.mouseClick(page.agreement_button, Qt.MouseButton.LeftButton)
    agreement = window.dialogs[-1]
    assert (agreement.kind, agreement.record_id) == ("agreement", None)
    assert agreement.form.fields["oem_id"].value() == _org_id(access, "Cisco")
    chosen = agreement.form.fields["item_ids"].value()
    assert sorted(chosen) == sorted(page.covers[row].item_id for row in cisco_rows)
    assert set(loose) <= set(chosen)

    mixed = [0, len(page.covers) - 1]  # a Cisco switch and a Fortinet or HPE device
    assert len({page.covers[row].oem for row in mixed}) == 2
    _select(qtbot, page, mixed)
    qtbot.mouseClick(page.agreement_button, Qt.MouseButton.LeftButton)
    assert page.agreement_values() == {
        "item_ids": [page.covers[row].item_id for row in mixed]}
    assert window.dialogs[-1].form.fields["oem_id"].value() is None


def test_an_empty_database_says_how_to_fill_the_page(
        qtbot: QtBot, empty_window: MainWindow) -> None:
    page = _show(qtbot, empty_window)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 not covered, 0 ending within 90 days, 0 covered"
    assert page.hint.isVisibleTo(page)
    assert "Import a register" in page.hint.text() and "add items" in page.hint.text()


def test_a_change_elsewhere_reloads_the_page_on_screen(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    page = _show(qtbot, window)
    assert page.count_label.text().startswith("0 not covered")
    access.write(editing.save, "item", None, {"description": "Spare UPS", "quantity": 1})
    with qtbot.waitSignal(page.loaded):
        window.refresh()  # as a saved form asks
    assert _shown(page) == _expected(_covers(access))
    assert _shown(page)[0][:1] + _shown(page)[0][5:6] == ("Not covered", "Spare UPS")
