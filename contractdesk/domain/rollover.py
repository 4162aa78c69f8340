"""Renewal arithmetic: where the next term of an agreement ends.

An auto-renewing agreement whose end passed without notice did not expire: it renewed
for another ``renewal_term``. :mod:`contractdesk.services.terms` writes those terms;
this is their calendar arithmetic.

Every term end is computed from the *original* end date (``end + n × term``), never from
the previous rolled end, so month ends do not drift: 31 Jan rolled monthly gives 28/29 Feb,
then 31 Mar (not 28 Mar); 29 Feb 2024 rolled yearly gives 28 Feb 2025, …, 29 Feb 2028.
"""

from __future__ import annotations

import datetime as dt

from contractdesk.domain.durations import Duration, shift

DEFAULT_RENEWAL_TERM = "P1Y"


def renewal_duration(renewal_term: str | None) -> Duration:
    """The agreement's renewal term, ``P1Y`` where none is recorded (the usual case)."""
    return Duration.parse(renewal_term or DEFAULT_RENEWAL_TERM)


def shifted_end(end: dt.date, term: Duration, times: int) -> dt.date:
    """``end`` plus ``times`` renewal terms, computed in one step from ``end``."""
    return shift(end, (12 * term.years + term.months) * times,
                 (term.days + 7 * term.weeks) * times)


def rolled_terms(base_end: dt.date, steps_done: int, current_end: dt.date, term: Duration,
                 today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The (start, end) of each term an auto-renewing agreement enters after its current
    term (ending ``current_end``) up to the one that contains ``today``; none while the
    current term runs, or for a term of zero length, which cannot roll anything forward.

    ``base_end`` is the end of the last signed or renewed term and ``steps_done`` the
    automatic terms since it: each end is ``base_end + n × term``, so ends do not drift.
    """
    if not (term.years or term.months or term.weeks or term.days):
        return []
    terms: list[tuple[dt.date, dt.date]] = []
    end = current_end
    while end < today:
        steps_done += 1
        start, end = end + dt.timedelta(days=1), shifted_end(base_end, term, steps_done)
        terms.append((start, end))
    return terms
