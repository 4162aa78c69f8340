"""The renewal workflow as plain rows for the window, by record id.

The window never holds ORM objects past the call that loaded them (a read session is
rolled back, which expires them), so each function here takes ids and returns frozen
dataclasses; the workflow rules themselves stay in :mod:`reminders`,
:mod:`renewal_workflow`, :mod:`documents` and :mod:`calendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Document, Organization, Purchase
from contractdesk.domain.enums import AgreementStatus, TermOrigin
from contractdesk.domain.reminders import DEFAULT_LEAD_TIMES, NoticeMethod
from contractdesk.errors import NotFoundError
from contractdesk.services import documents, reminders, renewal_workflow, terms
from contractdesk.services.notice_dates import NoticeContext, notice_dates
from contractdesk.services.progress import NO_PROGRESS, Progress
from contractdesk.services.renewals import open_terms, renewals, renewed_ids, status_of

OWNERS: dict[str, type[Organization | Purchase | Agreement]] = {
    "organization": Organization, "purchase": Purchase, "agreement": Agreement}
CALENDAR_DAYS = 3660  # the calendar holds every running term, not just the next weeks


def _agreement(session: Session, agreement_id: int) -> Agreement:
    found = session.get(Agreement, agreement_id)
    if found is None:
        raise NotFoundError("That agreement no longer exists; it may have been deleted.")
    return found


# -- reminders ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReminderRow:
    agreement_id: int
    name: str  # contract number, or title
    title: str
    action: str  # "give_notice", "renews", "expires"
    deadline: dt.date
    stage_days: int
    days_left: int  # to the act-by date where notice is due, else to the deadline
    overdue: bool
    rolled_over: int
    act_by: dt.date | None = None
    explanation: str = ""


def _row(reminder: reminders.DueReminder, today: dt.date) -> ReminderRow:
    agreement = reminder.agreement
    return ReminderRow(agreement.id, str(agreement), agreement.title, reminder.action,
                       reminder.deadline, reminder.stage_days, reminder.days_left(today),
                       reminder.overdue, reminder.rolled_over, reminder.act_by,
                       reminder.explanation)


def reminder_rows(session: Session, today: dt.date,
                  lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> list[ReminderRow]:
    """The due reminders, overdue (missed) ones first."""
    return [_row(r, today) for r in reminders.due_reminders(session, today, lead_times)]


def take_notification_rows(session: Session, today: dt.date,
                           lead_times: Sequence[int] = DEFAULT_LEAD_TIMES
                           ) -> list[ReminderRow]:
    """The reminders to notify about now, recorded as notified today (a write). Run
    while the window is open, it first rolls forward the terms that ended since (a new
    day), so the reminders are those of the terms now running."""
    terms.roll_forward(session, today)
    return [_row(r, today)
            for r in reminders.take_notifications(session, today, lead_times)]


def take_reminder_rows(session: Session, today: dt.date,
                       lead_times: Sequence[int] = DEFAULT_LEAD_TIMES
                       ) -> tuple[list[ReminderRow], list[ReminderRow]]:
    """:func:`reminder_rows` and :func:`take_notification_rows` in one pass (a write):
    the window's start shows the one and notifies the other, and computing the due
    reminders took seconds on a large register. Opening the database rolled the terms
    forward just before."""
    due = reminders.due_reminders(session, today, lead_times)
    rows = [_row(r, today) for r in due]  # before the bulk update touches their states
    return rows, [_row(r, today) for r in reminders.record_notified(session, today, due)]


def acknowledge_reminder(session: Session, agreement_id: int, today: dt.date,
                         lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> None:
    reminders.acknowledge(session, _agreement(session, agreement_id), today,
                          lead_times=lead_times)


def snooze_reminder(session: Session, agreement_id: int, today: dt.date, until: dt.date,
                    lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> None:
    reminders.snooze(session, _agreement(session, agreement_id), today, until, lead_times)


def own_lead_times(session: Session, agreement_id: int) -> tuple[int, ...] | None:
    """The agreement's own reminder stages, or None where it follows the default."""
    return reminders.own_lead_times(session, _agreement(session, agreement_id))


def set_own_lead_times(session: Session, agreement_id: int,
                       days: Iterable[int] | None) -> tuple[int, ...] | None:
    """Gives the agreement its own stages, or (None) back the default ones.

    Raises:
        ValidationError: no stage, or one out of range.
    """
    return reminders.set_lead_times(session, _agreement(session, agreement_id), days)


