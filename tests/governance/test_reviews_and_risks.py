"""Reviews (start, complete, due), the risk register and risky-supplier flags."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.governance import DueDiligenceCheck, Review, Risk
from contractdesk.db.models import Agreement, Change
from contractdesk.domain.enums import FirstLine, OrgStatus, RiskLevel
from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic, RiskStatus
from contractdesk.errors import ValidationError
from contractdesk.services import records
from contractdesk.services.governance import (
    complete_review,
    due_diligence_of,
    reviews_due,
    reviews_of,
    risk_register,
    risky_supplier_flags,
    start_review,
)
from contractdesk.services.support_cases import log_case
from tests.governance.conftest import TODAY, World

DAY = dt.timedelta(days=1)


def test_completing_a_review_sets_next_review_and_clears_it_from_due(
        session: Session, world: World) -> None:
    records.update(session, world.reseller, next_review=TODAY - 3 * DAY,
                   risk_level=RiskLevel.MEDIUM)
    due = reviews_due(session, TODAY)
    assert [(d.organization.name, d.overdue) for d in due] == [("Softcat", True)]

    opened = dt.datetime(2026, 11, 23, 10)
    log_case(session, agreement=world.agreement, called=FirstLine.RESELLER,
             opened_at=opened, resolved_at=opened + dt.timedelta(hours=5))
    draft = start_review(session, world.reseller, TODAY)
    assert (draft.cases.cases, draft.cases.missed) == (1, 1)
    assert draft.sla_adherence == 1
    assert "1 of 1 met" not in draft.findings and "0 of 1 met the SLA" in draft.findings
    assert draft.next_review == dt.date(2027, 5, 25)  # medium risk: every 6 months

    review = complete_review(session, world.reseller, review_date=TODAY, reviewer="JK",
                             delivery=4, support_quality=2, responsiveness=3, pricing=4,
                             sla_adherence=draft.sla_adherence, findings=draft.findings,
                             actions="Escalate", next_review=draft.next_review)
    assert world.reseller.next_review == dt.date(2027, 5, 25)
    assert review.scores()["support_quality"] == 2
    assert reviews_due(session, TODAY) == []
    assert session.scalars(select(Change).where(Change.entity == "review")).first()


def test_next_review_defaults_by_risk_level(session: Session, world: World) -> None:
    records.update(session, world.reseller, risk_level=RiskLevel.HIGH)
    complete_review(session, world.reseller, review_date=TODAY)
    assert world.reseller.next_review == dt.date(2027, 2, 25)


def test_reviews_due_within_window(session: Session, world: World) -> None:
    records.update(session, world.reseller, next_review=TODAY + 20 * DAY)
    records.update(session, world.other_reseller, next_review=TODAY + 60 * DAY)
    assert [d.organization.name for d in reviews_due(session, TODAY)] == ["Softcat"]
    assert [d.organization.name for d in reviews_due(session, TODAY, 90)] == [
        "Softcat", "Bechtle"]


class _Scores(TypedDict, total=False):
    """The score keywords the test passes, one of them unknown to the service."""

    delivery: int
    pricing: int
    charm: int


@pytest.mark.parametrize(("scores", "field"), [
    ({"delivery": 6}, "delivery"),
    ({"pricing": 0}, "pricing"),
    ({"charm": 3}, "charm"),
])
def test_review_scores_are_checked(session: Session, world: World,
                                   scores: _Scores, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        complete_review(session, world.reseller, review_date=TODAY, **scores)
    assert field in raised.value.problems
    assert session.scalar(select(Review.id)) is None


def test_next_review_must_follow_the_review(session: Session, world: World) -> None:
    with pytest.raises(ValidationError, match="next_review"):
        complete_review(session, world.reseller, review_date=TODAY, next_review=TODAY)


def test_blocked_resellers_agreements_are_flagged(session: Session, world: World) -> None:
    direct = records.create(session, Agreement, contract_number="HPE-DIRECT", oem=world.oem,
                            currency="EUR", end_date=TODAY + 100 * DAY)
    records.create(session, Agreement, contract_number="HPE-OLD", oem=world.oem,
                   reseller=world.reseller, currency="EUR", end_date=TODAY - DAY)
    records.create(session, Agreement, contract_number="HPE-CXL", oem=world.oem,
                   reseller=world.reseller, currency="EUR", cancelled=True)
    assert risky_supplier_flags(session, TODAY) == []

    records.update(session, world.reseller, status=OrgStatus.BLOCKED)
    records.create(session, Risk, organization=world.reseller, description="Insolvency rumours",
                   likelihood=2, impact=5, alternative_supplier=world.other_reseller)
    flags = risky_supplier_flags(session, TODAY)
    assert [f.agreement.contract_number for f in flags] == ["HPE-4H"]
    assert flags[0].reasons[0] == "Softcat is blocked"
    assert flags[0].alternative is world.other_reseller

    # bought direct: the OEM is the only supplier
    records.update(session, world.oem, risk_level=RiskLevel.HIGH)
    assert direct in [f.agreement for f in risky_supplier_flags(session, TODAY)]


def test_open_high_risk_on_an_agreement_flags_it(session: Session, world: World) -> None:
    risk = records.create(session, Risk, agreement=world.agreement, description="EOL",
                          likelihood=3, impact=4)
    assert [f.agreement for f in risky_supplier_flags(session, TODAY)] == [world.agreement]
    records.update(session, risk, status=RiskStatus.MITIGATED)
    assert risky_supplier_flags(session, TODAY) == []


def test_an_open_high_risk_on_a_supplier_flags_its_agreements(session: Session,
                                                              world: World) -> None:
    """Neither blocked nor rated high, but carrying a high risk: still flagged."""
    records.create(session, Risk, organization=world.reseller, description="Key engineer left",
                   likelihood=4, impact=4)
    flags = risky_supplier_flags(session, TODAY)
    assert [f.agreement for f in flags] == [world.agreement]
    assert flags[0].reasons == ["open risk (severity 16): Key engineer left"]


def test_risk_register_filters(session: Session, world: World) -> None:
    high = records.create(session, Risk, organization=world.reseller, description="A",
                          likelihood=5, impact=4)
    low = records.create(session, Risk, organization=world.other_reseller, description="B",
                         likelihood=1, impact=2, status=RiskStatus.ACCEPTED)
    on_agreement = records.create(session, Risk, agreement=world.agreement, description="C",
                                  likelihood=2, impact=3)
    assert risk_register(session) == [high, on_agreement, low]
    assert risk_register(session, statuses=[RiskStatus.OPEN]) == [high, on_agreement]
    assert risk_register(session, organization=world.reseller) == [high, on_agreement]
    assert risk_register(session, min_severity=6) == [high, on_agreement]
    assert risk_register(session, level=RiskLevel.LOW) == [low]
    assert risk_register(session, agreement=world.agreement) == [on_agreement]


@pytest.mark.parametrize(("values", "field"), [
    ({"likelihood": 0}, "likelihood"),
    ({"impact": 6}, "impact"),
    ({"organization": None}, "organization"),
    ({"description": " "}, "description"),
])
def test_bad_risks_are_refused(session: Session, world: World, values: dict[str, object],
                               field: str) -> None:
    arguments: dict[str, object] = {"organization": world.reseller, "description": "X",
                                    "likelihood": 2, "impact": 2, **values}
    with pytest.raises(ValidationError) as raised:
        records.create(session, Risk, **arguments)
    assert field in raised.value.problems


def test_alternative_supplier_must_be_another_organization(session: Session,
                                                           world: World) -> None:
    with pytest.raises(ValidationError, match="alternative_supplier"):
        records.create(session, Risk, organization=world.reseller, description="X",
                       likelihood=2, impact=2, alternative_supplier=world.reseller)


def test_vendor_view_lists(session: Session, world: World) -> None:
    old = complete_review(session, world.reseller, review_date=TODAY - 200 * DAY)
    new = complete_review(session, world.reseller, review_date=TODAY)
    assert reviews_of(session, world.reseller) == [new, old]
    failed = records.create(session, DueDiligenceCheck, organization=world.reseller,
                            topic=DiligenceTopic.INSURANCE, result=DiligenceResult.FAILED,
                            checked_on=TODAY - 100 * DAY)
    passed = records.create(session, DueDiligenceCheck, organization=world.reseller,
                            topic=DiligenceTopic.INSURANCE, result=DiligenceResult.OK,
                            checked_on=TODAY)
    assert due_diligence_of(session, world.reseller) == [passed, failed]
