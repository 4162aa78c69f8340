"""File → Export and the Reports menu, driven from the window; files checked on disk."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from contractdesk.ui.file_dialogs import FileDialogs
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import Qt
from contractdesk.ui.report_viewer import ReportDialog
from tests.ui.conftest import DialogLog, Shown, pdf_text, show_list


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path, chosen_filter: str) -> None:
    monkeypatch.setattr(FileDialogs, "save_file",
                        staticmethod(lambda *_args: (target, chosen_filter)))


def test_export_everything_to_xlsx(qtbot: QtBot, window: MainWindow,
                                   monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    save_as(monkeypatch, tmp_path / "everything", "Excel workbook, every record (*.xlsx)")
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=20_000):
        window.menu_actions["export_all"].trigger()
    workbook = openpyxl.load_workbook(tmp_path / "everything.xlsx", read_only=True)
    assert workbook.sheetnames[:6] == ["Renewals", "organizations", "contacts", "purchases",
                                       "items", "agreements"]
    assert len(list(workbook["agreements"].iter_rows())) == 19  # header, 18 agreements
    workbook.close()  # a read-only workbook keeps its file open until closed
    assert "Exported" in window.statusBar().currentMessage()


def test_export_the_filtered_list_to_csv(qtbot: QtBot, window: MainWindow,
                                         monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    page = show_list(qtbot, window, "agreements")
    qtbot.keyClicks(page.text, "dell")
    shown = {page.model.row(row)["contract_number"] for row in range(page.model.total)}
    assert 0 < len(shown) < 18
    save_as(monkeypatch, tmp_path / "dell", "CSV (*.csv)")
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=20_000):
        window.menu_actions["export_list"].trigger()
    with (tmp_path / "dell.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert {row["contract_number"] for row in rows} == shown


def test_export_list_without_a_list_on_screen_says_so(window: MainWindow,
                                                      dialogs: DialogLog) -> None:
    window.show_page("start")
    window.menu_actions["export_list"].trigger()
    assert dialogs.errors[-1][0] == "Nothing to export"


def test_renewals_report_from_the_menu(qtbot: QtBot, window: MainWindow, shown: Shown,
                                       monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    window.menu_actions["report_renewals"].trigger()
    qtbot.waitUntil(lambda: bool(shown.reports), timeout=20_000)
    (title, pdf, pages), = shown.reports
    assert title == "renewals report" and pages >= 1
    assert "Renewals" in pdf_text(pdf)

    dialog = ReportDialog(window, title, pdf, pages)  # what present() shows
    qtbot.addWidget(dialog)
    save_as(monkeypatch, tmp_path / "renewals", "PDF (*.pdf)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "renewals.pdf").read_bytes() == pdf.read_bytes()


def test_print_summary_on_the_vendor_view(qtbot: QtBot, window: MainWindow,
                                          shown: Shown) -> None:
    page = show_list(qtbot, window, "organizations")
    row = next(r for r in range(page.model.total)
               if page.model.row(r)["name"] == "Computacenter")
    page.view.setCurrentIndex(page.model.index(row, 0))
    window.open_selected()
    assert window.vendor_page.print_button.isEnabled()
    qtbot.mouseClick(window.vendor_page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown.reports), timeout=20_000)
    (title, pdf, _pages), = shown.reports
    assert title == "vendor summary"
    assert "Computacenter" in pdf_text(pdf)


def test_support_card_of_the_selected_agreement(qtbot: QtBot, window: MainWindow,
                                                shown: Shown) -> None:
    page = show_list(qtbot, window, "agreements")
    row = next(r for r in range(page.model.total)
               if page.model.row(r)["contract_number"] == "DELL-PS-4471")
    page.view.setCurrentIndex(page.model.index(row, 0))
    window.menu_actions["report_support"].trigger()
    qtbot.waitUntil(lambda: bool(shown.reports), timeout=20_000)
    (_title, pdf, _pages), = shown.reports
    text = pdf_text(pdf)
    assert "DELL-PS-4471" in text and "MS-EA-2024" not in text


def test_print_on_the_start_page_is_the_renewals_report(qtbot: QtBot, window: MainWindow,
                                                        shown: Shown) -> None:
    window.show_page("start")
    window.menu_actions["print"].trigger()
    qtbot.waitUntil(lambda: bool(shown.reports), timeout=20_000)
    assert shown.reports[0][0] == "renewals report"


def test_vendor_summary_asks_which_organization_when_none_is_on_screen(
        qtbot: QtBot, window: MainWindow, shown: Shown,
        monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def choose(_parent: object, _title: str, _label: str, choices: list[str]) -> str:
        offered.extend(choices)
        return "Softcat"

    monkeypatch.setattr(FileDialogs, "choose", staticmethod(choose))
    window.show_page("start")
    window.menu_actions["report_vendor"].trigger()
    qtbot.waitUntil(lambda: bool(shown.reports), timeout=20_000)
    assert "Computacenter" in offered and "Softcat" in offered
    assert "Softcat" in pdf_text(shown.reports[0][1])
