"""Exporting the window's filtered list: only the given records of one kind."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.request import ExportRequest
from tests.conftest import TODAY


def _ids(database: Database, *numbers: str) -> dict[str | None, int]:
    with database.session("cli") as session:
        rows = session.execute(select(Agreement.contract_number, Agreement.id)
                               .where(Agreement.contract_number.in_(numbers)))
        return {number: agreement_id for number, agreement_id in rows}


def test_csv_of_chosen_ids_holds_only_those(sample_database: Database,
                                            tmp_path: Path) -> None:
    chosen = _ids(sample_database, "DELL-PS-4471", "MS-EA-2024")
    assert len(chosen) == 2
    target = tmp_path / "list.csv"
    with sample_database.session("cli") as session:
        counts = export_to(session, target, TODAY, kind="agreements",
                           ids=set(chosen.values()))
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert counts == {"agreements": 2}
    assert {row["contract_number"] for row in rows} == set(chosen)


def test_xlsx_of_chosen_ids_keeps_its_renewals_sheet_to_them(
        sample_database: Database, tmp_path: Path) -> None:
    chosen = _ids(sample_database, "DELL-PS-4471")
    target = tmp_path / "list.xlsx"
    with sample_database.session("cli") as session:
        counts = export_to(session, target, TODAY, 365, kind="agreements",
                           ids=set(chosen.values()))
    assert counts == {"agreements": 1}
    workbook = openpyxl.load_workbook(target, read_only=True)
    renewal_rows = list(workbook["Renewals"].iter_rows(min_row=2, values_only=True))
    assert [row[3] for row in renewal_rows] == ["DELL-PS-4471"]
    agreement_rows = list(workbook["agreements"].iter_rows(min_row=2, values_only=True))
    workbook.close()  # a read-only workbook keeps its file open until closed
    assert [row[0] for row in agreement_rows] == ["DELL-PS-4471"]


def test_an_empty_list_exports_just_the_header(sample_database: Database,
                                               tmp_path: Path) -> None:
    target = tmp_path / "none.csv"
    with sample_database.session("cli") as session:
        assert export_to(session, target, TODAY, kind="items", ids=()) == {"items": 0}
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 1


def test_ids_need_a_kind() -> None:
    with pytest.raises(ValueError, match="ids need a kind"):
        ExportRequest(today=TODAY, ids=frozenset({1}))
