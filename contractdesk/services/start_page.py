"""The start page, "What needs doing": everything with a date that needs the user soon.

Built on :func:`contractdesk.services.renewals.renewals` so the page, the renewals report
and ``contractdesk renewals`` list the same agreements; only flattened into plain rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Item, Organization, Purchase
from contractdesk.domain.enums import AgreementStatus
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.renewals import renewals


@dataclass(frozen=True, slots=True)
class DueRow:
    """One line of the start page; ``entity``/``record_id`` say what a click opens."""

    entity: str  # "agreement" or "organization"
    record_id: int
    due: dt.date
    days_left: int
    what: str  # "give_notice", "renews", "expires", "review"
    name: str
    title: str
    oem: str
    reseller: str
    status: str  # agreement status or organization status
    explanation: str = ""  # the dates' calculation (agreements), as every output words it


@dataclass(frozen=True, slots=True)
class StartPage:
    overdue: list[DueRow]
    notice_due: list[DueRow]
    ending: list[DueRow]
    reviews: list[DueRow]
    window_days: int
    empty: bool = False  # no records at all: the page shows the ways in instead


def is_empty(session: Session) -> bool:
    """Whether the database holds no record a user would have entered or imported."""
    return all(session.scalar(select(model.id).limit(1)) is None
               for model in (Organization, Agreement, Purchase, Item))


def what_needs_doing(session: Session, today: dt.date,
                     window_days: int = DEFAULT_REMINDER_DAYS) -> StartPage:
    """The four groups of the start page, soonest first."""
    overdue: list[DueRow] = []
    notice: list[DueRow] = []
    ending: list[DueRow] = []
    for entry in renewals(session, today, window_days):
        agreement = entry.agreement
        row = DueRow("agreement", agreement.id, entry.due, (entry.due - today).days,
                     entry.action, agreement.contract_number or "", agreement.title,
                     agreement.oem.name if agreement.oem else "",
                     agreement.reseller.name if agreement.reseller else "",
                     AgreementStatus(entry.status).value, entry.explanation)
        if entry.overdue:
            overdue.append(row)
        elif entry.action == "give_notice":
            notice.append(row)
        else:
            ending.append(row)
    horizon = today + dt.timedelta(days=window_days)
    reviews = [DueRow("organization", org.id, org.next_review, (org.next_review - today).days,
                      "review", org.name, "", "", "", org.status.value)
               for org in session.scalars(select(Organization)
                                          .where(Organization.next_review <= horizon)
                                          .order_by(Organization.next_review))
               if org.next_review is not None]
    return StartPage(overdue, notice, ending, reviews, window_days,
                     empty=not (overdue or notice or ending or reviews) and is_empty(session))
