"""The support-case log and the scorecard it feeds."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.governance import DueDiligenceCheck, Risk, SupportCase
from contractdesk.db.models import Agreement, Change
from contractdesk.domain.enums import FirstLine, RiskLevel
from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic, RiskStatus
from contractdesk.errors import ValidationError
from contractdesk.services import records
from contractdesk.services.scorecard import scorecard, scorecard_json
from contractdesk.services.support_cases import cases_for, log_case, update_case
from tests.governance.conftest import TODAY, World

MONDAY = dt.datetime(2026, 11, 23, 10, 0)


def test_case_missing_4_hour_sla_changes_scorecard(session: Session, world: World) -> None:
    log_case(session, agreement=world.agreement, called=FirstLine.RESELLER,
             opened_at=MONDAY - dt.timedelta(days=14),
             resolved_at=MONDAY - dt.timedelta(days=14) + dt.timedelta(hours=3))
    before = scorecard(session, world.reseller, TODAY).cases
    assert (before.cases, before.met, before.share_met) == (1, 1, 1.0)

    missed = log_case(session, agreement=world.agreement, called="reseller",
                      opened_at=MONDAY, resolved_at=MONDAY + dt.timedelta(hours=5),
                      case_number="SC-2")
    assert missed.sla_met is False

    card = scorecard(session, world.reseller, TODAY)
    assert (card.cases.cases, card.cases.met, card.cases.missed) == (2, 1, 1)
    assert card.cases.share_met == 0.5
    assert card.cases.median_hours_to_resolve == 4.0
    summary = scorecard_json(card)["support_cases"]
    assert summary["sla_missed"] == 1 and summary["share_met"] == 0.5


def test_case_logged_from_an_item_uses_the_covering_agreement(session: Session,
                                                              world: World) -> None:
    case = log_case(session, item=world.item, called=FirstLine.OEM, opened_at=MONDAY,
                    resolved_at=MONDAY + dt.timedelta(hours=2))
    assert case.agreement is world.agreement
    assert case.sla_met is True
    # called the OEM, but the reseller is first line on this agreement: counts for both
    assert scorecard(session, world.oem, TODAY).cases.cases == 1
    assert scorecard(session, world.reseller, TODAY).cases.cases == 1
    assert scorecard(session, world.other_reseller, TODAY).cases.cases == 0


def test_cases_older_than_a_year_leave_the_scorecard(session: Session, world: World) -> None:
    log_case(session, agreement=world.agreement, called=FirstLine.RESELLER,
             opened_at=MONDAY - dt.timedelta(days=400))
    assert scorecard(session, world.reseller, TODAY).cases.cases == 0


def test_user_verdict_wins_until_handed_back(session: Session, world: World) -> None:
    case = log_case(session, agreement=world.agreement, called=FirstLine.RESELLER,
                    opened_at=MONDAY, resolved_at=MONDAY + dt.timedelta(hours=6),
                    sla_met=True)
    assert (case.sla_met, case.sla_met_by_user) == (True, True)
    update_case(session, case, resolved_at=MONDAY + dt.timedelta(hours=7))
    assert case.sla_met is True  # the user's judgement survives an edit of the times
    update_case(session, case, sla_met=None)
    assert (case.sla_met, case.sla_met_by_user) == (False, False)
    update_case(session, case, resolved_at=MONDAY + dt.timedelta(hours=1))
    assert case.sla_met is True


def test_unreadable_sla_leaves_the_verdict_to_the_user(session: Session,
                                                       world: World) -> None:
    records.update(session, world.agreement, sla="gold support")
    case = log_case(session, agreement=world.agreement, called=FirstLine.RESELLER,
                    opened_at=MONDAY, resolved_at=MONDAY + dt.timedelta(hours=1))
    assert case.sla_met is None
    assert scorecard(session, world.reseller, TODAY).cases.judged == 0
    update_case(session, case, sla_met=False)
    assert scorecard(session, world.reseller, TODAY).cases.missed == 1


@pytest.mark.parametrize(("values", "field"), [
    ({"resolved_at": MONDAY - dt.timedelta(minutes=1)}, "resolved_at"),
    ({"agreement": None}, "agreement"),
    ({"called": "distributor"}, "called"),
])
def test_bad_cases_are_refused(session: Session, world: World, values: dict[str, object],
                               field: str) -> None:
    arguments: dict[str, object] = {"agreement": world.agreement, "called": "reseller",
                                    "opened_at": MONDAY, **values}
    with pytest.raises(ValidationError) as raised:
        log_case(session, **arguments)  # type: ignore[arg-type]
    assert field in raised.value.problems
    assert session.scalar(select(SupportCase.id)) is None


def test_cases_are_audited(session: Session, world: World) -> None:
    case = log_case(session, agreement=world.agreement, called=FirstLine.RESELLER,
                    opened_at=MONDAY, case_number="SC-9")
    update_case(session, case, resolved_at=MONDAY + dt.timedelta(hours=2))
    changes = session.scalars(select(Change).where(Change.entity == "support_case")).all()
    assert [c.action.value for c in changes][:1] == ["create"]
    assert {"resolved_at", "sla_met"} <= {c.field for c in changes}


def test_case_survives_deleting_its_agreement(session: Session, world: World) -> None:
    case = log_case(session, agreement=world.agreement, item=world.item,
                    called=FirstLine.RESELLER, opened_at=MONDAY)
    records.delete(session, world.agreement)
    session.expire_all()
    assert session.get(SupportCase, case.id) is not None
    assert session.get(SupportCase, case.id).agreement_id is None  # type: ignore[union-attr]
    assert session.get(Agreement, world.agreement.id) is None


def test_scorecard_lists_risks_and_diligence_issues(session: Session, world: World) -> None:
    day = dt.timedelta(days=1)
    records.create(session, Risk, organization=world.reseller, description="Sole source",
                   likelihood=4, impact=4, alternative_supplier=world.other_reseller)
    records.create(session, Risk, agreement=world.agreement, description="Price rise",
                   likelihood=2, impact=3)
    records.create(session, Risk, organization=world.reseller, description="Old",
                   likelihood=5, impact=5, status=RiskStatus.CLOSED)
    records.create(session, DueDiligenceCheck, organization=world.reseller,
                   topic=DiligenceTopic.INSURANCE, result=DiligenceResult.OK,
                   checked_on=TODAY - 400 * day, expires_on=TODAY - 35 * day)
    records.create(session, DueDiligenceCheck, organization=world.reseller,
                   topic=DiligenceTopic.DATA_SECURITY, result=DiligenceResult.FAILED,
                   checked_on=TODAY - 200 * day)
    # a later passing check settles the earlier failure of the same topic
    records.create(session, DueDiligenceCheck, organization=world.reseller,
                   topic=DiligenceTopic.DATA_SECURITY, result=DiligenceResult.OK,
                   checked_on=TODAY - 20 * day)
    records.create(session, DueDiligenceCheck, organization=world.reseller,
                   topic=DiligenceTopic.REFERENCES, result=DiligenceResult.FAILED,
                   checked_on=TODAY - 10 * day)

    card = scorecard(session, world.reseller, TODAY)
    assert [r.description for r in card.open_risks] == ["Sole source", "Price rise"]
    assert card.open_risks_by_severity == {RiskLevel.HIGH: 1, RiskLevel.MEDIUM: 1,
                                           RiskLevel.LOW: 0}
    assert sorted((i.check.topic.value, i.reason) for i in card.diligence_issues) == [
        ("insurance", "expired"), ("references", "failed")]
    assert scorecard_json(card)["open_risks"][0]["alternative_supplier"] == "Bechtle"


def test_case_log_of_an_agreement_and_an_item(session: Session, world: World) -> None:
    first = log_case(session, agreement=world.agreement, called=FirstLine.RESELLER,
                     opened_at=MONDAY - dt.timedelta(days=2))
    second = log_case(session, item=world.item, called=FirstLine.OEM, opened_at=MONDAY)
    assert cases_for(session, agreement=world.agreement) == [second, first]
    assert cases_for(session, item=world.item) == [second]


def test_governance_records_go_with_their_organization(session: Session,
                                                       world: World) -> None:
    records.create(session, DueDiligenceCheck, organization=world.other_reseller,
                   topic=DiligenceTopic.REFERENCES)
    records.create(session, Risk, organization=world.other_reseller, description="X",
                   likelihood=1, impact=1)
    kept = records.create(session, Risk, organization=world.reseller, description="Y",
                          likelihood=1, impact=1, alternative_supplier=world.other_reseller)
    records.delete(session, world.other_reseller)
    session.expire_all()
    assert session.scalars(select(DueDiligenceCheck)).all() == []
    assert session.scalars(select(Risk)).all() == [kept]
    assert kept.alternative_supplier is None
