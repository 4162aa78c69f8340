"""Term histories read back from an export: restored whole, or left out with a reason
that names the record or row, the agreement itself imported either way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Agreement
from contractdesk.exporting.dispatch import export_to
from contractdesk.importing.service import run_import
from contractdesk.services.terms import terms_of
from tests.conftest import SAMPLES, TODAY


@pytest.fixture
def rolled_database(database: Database) -> Database:
    """A year-old register, imported: its auto-renewing agreements have rolled."""
    run_import(database, SAMPLES / "uk_supplier_register.xlsx")
    return database


def _history(database: Database) -> dict[str, list[tuple[object, ...]]]:
    with database.transaction("cli") as session:
        return {agreement.contract_number or agreement.title: [
                    (term.origin, term.start_date, term.end_date, term.cost)
                    for term in terms_of(session, agreement)]
                for agreement in session.scalars(select(Agreement))}


def _export(database: Database, target: Path) -> None:
    with database.transaction("cli") as session:
        export_to(session, target, TODAY, 90)


def test_the_workbook_terms_sheet_brings_back_every_term(rolled_database: Database,
                                                         tmp_path: Path) -> None:
    before = _history(rolled_database)
    assert any(len(terms) > 1 for terms in before.values()), "no history to carry"
    _export(rolled_database, tmp_path / "export.xlsx")
    workbook = load_workbook(tmp_path / "export.xlsx", read_only=True)
    header = next(workbook["terms"].iter_rows(max_row=1, values_only=True))
    workbook.close()  # a read-only workbook keeps its file open until closed
    assert header[:4] == ("contract_number", "oem", "title", "position")

    copy = open_database(tmp_path / "copy.sqlite3")
    summary = run_import(copy, tmp_path / "export.xlsx")
    assert summary.skipped == []
    assert _history(copy) == before
    copy.close()


def test_an_unreadable_terms_row_is_reported_at_its_row(rolled_database: Database,
                                                       tmp_path: Path) -> None:
    _export(rolled_database, tmp_path / "export.xlsx")
    workbook = load_workbook(tmp_path / "export.xlsx")
    sheet = workbook["terms"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("end_date") + 1, value="next spring")
    number = sheet.cell(row=2, column=1).value
    workbook.save(tmp_path / "edited.xlsx")

    copy = open_database(tmp_path / "copy.sqlite3")
    summary = run_import(copy, tmp_path / "edited.xlsx")
    reasons = [entry.reason for entry in summary.skipped]
    assert len(reasons) == 1
    assert reasons[0].startswith("sheet 'terms' row 2:")
    assert "'next spring' is not a date" in reasons[0]
    restored = _history(copy)
    assert number in restored and len(restored[number]) == 1  # its current term, kept
    copy.close()


def test_an_unreadable_json_history_names_its_record(rolled_database: Database,
                                                     tmp_path: Path) -> None:
    _export(rolled_database, tmp_path / "export.json")
    document = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    document["agreements"][0]["terms"] = "two years"
    number = document["agreements"][0]["contract_number"]
    (tmp_path / "edited.json").write_text(json.dumps(document), encoding="utf-8")

    copy = open_database(tmp_path / "copy.sqlite3")
    summary = run_import(copy, tmp_path / "edited.json")
    assert [entry.reason for entry in summary.skipped] == [
        "agreements record 1: the agreement's terms were not imported "
        "('terms' is not a list of terms)"]
    assert number in _history(copy)
    copy.close()
