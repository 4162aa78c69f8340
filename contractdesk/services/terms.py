"""The terms of an agreement: a stored history whose last entry is the current term.

The agreement row carries its current term's dates, cost, currency and billing period
(its *mirror*), so every list, filter, report and export reads the current term with
plain SQL and gets the same answer. This module is the only writer of terms:

- :func:`~contractdesk.db.term_sync.sync_terms` keeps the latest term equal to the
  agreement row after any edit (a form, an import, co-terming) and gives a new
  agreement its first term; it runs after every ORM flush and after the import's bulk
  writes.
- :func:`roll_forward` writes the next term of an auto-renewing agreement whose term
  ended without notice, once (the unique position per agreement makes a second writer
  fail instead of writing it twice), audited with source ``auto-renew``.
- :func:`add_renewed_term` is how Renew records a new term.

Each rolled end is counted from the end of the last signed or renewed term
(``end + n × renewal term``), never from the previous rolled end, so month ends do not
drift: 31 Jan rolled monthly gives 28/29 Feb, then 31 Mar.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, AgreementTerm
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import BillingPeriod, TermOrigin
from contractdesk.domain.notice_rules import deadline_for, earliest_end
from contractdesk.domain.rollover import renewal_duration, rolled_terms, shifted_end
from contractdesk.errors import ConflictError, translate_errors
from contractdesk.services.notice_dates import notice_rule

log = logging.getLogger("contractdesk.terms")

AUTO_RENEW_SOURCE = "auto-renew"
OPEN_ENDED_SOURCE = "open-ended"
DAY = dt.timedelta(days=1)
_ROLL_ATTEMPTS = 3


# -- reading ------------------------------------------------------------------------------

def terms_of(session: Session, agreement: Agreement) -> list[AgreementTerm]:
    """The agreement's terms, first to current."""
    return list(session.scalars(select(AgreementTerm)
                                .where(AgreementTerm.agreement_id == agreement.id)
                                .order_by(AgreementTerm.position)))


def latest_term(session: Session, agreement: Agreement) -> AgreementTerm:
    """The current term (written by the sync when the agreement was first flushed)."""
    session.flush()
    found = session.scalars(select(AgreementTerm)
                            .where(AgreementTerm.agreement_id == agreement.id)
                            .order_by(AgreementTerm.position.desc()).limit(1)).first()
    assert found is not None, f"{agreement} has no term"
    return found


def renewed_in_advance_ids(session: Session, today: dt.date) -> set[int]:
    """Agreements whose current term was recorded ahead (Renew) and has not begun: the
    term running today is finished business, its successor is already on record."""
    return set(session.scalars(
        select(AgreementTerm.agreement_id).join(
            Agreement, Agreement.id == AgreementTerm.agreement_id)
        .where(AgreementTerm.position > 1, Agreement.start_date > today,
               AgreementTerm.start_date == Agreement.start_date)).all())


def auto_renewing_since(session: Session, agreements: list[Agreement]
                        ) -> dict[int, dt.date]:
    """For agreements that rolled forward: the end of the last signed or renewed term,
    the day their automatic renewals started from (one query for all of them)."""
    rolled = {a.id: a.rolled_over for a in agreements if a.rolled_over}
    if not rolled:
        return {}
    starts: dict[int, list[dt.date | None]] = {}
    for agreement_id, start in session.execute(
            select(AgreementTerm.agreement_id, AgreementTerm.start_date)
            .where(AgreementTerm.agreement_id.in_(list(rolled)))
            .order_by(AgreementTerm.agreement_id, AgreementTerm.position)):
        starts.setdefault(agreement_id, []).append(start)
    since = {}
    for agreement_id, history in starts.items():
        first_rolled = history[-rolled[agreement_id]] if rolled[agreement_id] < len(
            history) else None
        if first_rolled is not None:
            since[agreement_id] = first_rolled - DAY
    return since


# -- writing a term -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NewTerm:
    start_date: dt.date
    end_date: dt.date
    cost: Decimal | None
    currency: str
    billing_period: BillingPeriod | None


def add_renewed_term(session: Session, agreement: Agreement, term: NewTerm
                     ) -> AgreementTerm:
    """Appends ``term``, renewed by the user, after the current one and makes it the
    agreement's current term (the agreement row's change is audited with the session's
    source); the count of automatic renewals starts again."""
    previous = latest_term(session, agreement)
    added = AgreementTerm(agreement_id=agreement.id, position=previous.position + 1,
                          origin=TermOrigin.RENEWED, start_date=term.start_date,
                          end_date=term.end_date, cost=term.cost, currency=term.currency,
                          billing_period=term.billing_period)
    session.add(added)
    session.flush()  # before the agreement row: its flush syncs into the latest term
    agreement.start_date = term.start_date
    agreement.end_date = term.end_date
    agreement.cost = term.cost
    agreement.currency = term.currency
    agreement.billing_period = term.billing_period
    agreement.rolled_over = 0
    session.flush()
    return added


def next_term_dates(session: Session, agreement: Agreement) -> tuple[dt.date, dt.date]:
    """Start and end of the term after the current one, by the renewal term (``P1Y``
    where none is set), counted from the last signed or renewed term's end.

    Raises:
        ValueError: no end date to follow, or an unreadable renewal term.
    """
    history = terms_of(session, agreement)
    current = history[-1]
    if current.end_date is None:
        raise ValueError(f"{agreement} has no end date to renew from")
    step = renewal_duration(agreement.renewal_term)
    base, steps = _rollover_base(history, step)
    assert base is not None
    return current.end_date + DAY, shifted_end(base, step, steps + 1)


