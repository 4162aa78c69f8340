"""Auto-renew arithmetic: which term an auto-renewing agreement is in today.

An auto-renewing agreement whose end passed without notice did not expire: it renewed
for another ``renewal_term``, as often as needed to reach today. That term is derived,
never stored, and always reported with the number of rollovers so that nobody mistakes
a rolled contract for a freshly signed one.

Every term end is computed from the *original* end date (``end + n × term``), never from
the previous rolled end, so month ends do not drift: 31 Jan rolled monthly gives 28/29 Feb,
then 31 Mar (not 28 Mar); 29 Feb 2024 rolled yearly gives 28 Feb 2025, …, 29 Feb 2028.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from contractdesk.domain.durations import Duration, shift

DEFAULT_RENEWAL_TERM = "P1Y"
_DAYS_PER_YEAR = 365.2425
_DAYS_PER_MONTH = _DAYS_PER_YEAR / 12


@dataclass(frozen=True, slots=True)
class EffectiveTerm:
    """The term running on a given day; ``rolled_over`` counts automatic renewals."""

    start_date: dt.date | None
    end_date: dt.date
    rolled_over: int = 0


def renewal_duration(renewal_term: str | None) -> Duration:
    """The agreement's renewal term, ``P1Y`` where none is recorded (the usual case)."""
    return Duration.parse(renewal_term or DEFAULT_RENEWAL_TERM)


def shifted_end(end: dt.date, term: Duration, times: int) -> dt.date:
    """``end`` plus ``times`` renewal terms, computed in one step from ``end``."""
    return shift(end, (12 * term.years + term.months) * times,
                 (term.days + 7 * term.weeks) * times)


def _approximate_days(term: Duration) -> float:
    return (term.years * _DAYS_PER_YEAR + term.months * _DAYS_PER_MONTH
            + term.weeks * 7 + term.days)


def rollovers_needed(end: dt.date, term: Duration, today: dt.date) -> int:
    """The fewest renewals after which the term's end is today or later; 0 for a term
    of zero length (``P0D``), which cannot roll anything forward."""
    step = _approximate_days(term)
    if end >= today or step <= 0:
        return 0
    # A close guess, then exact steps: a guess alone is off by one around month ends.
    times = max(1, int((today - end).days / step))
    while times > 1 and shifted_end(end, term, times - 1) >= today:
        times -= 1
    while shifted_end(end, term, times) < today:
        times += 1
    return times


def effective_term(start: dt.date | None, end: dt.date, renewal_term: str | None,
                   today: dt.date) -> EffectiveTerm:
    """The term of an auto-renewing agreement that contains ``today`` (or the recorded
    term while it has not ended yet).

    A rolled term starts the day after the previous (rolled) end, as the recorded
    renewals do.

    Raises:
        ValueError: an unreadable renewal term.
    """
    term = renewal_duration(renewal_term)
    times = rollovers_needed(end, term, today)
    if times == 0:
        return EffectiveTerm(start, end, 0)
    previous_end = shifted_end(end, term, times - 1)
    return EffectiveTerm(previous_end + dt.timedelta(days=1), shifted_end(end, term, times),
                         times)