# -- renew, notice, co-term ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RenewalPlan:
    """What "Renew" will create, shown in the dialog before anything is written."""

    previous_name: str
    previous_start: dt.date | None
    previous_end: dt.date | None
    start_date: dt.date
    end_date: dt.date
    cost: Decimal | None
    currency: str
    renewal_term: str
    item_count: int
    contract_number: str | None  # the agreement's own: a new one makes a new contract


def renewal_plan(session: Session, agreement_id: int, today: dt.date) -> RenewalPlan:
    """The next term's dates and the cost to start from.

    Raises:
        ConflictError: already renewed, or notice was given.
        ValidationError: no end date to renew from.
    """
    agreement = _agreement(session, agreement_id)
    renewal_workflow._require_open(session, agreement, "renew")  # tell before asking
    del today  # the next term follows the current one, whatever the day
    start, end = renewal_workflow.next_term(session, agreement)
    return RenewalPlan(str(agreement), agreement.start_date, agreement.end_date, start, end,
                       agreement.cost, agreement.currency, agreement.renewal_term or "P1Y",
                       len(agreement.items), agreement.contract_number)


@dataclass(frozen=True, slots=True)
class RenewalDone:
    agreement_id: int
    name: str
    start_date: dt.date | None
    end_date: dt.date | None
    new_contract: bool  # a new agreement (renewal_of), not a new term of this one
    amount: Decimal | None
    percent: Decimal | None
    currency: str


def renew_agreement(session: Session, agreement_id: int, cost: Decimal | None,
                    today: dt.date, contract_number: str | None = None) -> RenewalDone:
    """Renews; a ``contract_number`` other than the agreement's makes a new contract,
    None or blank adds the next term to this one."""
    done = renewal_workflow.renew(session, _agreement(session, agreement_id), cost,
                                  today=today,
                                  contract_number=(contract_number or "").strip() or None)
    change = done.price_change
    return RenewalDone(done.agreement.id, str(done.agreement), done.term.start_date,
                       done.term.end_date, done.agreement.id != agreement_id,
                       change.amount, change.percent, change.currency)


@dataclass(frozen=True, slots=True)
class NoticePlan:
    """What giving notice now means: the term it ends, and the deadline for it."""

    end_date: dt.date | None
    deadline: dt.date | None
    explanation: str = ""  # the deadline's calculation, as every output words it


def notice_plan(session: Session, agreement_id: int, today: dt.date) -> NoticePlan:
    agreement = _agreement(session, agreement_id)
    dates = notice_dates(agreement, today, NoticeContext.of(session))
    return NoticePlan(agreement.end_date, agreement.notice_deadline, dates.explanation)


@dataclass(frozen=True, slots=True)
class NoticeDone:
    end_date: dt.date | None
    deadline: dt.date | None
    late: bool


def give_notice(session: Session, agreement_id: int, sent_on: dt.date, to: str,
                how: NoticeMethod, letter: Path | None, today: dt.date) -> NoticeDone:
    """Records the notice, with the letter attached to the agreement when given."""
    agreement = _agreement(session, agreement_id)
    document = documents.attach(session, letter, agreement=agreement) if letter else None
    notice = renewal_workflow.give_notice(session, agreement, sent_on, to, how, document,
                                          today=today)
    return NoticeDone(agreement.end_date, notice.deadline, notice.late)


@dataclass(frozen=True, slots=True)
class NoticeRow:
    sent_on: dt.date
    sent_to: str
    method: str
    letter: str


def notice_rows(session: Session, agreement_id: int) -> list[NoticeRow]:
    return [NoticeRow(n.sent_on, n.sent_to, n.method.value,
                      n.document.file_name if n.document else "")
            for n in renewal_workflow.notices_of(session, _agreement(session, agreement_id))]


@dataclass(frozen=True, slots=True)
class AgreementChoice:
    id: int
    label: str
    end_date: dt.date | None


def co_term_choices(session: Session, today: dt.date) -> list[AgreementChoice]:
    """Agreements that can still be co-termed: running, not renewed, no notice given."""
    return [AgreementChoice(a.id, f"{a} — {a.title}" if a.contract_number else str(a),
                            term.end_date)
            for a, term in open_terms(session, today)]


