"""The support-case log and reviews as plain values for the window's dialogs.

The window keeps no ORM object past a call (each read is its own session), so what the
"Log a call" and "Start review" dialogs show and save goes through here as dataclasses
and dicts; the rules stay in :mod:`~contractdesk.services.support_cases` and
:mod:`~contractdesk.services.governance`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.db.governance import SCORE_FIELDS, SupportCase
from contractdesk.db.models import Agreement, Item, Organization
from contractdesk.domain.enums import FirstLine
from contractdesk.domain.sla import parse_sla
from contractdesk.errors import NotFoundError, ValidationError
from contractdesk.services.governance import complete_review, reviews_of, start_review
from contractdesk.services.support_cases import (
    cases_for,
    covering_agreement,
    log_case,
    update_case,
)

Values = dict[str, Any]
# Model attribute -> the dialog's field, for validation messages.
_CASE_FIELDS = {"agreement": "agreement_id", "item": "item_id"}


def _get(session: Session, model: type[Any], record_id: int, what: str) -> Any:
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(f"That {what} no longer exists; it may have been deleted.")
    return record


@dataclass(frozen=True, slots=True)
class CaseContext:
    """What the "Log a call" dialog says about the agreement and item it logs against."""

    agreement_id: int | None
    item_id: int | None
    agreement_label: str
    item_label: str
    sla: str
    first_line: FirstLine
    oem: str
    reseller: str


def _agreement_label(agreement: Agreement) -> str:
    return " · ".join(part for part in (agreement.contract_number, agreement.title) if part)


def _item_label(item: Item) -> str:
    return " · ".join(part for part in (item.serial_number, item.description) if part)


def case_context(session: Session, *, agreement_id: int | None = None,
                 item_id: int | None = None, day: dt.date) -> CaseContext:
    """The agreement (for an item alone: the one covering it on ``day``) and item of a
    call, with the SLA and who is first-line support (OEM unless the agreement says
    reseller)."""
    item = _get(session, Item, item_id, "item") if item_id is not None else None
    agreement = (_get(session, Agreement, agreement_id, "agreement")
                 if agreement_id is not None else
                 covering_agreement(item, day) if item is not None else None)
    first_line = (agreement.first_line_support if agreement is not None
                  and agreement.first_line_support is not None else FirstLine.OEM)
    oem = (agreement.oem if agreement is not None and agreement.oem is not None
           else item.oem if item is not None else None)
    reseller = (agreement.reseller if agreement is not None and agreement.reseller
                is not None else item.purchase.reseller if item is not None
                and item.purchase is not None else None)
    return CaseContext(agreement.id if agreement is not None else None,
                       item.id if item is not None else None,
                       _agreement_label(agreement) if agreement is not None else "",
                       _item_label(item) if item is not None else "",
                       (agreement.sla or "") if agreement is not None else "",
                       first_line, oem.name if oem is not None else "",
                       reseller.name if reseller is not None else "")


@dataclass(frozen=True, slots=True)
class SlaVerdict:
    """The SLA as read (``label`` "" when unreadable), the deadline of a call opened at
    a given time, and whether a resolution time met it (None: cannot say)."""

    label: str
    deadline: dt.datetime | None
    met: bool | None

    @property
    def computable(self) -> bool:
        return self.deadline is not None


def sla_verdict(sla_text: str, opened_at: dt.datetime,
                resolved_at: dt.datetime | None) -> SlaVerdict:
    """What the dialog shows next to "SLA met" while the user types the times."""
    sla = parse_sla(sla_text)
    deadline = sla.deadline(opened_at) if sla is not None else None
    met = resolved_at <= deadline if deadline is not None and resolved_at is not None \
        else None
    return SlaVerdict(sla.label() if sla is not None else "", deadline, met)


CASE_FIELDS = ("agreement_id", "item_id", "opened_at", "resolved_at", "called",
               "case_number", "sla_met", "notes")


def load_case(session: Session, case_id: int) -> Values:
    """A case's dialog values; ``sla_met`` is None unless the user set it."""
    case: SupportCase = _get(session, SupportCase, case_id, "support case")
    return {"agreement_id": case.agreement_id, "item_id": case.item_id,
            "opened_at": case.opened_at, "resolved_at": case.resolved_at,
            "called": case.called, "case_number": case.case_number,
            "sla_met": case.sla_met if case.sla_met_by_user else None, "notes": case.notes}


