"""The derived agreement status as SQL conditions, so lists filter on it in the database.

Status depends on the notice deadline, which is ``end_date - notice_period`` with
calendar-month arithmetic that SQL engines disagree on. Notice periods take only a few
distinct values, so for each one the dates ``end_date`` must lie between for the deadline
to fall in a window are computed here in Python (exactly, with the same arithmetic as
:mod:`contractdesk.domain.durations`) and the condition becomes a handful of range tests.
The result matches :func:`contractdesk.domain.status.derive_status` row for row.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress

from sqlalchemy import ColumnElement, and_, false, not_, or_, select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import AgreementStatus

DAY = dt.timedelta(days=1)


def first_end_with_deadline_on_or_after(period: Duration, day: dt.date) -> dt.date:
    """The earliest end date whose notice deadline is ``day`` or later."""
    end = period.after(day)
    while period.before(end - DAY) >= day:
        end -= DAY
    while period.before(end) < day:
        end += DAY
    return end


def last_end_with_deadline_on_or_before(period: Duration, day: dt.date) -> dt.date:
    """The latest end date whose notice deadline is ``day`` or earlier."""
    end = period.after(day)
    while period.before(end + DAY) <= day:
        end += DAY
    while period.before(end) > day:
        end -= DAY
    return end


def deadline_between(session: Session, first: dt.date, last: dt.date
                     ) -> ColumnElement[bool]:
    """Agreements whose notice deadline lies in ``[first, last]`` (never NULL)."""
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
                Agreement.notice_period == text,
                Agreement.end_date >= first_end_with_deadline_on_or_after(period, first),
                Agreement.end_date <= last_end_with_deadline_on_or_before(period, last)))
    return or_(*tests) if tests else false()


def status_condition(session: Session, status: AgreementStatus, today: dt.date,
                     window_days: int) -> ColumnElement[bool]:
    """The SQL form of "``derive_status(...) == status``" for an agreement row."""
    renewed = Agreement.id.in_(select(Agreement.renewal_of_id).where(
        Agreement.renewal_of_id.is_not(None)).scalar_subquery())
    live = and_(Agreement.cancelled.is_(False), not_(renewed))
    not_ended = or_(Agreement.end_date.is_(None), Agreement.end_date >= today)
    running = and_(live, not_ended,
                   or_(Agreement.start_date.is_(None), Agreement.start_date <= today))
    horizon = today + dt.timedelta(days=window_days)
    if status is AgreementStatus.CANCELLED:
        return Agreement.cancelled.is_(True)
    if status is AgreementStatus.RENEWED:
        return and_(Agreement.cancelled.is_(False), renewed)
    if status is AgreementStatus.EXPIRED:
        return and_(live, Agreement.end_date.is_not(None), Agreement.end_date < today)
    if status is AgreementStatus.UPCOMING:
        return and_(live, not_ended, Agreement.start_date.is_not(None),
                    Agreement.start_date > today)
    notice_due = deadline_between(session, today, horizon)
    if status is AgreementStatus.NOTICE_DUE:
        return and_(running, notice_due)
    ends_soon = and_(Agreement.end_date.is_not(None), Agreement.end_date <= horizon)
    if status is AgreementStatus.EXPIRING:
        return and_(running, not_(notice_due), ends_soon)
    return and_(running, not_(notice_due), not_(ends_soon))