def co_term(session: Session, agreement_ids: Iterable[int], end_date: dt.date) -> int:
    """Gives the agreements one end date; returns how many changed."""
    chosen = [_agreement(session, agreement_id) for agreement_id in agreement_ids]
    return len(renewal_workflow.co_term(session, chosen, end_date))


# -- the chain of terms -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TermLine:
    agreement_id: int
    name: str  # the agreement and the term's position: "C-100 · term 2"
    start_date: dt.date | None
    end_date: dt.date | None
    cost: Decimal | None
    currency: str
    amount: Decimal | None  # against the term before
    percent: Decimal | None
    status: str  # the agreement's status for its current term; "renewed" before it
    current: bool  # the current term of the agreement the form shows
    origin: str  # signed, auto_renewed, renewed
    notice_given_on: dt.date | None

    @property
    def rolled(self) -> bool:
        return self.origin == TermOrigin.AUTO_RENEWED.value


@dataclass(frozen=True, slots=True)
class TermsView:
    lines: list[TermLine]
    rolled_over: int  # automatic renewals of the shown agreement behind its current term
    running_start: dt.date | None
    running_end: dt.date | None


def terms_view(session: Session, agreement_id: int, today: dt.date) -> TermsView:
    """Every term, first to latest, across a renewal chain: earlier terms are never
    hidden or rewritten, so the current term is always the last line of its agreement."""
    agreement = _agreement(session, agreement_id)
    renewed = renewed_ids(session, today)
    chain = renewal_workflow.term_chain(session, agreement)
    latest = {row.agreement.id: row.term.position for row in chain}
    lines = []
    for row in chain:
        is_current = latest[row.agreement.id] == row.term.position
        status = (status_of(row.agreement, today, renewed).value if is_current
                  else AgreementStatus.RENEWED.value)
        lines.append(TermLine(
            row.agreement.id, f"{row.agreement} · {row.term.position}", row.term.start_date,
            row.term.end_date, row.term.cost, row.term.currency,
            row.change.amount if row.change else None,
            row.change.percent if row.change else None, status,
            is_current and row.agreement.id == agreement_id, row.term.origin.value,
            row.term.notice_given_on))
    return TermsView(lines, agreement.rolled_over, agreement.start_date, agreement.end_date)


# -- documents ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    file_name: str
    media_type: str
    size: int
    added_at: dt.datetime


def _owner(session: Session, kind: str, record_id: int) -> dict[str, object]:
    record = session.get(OWNERS[kind], record_id)
    if record is None:
        raise NotFoundError(f"That {kind} no longer exists; it may have been deleted.")
    return {kind: record}


def _document_row(document: Document) -> DocumentRow:
    return DocumentRow(document.id, document.file_name, document.media_type,
                       document.size, document.added_at)


def document_rows(session: Session, kind: str, record_id: int) -> list[DocumentRow]:
    """The files attached to an organization, purchase or agreement, newest first."""
    return [_document_row(d) for d in documents.documents_of(
        session, **_owner(session, kind, record_id))]  # type: ignore[arg-type]


def attach_files(session: Session, kind: str, record_id: int,
                 paths: Iterable[Path]) -> list[DocumentRow]:
    owner = _owner(session, kind, record_id)
    return [_document_row(documents.attach(session, path, **owner))  # type: ignore[arg-type]
            for path in paths]


def document_path(session: Session, document_id: int) -> Path:
    """The stored file to open with the system viewer.

    Raises:
        UserError: the record or its stored file is missing.
    """
    document = session.get(Document, document_id)
    if document is None:
        raise NotFoundError("That document no longer exists.")
    return documents.stored_path(document)


# -- calendar -----------------------------------------------------------------------------

def calendar_file(session: Session, today: dt.date,
                  lead_times: Sequence[int] = DEFAULT_LEAD_TIMES,
                  progress: Progress = NO_PROGRESS) -> bytes:
    """Every running term's notice deadline and end as iCalendar bytes.

    Raises:
        Cancelled: the user cancelled (checked between the two long steps; 20,000
            agreements take some seconds each).
    """
    progress.update(0, 2, "Collecting deadlines…")
    entries = renewals(session, today, CALENDAR_DAYS)
    progress.update(1, 2, f"Writing {len(entries)} agreements to the calendar…")
    # here, not at the top: icalendar takes 26 ms to import, at every start otherwise
    from contractdesk.services.calendar import calendar_for

    data = calendar_for(session, entries, lead_times)
    progress.update(2, 2)
    return data
