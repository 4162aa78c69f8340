"""csv: one kind, BOM, the chosen delimiter, the sheet's columns, exact notation."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from contractdesk.db.database import Database
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.records import COLUMNS
from tests.conftest import TODAY


def export(database: Database, target: Path, **options: Any) -> dict[str, int]:
    with database.session("cli") as session:
        return export_to(session, target, TODAY, **options)


def read(target: Path, delimiter: str) -> list[dict[str, str]]:
    with target.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_agreements_by_default_with_bom_and_semicolons(sample_database: Database,
                                                       tmp_path: Path) -> None:
    target = tmp_path / "agreements.csv"
    assert export(sample_database, target) == {"agreements": 18}
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"contract_number;title;")
    rows = read(target, ";")
    assert tuple(rows[0]) == COLUMNS["agreements"]
    dell = next(row for row in rows if row["contract_number"] == "DELL-PS-4471")
    assert dell["end_date"] == "2027-01-04"
    assert dell["auto_renew"] == "no"
    assert dell["serial_numbers"] == "7HG2KM3, 7HG2KM4, 7HG2KM5"
    assert dell["status"] == "expiring"
    assert dell["cost"] == "0.00"
    assert dell["renewal_of"] == ""


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_any_kind_with_either_delimiter(sample_database: Database, tmp_path: Path,
                                        delimiter: str) -> None:
    target = tmp_path / "organizations.csv"
    export(sample_database, target, kind="organizations", delimiter=delimiter)
    rows = read(target, delimiter)
    assert tuple(rows[0]) == COLUMNS["organizations"]
    assert len(rows) == 10
    computacenter = next(row for row in rows if row["name"] == "Computacenter")
    assert computacenter["roles"] == "reseller, service_provider"
    assert computacenter["phone"] == "'+44 1707 631 000"  # escaped: "+" starts a formula


def test_umlauts_survive(database: Database, tmp_path: Path) -> None:
    from contractdesk.db.models import Organization

    with database.transaction("cli") as session:
        session.add(Organization(name="Müller Systemhaus GmbH", notes="Größe; \"groß\""))
    target = tmp_path / "organizations.csv"
    export(database, target, kind="organizations")
    (row,) = read(target, ";")
    assert row["name"] == "Müller Systemhaus GmbH"
    assert row["notes"] == "Größe; \"groß\""


def test_within_limits_the_csv_to_what_is_due(sample_database: Database,
                                              tmp_path: Path) -> None:
    target = tmp_path / "due.csv"
    counts = export(sample_database, target, window_days=30, due_only=True)
    rows = read(target, ";")
    assert counts == {"agreements": len(rows)}
    assert 0 < len(rows) < 18
    assert {row["status"] for row in rows} <= {"notice_due", "expiring", "active"}
