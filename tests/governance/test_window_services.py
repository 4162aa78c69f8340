"""The plain-value services behind the governance dialogs (case_forms, risk_forms)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.governance import SupportCase
from contractdesk.domain.enums import FirstLine, OrgStatus
from contractdesk.domain.governance_enums import RiskStatus
from contractdesk.errors import ValidationError
from contractdesk.services import case_forms, records, risk_forms
from tests.governance.conftest import TODAY, World

MONDAY_10 = dt.datetime(2026, 11, 23, 10)


def test_verdict_explains_the_deadline_as_times_are_typed() -> None:
    verdict = case_forms.sla_verdict("24x7x4", MONDAY_10, MONDAY_10 + dt.timedelta(hours=5))
    assert (verdict.label, verdict.deadline, verdict.met) == (
        "24x7x4h", dt.datetime(2026, 11, 23, 14), False)
    friday_late = dt.datetime(2026, 11, 27, 18)
    nbd = case_forms.sla_verdict("8x5xNBD", friday_late, None)
    assert nbd.deadline == dt.datetime(2026, 12, 1, 17) and nbd.met is None  # Tuesday
    unreadable = case_forms.sla_verdict("gold support", MONDAY_10, MONDAY_10)
    assert not unreadable.computable and unreadable.met is None and unreadable.label == ""


def test_context_of_an_item_finds_its_agreement_and_first_line(session: Session,
                                                               world: World) -> None:
    context = case_forms.case_context(session, item_id=world.item.id, day=TODAY)
    assert context.agreement_id == world.agreement.id
    assert (context.sla, context.first_line, context.oem, context.reseller) == (
        "24x7x4", FirstLine.RESELLER, "HPE", "Softcat")
    assert context.agreement_label == "HPE-4H · 4-hour support"


def test_save_case_computes_then_keeps_a_hand_verdict(session: Session, world: World) -> None:
    values = {"agreement_id": world.agreement.id, "item_id": world.item.id,
              "opened_at": MONDAY_10, "resolved_at": MONDAY_10 + dt.timedelta(hours=3),
              "called": FirstLine.RESELLER, "case_number": " SC-1 ", "sla_met": None,
              "notes": ""}
    case_id = case_forms.save_case(session, None, values)
    case = session.get(SupportCase, case_id)
    assert case is not None and case.sla_met is True and case.case_number == "SC-1"
    case_forms.save_case(session, case_id, {**values, "sla_met": False})
    case = session.get(SupportCase, case_id)  # the same row, read again after the save
    assert case is not None and case.sla_met is False and case.sla_met_by_user
    assert case_forms.load_case(session, case_id)["sla_met"] is False
    rows = case_forms.case_rows(session, agreement_id=world.agreement.id)
    assert [(r["case_number"], r["hours"], r["sla_met"], r["by_user"]) for r in rows] == [
        ("SC-1", 3.0, False, True)]


def test_save_case_names_the_dialog_fields(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as raised:
        case_forms.save_case(session, None, {"opened_at": MONDAY_10, "called": "oem"})
    assert "agreement_id" in raised.value.problems


def test_review_start_and_save_move_the_next_review(session: Session, world: World) -> None:
    start = case_forms.review_start(session, world.reseller.id, TODAY)
    assert start.cases == 0 and start.sla_adherence is None
    case_forms.save_review(session, world.reseller.id, {
        "review_date": TODAY, "next_review": dt.date(2027, 5, 1), "reviewer": "X",
        "delivery": 5, "findings": "fine", "actions": ""})
    assert world.reseller.next_review == dt.date(2027, 5, 1)
    rows = case_forms.review_rows(session, world.reseller.id)
    assert [(r["review_date"], r["delivery"], r["pricing"]) for r in rows] == [
        (TODAY, 5, None)]


def test_risks_save_filter_and_flag(session: Session, world: World) -> None:
    with pytest.raises(ValidationError) as raised:
        risk_forms.save_risk(session, None, {"organization_id": world.reseller.id,
                                             "description": "x", "likelihood": 2,
                                             "impact": 2,
                                             "alternative_supplier_id": world.reseller.id})
    assert "alternative_supplier_id" in raised.value.problems
    risk_id = risk_forms.save_risk(session, None, {
        "organization_id": world.reseller.id, "agreement_id": world.agreement.id,
        "description": "Only reseller with HPE engineers", "likelihood": 4, "impact": 3,
        "alternative_supplier_id": world.other_reseller.id, "owner": "J",
        "status": RiskStatus.OPEN})
    assert risk_forms.load_risk(session, risk_id)["alternative_supplier_id"] == \
        world.other_reseller.id
    assert [r["severity"] for r in risk_forms.risk_rows(session, min_severity=12)] == [12]
    assert risk_forms.risk_rows(session, statuses=(RiskStatus.CLOSED,)) == []
    flags = risk_forms.flag_rows(session, TODAY)
    assert [(f["name"], f["supplier"], f["alternative"]) for f in flags] == [
        ("HPE-4H", "Softcat", "Bechtle")]
    records.update(session, world.reseller, status=OrgStatus.BLOCKED)
    assert risk_forms.flag_rows(session, TODAY)[0]["reasons"].startswith("Softcat is blocked")
    card = risk_forms.scorecard_view(session, world.reseller.id, TODAY)
    assert card.risks_by_level == {"high": 1, "medium": 0, "low": 0}


def test_due_diligence_checks_round_trip(session: Session, world: World) -> None:
    check_id = risk_forms.save_check(session, world.reseller.id, None, {
        "topic": "insurance", "result": "ok", "checked_on": TODAY - dt.timedelta(days=400),
        "expires_on": TODAY - dt.timedelta(days=35), "notes": "certificate"})
    rows = risk_forms.check_rows(session, world.reseller.id, TODAY)
    assert [(r["topic"], r["result"], r["expired"]) for r in rows] == [
        ("insurance", "ok", True)]
    card = risk_forms.scorecard_view(session, world.reseller.id, TODAY)
    assert [i["reason"] for i in card.diligence] == ["expired"]
    risk_forms.delete_check(session, check_id)
    assert risk_forms.check_rows(session, world.reseller.id, TODAY) == []
