"""The scorecard of one organization: how it did, what we found, what could go wrong.

Shown on the vendor view, summarised in the vendor PDF and printed by ``contractdesk
governance scorecard``; all three read this one dataclass.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.governance import DueDiligenceCheck, Review, Risk, SupportCase
from contractdesk.db.models import Agreement, Item, Organization
from contractdesk.domain.enums import OrgRole, RiskLevel
from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic, RiskStatus
from contractdesk.domain.severity import severity_level
from contractdesk.services.support_cases import cases_of

SCORECARD_MONTHS = 12
ISSUE_RESULTS = (DiligenceResult.FAILED, DiligenceResult.CONCERN)

# What a scorecard's case count covers, in words (one place, to be translated).
COUNTS_AS_OEM = ("Counts the support cases on {name} products, whichever party was "
                 "called, and the cases where {name} was called.")
COUNTS_AS_SUPPLIER = ("Counts the support cases where {name} was called, or where it "
                      "takes the first call.")


@dataclass(frozen=True, slots=True)
class CaseStats:
    """Support cases of a period. ``share_met`` is over the cases whose SLA outcome is
    known (resolved, with a readable SLA or the user's verdict), None when there are none."""

    cases: int
    open: int
    judged: int
    met: int
    median_hours_to_resolve: float | None

    @property
    def missed(self) -> int:
        return self.judged - self.met

    @property
    def share_met(self) -> float | None:
        return self.met / self.judged if self.judged else None


def case_stats(cases: Sequence[SupportCase]) -> CaseStats:
    durations = [case.time_to_resolve for case in cases if case.time_to_resolve is not None]
    judged = [case for case in cases if case.sla_met is not None]
    median = (statistics.median(d.total_seconds() for d in durations) / 3600
              if durations else None)
    return CaseStats(cases=len(cases), open=sum(case.resolved_at is None for case in cases),
                     judged=len(judged), met=sum(bool(case.sla_met) for case in judged),
                     median_hours_to_resolve=median)


@dataclass(frozen=True, slots=True)
class DiligenceIssue:
    check: DueDiligenceCheck
    reason: str  # "failed", "concern", "expired"


@dataclass(frozen=True, slots=True)
class Scorecard:
    organization: Organization
    today: dt.date
    since: dt.date
    cases: CaseStats
    reviews: list[Review]  # oldest first: scores over time
    open_risks: list[Risk]  # most severe first
    diligence_issues: list[DiligenceIssue]
    case_list: list[SupportCase] = field(repr=False)

    @property
    def counts(self) -> str:
        """Which cases ``cases`` counts, in a sentence for the reader of the numbers."""
        return counts_sentence(self.organization)

    @property
    def open_risks_by_severity(self) -> dict[RiskLevel, int]:
        counted = Counter(severity_level(risk.severity) for risk in self.open_risks)
        return {level: counted[level] for level in (RiskLevel.HIGH, RiskLevel.MEDIUM,
                                                    RiskLevel.LOW)}


def concerns(organization: Organization) -> ColumnElement[bool]:
    """SQL condition (with ``Risk.agreement`` outer-joined): the risk is on the
    organization, or on an agreement it supplies (as reseller, or as OEM sold direct)."""
    org = organization.id
    return or_(Risk.organization_id == org, Agreement.reseller_id == org,
               (Agreement.oem_id == org) & Agreement.reseller_id.is_(None))


def risks_concerning(session: Session, organization: Organization,
                     statuses: Sequence[RiskStatus] = (RiskStatus.OPEN,)) -> list[Risk]:
    """Risks on the organization or on an agreement it supplies, most severe first."""
    risks = session.scalars(
        select(Risk).outerjoin(Risk.agreement)
        .where(Risk.status.in_(statuses), concerns(organization))
        .options(selectinload(Risk.alternative_supplier), selectinload(Risk.agreement)))
    return sorted(risks, key=lambda r: (-r.severity, r.id))


def diligence_issues(session: Session, organization: Organization,
                     today: dt.date) -> list[DiligenceIssue]:
    """Checks that failed or raised a concern, and checks past their expiry date.

    Only the latest check per topic counts: a failed check followed by a passed one is
    resolved, not an open issue.
    """
    checks = session.scalars(
        select(DueDiligenceCheck).where(DueDiligenceCheck.organization_id == organization.id)
        .order_by(DueDiligenceCheck.checked_on.is_(None), DueDiligenceCheck.checked_on,
                  DueDiligenceCheck.id)).all()
    latest: dict[DiligenceTopic, DueDiligenceCheck] = {}
    for check in checks:
        latest[check.topic] = check
    issues: list[DiligenceIssue] = []
    for check in latest.values():
        if check.result in ISSUE_RESULTS:
            issues.append(DiligenceIssue(check, check.result.value))
        elif check.expired(today):
            issues.append(DiligenceIssue(check, "expired"))
    return issues


def is_oem(organization: Organization) -> bool:
    return OrgRole.OEM in organization.roles


def counts_sentence(organization: Organization) -> str:
    template = COUNTS_AS_OEM if is_oem(organization) else COUNTS_AS_SUPPLIER
    return template.format(name=organization.name)


def scored_cases(session: Session, organization: Organization, since: dt.datetime
                 ) -> list[SupportCase]:
    """The cases a scorecard counts, oldest first: those against whom we called (see
    :func:`~contractdesk.services.support_cases.cases_of`) and, for an OEM, every case
    on its products whichever party was called. An OEM's product failing is its record
    even when the reseller took the call; without this, an OEM whose cases all went
    through a reseller would show none.
    """
    cases = cases_of(session, organization, since)
    if not is_oem(organization):
        return cases
    on_products = session.scalars(
        select(SupportCase)
        .outerjoin(SupportCase.agreement).outerjoin(SupportCase.item)
        .where(SupportCase.opened_at >= since,
               func.coalesce(Agreement.oem_id, Item.oem_id) == organization.id)
        .options(selectinload(SupportCase.agreement), selectinload(SupportCase.item)))
    merged = {case.id: case for case in (*cases, *on_products)}
    return sorted(merged.values(), key=lambda case: (case.opened_at, case.id))


def scorecard(session: Session, organization: Organization, today: dt.date,
              months: int = SCORECARD_MONTHS) -> Scorecard:
    since: dt.date = today - relativedelta(months=months)
    cases = scored_cases(session, organization, dt.datetime.combine(since, dt.time()))
    reviews = list(session.scalars(
        select(Review).where(Review.organization_id == organization.id)
        .order_by(Review.review_date, Review.id)))
    return Scorecard(organization=organization, today=today, since=since,
                     cases=case_stats(cases), reviews=reviews,
                     open_risks=risks_concerning(session, organization),
                     diligence_issues=diligence_issues(session, organization, today),
                     case_list=cases)


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    """The ``governance scorecard --json`` contract."""
    stats = card.cases
    share = stats.share_met
    median = stats.median_hours_to_resolve
    return {
        "organization": card.organization.name,
        "today": card.today.isoformat(),
        "since": card.since.isoformat(),
        "support_cases_counted": card.counts,
        "support_cases": {
            "cases": stats.cases, "open": stats.open, "sla_judged": stats.judged,
            "sla_met": stats.met, "sla_missed": stats.missed,
            "share_met": round(share, 3) if share is not None else None,
            "median_hours_to_resolve": round(median, 1) if median is not None else None,
        },
        "reviews": [{"review_date": r.review_date.isoformat(), "reviewer": r.reviewer,
                     **r.scores()} for r in card.reviews],
        "open_risks_by_severity": {level.value: n
                                   for level, n in card.open_risks_by_severity.items()},
        "open_risks": [{"description": r.description, "likelihood": r.likelihood,
                        "impact": r.impact, "severity": r.severity,
                        "level": severity_level(r.severity).value,
                        "agreement": r.agreement.contract_number if r.agreement else None,
                        "alternative_supplier": r.alternative_supplier.name
                        if r.alternative_supplier else None} for r in card.open_risks],
        "due_diligence_issues": [{"topic": i.check.topic.value, "reason": i.reason,
                                  "checked_on": _iso(i.check.checked_on),
                                  "expires_on": _iso(i.check.expires_on)}
                                 for i in card.diligence_issues],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
