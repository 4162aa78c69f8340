"""What needs doing: agreements whose notice deadline or end falls within a window.

Status needs one fact from outside the row (was this agreement renewed by another?),
fetched once per query as a set of ids rather than per agreement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement
from contractdesk.domain.enums import AgreementStatus
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS, Term, derive_status
from contractdesk.services.agreement_status_sql import EARLIEST, deadline_between


def renewed_ids(session: Session) -> set[int]:
    """Ids of agreements that a later agreement renewed."""
    return set(session.scalars(select(Agreement.renewal_of_id).where(
        Agreement.renewal_of_id.is_not(None))).all())  # type: ignore[arg-type]


def status_of(agreement: Agreement, today: dt.date, renewed: set[int],
              window_days: int = DEFAULT_REMINDER_DAYS) -> AgreementStatus:
    term = Term(start_date=agreement.start_date, end_date=agreement.end_date,
                notice_deadline=agreement.notice_deadline, cancelled=agreement.cancelled,
                renewed=agreement.id in renewed)
    return derive_status(term, today, window_days)


def statuses(session: Session, agreements: Iterable[Agreement], today: dt.date,
             window_days: int = DEFAULT_REMINDER_DAYS) -> dict[int, AgreementStatus]:
    renewed = renewed_ids(session)
    return {a.id: status_of(a, today, renewed, window_days) for a in agreements}


@dataclass(frozen=True, slots=True)
class RenewalEntry:
    """One agreement that needs attention, with the date that matters and why."""

    agreement: Agreement
    status: AgreementStatus
    action: str  # "give_notice", "renews", "expires"
    due: dt.date  # the notice deadline, or the end where no notice applies
    overdue: bool  # notice deadline passed while the term still runs


def renewals(session: Session, today: dt.date, within_days: int = DEFAULT_REMINDER_DAYS,
             ) -> list[RenewalEntry]:
    """Agreements needing notice, renewing or expiring within ``within_days``, soonest
    deadline first. Overdue notice deadlines of running terms are included: they are the
    most urgent line on the page, not something to hide."""
    horizon = today + dt.timedelta(days=within_days)
    # Only rows that can qualify leave the database: loading all 20,000 took seconds.
    candidates: Sequence[Agreement] = session.scalars(
        select(Agreement)
        .where(Agreement.cancelled.is_(False), Agreement.end_date.is_not(None),
               Agreement.end_date >= today,
               or_(Agreement.end_date <= horizon,
                   deadline_between(session, EARLIEST, horizon)))
        .options(selectinload(Agreement.oem), selectinload(Agreement.reseller),
                 selectinload(Agreement.items))
    ).all()
    renewed = renewed_ids(session)
    entries: list[RenewalEntry] = []
    for agreement in candidates:
        if agreement.id in renewed or agreement.end_date is None:
            continue
        deadline = agreement.notice_deadline
        status = status_of(agreement, today, renewed, within_days)
        if deadline is not None and deadline <= horizon:
            entries.append(RenewalEntry(agreement, status, "give_notice", deadline,
                                        overdue=deadline < today))
        elif agreement.end_date <= horizon:
            action = "renews" if agreement.auto_renew else "expires"
            entries.append(RenewalEntry(agreement, status, action, agreement.end_date,
                                        overdue=False))
    entries.sort(key=lambda e: (e.due, e.agreement.contract_number or ""))
    return entries
