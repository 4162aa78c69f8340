"""The term an agreement is in today, and its status: one definition for every caller.

The renewals query, reminders and forms work on ORM objects; the export reads plain
columns for speed. Both come here with the same facts, so an auto-renewing agreement that
rolled forward has the same status in the window, in a report and in a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from dataclasses import dataclass

from contractdesk.domain.durations import notice_deadline
from contractdesk.domain.enums import AgreementStatus
from contractdesk.domain.rollover import EffectiveTerm, effective_term
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS, Term, derive_status


@dataclass(frozen=True, slots=True)
class TermFacts:
    start_date: dt.date | None
    end_date: dt.date | None
    notice_period: str | None
    auto_renew: bool
    renewal_term: str | None
    cancelled: bool
    renewed: bool  # a recorded successor renewed it


def running_term(facts: TermFacts, today: dt.date) -> EffectiveTerm | None:
    """The term running on ``today``: the recorded one, or for an auto-renewing
    agreement past its end without notice or a recorded renewal, the rolled-forward one.
    None without an end date."""
    if facts.end_date is None:
        return None
    if (facts.auto_renew and not facts.cancelled and not facts.renewed
            and facts.end_date < today):
        # An unreadable renewal term (validation keeps them out; a bulk path might
        # not) leaves the recorded dates standing rather than breaking every list.
        with suppress(ValueError):
            return effective_term(facts.start_date, facts.end_date, facts.renewal_term,
                                  today)
    return EffectiveTerm(facts.start_date, facts.end_date, 0)


def term_status(facts: TermFacts, today: dt.date,
                window_days: int = DEFAULT_REMINDER_DAYS) -> AgreementStatus:
    running = running_term(facts, today)
    start = running.start_date if running else facts.start_date
    end = running.end_date if running else None
    term = Term(start_date=start, end_date=end,
                notice_deadline=notice_deadline(end, facts.notice_period),
                cancelled=facts.cancelled, renewed=facts.renewed)
    return derive_status(term, today, window_days)
