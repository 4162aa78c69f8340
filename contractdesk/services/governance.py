"""Vendor governance workflows: reviews, the risk register, risky single suppliers.

The support-case log is in :mod:`contractdesk.services.support_cases` and the
scorecard in :mod:`contractdesk.services.scorecard`; reviews start from the scorecard's
numbers so what the reviewer scores is what the case log shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.governance import SCORE_FIELDS, DueDiligenceCheck, Review, Risk
from contractdesk.db.models import Agreement, Organization
from contractdesk.domain.enums import OrgStatus, RiskLevel
from contractdesk.domain.governance_enums import RiskStatus
from contractdesk.domain.severity import HIGH_FROM, severity_level
from contractdesk.errors import ValidationError
from contractdesk.services import records
from contractdesk.services.renewals import renewed_ids
from contractdesk.services.scorecard import CaseStats, case_stats, concerns, scorecard

# How often an organization is reviewed, by its risk level (unknown: yearly).
REVIEW_INTERVAL_MONTHS = {RiskLevel.HIGH: 3, RiskLevel.MEDIUM: 6, RiskLevel.LOW: 12}
DEFAULT_REVIEW_INTERVAL_MONTHS = 12
REVIEWS_DUE_DAYS = 30


@dataclass(frozen=True, slots=True)
class ReviewDraft:
    """What "Start review" shows before the reviewer scores: the period's numbers, a
    suggested SLA-adherence score, findings text to edit, and the next review date."""

    organization: Organization
    review_date: dt.date
    since: dt.date
    cases: CaseStats
    sla_adherence: int | None
    findings: str
    next_review: dt.date


def suggested_sla_adherence(stats: CaseStats) -> int | None:
    """1–5 from the share of cases that met the SLA (100 % → 5, < 60 % → 1)."""
    share = stats.share_met
    if share is None:
        return None
    for score, floor in ((5, 1.0), (4, 0.9), (3, 0.75), (2, 0.6)):
        if share >= floor:
            return score
    return 1


def next_review_after(organization: Organization, day: dt.date) -> dt.date:
    level = organization.risk_level
    months = (REVIEW_INTERVAL_MONTHS[level] if level is not None
              else DEFAULT_REVIEW_INTERVAL_MONTHS)
    result: dt.date = day + relativedelta(months=months)
    return result


def _findings_text(stats: CaseStats, since: dt.date) -> str:
    if not stats.cases:
        return f"No support cases logged since {since.isoformat()}."
    parts = [f"{stats.cases} support case{'s' if stats.cases != 1 else ''} since "
             f"{since.isoformat()}"]
    if stats.judged:
        parts.append(f"{stats.met} of {stats.judged} met the SLA "
                     f"({stats.share_met:.0%})")
    if stats.median_hours_to_resolve is not None:
        parts.append(f"median {stats.median_hours_to_resolve:.1f} h to resolve")
    if stats.open:
        parts.append(f"{stats.open} still open")
    return "; ".join(parts) + "."


def start_review(session: Session, organization: Organization, today: dt.date
                 ) -> ReviewDraft:
    """Pre-fills a review with the case log since the last review (at most 12 months)."""
    card = scorecard(session, organization, today)
    last = card.reviews[-1].review_date if card.reviews else None
    since = max(card.since, last) if last is not None and last < today else card.since
    cases = [case for case in card.case_list if case.opened_at.date() >= since]
    stats = case_stats(cases)
    return ReviewDraft(organization=organization, review_date=today, since=since,
                       cases=stats, sla_adherence=suggested_sla_adherence(stats),
                       findings=_findings_text(stats, since),
                       next_review=next_review_after(organization, today))


def complete_review(session: Session, organization: Organization, *,
                    review_date: dt.date, next_review: dt.date | None = None,
                    reviewer: str | None = None, findings: str = "", actions: str = "",
                    **scores: int | None) -> Review:
    """Saves the review and moves the organization's ``next_review`` to its date
    (default: by the organization's risk level, see :data:`REVIEW_INTERVAL_MONTHS`).

    Raises:
        ValidationError: a score outside 1–5, an unknown score name, a next review not
            after this one.
    """
    unknown = set(scores) - set(SCORE_FIELDS)
    if unknown:
        raise ValidationError({name: "no such score" for name in sorted(unknown)})
    if next_review is None:
        next_review = next_review_after(organization, review_date)
    review = records.create(session, Review, organization=organization,
                            review_date=review_date, reviewer=reviewer, findings=findings,
                            actions=actions, next_review=next_review, **scores)
    records.update(session, organization, next_review=next_review)
    return review


def reviews_of(session: Session, organization: Organization) -> list[Review]:
    """An organization's reviews, newest first (the vendor view's list)."""
    return list(session.scalars(
        select(Review).where(Review.organization_id == organization.id)
        .order_by(Review.review_date.desc(), Review.id.desc())))


def due_diligence_of(session: Session, organization: Organization) -> list[DueDiligenceCheck]:
    """An organization's due-diligence checklist, by topic, newest check first."""
    return list(session.scalars(
        select(DueDiligenceCheck).where(DueDiligenceCheck.organization_id == organization.id)
        .options(selectinload(DueDiligenceCheck.evidence))
        .order_by(DueDiligenceCheck.topic, DueDiligenceCheck.checked_on.desc(),
                  DueDiligenceCheck.id.desc())))


