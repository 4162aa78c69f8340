"""The governance lists of the JSON export, and reading them back (round trip)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.governance import DueDiligenceCheck, Review, Risk, SupportCase
from contractdesk.exporting.governance_rows import (
    GOVERNANCE_COLUMNS,
    GOVERNANCE_KINDS,
    governance_rows,
)
from contractdesk.exporting.records import json_value
from contractdesk.importing.governance_rows import import_governance


def _document(session: Session) -> dict[str, Any]:
    """What the JSON export writes for the governance kinds, through real JSON."""
    lists = {kind: [{key: json_value(value) for key, value in row.items()} for row in rows]
             for kind, rows in governance_rows(session).items()}
    return json.loads(json.dumps(lists))


def test_rows_use_natural_keys_and_json_notation(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        document = _document(session)
    for kind in GOVERNANCE_KINDS:
        assert document[kind], kind
        assert all(tuple(row) == GOVERNANCE_COLUMNS[kind] for row in document[kind])
    risk = next(r for r in document["risks"] if r["agreement"] == "CSCO-SNT-9921")
    assert risk | {"description": "", "mitigation": ""} == {
        "organization": "Computacenter", "agreement": "CSCO-SNT-9921", "description": "",
        "likelihood": 4, "impact": 4, "severity": 16, "mitigation": "",
        "alternative_supplier": "Softcat", "owner": "J. Keller", "status": "open"}
    case = next(c for c in document["support_cases"] if c["case_number"] == "CC-90412")
    assert case["agreement"] == "CSCO-SNT-9921" and case["item"] == "FOC2231X0AB"
    assert case["called"] == "reseller" and case["sla_met"] is False
    assert case["opened_at"].startswith("2026-09-25T15:00")
    check = next(c for c in document["due_diligence"] if c["result"] == "failed")
    assert (check["organization"], check["topic"]) == ("Computacenter", "support_capability")
    review = document["reviews"][0]
    assert review["organization"] == "Bechtle" and review["review_date"] == "2026-01-29"


def test_round_trip_recreates_the_same_records(sample_database: Database) -> None:
    with sample_database.transaction("cli") as session:
        before = _document(session)
        for model in (SupportCase, Risk, DueDiligenceCheck, Review):
            session.execute(delete(model))
    with sample_database.transaction("import:x.json") as session:
        result = import_governance(session, before)
        assert result.skipped == []
        assert result.created == {kind: len(before[kind]) for kind in GOVERNANCE_KINDS}
        assert _document(session) == before
    with sample_database.transaction("import:x.json") as session:
        again = import_governance(session, before)
    assert sum(again.created.values()) == 0
    assert again.existing == result.created


def test_user_verdicts_survive_the_round_trip(sample_database: Database) -> None:
    with sample_database.transaction("cli") as session:
        before = _document(session)
        session.execute(delete(SupportCase))
        import_governance(session, {"support_cases": before["support_cases"]})
        veeam = session.query(SupportCase).filter_by(case_number="VEEAM-05522391").one()
        nbd = session.query(SupportCase).filter_by(case_number="CC-90412").one()
        assert (veeam.sla_met, veeam.sla_met_by_user) == (True, True)  # no target in "24x7"
        assert (nbd.sla_met, nbd.sla_met_by_user) == (False, False)


def test_bad_rows_are_skipped_with_reasons(sample_database: Database) -> None:
    document = {
        "reviews": [{"organization": "Nobody Ltd", "review_date": "2026-01-01"},
                    {"organization": "Bechtle", "review_date": "2026-02-30"},
                    {"organization": "Bechtle", "review_date": "2026-02-03", "pricing": 9},
                    {"organization": "Bechtle", "review_date": "2026-02-04", "pricing": "4"}],
        "risks": [{"organization": "Softcat", "description": "x", "likelihood": 2}],
        "support_cases": [{"agreement": "CSCO-SNT-9921", "called": "reseller",
                           "opened_at": "2026-11-02T10:00", "resolved_at": "2026-11-01"},
                          {"agreement": "NOPE", "called": "oem",
                           "opened_at": "2026-11-02T10:00"},
                          {"agreement": "CSCO-SNT-9921", "opened_at": "2026-11-02T10:00"}],
        "due_diligence": "not a list",
    }
    with sample_database.transaction("cli") as session:
        result = import_governance(session, document)
    reasons = {(s["kind"], s["index"]): s["reason"] for s in result.skipped}
    assert "No organization named 'Nobody Ltd'" in reasons[("reviews", 1)]
    assert "not a date" in reasons[("reviews", 2)]
    assert "pricing" in reasons[("reviews", 3)]
    assert "impact" in reasons[("risks", 1)]
    assert "resolved_at" in reasons[("support_cases", 1)]
    assert "No agreement" in reasons[("support_cases", 2)]
    assert "called" in reasons[("support_cases", 3)]
    assert reasons[("due_diligence", 0)] == "not a list"
    assert result.created["reviews"] == 1  # the "4" from a spreadsheet cell is fine


def test_typed_spreadsheet_cells_are_read(sample_database: Database) -> None:
    document = {
        "risks": [{"organization": "Softcat", "description": "Cell types", "likelihood": 4.0,
                   "impact": 3, "status": None, "owner": ""}],
        "support_cases": [{"agreement": "HPE-NS-700124", "item": None, "called": "reseller",
                           "opened_at": dt.datetime(2026, 11, 21, 2, 0),
                           "resolved_at": dt.datetime(2026, 11, 21, 7, 0), "sla_met": None}],
        "due_diligence": [{"organization": "Softcat", "topic": "insurance", "result": "ok",
                           "checked_on": dt.datetime(2026, 11, 1), "evidence": "cert.pdf"}],
    }
    with sample_database.transaction("cli") as session:
        result = import_governance(session, document)
        assert result.skipped == []
        risk = session.query(Risk).filter_by(description="Cell types").one()
        assert (risk.likelihood, risk.status.value, risk.owner) == (4, "open", None)
        case = session.query(SupportCase).filter_by(opened_at=dt.datetime(2026, 11, 21, 2)).one()
        assert case.sla_met is False  # 5 hours on a 24x7x4 agreement, computed
        check = session.query(DueDiligenceCheck).filter_by(checked_on=dt.date(2026, 11, 1)).one()
        assert check.evidence is None and "cert.pdf" in check.notes
