"""``contractdesk import``: the JSON contract, the human summary, options and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractdesk.cli import main
from tests.conftest import SAMPLES

UK = SAMPLES / "uk_supplier_register.xlsx"
SUMMARY_KEYS = ["file", "sheet", "header_row", "rows_read", "dry_run", "created", "updated",
                "skipped", "mapping", "warnings"]
KIND_KEYS = ["organizations", "contacts", "purchases", "items", "agreements"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_summary_is_the_design_contract(db_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "import", str(UK), "--json")
    assert code == 0
    summary = json.loads(out)
    assert list(summary) == SUMMARY_KEYS
    assert list(summary["created"]) == KIND_KEYS and list(summary["updated"]) == KIND_KEYS
    assert (summary["file"], summary["sheet"], summary["header_row"]) == (
        "uk_supplier_register.xlsx", "Register", 2)
    assert summary["rows_read"] == 6 and summary["dry_run"] is False
    assert summary["created"]["agreements"] == 5
    assert summary["skipped"] == [{"row": 8, "reason": "Order Date (H8): 'next Tuesday' is "
                                                       "not a date"}]
    assert summary["mapping"]["Agreement No."] == "agreement.contract_number"


def test_human_summary_and_dry_run(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "import", str(UK), "--dry-run", "--db", str(db_path))
    assert code == 0
    assert "Would create: 7 organizations" in out
    assert "row 8: Order Date (H8)" in out and "Dry run: nothing was written." in out
    code, out, _ = _run(capsys, "--db", str(db_path), "import", str(UK))
    assert "Created: 7 organizations, 6 contacts, 5 purchases, 4 items, 5 agreements." in out
    code, out, _ = _run(capsys, "--db", str(db_path), "import", str(UK))
    assert "Created: nothing." in out and "Updated: nothing." in out
    assert "Columns not recognised" not in out  # every column of the sample is known


def test_strict_sheet_currency_and_mapping_options(db_path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", str(db_path), "import", str(UK), "--strict")
    assert code == 2 and "Row 8 of uk_supplier_register.xlsx cannot be imported" in err
    code, _, err = _run(capsys, "--db", str(db_path), "import", str(UK), "--sheet", "Nope")
    assert code == 2 and "There is no sheet 'Nope'" in err
    code, _, err = _run(capsys, "--db", str(db_path), "import", str(UK), "--currency", "XX")
    assert code == 2 and "not an ISO 4217 currency code" in err
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"Contact": None, "Support Line": "contact.support_hours"}))
    code, out, _ = _run(capsys, "--db", str(db_path), "import", str(UK), "--mapping",
                        str(mapping), "--json")
    summary = json.loads(out)
    assert code == 0 and "Contact" not in summary["mapping"]
    assert summary["mapping"]["Support Line"] == "contact.support_hours"
    assert summary["created"]["contacts"] == 4  # support lines only, no account managers
    mapping.write_text("[1, 2]")
    code, _, err = _run(capsys, "--db", str(db_path), "import", str(UK), "--mapping",
                        str(mapping))
    assert code == 2 and "must be a JSON object" in err


def test_missing_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--db", str(db_path), "import", "nowhere.xlsx")
    assert code == 2 and err.strip() == "contractdesk: No such file: nowhere.xlsx"