@dataclass(frozen=True, slots=True)
class ReviewDue:
    organization: Organization
    next_review: dt.date
    overdue: bool
    last_review: dt.date | None


def reviews_due(session: Session, today: dt.date, within_days: int = REVIEWS_DUE_DAYS
                ) -> list[ReviewDue]:
    """Organizations whose next review is past or within ``within_days``, soonest first."""
    horizon = today + dt.timedelta(days=within_days)
    organizations = session.scalars(
        select(Organization).where(Organization.next_review.is_not(None),
                                   Organization.next_review <= horizon)
        .order_by(Organization.next_review, Organization.name_key)).all()
    last = {org_id: day for org_id, day in session.execute(
        select(Review.organization_id, Review.review_date)
        .where(Review.organization_id.in_([o.id for o in organizations]))
        .order_by(Review.review_date))}  # the latest per organization wins
    return [ReviewDue(org, org.next_review, org.next_review < today, last.get(org.id))
            for org in organizations if org.next_review is not None]


def review_due_json(due: ReviewDue) -> dict[str, Any]:
    """One entry of the ``reviews`` list in ``contractdesk renewals --json``."""
    return {"organization": due.organization.name,
            "next_review": due.next_review.isoformat(), "overdue": due.overdue,
            "last_review": due.last_review.isoformat() if due.last_review else None,
            "status": due.organization.status.value,
            "risk_level": due.organization.risk_level.value
            if due.organization.risk_level else None}


def risk_register(session: Session, *, statuses: Collection[RiskStatus] | None = None,
                  organization: Organization | None = None, min_severity: int = 1,
                  level: RiskLevel | None = None, agreement: Agreement | None = None
                  ) -> list[Risk]:
    """All risks across vendors, most severe first, filtered as the register's controls
    allow; ``statuses`` None means every status."""
    query = select(Risk).options(selectinload(Risk.organization),
                                 selectinload(Risk.agreement),
                                 selectinload(Risk.alternative_supplier))
    if statuses is not None:
        query = query.where(Risk.status.in_(list(statuses)))
    if organization is not None:
        query = query.outerjoin(Risk.agreement).where(concerns(organization))
    if agreement is not None:
        query = query.where(Risk.agreement_id == agreement.id)
    risks = [risk for risk in session.scalars(query)
             if risk.severity >= min_severity
             and (level is None or severity_level(risk.severity) == level)]
    return sorted(risks, key=lambda r: (-r.severity, r.id))


