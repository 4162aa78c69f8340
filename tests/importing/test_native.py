"""ContractDesk's own exports import back to the same data, and again to nothing new."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Agreement, Change, Organization
from contractdesk.domain.enums import OrgRole
from contractdesk.errors import UserError
from contractdesk.exporting.governance_rows import GOVERNANCE_KINDS
from contractdesk.exporting.json_export import export_document, write_json
from contractdesk.exporting.records import COLUMNS, KINDS, all_rows
from contractdesk.exporting.request import ExportRequest
from contractdesk.importing.service import run_import
from tests.conftest import TODAY


def _document(database: Database) -> dict[str, Any]:
    with database.transaction("test") as session:
        document = export_document(session, TODAY)
    document.pop("exported_on")
    return document


def test_json_export_round_trips(sample_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    with sample_database.transaction("test") as session:
        write_json(session, target, ExportRequest(today=TODAY))
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        summary = run_import(fresh, target)
        assert summary.skipped == []
        assert summary.created == {kind: len(_document(sample_database)[kind])
                                   for kind in (*KINDS, *GOVERNANCE_KINDS)}
        assert _document(fresh) == _document(sample_database)
        again = run_import(fresh, target)
        assert set(again.created.values()) == {0} and set(again.updated.values()) == {0}
    finally:
        fresh.close()


def test_json_reimport_into_the_same_database_changes_nothing(sample_database: Database,
                                                              tmp_path: Path) -> None:
    target = tmp_path / "all.json"
    with sample_database.transaction("test") as session:
        write_json(session, target, ExportRequest(today=TODAY))
        changes = session.scalar(select(func.count()).select_from(Change))
    summary = run_import(sample_database, target)
    assert set(summary.created.values()) == {0} and set(summary.updated.values()) == {0}
    with sample_database.transaction("test") as session:
        assert session.scalar(select(func.count()).select_from(Change)) == changes


def _write_export_workbook(database: Database, target: Path) -> None:
    """The xlsx export's layout: a Renewals sheet first, then one sheet per kind whose
    header row is the field names."""
    workbook = Workbook()
    renewals = workbook.active
    renewals.title = "Renewals"
    renewals.append(["Due", "Action", "Contract"])
    renewals.append(["2026-12-01", "give notice", "X"])
    with database.transaction("test") as session:
        for kind, rows in all_rows(session, TODAY).items():
            sheet = workbook.create_sheet(kind)
            sheet.append(list(COLUMNS[kind]))
            for row in rows:
                sheet.append([", ".join(v) if isinstance(v, list) else v
                              for v in (row[c] for c in COLUMNS[kind])])
    workbook.save(target)


def test_xlsx_export_round_trips(sample_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    _write_export_workbook(sample_database, target)
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        summary = run_import(fresh, target)
        assert summary.skipped == []
        assert summary.sheet == "organizations, contacts, purchases, items, agreements"
        copied, original = _document(fresh), _document(sample_database)
        # this hand-built workbook has the five record sheets only (the real export's
        # governance sheets are covered by tests/integration/test_round_trip.py)
        assert {k: copied[k] for k in KINDS} == {k: original[k] for k in KINDS}
        again = run_import(fresh, target)
        assert set(again.created.values()) == {0} and set(again.updated.values()) == {0}
    finally:
        fresh.close()


def test_bad_records_are_skipped_with_their_place(database: Database, tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_text(json.dumps({
        "format": "contractdesk", "version": 1,
        "organizations": [{"name": "IBM", "roles": ["oem"]}, {"name": ""}],
        "agreements": [{"contract_number": "A-1", "oem": "IBM", "currency": "EUR",
                        "start_date": "2025-01-01", "end_date": "2024-01-01"},
                       {"contract_number": "A-2", "oem": "IBM", "kind": "magic"}],
    }))
    summary = run_import(database, target)
    assert [(s.row, s.reason) for s in summary.skipped] == [
        (2, "organizations record 2: a name is required"),
        (1, "agreements record 1: end date 2024-01-01 is before start date 2025-01-01"),
        (2, "agreements record 2: kind: 'magic' is not one of warranty, maintenance, "
            "software_support, subscription, license, service, other")]
    assert summary.created["organizations"] == 1


def test_a_chain_of_renewals_links_up(database: Database, tmp_path: Path) -> None:
    """``renewal_of`` names a contract number: earlier terms in the same file and terms
    already in the database are both found."""
    with database.transaction("ui") as session:
        ibm = Organization(name="IBM", roles=frozenset({OrgRole.OEM}))
        session.add(Agreement(contract_number="T-2023", title="2023", oem=ibm, currency="EUR"))
    target = tmp_path / "terms.json"
    target.write_text(json.dumps({
        "format": "contractdesk", "version": 1,
        "organizations": [{"name": "IBM", "roles": ["oem"]}],
        "agreements": [
            {"contract_number": "T-2024", "oem": "IBM", "renewal_of": "T-2023"},
            {"contract_number": "T-2025", "oem": "IBM", "renewal_of": "T-2024"}],
    }))
    run_import(database, target)
    with database.transaction("test") as session:
        renewed = {a.contract_number: a.renewal_of.contract_number if a.renewal_of else None
                   for a in session.scalars(select(Agreement))}
    assert renewed == {"T-2023": None, "T-2024": "T-2023", "T-2025": "T-2024"}


@pytest.mark.parametrize(("content", "message"), [
    ('{"format": "other"}', "not a ContractDesk export"),
    ('{"format": "contractdesk", "version": 9}', "version 9"),
    ("{not json", "not valid JSON"),
])
def test_foreign_json_is_refused(database: Database, tmp_path: Path, content: str,
                                 message: str) -> None:
    target = tmp_path / "x.json"
    target.write_text(content)
    with pytest.raises(UserError, match=message):
        run_import(database, target)


def _created_snapshots(database: Database) -> dict[tuple[str, str], dict[str, str]]:
    """Each record as its audit trail tells it: the create snapshot with later updates
    replayed (the sample data completes reviews after creating organizations)."""
    snapshots: dict[tuple[str, int], dict[str, str]] = {}
    labels: dict[tuple[str, int], str] = {}
    with database.transaction("test") as session:
        for change in session.scalars(select(Change).order_by(Change.id)):
            key = (change.entity, change.entity_id)
            if change.action == "create":
                snapshots[key] = json.loads(change.new_value or "{}")
                labels[key] = change.label
            elif change.action == "update" and key in snapshots and change.field:
                if change.new_value in (None, ""):
                    snapshots[key].pop(change.field, None)
                else:
                    snapshots[key][change.field] = change.new_value
    return {(key[0], labels[key]): values for key, values in snapshots.items()}


def test_bulk_audit_rows_match_the_orm_hooks(sample_database: Database,
                                             tmp_path: Path) -> None:
    """The import bypasses the ORM, but its audit trail reads the same as the window's."""
    target = tmp_path / "all.json"
    with sample_database.transaction("test") as session:
        write_json(session, target, ExportRequest(today=TODAY))
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        run_import(fresh, target)
        written_by_orm = _created_snapshots(sample_database)
        written_by_import = _created_snapshots(fresh)
    finally:
        fresh.close()
    assert set(written_by_import) == set(written_by_orm)
    assert written_by_import == written_by_orm
