"""What needs doing: agreements whose notice deadline or end falls within a window.

Every agreement's current term is stored on its row (auto-renewals are written as terms
by :mod:`contractdesk.services.terms`), so the dates here are the row's own. Status
needs one fact from outside the row (was this agreement renewed, by a successor
agreement or by a term recorded ahead?), fetched once per query as a set of ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement
from contractdesk.domain.agreement_term import CurrentTerm, TermFacts, term_status
from contractdesk.domain.enums import AgreementStatus, NoticeAnchor
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.agreement_status_sql import EARLIEST, deadline_between
from contractdesk.services.notice_dates import NoticeContext, notice_dates
from contractdesk.services.terms import auto_renewing_since, renewed_in_advance_ids


def renewed_ids(session: Session, today: dt.date) -> set[int]:
    """Ids of agreements that were renewed: by a later agreement (``renewal_of``), or by
    a next term recorded ahead that has not begun on ``today``."""
    return successor_renewed_ids(session) | renewed_in_advance_ids(session, today)


def successor_renewed_ids(session: Session) -> set[int]:
    """Ids of agreements a later agreement renewed (``renewal_of``): replaced by it."""
    successors = session.scalars(select(Agreement.renewal_of_id).where(
        Agreement.renewal_of_id.is_not(None))).all()
    return {i for i in successors if i is not None}


def facts_of(agreement: Agreement, renewed: set[int]) -> TermFacts:
    return TermFacts(agreement.start_date, agreement.end_date, agreement.notice_period,
                     agreement.auto_renew, agreement.cancelled, agreement.id in renewed,
                     agreement.notice_anchor or NoticeAnchor.TERM_END,
                     bool(agreement.open_ended))


def current_term(agreement: Agreement) -> CurrentTerm | None:
    """The agreement's current term as stored; None without an end date."""
    if agreement.end_date is None:
        return None
    return CurrentTerm(agreement.start_date, agreement.end_date, agreement.rolled_over)


def status_of(agreement: Agreement, today: dt.date, renewed: set[int],
              window_days: int = DEFAULT_REMINDER_DAYS) -> AgreementStatus:
    return term_status(facts_of(agreement, renewed), today, window_days)


def statuses(session: Session, agreements: Iterable[Agreement], today: dt.date,
             window_days: int = DEFAULT_REMINDER_DAYS) -> dict[int, AgreementStatus]:
    renewed = renewed_ids(session, today)
    return {a.id: status_of(a, today, renewed, window_days) for a in agreements}


ACTION_WORDS = {"give_notice": "give notice by", "can_end": "can end (notice by)",
                "renews": "renews on", "expires": "ends on (renew or replace before then)"}
"""Each action in plain words, for the command line."""


@dataclass(frozen=True, slots=True)
class RenewalEntry:
    """One agreement that needs attention, with the date that matters and why."""

    agreement: Agreement
    status: AgreementStatus
    action: str  # "give_notice", "can_end" (open-ended), "renews", "expires"
    due: dt.date  # the notice deadline, or the end where no notice applies
    overdue: bool  # notice deadline passed while the term still runs
    end_date: dt.date  # of the current term
    notice_deadline: dt.date | None  # of the current term; None where it does not renew
    rolled_over: int = 0  # automatic renewals since the last signed or renewed term
    rolled_since: dt.date | None = None  # the end of that term, where it rolled
    act_by: dt.date | None = None  # the last working day to act on the notice deadline
    explanation: str = ""  # the calculation behind the dates, in words


def renewals(session: Session, today: dt.date, within_days: int = DEFAULT_REMINDER_DAYS,
             ) -> list[RenewalEntry]:
    """Agreements needing notice, renewing or expiring within ``within_days``, soonest
    deadline first. Overdue notice deadlines of running terms are included: they are the
    most urgent line on the page, not something to hide."""
    horizon = today + dt.timedelta(days=within_days)
    entries: list[RenewalEntry] = []
    renewed = renewed_ids(session, today)
    context = NoticeContext.of(session)
    due_now = [(agreement, term, *next_action(agreement, term)) for agreement, term in
               open_terms(session, today, with_details=True, horizon=horizon)]
    due_now = [entry for entry in due_now if entry[3] <= horizon]
    since = auto_renewing_since(session, [a for a, term, _, _ in due_now if term.rolled_over])
    for agreement, term, action, due in due_now:
        # the status every other output shows: the query's window is not the status's
        status = status_of(agreement, today, renewed)
        dates = notice_dates(agreement, today, context)
        entries.append(RenewalEntry(agreement, status, action, due,
                                    overdue=due < today and action == "give_notice",
                                    end_date=term.end_date,
                                    notice_deadline=agreement.notice_deadline,
                                    rolled_over=term.rolled_over,
                                    rolled_since=since.get(agreement.id),
                                    act_by=dates.act_by, explanation=dates.explanation))
    entries.sort(key=lambda e: (e.due, e.agreement.contract_number or ""))
    return entries


def next_action(agreement: Agreement, term: CurrentTerm) -> tuple[str, dt.date]:
    """What must happen next in ``term`` and by when: give notice by the notice
    deadline where silence would renew it; else it renews (no notice period) or ends
    on its end date, to be renewed or replaced before then. An open-ended agreement
    nobody gave notice on ``can_end`` on its earliest possible end: an option, never
    overdue (the next possible end takes its place once the deadline passes)."""
    deadline = agreement.notice_deadline
    if deadline is not None:
        return ("can_end" if agreement.open_ended else "give_notice"), deadline
    return ("renews" if agreement.renews else "expires"), term.end_date


def open_terms(session: Session, today: dt.date, *, with_details: bool = False,
               horizon: dt.date | None = None) -> list[tuple[Agreement, CurrentTerm]]:
    """Agreements whose current term still runs today and that are neither cancelled
    nor replaced by a successor agreement: the ones someone may still have to act on
    (one renewed ahead is listed with its next term's deadline).

    ``with_details`` also loads covered items and support contacts, for lists and
    calendars that show serial numbers and who to call. With ``horizon``, only the
    terms whose end or notice deadline can fall before it leave the database (loading
    all of 20,000 took seconds).
    """
    running_now: ColumnElement[bool] = Agreement.end_date >= today
    if horizon is not None:
        running_now = running_now & or_(Agreement.end_date <= horizon,
                                        deadline_between(session, EARLIEST, horizon))
    loads = [selectinload(Agreement.oem), selectinload(Agreement.reseller)]
    if with_details:
        loads += [selectinload(Agreement.items), selectinload(Agreement.support_contact)]
    candidates: Sequence[Agreement] = session.scalars(
        select(Agreement)
        .where(Agreement.cancelled.is_(False), Agreement.end_date.is_not(None), running_now)
        .options(*loads)
    ).all()
    replaced = successor_renewed_ids(session)
    running: list[tuple[Agreement, CurrentTerm]] = []
    for agreement in candidates:
        term = current_term(agreement)
        if agreement.id not in replaced and term is not None:
            running.append((agreement, term))
    return running