def risk_json(risk: Risk) -> dict[str, Any]:
    return {"organization": risk.organization.name if risk.organization else None,
            "agreement": risk.agreement.contract_number if risk.agreement else None,
            "description": risk.description, "likelihood": risk.likelihood,
            "impact": risk.impact, "severity": risk.severity,
            "level": severity_level(risk.severity).value, "mitigation": risk.mitigation,
            "alternative_supplier": risk.alternative_supplier.name
            if risk.alternative_supplier else None,
            "owner": risk.owner, "status": risk.status.value}


@dataclass(frozen=True, slots=True)
class SupplierFlag:
    """A running agreement whose one supplier is a problem, with why and the fallback."""

    agreement: Agreement
    supplier: Organization
    reasons: list[str]
    alternative: Organization | None


def supplier_of(agreement: Agreement) -> Organization | None:
    """The one organization we depend on for an agreement: its reseller, or the OEM
    when bought direct."""
    return agreement.reseller or agreement.oem


def risky_supplier_flags(session: Session, today: dt.date) -> list[SupplierFlag]:
    """Running agreements whose supplier is blocked, rated high-risk, or carries an
    open high-severity risk (on itself or on that agreement)."""
    open_risks = session.scalars(select(Risk).where(Risk.status == RiskStatus.OPEN)
                                 .options(selectinload(Risk.alternative_supplier))).all()
    # Only agreements that can be flagged are loaded (a handful, not the whole register):
    # those on a supplier that is blocked, rated high or carries a high risk, and those
    # with a high risk of their own.
    high = [r for r in open_risks if r.severity >= HIGH_FROM]
    suppliers = set(session.scalars(select(Organization.id).where(
        (Organization.status == OrgStatus.BLOCKED)
        | (Organization.risk_level == RiskLevel.HIGH))))
    suppliers |= {r.organization_id for r in high if r.organization_id is not None}
    own = {r.agreement_id for r in high if r.agreement_id is not None}
    if not suppliers and not own:
        return []
    on_supplier = Agreement.reseller_id.in_(suppliers) | (
        Agreement.reseller_id.is_(None) & Agreement.oem_id.in_(suppliers))
    agreements = session.scalars(
        select(Agreement).where(Agreement.cancelled.is_(False),
                                Agreement.end_date.is_(None) | (Agreement.end_date >= today),
                                on_supplier | Agreement.id.in_(own))
        .options(selectinload(Agreement.reseller), selectinload(Agreement.oem))
        .order_by(Agreement.end_date, Agreement.contract_number)).all()
    renewed = renewed_ids(session, today)
    flags: list[SupplierFlag] = []
    for agreement in agreements:
        supplier = supplier_of(agreement)
        if supplier is None or agreement.id in renewed:
            continue
        relevant = [r for r in open_risks if r.organization_id == supplier.id
                    or r.agreement_id == agreement.id]
        reasons = _reasons(supplier, relevant)
        if reasons:
            alternative = next((r.alternative_supplier for r in relevant
                                if r.alternative_supplier is not None), None)
            flags.append(SupplierFlag(agreement, supplier, reasons, alternative))
    return flags


def _reasons(supplier: Organization, risks: list[Risk]) -> list[str]:
    reasons: list[str] = []
    if supplier.status == OrgStatus.BLOCKED:
        reasons.append(f"{supplier.name} is blocked")
    if supplier.risk_level == RiskLevel.HIGH:
        reasons.append(f"{supplier.name} is rated high risk")
    reasons.extend(f"open risk (severity {r.severity}): {r}" for r in risks
                   if r.severity >= HIGH_FROM)
    return reasons


def supplier_flag_json(flag: SupplierFlag) -> dict[str, Any]:
    agreement = flag.agreement
    return {"contract_number": agreement.contract_number, "title": agreement.title,
            "supplier": flag.supplier.name, "reasons": flag.reasons,
            "alternative_supplier": flag.alternative.name if flag.alternative else None,
            "end_date": agreement.end_date.isoformat() if agreement.end_date else None}
