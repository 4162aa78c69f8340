"""The import wizard, driven as a user would: File → Import…, Next, change a column,
Import, read the summary; a cancelled import writes nothing."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Agreement, Organization
from contractdesk.exporting.dispatch import export_to
from contractdesk.services.access import DataAccess
from contractdesk.services.sample import fill_sample
from contractdesk.ui.file_dialogs import FileDialogs
from contractdesk.ui.import_wizard import wizard as wizard_module
from contractdesk.ui.import_wizard.summary_page import counted
from contractdesk.ui.import_wizard.wizard import ImportWizard, Sentences
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QDropEvent, Qt, QTableWidget, QUrl, QWizard
from contractdesk.ui.settings import DEFAULT_CURRENCY, Settings
from tests.conftest import SAMPLES, TODAY
from tests.ui.conftest import show_list

REGISTER = SAMPLES / "uk_supplier_register.xlsx"


@pytest.fixture
def empty_window(qtbot: QtBot, sqlite_database: Database) -> Iterator[MainWindow]:
    settings = Settings()
    settings.set(DEFAULT_CURRENCY, "GBP")
    main = MainWindow(DataAccess(sqlite_database), settings, today=lambda: TODAY)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.start_page.page is not None)
    yield main


def cell(table: QTableWidget, row: int, column: int) -> str:
    """The text of a table cell that must be there."""
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def count(window: MainWindow, model: type[Any]) -> int:
    def counted(session: Session) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0
    return window.access.read(counted)


def open_wizard(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                path: Path = REGISTER) -> ImportWizard:
    monkeypatch.setattr(FileDialogs, "open_file", staticmethod(lambda *_args: path))
    window.menu_actions["import"].trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.state.preview is not None)
    return wizard


def click(qtbot: QtBot, wizard: ImportWizard, button: QWizard.WizardButton) -> None:
    widget = wizard.button(button)
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_import_a_register_from_start_to_summary(qtbot: QtBot, empty_window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, empty_window, monkeypatch)
    assert "row 2 of sheet “Register”" in wizard.source_page.status.text()
    assert not wizard.source_page.sheet_box.isEnabled()  # one sheet: nothing to choose

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.columns_page
    assert wizard.columns_page.combos["Cover To"].currentData() == "agreement.end_date"
    assert wizard.columns_page.combos["Cover To"].currentText() == "Agreement · End"
    table = wizard.columns_page.table
    examples = {cell(table, r, 1): cell(table, r, 3)
                for r in range(table.rowCount())}
    assert examples["Notice Period"] == "8 weeks"
    assert examples["Cost (ex VAT)"] == "3,120.00 GBP"

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    assert wizard.currentPage() is page
    assert page.model.problem_rows() == [8]
    problem = page.model.index(page.model.rowCount() - 1, 1).data()
    assert "'next Tuesday' is not a date" in problem
    assert "6 rows read: 5 will be imported, 1 skipped." in page.status.text()
    assert count(empty_window, Agreement) == 0  # nothing written before Import

    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page)
    assert count(empty_window, Agreement) == 5
    summary = wizard.summary_page
    assert "<b>Created:</b> 5 agreements," in summary.counts.text()
    assert "<b>Skipped:</b> 1 row" in summary.counts.text()
    assert summary.skipped.rowCount() == 1
    assert cell(summary.skipped, 0, 0) == "8"
    assert "next Tuesday" in cell(summary.skipped, 0, 1)

    target = tmp_path / "skipped"
    monkeypatch.setattr(FileDialogs, "save_file",
                        staticmethod(lambda *_args: (target, "CSV (*.csv)")))
    qtbot.mouseClick(summary.save_button, Qt.MouseButton.LeftButton)
    with target.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = csv.DictReader(handle, delimiter=";")
    assert row["row"] == "8" and "next Tuesday" in row["reason"]

    assert show_list(qtbot, empty_window, "agreements").model.total == 5  # refreshed


def test_changing_a_column_changes_the_preview(qtbot: QtBot, empty_window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = open_wizard(qtbot, empty_window, monkeypatch)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    combo = wizard.columns_page.combos["Order Date"]
    combo.setCurrentIndex(combo.findData(None))  # "not imported"
    qtbot.waitUntil(lambda: wizard.state.preview is not None)
    assert wizard.state.overrides == {"Order Date": None}
    assert "Order Date" not in wizard.preview_page.model.headers

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.preview_page.model.problem_rows() == []
    assert "6 will be imported, 0 skipped" in wizard.preview_page.status.text()

    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    supplier = wizard.columns_page.combos["Supplier"]
    supplier.setCurrentIndex(supplier.findData("agreement.oem"))
    qtbot.waitUntil(lambda: wizard.state.preview is not None)
    # the field moved: Manufacturer no longer feeds the OEM
    assert wizard.columns_page.combos["Manufacturer"].currentData() is None
    assert wizard.columns_page.combos["Supplier"].currentData() == "agreement.oem"


def test_cancel_halfway_commits_nothing(qtbot: QtBot, empty_window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real = wizard_module.run_import

    def cancelled_after_first_batch(target: Session, path: Path, *,
                                    progress: Sentences, **options: Any) -> Any:
        class UserCancels:
            updates = 0

            def update(self, done: int, total: int, message: str = "") -> None:
                self.updates += 1
                if self.updates == 3:  # rows are in the transaction by now
                    progress.inner.cancel.set()  # what the dialog's Cancel does
                progress.update(done, total, message)

        return real(target, path, progress=UserCancels(), **options)

    monkeypatch.setattr(wizard_module, "run_import", cancelled_after_first_batch)
    wizard = open_wizard(qtbot, empty_window, monkeypatch)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.import_task is None)
    assert wizard.currentPage() is wizard.preview_page
    assert "Nothing was imported" in wizard.preview_page.outcome.text()
    assert count(empty_window, Agreement) == 0
    assert count(empty_window, Organization) == 0


def test_a_file_dropped_on_the_window_opens_the_wizard(qtbot: QtBot,
                                                       empty_window: MainWindow) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(REGISTER))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    empty_window.dropEvent(event)
    wizard = empty_window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.state.preview is not None)
    assert wizard.state.path == REGISTER


def test_an_unreadable_file_is_said_on_the_page(qtbot: QtBot, empty_window: MainWindow,
                                                monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    monkeypatch.setattr(FileDialogs, "open_file", staticmethod(lambda *_args: broken))
    empty_window.menu_actions["import"].trigger()
    wizard = empty_window.findChild(ImportWizard)
    assert wizard is not None
    qtbot.waitUntil(lambda: not wizard.state.loading)
    assert "is not a .xlsx workbook" in wizard.source_page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_summary_counts_read_as_words() -> None:
    assert counted({"agreements": 1, "items": 3, "risks": 0}) == "1 agreement, 3 items"
    assert counted({"support_cases": 2, "due_diligence": 1}) == (
        "1 due diligence check, 2 support cases")


def test_unmapping_every_identifying_column_keeps_the_pickers(
        qtbot: QtBot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = open_wizard(qtbot, empty_window, monkeypatch)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.columns_page
    for header in ("Product / Service", "Agreement No.", "Serial Numbers", "Order No."):
        page.combos[header].setCurrentIndex(0)
        qtbot.waitUntil(lambda: not wizard.state.loading)
    assert "identifies a record" in page.status.text()
    assert "Columns page" in page.status.text() and "--mapping" not in page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.combos["Order No."].currentData() is None  # the user's choice, kept
    page.combos["Order No."].setCurrentIndex(page.combos["Order No."].findData(
        "purchase.po_number"))
    qtbot.waitUntil(lambda: wizard.state.preview is not None)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_contractdesk_export_is_read_with_its_own_columns(
        qtbot: QtBot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    source = open_database(tmp_path / "source.sqlite3")
    with source.transaction("cli") as session:
        fill_sample(session, TODAY)
    with source.session("cli") as session:
        export_to(session, tmp_path / "all.json", TODAY)
    source.close()
    wizard = open_wizard(qtbot, empty_window, monkeypatch, tmp_path / "all.json")
    assert "A ContractDesk export: 18 agreements, 12 items" in \
        wizard.source_page.status.text()
    assert not wizard.source_page.sheet_box.isVisible()  # JSON has no sheets
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "nothing to match" in wizard.columns_page.status.text()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert not wizard.preview_page.table.isVisible()
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page)
    assert count(empty_window, Agreement) == 18


def test_choose_the_sheet_of_a_workbook_with_several(
        qtbot: QtBot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    source = openpyxl.load_workbook(REGISTER)["Register"]
    workbook = openpyxl.Workbook()
    workbook.active.title = "Read me"
    workbook.active["A1"] = "Supplier register, kept by Facilities"
    register = workbook.create_sheet("Register 2026")
    for row in source.iter_rows(values_only=True):
        register.append(list(row))
    path = tmp_path / "two sheets.xlsx"
    workbook.save(path)

    wizard = open_wizard(qtbot, empty_window, monkeypatch, path)
    box = wizard.source_page.sheet_box
    assert [box.itemText(i) for i in range(box.count())] == ["Read me", "Register 2026"]
    assert box.currentText() == "Register 2026" and box.isEnabled()  # found by itself

    box.setCurrentIndex(0)
    box.activated.emit(0)  # as a user's pick does
    qtbot.waitUntil(lambda: not wizard.state.loading)
    assert "No header row" in wizard.source_page.status.text()
    assert "choose another sheet" in wizard.source_page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    box.setCurrentIndex(1)
    box.activated.emit(1)
    qtbot.waitUntil(lambda: wizard.state.preview is not None)
    preview = wizard.state.preview
    assert preview is not None
    assert preview.sheet == "Register 2026"
    assert "row 2 of sheet “Register 2026”" in wizard.source_page.status.text()


def test_a_contractdesk_workbook_is_read_whole(qtbot: QtBot, empty_window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    source = open_database(tmp_path / "source.sqlite3")
    with source.transaction("cli") as session:
        fill_sample(session, TODAY)
    with source.session("cli") as session:
        export_to(session, tmp_path / "all.xlsx", TODAY)
    source.close()
    wizard = open_wizard(qtbot, empty_window, monkeypatch, tmp_path / "all.xlsx")
    assert "A ContractDesk export: 18 agreements" in wizard.source_page.status.text()
    assert not wizard.source_page.sheet_box.isEnabled()


def test_a_csv_file_read_in_the_encoding_the_user_picks(
        qtbot: QtBot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """A Latin-9 file's € reads as ¤ under the detected Windows encoding, so its amount
    is a problem row until the user names the encoding; the import then reads it so."""
    path = tmp_path / "kosten.csv"
    path.write_bytes("Vertragsnummer;Hersteller;Kosten;Vertragsende\n"
                     "V-1;Müller GmbH;1.234,56 €;31.12.2026\n".encode("iso-8859-15"))
    wizard = open_wizard(qtbot, empty_window, monkeypatch, path)
    page = wizard.source_page
    assert page.encoding_box.isVisible() and not page.sheet_box.isVisible()
    assert page.encoding_box.currentText() == "Detected: Windows (Western Europe, cp1252)"
    assert page.delimiter_box.currentText() == "Detected: semicolons"
    assert [s.row for s in wizard.state.preview.skipped] == [2]  # type: ignore[union-attr]

    box = page.encoding_box
    latin9 = box.findData("iso-8859-15")
    box.setCurrentIndex(latin9)
    box.activated.emit(latin9)  # as a user's pick does
    qtbot.waitUntil(lambda: wizard.state.preview is not None
                    and wizard.state.preview.text_format is not None
                    and wizard.state.preview.text_format.encoding == "iso-8859-15")
    assert page.encoding_box.currentText() == "ISO 8859-15 (Latin-9)"
    assert wizard.state.preview.skipped == []  # type: ignore[union-attr]

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page)

    def costs(session: Session) -> list[str]:
        return [f"{a.cost} {a.currency}" for a in session.scalars(select(Agreement))]
    assert empty_window.access.read(costs) == ["1234.56 EUR"]


def test_unreadable_header_characters_suggest_another_encoding(
        qtbot: QtBot, empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"  # Windows umlauts, and one byte Windows has no letter for
    path.write_bytes(b"Vertragsnummer;K\x81ndigungsfrist;Vertragsende\n"
                     b"V-\xe4\xe4;90;31.12.2026\n")
    wizard = open_wizard(qtbot, empty_window, monkeypatch, path)
    assert "could not be read (shown as \ufffd): choose the encoding" in \
        wizard.source_page.status.text()


def test_a_workbook_has_no_text_choices(qtbot: QtBot, empty_window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = open_wizard(qtbot, empty_window, monkeypatch)
    assert not wizard.source_page.encoding_box.isVisible()


def test_warnings_are_shown_before_and_after_the_import(qtbot: QtBot, empty_window: MainWindow,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "repaired.csv"
    path.write_bytes(b"OEM;Contract No.;Title\n" + "IBM;C-1;Müller\n".encode()
                     + "IBM;C-2;Müller\n".encode("cp1252") + b'IBM;C-3;"open\nIBM;C-4;x\n')
    wizard = open_wizard(qtbot, empty_window, monkeypatch, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    status = wizard.preview_page.status.text()
    assert "File (warning): line 3 is not UTF-8" in status
    assert "Row 4 (warning): a quote (\") opened on line 4 is never closed" in status
    model = wizard.preview_page.model
    marked = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert marked["4"].startswith("Warning: a quote") and marked["2"] == ""

    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page)
    summary = wizard.summary_page
    assert "<b>Warnings:</b> 2, listed below" in summary.counts.text()
    shown = [(cell(summary.warnings, r, 0), cell(summary.warnings, r, 1)[:20])
             for r in range(summary.warnings.rowCount())]
    assert shown == [("file", "line 3 is not UTF-8 "), ("4", "a quote (\") opened o")]
    assert count(empty_window, Agreement) == 4
