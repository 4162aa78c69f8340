from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.rowset import ListFilter
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.models import RecordListModel
from contractdesk.ui.pages.list_page import ListPage
from contractdesk.ui.qt import QDate, QPoint, Qt
from tests.conftest import TODAY
from tests.ui.conftest import show_list


def _column(page: ListPage, name: str) -> list[Any]:
    model = page.model
    column = model.columns.index(name)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_filter_the_agreements_list(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "agreements")
    assert page.model.total == 18
    qtbot.keyClicks(page.text, "microsoft")
    assert sorted(_column(page, "contract_number")) == ["MS-CSP-22019", "MS-EA-2024",
                                                         "MS-TEAMS-PH", "WIN-SRV-DC-16"]
    assert page.count_label.text() == "4 records"
    page.status_box.setCurrentIndex(page.status_box.findText("Notice due"))
    assert sorted(_column(page, "contract_number")) == ["MS-EA-2024", "MS-TEAMS-PH"]
    assert set(_column(page, "status")) == {"Notice due"}
    status = page.model.columns.index("status")
    assert page.model.data(page.model.index(0, status),
                           Qt.ItemDataRole.DecorationRole) is not None  # colour and text
    page.text.clear()
    page.status_box.setCurrentIndex(0)
    page.reseller_box.setCurrentIndex(page.reseller_box.findText("Softcat"))
    assert set(_column(page, "reseller")) == {"Softcat"}
    page.reseller_box.setCurrentIndex(0)
    page.kind_box.setCurrentIndex(page.kind_box.findText("Warranty"))
    assert set(_column(page, "kind")) == {"Warranty"}
    page.kind_box.setCurrentIndex(0)
    page.date_from.setDate(QDate(2027, 1, 1))
    page.date_to.setDate(QDate(2027, 12, 31))
    assert all(value.endswith("2027") or value.startswith("2027")
               for value in _column(page, "end_date"))


def test_money_is_right_aligned_with_its_currency(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "purchases")
    column = page.model.columns.index("total")
    index = page.model.index(0, column)
    assert str(page.model.data(index)).endswith(("EUR", "GBP"))
    assert page.model.data(index, Qt.ItemDataRole.TextAlignmentRole) & \
        Qt.AlignmentFlag.AlignRight


def test_header_click_sorts_and_keeps_the_filter(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "agreements")
    qtbot.keyClicks(page.text, "ms-")
    column = page.model.columns.index("contract_number")
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + QPoint(header.sectionViewportPosition(
                         column) + 5, 5))
    ascending = _column(page, "contract_number")
    assert ascending == sorted(ascending) and len(ascending) == 4
    page._sort_by(column)  # second click: descending
    assert _column(page, "contract_number") == sorted(ascending, reverse=True)
    end = page.model.columns.index("end_date")
    page.model.sort(end, Qt.SortOrder.DescendingOrder)
    ends = [page.model.row(row)["end_date"] for row in range(page.model.rowCount())]
    assert ends == sorted(ends, reverse=True)


@pytest.mark.parametrize("kind", queries.KINDS)
def test_list_models_pass_the_model_tester(qtmodeltester: Any, access: DataAccess,
                                           kind: str) -> None:
    model = RecordListModel(kind)
    qtmodeltester.check(model)  # empty, before loading
    model.set_rows(access.read(queries.load_rows, kind, TODAY))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.set_filter(ListFilter(text="e"))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def _organization_id(qtbot: QtBot, window: MainWindow, name: str) -> tuple[ListPage, int]:
    page = show_list(qtbot, window, "organizations")
    for row in range(page.model.rowCount()):
        if page.model.row(row)["name"] == name:
            return page, row
    raise AssertionError(name)


def test_start_page_and_vendor_models_pass_the_model_tester(qtmodeltester: Any, qtbot: QtBot,
                                                             window: MainWindow) -> None:
    for _label, _view, model in window.start_page.sections.values():
        qtmodeltester.check(model)
    page, row = _organization_id(qtbot, window, "Bechtle")
    bechtle = page.model.record_id(row)
    assert bechtle is not None
    window.open_record("organization", bechtle)
    for model in window.vendor_page.models.values():
        qtmodeltester.check(model)
    window.open_record("agreement", 1)
    qtmodeltester.check(window.dialogs[-1].history_model)


def test_column_choice_is_remembered(qtbot: QtBot, access: DataAccess,
                                     window: MainWindow) -> None:
    page = show_list(qtbot, window, "agreements")
    column = page.model.columns.index("title")
    page.view.horizontalHeader().setSectionHidden(column, True)
    window.close()
    again = MainWindow(access, window.settings, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.list_page("agreements").view.horizontalHeader().isSectionHidden(column)


def test_vendor_view_shows_what_was_bought_through_a_reseller(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    page, row = _organization_id(qtbot, window, "Bechtle")
    page.view.setCurrentIndex(page.model.index(row, 0))
    window.menu_actions["open"].trigger()
    assert window.stack.currentWidget() is window.vendor_page
    vendor = window.vendor_page
    assert vendor.name.text() == "Bechtle"
    purchases = {row["po_number"] for row in vendor.models["purchases"].rows}
    assert purchases == {"PO-2022-0141", "PO-2024-0090"}
    assert {row["other"] for row in vendor.models["purchases"].rows} == {
        "Dell Technologies", "Veeam Software"}
    spend = {(row["year"], row["currency"]): row["purchases"]
             for row in vendor.models["spend"].rows}
    assert str(spend[("2023", "EUR")]) == "38400.00"
    assert {row["name"] for row in vendor.models["contacts"].rows} == {
        "Petra Vogel", "Bechtle Service Desk"}


def test_a_new_list_claims_no_sort_and_a_chosen_sort_is_remembered(
        qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "agreements")
    header = page.view.horizontalHeader()
    assert header.sortIndicatorSection() == -1  # in its own order (by end date)
    ends = [page.model.row(row)["end_date"] for row in range(page.model.rowCount())]
    assert ends == sorted(ends)
    title = page.model.columns.index("title")
    page._sort_by(title)
    page._sort_by(title)  # a second click: descending
    page.save_layout()

    again = ListPage(window.access, "agreements", window.settings, window.today,
                     window.window_days)
    qtbot.addWidget(again)
    again.reload()
    qtbot.waitUntil(lambda: again.model.loaded)
    assert again.view.horizontalHeader().sortIndicatorSection() == title
    titles = _column(again, "title")
    assert titles == sorted(titles, reverse=True)
