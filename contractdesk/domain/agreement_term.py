"""The current term of an agreement and its status: one definition for every caller.

The current term is stored (see :mod:`contractdesk.services.terms`): its dates are the
agreement row's own, so the lists (plain columns), the renewals query, reminders, forms,
reports and exports all hand the same facts to :func:`term_status`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contractdesk.domain.enums import AgreementStatus, NoticeAnchor
from contractdesk.domain.notice_rules import notice_deadline
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS, Term, derive_status


def renews(auto_renew: bool, cancelled: bool, open_ended: bool = False) -> bool:
    """Whether silence renews the current term (or, open-ended, lets it run on): only
    then is notice ever due."""
    return (auto_renew or open_ended) and not cancelled


@dataclass(frozen=True, slots=True)
class CurrentTerm:
    """The term an agreement is in; ``rolled_over`` counts the automatic renewals since
    the last signed or renewed term."""

    start_date: dt.date | None
    end_date: dt.date
    rolled_over: int = 0


@dataclass(frozen=True, slots=True)
class TermFacts:
    start_date: dt.date | None
    end_date: dt.date | None
    notice_period: str | None
    auto_renew: bool
    cancelled: bool
    renewed: bool  # a recorded successor or a term recorded ahead renewed it
    notice_anchor: NoticeAnchor = NoticeAnchor.TERM_END
    open_ended: bool = False  # its end date is the earliest possible end, not a term's

    @property
    def renews(self) -> bool:
        return renews(self.auto_renew, self.cancelled, self.open_ended)

    @property
    def runs_until_notice(self) -> bool:
        """An open-ended agreement nobody has given notice on: it goes on by itself."""
        return self.open_ended and not self.cancelled

    @property
    def notice_deadline(self) -> dt.date | None:
        return notice_deadline(self.end_date, self.notice_period, renews=self.renews,
                               anchor=self.notice_anchor)


def term_status(facts: TermFacts, today: dt.date,
                window_days: int = DEFAULT_REMINDER_DAYS) -> AgreementStatus:
    """An open-ended agreement running until notice is active: its earliest possible
    end is an option the user has, not something coming due."""
    if facts.runs_until_notice:
        term = Term(start_date=facts.start_date, end_date=None, notice_deadline=None,
                    cancelled=False, renewed=facts.renewed)
    else:
        term = Term(start_date=facts.start_date, end_date=facts.end_date,
                    notice_deadline=facts.notice_deadline, cancelled=facts.cancelled,
                    renewed=facts.renewed)
    return derive_status(term, today, window_days)


def covers(status: AgreementStatus, end_date: dt.date | None, today: dt.date) -> bool:
    """Whether an agreement in ``status`` covers its items on ``today``. Cover is a
    matter of dates, not of what the user must do: an agreement with notice given, or
    renewed ahead, covers until its term ends."""
    if status in (AgreementStatus.EXPIRED, AgreementStatus.UPCOMING):
        return False
    return end_date is None or end_date >= today
