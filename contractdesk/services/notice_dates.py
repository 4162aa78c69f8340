"""An agreement's end, notice deadline and act-by date, and the calculation in words.

Every output that says when to act (the form, the start page, reminders, the calendar,
the renewals report and ``renewals --json``) reads :func:`notice_dates`, so the
explanation a user reads is the calculation that produced the date, not a second one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement
from contractdesk.domain.clauses import describe_notice
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import NoticeAnchor
from contractdesk.domain.notice_rules import NoticeRule, act_by, deadline_for, earliest_end
from contractdesk.domain.working_days import DaysOff
from contractdesk.services import preferences

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec")
_EVERY = {"P1Y": "yearly", "P12M": "yearly", "P1M": "monthly", "P3M": "quarterly",
          "P6M": "half-yearly"}


@dataclass(frozen=True, slots=True)
class NoticeContext:
    """What the act-by date depends on beyond the agreement: the default lead time and
    the days nobody can send notice, from the team's preferences."""

    lead_days: int = 0
    days_off: DaysOff = field(default_factory=DaysOff)

    @classmethod
    def of(cls, session: Session) -> NoticeContext:
        return cls(preferences.get(session, preferences.LEAD_TIME_DAYS),
                   preferences.days_off(session))


@dataclass(frozen=True, slots=True)
class NoticeDates:
    end: dt.date | None  # the current term's end; open-ended: the earliest possible end
    deadline: dt.date | None  # None where silence does not renew (nothing to give)
    act_by: dt.date | None  # the last working day to act, lead time included
    lead_days: int
    explanation: str


def long_date(day: dt.date) -> str:
    """``Thu 31 Dec 2026``, in English whatever the system's locale."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def notice_rule(agreement: Agreement) -> NoticeRule | None:
    if not agreement.notice_period:
        return None
    try:
        return NoticeRule(Duration.parse(agreement.notice_period),
                          agreement.notice_anchor or NoticeAnchor.TERM_END)
    except ValueError:
        return None


def notice_dates(agreement: Agreement, today: dt.date, context: NoticeContext
                 ) -> NoticeDates:
    """The dates that matter for ``agreement`` on ``today``, with their explanation."""
    rule = notice_rule(agreement)
    lead = context.lead_days if agreement.lead_time_days is None else \
        agreement.lead_time_days
    end = agreement.end_date
    if agreement.open_ended and not agreement.cancelled and end is None and rule:
        end = earliest_end(today, rule)
    deadline = agreement.notice_deadline if agreement.end_date is not None else (
        None if end is None or rule is None else deadline_for(end, rule))
    acting = act_by(deadline, lead, context.days_off) if deadline else None
    words = [_ending(agreement, end)]
    if deadline is not None and rule is not None:
        words.append(f"{describe_notice(rule.period, rule.anchor)}: notice must "
                     f"arrive by {long_date(deadline)}{_day_off(deadline, context)}.")
        if acting is not None and acting != deadline:
            reason = (f"{lead} day{'s' if lead != 1 else ''} internal lead time" if lead
                      else "The last working day")
            words.append(f"{reason}: act by {long_date(acting)}.")
    return NoticeDates(end, deadline, acting, lead, " ".join(words))


def _ending(agreement: Agreement, end: dt.date | None) -> str:
    """The first sentence: until when, and why that day."""
    renewal = _EVERY.get(agreement.renewal_term or "") or (
        f"every {Duration.parse(agreement.renewal_term).describe()}"
        if agreement.renewal_term else "for a term as long again")
    first_term = _first_term(agreement, end)
    if agreement.open_ended and not agreement.cancelled:
        if end is None:
            return "Open-ended: runs until notice, which can be given at any time."
        if first_term:
            return f"Minimum term to {short_date(end)} ({first_term}), then open-ended."
        return f"Open-ended: runs until notice; the earliest possible end is {short_date(end)}."
    if end is None:
        return "No end date recorded."
    if agreement.cancelled:
        return f"Notice given: ends {short_date(end)}."
    rolled = agreement.rolled_over
    history = first_term or (f"auto-renewed {rolled}×" if rolled else "")
    if agreement.auto_renew:
        then = f"then {renewal}" if first_term else f"renews {renewal}"
        reason = ", ".join(part for part in (history, then) if part)
        return f"Ends {short_date(end)} ({reason}) unless notice is given."
    reason = f" ({history})" if history else ""
    return f"Ends {short_date(end)}{reason}; it does not renew: renew or replace it before then."


def _first_term(agreement: Agreement, end: dt.date | None) -> str:
    """"36 months from 1 Apr 2024" while ``end`` is the end of the first term given as
    a duration; "" once the agreement has gone past it (renewed, rolled, moved on)."""
    start, initial = agreement.start_date, agreement.initial_term
    if not (start and initial and end) or agreement.rolled_over:
        return ""
    try:
        if Duration.parse(initial).after(start) - dt.timedelta(days=1) != end:
            return ""
    except (ValueError, OverflowError):
        return ""
    return f"{Duration.parse(initial).describe()} from {short_date(start)}"


def day_off(day: dt.date, context: NoticeContext) -> str | None:
    """Why nobody can act on ``day`` ("a Sunday", "Easter Monday, a public holiday"),
    None on a working day: the explanation's words, which reports also mark dates with."""
    holiday = context.days_off.holiday(day)
    if holiday:
        return f"{holiday}, a public holiday"
    if day.weekday() >= 5:
        return f"a {('Saturday', 'Sunday')[day.weekday() - 5]}"
    return None


def _day_off(day: dt.date, context: NoticeContext) -> str:
    reason = day_off(day, context)
    return f" ({reason})" if reason else ""