def _rollover_base(history: list[AgreementTerm], step: Duration
                   ) -> tuple[dt.date | None, int]:
    """The end the next automatic term is counted from, and the automatic terms after it
    so far: the last signed or renewed term's end, unless the current term's end was
    changed since (co-terming, an edit), which then starts the count afresh."""
    steps = 0
    base = history[0].end_date
    for term in reversed(history):
        if term.origin is not TermOrigin.AUTO_RENEWED:
            base = term.end_date
            break
        steps += 1
    current = history[-1].end_date
    if base is None or current is None or shifted_end(base, step, steps) != current:
        return current, 0
    return base, steps


# -- rolling forward ----------------------------------------------------------------------

@contextmanager
def _audited_as(session: Session, source: str) -> Iterator[None]:
    previous = session.info.get("source")
    session.flush()
    session.info["source"] = source
    try:
        yield
        session.flush()
    finally:
        session.info["source"] = previous


def roll_forward(session: Session, today: dt.date) -> int:
    """Writes the terms auto-renewing agreements entered since their current term ended
    without notice, up to the term containing ``today``; returns how many were written.

    Idempotent: run again on the same day, it writes nothing. An agreement renewed by a
    recorded successor agreement, cancelled, or with a renewal term of zero length or
    that cannot be read, is left as it is.
    """
    successors = select(Agreement.renewal_of_id).where(Agreement.renewal_of_id.is_not(None))
    due = session.scalars(
        select(Agreement)
        .where(Agreement.auto_renew.is_(True), Agreement.cancelled.is_(False),
               Agreement.open_ended.is_(False),
               Agreement.end_date.is_not(None), Agreement.end_date < today,
               Agreement.id.not_in(successors))
        .options(selectinload(Agreement.terms))).all()
    advance_open_ended(session, today)
    if not due:
        return 0
    rows: list[dict[str, Any]] = []
    moved: list[tuple[Agreement, dict[str, Any], int]] = []
    for agreement in due:
        new_rows = _rolled_rows(agreement, today)
        if new_rows:
            rows += new_rows
            moved.append((agreement, new_rows[-1], len(new_rows)))
    with _audited_as(session, AUTO_RENEW_SOURCE):
        # the terms first: the agreement rows' flush syncs them into the latest term
        if rows:
            session.execute(insert(AgreementTerm), rows)
        for agreement, last, count in moved:
            agreement.start_date = last["start_date"]
            agreement.end_date = last["end_date"]
            agreement.rolled_over += count
    log.info("rolled %d auto-renewing agreements forward by %d terms", len(moved),
             len(rows))
    return len(rows)


def _rolled_rows(agreement: Agreement, today: dt.date) -> list[dict[str, Any]]:
    history = agreement.terms
    if not history:
        return []
    current = history[-1]
    try:
        step = renewal_duration(agreement.renewal_term)
    except ValueError:
        log.warning("%s: unreadable renewal term %r, not rolled", agreement,
                    agreement.renewal_term)
        return []
    base, steps = _rollover_base(history, step)
    if base is None or current.end_date is None:
        return []
    return [{"agreement_id": agreement.id, "position": current.position + offset,
             "origin": TermOrigin.AUTO_RENEWED, "start_date": start, "end_date": end,
             "cost": current.cost, "currency": current.currency,
             "billing_period": current.billing_period}
            for offset, (start, end) in enumerate(
                rolled_terms(base, steps, current.end_date, step, today), start=1)]


def roll_forward_database(database: Database, today: dt.date) -> int:
    """:func:`roll_forward` in its own transaction, safe beside another writer doing the
    same (a second ContractDesk on the team's server): when the other one wrote a term
    first, this transaction fails on the unique position or the agreement's version,
    is rolled back, and tries again on what the other one committed."""
    for attempt in range(_ROLL_ATTEMPTS):
        try:
            with (translate_errors(), database.session(AUTO_RENEW_SOURCE) as session,
                  session.begin()):
                return roll_forward(session, today)
        except (IntegrityError, StaleDataError, ConflictError) as error:
            log.info("roll forward met another writer (attempt %d): %s", attempt + 1,
                     error)
    return 0


def advance_open_ended(session: Session, today: dt.date) -> int:
    """Moves each open-ended agreement's end to its earliest possible end once the
    deadline for the recorded one has passed (or where none is recorded yet); returns
    how many moved. Its term is one that runs until notice, so no term is added: the
    end is the first day it could stop, kept on the row like every other end so lists,
    filters and the renewals query read it as a plain column.
    """
    candidates = session.scalars(select(Agreement).where(
        Agreement.open_ended.is_(True), Agreement.cancelled.is_(False),
        Agreement.notice_period.is_not(None))).all()
    moved = 0
    with _audited_as(session, OPEN_ENDED_SOURCE):
        for agreement in candidates:
            rule = notice_rule(agreement)
            if rule is None:
                continue
            end = agreement.end_date
            if end is not None and deadline_for(end, rule) >= today:
                continue
            earliest = earliest_end(max(today, agreement.start_date or today), rule)
            if end is None or earliest > end:
                agreement.end_date = earliest
                moved += 1
    if moved:
        log.info("moved the earliest possible end of %d open-ended agreements", moved)
    return moved
