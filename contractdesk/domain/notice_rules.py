"""When notice must arrive, as contracts word it, and when we must act to get it there.

Three readings of a notice period:

* before the end of the term (``90 days before the end of the term``): the end date
  minus the period, in calendar arithmetic (see :mod:`contractdesk.domain.durations`);
* to the end of a month, quarter, half-year or year (``3 Monate zum Quartalsende``): the
  agreement can only end on such a day, and a period of whole months must have passed
  by the end of the month it counts back to: notice for 30 June with 3 months arrives by
  31 March, for 28 February with 1 month by 31 January. A period in weeks or days
  counts back day by day;
* open-ended agreements (``unbefristet``, ``month-to-month``) have no end until notice:
  their *earliest possible end* is the first day notice given today can reach, and it
  moves on as deadlines pass.

The act-by date is ours, not the contract's: the deadline minus our internal lead time,
moved back to a working day. It is never later than the deadline.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from contractdesk.domain.durations import Duration, parsed, shift
from contractdesk.domain.enums import NoticeAnchor

_MONTHS_PER_PERIOD = {NoticeAnchor.MONTH_END: 1, NoticeAnchor.QUARTER_END: 3,
                      NoticeAnchor.HALF_YEAR_END: 6, NoticeAnchor.YEAR_END: 12}
MAX_LOOKBACK_DAYS = 60
"""Longest run of days off searched for a working day (weekends plus a holiday
season); beyond it the date is taken as it is rather than looping for ever."""

DayOff = Callable[[dt.date], bool]
DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class NoticeRule:
    """A notice period and what it counts back from."""

    period: Duration
    anchor: NoticeAnchor = NoticeAnchor.TERM_END

    @property
    def calendar_bound(self) -> bool:
        """Whether the agreement can end only at the end of a calendar period."""
        return self.anchor is not NoticeAnchor.TERM_END


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def period_end(day: dt.date, anchor: NoticeAnchor) -> dt.date:
    """The last day of the month, quarter, half-year or year that holds ``day``; ``day``
    itself for the end of the term (any day can be one)."""
    if anchor is NoticeAnchor.TERM_END:
        return day
    size = _MONTHS_PER_PERIOD[anchor]
    last_month = ((day.month - 1) // size + 1) * size
    return month_end(day.replace(month=last_month, day=1))


def deadline_for(end: dt.date, rule: NoticeRule) -> dt.date:
    """The last day notice can arrive for the term to end on ``end``."""
    months = 12 * rule.period.years + rule.period.months
    whole_months = not (rule.period.weeks or rule.period.days)
    if rule.calendar_bound and whole_months and end == month_end(end):
        return month_end(shift(end, -months, 0))
    return rule.period.before(end)


def notice_deadline(end_date: dt.date | None, notice_period: str | None, *, renews: bool,
                    anchor: NoticeAnchor = NoticeAnchor.TERM_END) -> dt.date | None:
    """The last day notice can arrive: only where silence would renew the term
    (``renews``). A term that simply ends needs no notice, whatever notice period its
    contract names, so it has no deadline."""
    if end_date is None or not notice_period or not renews:
        return None
    return deadline_for(end_date, NoticeRule(parsed(notice_period), anchor))


def earliest_end(today: dt.date, rule: NoticeRule) -> dt.date:
    """An open-ended agreement's first possible end if notice arrives ``today``.

    Counted to the end of the term (no calendar anchor), it is the first day whose
    deadline is today. Anchored, it is the first end of a month/quarter/half-year/year
    whose deadline is not yet past.
    """
    if not rule.calendar_bound:
        return first_end_with_deadline_on_or_after(rule.period, today)
    candidate = period_end(today, rule.anchor)
    while deadline_for(candidate, rule) < today:
        candidate = period_end(candidate + dt.timedelta(days=1), rule.anchor)
    return candidate


def first_end_with_deadline_on_or_after(period: Duration, day: dt.date) -> dt.date:
    """The earliest end whose notice deadline (end minus ``period``) is ``day`` or later;
    month-end clamping makes the step from ``day`` not always one period."""
    end = period.after(day)
    while period.before(end - DAY) >= day:
        end -= DAY
    while period.before(end) < day:
        end += DAY
    return end


def last_end_with_deadline_on_or_before(period: Duration, day: dt.date) -> dt.date:
    """The latest end whose notice deadline is ``day`` or earlier."""
    end = period.after(day)
    while period.before(end + DAY) <= day:
        end += DAY
    while period.before(end) > day:
        end -= DAY
    return end


def act_by(deadline: dt.date, lead_days: int, day_off: DayOff) -> dt.date:
    """The last working day on or before ``deadline`` minus ``lead_days``."""
    day = deadline - dt.timedelta(days=max(lead_days, 0))
    for _ in range(MAX_LOOKBACK_DAYS):
        if not day_off(day):
            return day
        day -= dt.timedelta(days=1)
    return deadline - dt.timedelta(days=max(lead_days, 0))


def weekend(day: dt.date) -> bool:
    return day.weekday() >= 5
