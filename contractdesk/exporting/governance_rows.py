"""The governance records as flat rows for the JSON and xlsx exports.

Same conventions as :mod:`contractdesk.exporting.records`: the design's field names,
references by natural key (organization ``name``, agreement ``contract_number``, item
``serial_number``, evidence by the document's ``file_name``), typed values until a writer
formats them. ``severity`` on risks is derived and ignored on import.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.governance import SCORE_FIELDS, DueDiligenceCheck, Review, Risk, SupportCase
from contractdesk.db.models import Agreement, Item, Organization
from contractdesk.exporting.records import Row

GOVERNANCE_KINDS = ("reviews", "due_diligence", "risks", "support_cases")

GOVERNANCE_COLUMNS: dict[str, tuple[str, ...]] = {
    "reviews": ("organization", "review_date", "reviewer", *SCORE_FIELDS, "findings",
                "actions", "next_review"),
    "due_diligence": ("organization", "topic", "result", "checked_on", "expires_on",
                      "evidence", "notes"),
    "risks": ("organization", "agreement", "description", "likelihood", "impact",
              "severity", "mitigation", "alternative_supplier", "owner", "status"),
    "support_cases": ("agreement", "item", "opened_at", "resolved_at", "called",
                      "case_number", "sla_met", "notes"),
}
GOVERNANCE_DERIVED = frozenset({"severity"})


def _name(org: Organization | None) -> str | None:
    return org.name if org is not None else None


def _contract(agreement: Agreement | None) -> str | None:
    return agreement.contract_number if agreement is not None else None


def _serial(item: Item | None) -> str | None:
    return item.serial_number if item is not None else None


def _value(value: Any) -> Any:
    return getattr(value, "value", value)  # enums to their JSON word


def review_rows(session: Session) -> Iterator[Row]:
    query = (select(Review).join(Review.organization)
             .options(selectinload(Review.organization))
             .order_by(Organization.name_key, Review.review_date, Review.id))
    for review in session.scalars(query):
        row = {key: getattr(review, key) for key in GOVERNANCE_COLUMNS["reviews"][1:]}
        yield {"organization": review.organization.name, **row}


def due_diligence_rows(session: Session) -> Iterator[Row]:
    query = (select(DueDiligenceCheck).join(DueDiligenceCheck.organization)
             .options(selectinload(DueDiligenceCheck.organization),
                      selectinload(DueDiligenceCheck.evidence))
             .order_by(Organization.name_key, DueDiligenceCheck.topic,
                       DueDiligenceCheck.checked_on, DueDiligenceCheck.id))
    for check in session.scalars(query):
        yield {"organization": check.organization.name, "topic": _value(check.topic),
               "result": _value(check.result), "checked_on": check.checked_on,
               "expires_on": check.expires_on,
               "evidence": check.evidence.file_name if check.evidence else None,
               "notes": check.notes}


def risk_rows(session: Session) -> Iterator[Row]:
    query = (select(Risk).options(selectinload(Risk.organization),
                                  selectinload(Risk.agreement),
                                  selectinload(Risk.alternative_supplier))
             .order_by(Risk.id))
    for risk in session.scalars(query):
        yield {"organization": _name(risk.organization), "agreement": _contract(risk.agreement),
               "description": risk.description, "likelihood": risk.likelihood,
               "impact": risk.impact, "severity": risk.severity, "mitigation": risk.mitigation,
               "alternative_supplier": _name(risk.alternative_supplier),
               "owner": risk.owner, "status": _value(risk.status)}


def support_case_rows(session: Session) -> Iterator[Row]:
    query = (select(SupportCase).options(selectinload(SupportCase.agreement),
                                         selectinload(SupportCase.item))
             .order_by(SupportCase.opened_at, SupportCase.id))
    for case in session.scalars(query):
        yield {"agreement": _contract(case.agreement), "item": _serial(case.item),
               "opened_at": case.opened_at, "resolved_at": case.resolved_at,
               "called": _value(case.called), "case_number": case.case_number,
               "sla_met": case.sla_met, "notes": case.notes}


def governance_rows(session: Session) -> dict[str, Iterator[Row]]:
    """Lazily produced rows of every governance kind, in the contract's order."""
    return {
        "reviews": review_rows(session),
        "due_diligence": due_diligence_rows(session),
        "risks": risk_rows(session),
        "support_cases": support_case_rows(session),
    }


def exports_governance(kinds: tuple[str, ...], due_only: bool) -> bool:
    """Governance records travel with a whole export only: a partial one (one kind, or
    what is due) would carry reviews and cases whose organizations it leaves out."""
    return not due_only and set(kinds) >= {"organizations", "agreements", "items"}
