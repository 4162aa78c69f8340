"""The derived status of an agreement on a given day.

Kept apart from the database so that the UI, reports, exports and the renewals query all
agree: there is exactly one definition of "notice due".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contractdesk.domain.enums import AgreementStatus

DEFAULT_REMINDER_DAYS = 90


@dataclass(frozen=True, slots=True)
class Term:
    """What status depends on, whatever the record is stored in."""

    start_date: dt.date | None
    end_date: dt.date | None
    notice_deadline: dt.date | None
    cancelled: bool = False
    renewed: bool = False


def derive_status(term: Term, today: dt.date,
                  window_days: int = DEFAULT_REMINDER_DAYS) -> AgreementStatus:
    """Status in order of what matters most to the user.

    A term that was cancelled or renewed is finished business whatever its dates; then
    dates decide. ``notice_due`` wins over ``expiring`` while the notice deadline is still
    ahead, because that is the date on which the user must act.
    """
    if term.cancelled:
        return AgreementStatus.CANCELLED
    if term.renewed:
        return AgreementStatus.RENEWED
    if term.end_date is not None and term.end_date < today:
        return AgreementStatus.EXPIRED
    if term.start_date is not None and term.start_date > today:
        return AgreementStatus.UPCOMING
    horizon = today + dt.timedelta(days=window_days)
    if term.notice_deadline is not None and today <= term.notice_deadline <= horizon:
        return AgreementStatus.NOTICE_DUE
    if term.end_date is not None and term.end_date <= horizon:
        return AgreementStatus.EXPIRING
    return AgreementStatus.ACTIVE