def save_case(session: Session, case_id: int | None, values: Values) -> int:
    """Logs a call (``case_id`` None) or changes one; ``sla_met`` None means "as the SLA
    says". Returns the case id.

    Raises:
        ValidationError: by dialog field.
    """
    attributes = dict(values)
    agreement_id = attributes.pop("agreement_id", None)
    item_id = attributes.pop("item_id", None)
    agreement = (_get(session, Agreement, agreement_id, "agreement")
                 if agreement_id is not None else None)
    item = _get(session, Item, item_id, "item") if item_id is not None else None
    if "case_number" in attributes:  # as log_case stores it, for changes too
        attributes["case_number"] = (attributes["case_number"] or "").strip() or None
    try:
        if case_id is None:
            case = log_case(session, agreement=agreement, item=item, **attributes)
        else:
            case = update_case(session, _get(session, SupportCase, case_id, "support case"),
                               agreement=agreement, item=item, **attributes)
    except ValidationError as error:
        raise ValidationError({_CASE_FIELDS.get(name, name): reason
                               for name, reason in error.problems.items()}) from error
    return int(case.id)


def case_rows(session: Session, *, agreement_id: int | None = None,
              item_id: int | None = None) -> list[Values]:
    """The Cases tab of an agreement or item, newest first."""
    agreement = (_get(session, Agreement, agreement_id, "agreement")
                 if agreement_id is not None else None)
    item = _get(session, Item, item_id, "item") if item_id is not None else None
    if agreement is None and item is None:
        return []
    rows: list[Values] = []
    for case in cases_for(session, agreement=agreement, item=item):
        duration = case.time_to_resolve
        rows.append({"id": case.id, "opened_at": case.opened_at,
                     "called": case.called.value, "case_number": case.case_number or "",
                     "resolved_at": case.resolved_at,
                     "hours": round(duration.total_seconds() / 3600, 1)
                     if duration is not None else None,
                     "sla_met": case.sla_met, "by_user": case.sla_met_by_user,
                     "serial": case.item.serial_number if case.item is not None else "",
                     "notes": case.notes})
    return rows


@dataclass(frozen=True, slots=True)
class ReviewStart:
    """What "Start review" shows: the period's numbers and the suggested values."""

    organization_id: int
    organization: str
    review_date: dt.date
    since: dt.date
    cases: int
    open: int
    judged: int
    met: int
    median_hours: float | None
    sla_adherence: int | None
    findings: str
    next_review: dt.date


def review_start(session: Session, organization_id: int, today: dt.date) -> ReviewStart:
    organization = _get(session, Organization, organization_id, "organization")
    draft = start_review(session, organization, today)
    stats = draft.cases
    return ReviewStart(organization.id, organization.name, draft.review_date, draft.since,
                       stats.cases, stats.open, stats.judged, stats.met,
                       stats.median_hours_to_resolve, draft.sla_adherence, draft.findings,
                       draft.next_review)


def save_review(session: Session, organization_id: int, values: Values) -> int:
    """Completes a review: saves it and moves the organization's next review date.

    ``values``: ``review_date``, ``next_review``, ``reviewer``, ``findings``,
    ``actions`` and the scores of :data:`SCORE_FIELDS`.
    """
    organization = _get(session, Organization, organization_id, "organization")
    scores = {name: values.get(name) for name in SCORE_FIELDS}
    review = complete_review(session, organization, review_date=values["review_date"],
                             next_review=values.get("next_review"),
                             reviewer=values.get("reviewer"),
                             findings=values.get("findings") or "",
                             actions=values.get("actions") or "", **scores)
    return int(review.id)


def review_rows(session: Session, organization_id: int) -> list[Values]:
    """An organization's reviews, newest first, for its form's Reviews tab."""
    organization = _get(session, Organization, organization_id, "organization")
    return [{"id": r.id, "review_date": r.review_date, "reviewer": r.reviewer or "",
             **r.scores(), "next_review": r.next_review, "findings": r.findings}
            for r in reviews_of(session, organization)]
