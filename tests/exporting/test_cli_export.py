"""``contractdesk export``: the options reach the service, failures are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from contractdesk.cli import EXIT_USER_ERROR, main
from contractdesk.db.database import Database
from contractdesk.exporting.records import KINDS


@pytest.fixture
def db_arg(sample_database: Database, db_target: str) -> list[str]:
    sample_database.close()
    return ["--db", db_target]


def test_xlsx_export_reports_counts(db_arg: list[str], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "all.xlsx"
    assert main([*db_arg, "export", "-o", str(target)]) == 0
    assert "18 agreements" in capsys.readouterr().out
    workbook = load_workbook(target, read_only=True)
    workbook.close()  # a read-only workbook keeps its file open until closed
    assert workbook.sheetnames[0] == "Renewals"


def test_csv_kind_and_delimiter(db_arg: list[str], tmp_path: Path) -> None:
    target = tmp_path / "contacts.csv"
    assert main([*db_arg, "export", "-o", str(target), "--kind", "contacts",
                 "--delimiter", ","]) == 0
    assert target.read_text(encoding="utf-8-sig").startswith("organization,name,role,")


def test_json_within_keeps_the_contract_and_only_what_is_due(db_arg: list[str],
                                                             tmp_path: Path) -> None:
    everything, due = tmp_path / "all.json", tmp_path / "due.json"
    assert main([*db_arg, "export", "-o", str(everything)]) == 0
    assert main([*db_arg, "export", "-o", str(due), "--within", "30"]) == 0
    full = json.loads(everything.read_text(encoding="utf-8"))
    part = json.loads(due.read_text(encoding="utf-8"))
    assert part["format"] == "contractdesk" and part["version"] == 1
    for kind in KINDS:
        assert len(part[kind]) <= len(full[kind])
    assert 0 < len(part["agreements"]) < len(full["agreements"])
    assert {a["status"] for a in part["agreements"]} <= {"notice_due", "expiring", "active"}


def test_bad_target_is_one_line_on_stderr(db_arg: list[str], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*db_arg, "export", "-o", str(tmp_path / "x.txt")]) == EXIT_USER_ERROR
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "use one of .csv, .json, .xlsx" in error


def test_unknown_kind_is_refused_by_the_parser(db_arg: list[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main([*db_arg, "export", "-o", str(tmp_path / "x.csv"), "--kind", "invoices"])
