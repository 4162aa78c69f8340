"""Notice deadlines as SQL conditions, so "deadline before X" is asked of the database.

The deadline is ``end_date - notice_period`` with calendar-month arithmetic that SQL
engines disagree on. Notice periods take only a few distinct values, so for each one the
dates ``end_date`` must lie between for the deadline to fall in a window are computed
here in Python (exactly, with the arithmetic of :mod:`contractdesk.domain.durations`) and
the condition becomes a handful of range tests. The renewals query uses it to load only
the agreements that can be due, instead of every running one.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement
from contractdesk.domain.durations import Duration
from contractdesk.domain.notice_rules import (
    first_end_with_deadline_on_or_after,
    last_end_with_deadline_on_or_before,
)

EARLIEST = dt.date(1900, 1, 1)  # "no lower bound" for deadline_between
ANCHOR_SLACK = dt.timedelta(days=31)


def deadline_between(session: Session, first: dt.date, last: dt.date
                     ) -> ColumnElement[bool]:
    """Agreements whose notice deadline may lie in ``[first, last]`` (never NULL): only
    auto-renewing and open-ended ones have a notice deadline. A superset: notice to the
    end of a month can be due up to a month after the end minus the period, so the
    lower bound is taken that much earlier; callers read each deadline exactly."""
    first = max(EARLIEST, first - ANCHOR_SLACK)
    periods = session.scalars(select(Agreement.notice_period).distinct().where(
        Agreement.notice_period.is_not(None))).all()
    tests: list[ColumnElement[bool]] = []
    for text in periods:
        if text is None:
            continue
        with suppress(ValueError):  # validation keeps bad periods out; ignore leftovers
            period = Duration.parse(text)
            tests.append(and_(
                Agreement.notice_period.is_not(None), Agreement.end_date.is_not(None),
                or_(Agreement.auto_renew.is_(True), Agreement.open_ended.is_(True)),
                Agreement.notice_period == text,
                Agreement.end_date >= first_end_with_deadline_on_or_after(period, first),
                Agreement.end_date <= last_end_with_deadline_on_or_before(period, last)))
    return or_(*tests) if tests else false()
