"""Scorecard, risk register, due-diligence checks and supplier flags as plain values.

The window's counterpart of :mod:`~contractdesk.services.governance` and
:mod:`~contractdesk.services.scorecard`: the same queries, flattened into dataclasses and
dicts so nothing the window holds needs an open session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.governance import DueDiligenceCheck, Risk
from contractdesk.db.models import Agreement, Organization
from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic, RiskStatus
from contractdesk.domain.severity import severity_level
from contractdesk.errors import NotFoundError, ValidationError
from contractdesk.services import records
from contractdesk.services.governance import (
    due_diligence_of,
    risk_register,
    risky_supplier_flags,
)
from contractdesk.services.scorecard import scorecard

Values = dict[str, Any]


def _get(session: Session, model: type[Any], record_id: int, what: str) -> Any:
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(f"That {what} no longer exists; it may have been deleted.")
    return record


# scorecard -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewScores:
    review_date: dt.date
    reviewer: str
    scores: dict[str, int | None]


@dataclass(frozen=True, slots=True)
class ScorecardView:
    organization: str
    since: dt.date
    cases: int
    open: int
    judged: int
    met: int
    median_hours: float | None
    reviews: list[ReviewScores]  # oldest first
    risks_by_level: dict[str, int]  # "high", "medium", "low"
    risks: list[Values]  # description, severity, level, alternative
    diligence: list[Values]  # topic, reason, checked_on, expires_on
    diligence_checks: int = 0  # checks recorded at all: none is no news, not good news

    @property
    def share_met(self) -> float | None:
        return self.met / self.judged if self.judged else None


def scorecard_view(session: Session, organization_id: int, today: dt.date) -> ScorecardView:
    card = scorecard(session, _get(session, Organization, organization_id, "organization"),
                     today)
    stats = card.cases
    return ScorecardView(
        card.organization.name, card.since, stats.cases, stats.open, stats.judged,
        stats.met, stats.median_hours_to_resolve,
        [ReviewScores(r.review_date, r.reviewer or "", r.scores()) for r in card.reviews],
        {level.value: n for level, n in card.open_risks_by_severity.items()},
        [{"description": str(r), "severity": r.severity,
          "level": severity_level(r.severity).value,
          "alternative": r.alternative_supplier.name if r.alternative_supplier else ""}
         for r in card.open_risks],
        [{"topic": i.check.topic.value, "reason": i.reason,
          "checked_on": i.check.checked_on, "expires_on": i.check.expires_on}
         for i in card.diligence_issues],
        session.scalar(select(func.count()).select_from(DueDiligenceCheck)
                       .where(DueDiligenceCheck.organization_id == organization_id)) or 0)


# risks -----------------------------------------------------------------------------

RISK_FIELDS = ("organization_id", "agreement_id", "description", "likelihood", "impact",
               "mitigation", "alternative_supplier_id", "owner", "status")
_RISK_REFERENCES: dict[str, tuple[str, type[Any]]] = {
    "organization_id": ("organization", Organization),
    "agreement_id": ("agreement", Agreement),
    "alternative_supplier_id": ("alternative_supplier", Organization)}


def risk_rows(session: Session, *, statuses: Collection[RiskStatus] | None = None,
              organization_id: int | None = None, min_severity: int = 1) -> list[Values]:
    """The risk register's rows, most severe first."""
    organization = (_get(session, Organization, organization_id, "organization")
                    if organization_id is not None else None)
    return [{"id": r.id, "description": str(r),
             "organization": r.organization.name if r.organization else "",
             "agreement": (r.agreement.contract_number or r.agreement.title)
             if r.agreement else "",
             "likelihood": r.likelihood, "impact": r.impact, "severity": r.severity,
             "level": severity_level(r.severity).value,
             "alternative": r.alternative_supplier.name if r.alternative_supplier else "",
             "owner": r.owner or "", "status": r.status.value}
            for r in risk_register(session, statuses=statuses, organization=organization,
                                   min_severity=min_severity)]


def load_risk(session: Session, risk_id: int) -> Values:
    risk: Risk = _get(session, Risk, risk_id, "risk")
    return {name: getattr(risk, name) for name in RISK_FIELDS}


def save_risk(session: Session, risk_id: int | None, values: Values) -> int:
    """Creates or changes a risk from the risk form's values; returns its id.

    Raises:
        ValidationError: by form field.
    """
    attributes: Values = {}
    for name, value in values.items():
        if name in _RISK_REFERENCES:
            attribute, model = _RISK_REFERENCES[name]
            attributes[attribute] = session.get(model, value) if value is not None else None
        else:
            attributes[name] = value
    try:
        risk = (records.create(session, Risk, **attributes) if risk_id is None else
                records.update(session, _get(session, Risk, risk_id, "risk"), **attributes))
    except ValidationError as error:
        fields = {attribute: name for name, (attribute, _m) in _RISK_REFERENCES.items()}
        raise ValidationError({fields.get(name, name): reason
                               for name, reason in error.problems.items()}) from error
    return int(risk.id)


def delete_risk(session: Session, risk_id: int) -> None:
    records.delete(session, _get(session, Risk, risk_id, "risk"))


def agreement_choices(session: Session) -> list[tuple[int, str]]:
    """Every agreement as ``(id, "number · title")`` for the risk form's picker."""
    rows = session.execute(select(Agreement.id, Agreement.contract_number, Agreement.title)
                           .order_by(Agreement.contract_number, Agreement.title))
    return [(row.id, " · ".join(p for p in (row.contract_number, row.title) if p))
            for row in rows]


# due diligence ---------------------------------------------------------------------

CHECK_FIELDS = ("topic", "result", "checked_on", "expires_on", "notes")


def check_rows(session: Session, organization_id: int, today: dt.date) -> list[Values]:
    """An organization's due-diligence checklist; ``expired`` marks checks past expiry."""
    organization = _get(session, Organization, organization_id, "organization")
    return [{"id": c.id, "topic": c.topic.value, "result": c.result.value,
             "checked_on": c.checked_on, "expires_on": c.expires_on,
             "expired": c.expired(today), "notes": c.notes}
            for c in due_diligence_of(session, organization)]


def load_check(session: Session, check_id: int) -> Values:
    check: DueDiligenceCheck = _get(session, DueDiligenceCheck, check_id, "check")
    return {name: getattr(check, name) for name in CHECK_FIELDS}


def save_check(session: Session, organization_id: int, check_id: int | None,
               values: Values) -> int:
    """Creates or changes a due-diligence check of an organization; returns its id."""
    attributes = {**values, "topic": DiligenceTopic(values["topic"]),
                  "result": DiligenceResult(values["result"])}
    if check_id is None:
        organization = _get(session, Organization, organization_id, "organization")
        check = records.create(session, DueDiligenceCheck, organization=organization,
                               **attributes)
    else:
        check = records.update(session, _get(session, DueDiligenceCheck, check_id, "check"),
                               **attributes)
    return int(check.id)


def delete_check(session: Session, check_id: int) -> None:
    records.delete(session, _get(session, DueDiligenceCheck, check_id, "check"))


# start page flags ------------------------------------------------------------------


def flag_rows(session: Session, today: dt.date) -> list[Values]:
    """Running agreements whose one supplier is blocked or high-risk, for the start page."""
    return [{"id": flag.agreement.id, "name": flag.agreement.contract_number or "",
             "title": flag.agreement.title, "supplier": flag.supplier.name,
             "reasons": "; ".join(flag.reasons),
             "alternative": flag.alternative.name if flag.alternative else "",
             "end_date": flag.agreement.end_date}
            for flag in risky_supplier_flags(session, today)]
