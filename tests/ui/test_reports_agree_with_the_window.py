"""The printed reports say what the window says: the vendor summary's spend is the
vendor page's, and every report uses the reminder window set in Settings."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from contractdesk.services.spend import spend_per_year
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import Qt
from contractdesk.ui.settings import REMINDER_DAYS
from tests.conftest import TODAY
from tests.reports.spend_text import Figures, printed_spend, service_spend
from tests.ui.conftest import Shown, pdf_text, show_list


def _printed(qtbot: QtBot, window: MainWindow, shown: Shown, action: str) -> str:
    shown.reports.clear()
    window.menu_actions[action].trigger()
    qtbot.waitUntil(lambda: bool(shown.reports), timeout=20_000)
    (_title, pdf, _pages), = shown.reports
    return pdf_text(pdf)


def _page_spend(window: MainWindow) -> Figures:
    rows = window.vendor_page.models["spend"].rows
    return {(int(str(row["year"]).split()[0]), str(row["currency"])): Decimal(row["total"])
            for row in rows}


def test_the_vendor_page_and_its_printed_summary_show_the_same_spend(
        qtbot: QtBot, window: MainWindow, shown: Shown) -> None:
    page = show_list(qtbot, window, "organizations")
    names = [page.model.row(r)["name"] for r in range(page.model.total)]
    with_spend = 0
    for name in names:
        page = show_list(qtbot, window, "organizations")
        row = next(r for r in range(page.model.total) if page.model.row(r)["name"] == name)
        page.view.setCurrentIndex(page.model.index(row, 0))
        window.menu_actions["open"].trigger()
        vendor = window.vendor_page
        assert vendor.view is not None and vendor.view.name == name
        on_screen = _page_spend(window)
        shown.reports.clear()
        qtbot.mouseClick(vendor.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(shown.reports), timeout=20_000)
        printed = printed_spend(pdf_text(shown.reports[0][1]))
        service = service_spend(window.access.read(spend_per_year, vendor.view.id, TODAY))
        assert on_screen == printed == service, name
        with_spend += bool(service)
    assert with_spend >= 5


def test_reports_printed_from_the_window_use_its_reminder_window(
        qtbot: QtBot, window: MainWindow, shown: Shown) -> None:
    window.settings.set(REMINDER_DAYS, 30)
    window.show_page("start")
    assert "(30 days)" in _printed(qtbot, window, shown, "report_renewals")
    page = show_list(qtbot, window, "organizations")
    row = next(r for r in range(page.model.total)
               if page.model.row(r)["name"] == "Computacenter")
    page.view.setCurrentIndex(page.model.index(row, 0))
    text = " ".join(_printed(qtbot, window, shown, "report_vendor").split())
    assert "next 30 days" in text and "next 90 days" not in text
