"""Staged reminders: which are due, and what the user did about them.

A reminder is derived from an agreement's current term each time it is asked for (so it
follows edits and auto-renewals); :class:`~contractdesk.db.reminders.ReminderState`
only records acknowledgements, snoozes and the day of the last notification.

Rules:

- One reminder per agreement at a time: the latest stage reached (see
  :func:`contractdesk.domain.reminders.current_stage`). Acknowledging it silences that
  stage only; the next stage nags again when its date comes.
- A missed reminder stays due (marked overdue once its deadline passed) until it is
  acknowledged or the term ends; after the end there is nothing left to remind of, and
  the derived status (expired, or a rolled auto-renewal with a fresh deadline) takes over.
- A snoozed stage reappears on its snooze date; a later stage is not held back by it.
- Cancelled (notice given) and renewed agreements have no reminders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement
from contractdesk.db.reminders import LeadTimeOverride, ReminderState
from contractdesk.domain.reminders import (
    DEFAULT_LEAD_TIMES,
    current_stage,
    format_lead_times,
    normalize_lead_times,
    parse_lead_times,
)
from contractdesk.errors import UserError, ValidationError
from contractdesk.services.notice_dates import NoticeContext, NoticeDates, notice_dates
from contractdesk.services.renewals import current_term, next_action, open_terms, renewed_ids


@dataclass(frozen=True, slots=True)
class DueReminder:
    """One reminder to show: the agreement, which stage, and the deadline it is about."""

    agreement: Agreement
    stage_days: int  # this stage comes this many days before the act-by date
    deadline: dt.date  # the notice deadline, or the end where no notice applies
    action: str  # "give_notice", "renews" or "expires", as in the renewals list
    overdue: bool  # the deadline passed and nobody acknowledged the reminder
    rolled_over: int  # automatic renewals behind the current term
    snoozed_until: dt.date | None  # the snooze that just ran out, if any
    act_by: dt.date | None = None  # notice: the last working day to act, lead time in
    explanation: str = ""  # the calculation behind the dates, in words

    @property
    def countdown_to(self) -> dt.date:
        """What the stages and days left count to: the act-by date where notice is
        due (it comes first), else the deadline."""
        return self.act_by or self.deadline

    def days_left(self, today: dt.date) -> int:
        return (self.countdown_to - today).days


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# -- lead times ---------------------------------------------------------------------------

def lead_time_overrides(session: Session) -> dict[int, tuple[int, ...]]:
    """Every agreement's own lead times, by agreement id."""
    return {row.agreement_id: parse_lead_times(row.lead_days)
            for row in session.scalars(select(LeadTimeOverride))}


def own_lead_times(session: Session, agreement: Agreement) -> tuple[int, ...] | None:
    """The agreement's own lead times, or None where it follows the default."""
    row = session.get(LeadTimeOverride, agreement.id)
    return parse_lead_times(row.lead_days) if row is not None else None


def lead_times_of(session: Session, agreement: Agreement,
                  default: Sequence[int] = DEFAULT_LEAD_TIMES) -> tuple[int, ...]:
    return own_lead_times(session, agreement) or tuple(default)


def set_lead_times(session: Session, agreement: Agreement,
                   days: Iterable[int] | None) -> tuple[int, ...] | None:
    """Gives ``agreement`` its own lead times, or (``None``) back the default ones.

    Raises:
        ValidationError: no lead time, or one out of range.
    """
    row = session.get(LeadTimeOverride, agreement.id)
    if days is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return None
    try:
        values = normalize_lead_times(days)
    except ValueError as error:
        raise ValidationError({"lead_times": str(error)}) from error
    if row is None:
        session.add(LeadTimeOverride(agreement_id=agreement.id,
                                     lead_days=format_lead_times(values)))
    else:
        row.lead_days = format_lead_times(values)
    session.flush()
    return values


# -- which reminders are due --------------------------------------------------------------

def _states(session: Session, agreement_ids: Iterable[int]
            ) -> dict[tuple[int, dt.date, int], ReminderState]:
    ids = list(agreement_ids)
    if not ids:
        return {}
    rows = session.scalars(select(ReminderState).where(ReminderState.agreement_id.in_(ids)))
    return {(r.agreement_id, r.deadline, r.stage_days): r for r in rows}


def _silenced(state: ReminderState | None, today: dt.date) -> bool:
    if state is None:
        return False
    if state.acknowledged_at is not None:
        return True
    return state.snoozed_until is not None and state.snoozed_until > today


def _reminder(agreement: Agreement, term_rolled: int, action: str, deadline: dt.date,
              stage: int, today: dt.date, state: ReminderState | None,
              dates: NoticeDates) -> DueReminder:
    return DueReminder(agreement=agreement, stage_days=stage, deadline=deadline,
                       action=action, overdue=deadline < today, rolled_over=term_rolled,
                       snoozed_until=state.snoozed_until if state else None,
                       act_by=_act_by(action, dates), explanation=dates.explanation)


def _act_by(action: str, dates: NoticeDates) -> dt.date | None:
    """Where notice is due, the day to act on it; other actions count to their date."""
    return dates.act_by if action == "give_notice" else None


def due_reminders(session: Session, today: dt.date,
                  lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> list[DueReminder]:
    """Reminders due on ``today``: overdue ones first, then by deadline.

    ``lead_times`` are the default stages (from the settings); an agreement's own
    lead times replace them.
    """
    default = normalize_lead_times(lead_times)
    overrides = lead_time_overrides(session)
    running = open_terms(session, today)
    states = _states(session, (agreement.id for agreement, _ in running))
    context = NoticeContext.of(session)
    found: list[DueReminder] = []
    for agreement, term in running:
        action, deadline = next_action(agreement, term)
        if action == "can_end":
            continue  # open-ended: ending it is an option, not something due
        dates = notice_dates(agreement, today, context)
        stage = current_stage(_act_by(action, dates) or deadline, today,
                              overrides.get(agreement.id, default))
        if stage is None:
            continue
        state = states.get((agreement.id, deadline, stage))
        if _silenced(state, today):
            continue
        found.append(_reminder(agreement, term.rolled_over, action, deadline, stage, today,
                               state, dates))
    found.sort(key=lambda r: (not r.overdue, r.deadline, r.agreement.contract_number or ""))
    return found


def _deadline_of(session: Session, agreement: Agreement, today: dt.date
                 ) -> tuple[str, dt.date, dt.date]:
    """The next action, its deadline and the day its reminders count down to.

    Raises:
        UserError: the agreement is cancelled, renewed, without end, or over.
    """
    label = str(agreement)
    if agreement.cancelled:
        raise UserError(f"Notice was given on {label}; it has no reminders.")
    renewed = renewed_ids(session, today)
    if agreement.id in renewed:
        raise UserError(f"{label} was renewed; its reminders ended with it.")
    term = current_term(agreement)
    if term is None or term.end_date < today:
        raise UserError(f"{label} has ended or has no end date; it has no reminders.")
    action, deadline = next_action(agreement, term)
    if action == "can_end":
        raise UserError(f"{label} is open-ended: it has no reminders until notice is "
                        f"given.")
    dates = notice_dates(agreement, today, NoticeContext.of(session))
    return action, deadline, _act_by(action, dates) or deadline


def _state_for(session: Session, agreement: Agreement, deadline: dt.date,
               stage: int) -> ReminderState:
    state = session.scalars(select(ReminderState).where(
        ReminderState.agreement_id == agreement.id, ReminderState.deadline == deadline,
        ReminderState.stage_days == stage)).first()
    if state is None:
        state = ReminderState(agreement=agreement, deadline=deadline, stage_days=stage)
        session.add(state)
    return state


def _chosen_stage(session: Session, agreement: Agreement, deadline: dt.date,
                  today: dt.date, stage: int | None, default: Sequence[int]) -> int:
    stages = lead_times_of(session, agreement, default)
    if stage is not None:
        if stage not in stages:
            raise ValidationError({"stage": f"{agreement} has reminders "
                                            f"{format_lead_times(stages)} days ahead, "
                                            f"not {stage}"})
        return stage
    current = current_stage(deadline, today, stages)
    if current is None:
        raise UserError(f"No reminder is due yet for {agreement}: the first comes "
                        f"{max(stages)} days before {deadline.isoformat()}.")
    return current


def acknowledge(session: Session, agreement: Agreement, today: dt.date,
                stage: int | None = None,
                lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> ReminderState:
    """Marks a reminder of ``agreement`` handled: the current stage, or ``stage``
    (a later one can be acknowledged in advance).

    Raises:
        UserError: nothing to remind of (cancelled, renewed, over), or no stage due yet.
        ValidationError: ``stage`` is not one of the agreement's lead times.
    """
    _action, deadline, countdown = _deadline_of(session, agreement, today)
    state = _state_for(session, agreement, deadline,
                       _chosen_stage(session, agreement, countdown, today, stage, lead_times))
    if state.acknowledged_at is None:
        state.acknowledged_at = _utcnow()
    session.flush()
    return state


def snooze(session: Session, agreement: Agreement, today: dt.date, until: dt.date,
           lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> ReminderState:
    """Hides the current reminder of ``agreement`` until ``until``, when it returns.

    Raises:
        UserError: nothing due to snooze.
        ValidationError: ``until`` is not after today.
    """
    if until <= today:
        raise ValidationError({"until": f"snooze until a day after today "
                                        f"({today.isoformat()}), not {until.isoformat()}"})
    _action, deadline, countdown = _deadline_of(session, agreement, today)
    state = _state_for(session, agreement, deadline,
                       _chosen_stage(session, agreement, countdown, today, None, lead_times))
    state.snoozed_until = until
    session.flush()
    return state


# -- reviewing what was silenced ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SilencedReminder:
    """A reminder stage someone marked handled or snoozed, to look over and undo."""

    state_id: int
    agreement_id: int
    name: str  # the contract number, else the agreement's title
    title: str
    deadline: dt.date
    stage_days: int
    handled_at: dt.datetime | None
    snoozed_until: dt.date | None


def silenced_reminders(session: Session, today: dt.date) -> list[SilencedReminder]:
    """Stages marked handled, and snoozes still running, of deadlines not yet past by
    more than a year (older ones can no longer nag): latest first."""
    rows = session.scalars(
        select(ReminderState).join(ReminderState.agreement)
        .where((ReminderState.acknowledged_at.is_not(None))
               | (ReminderState.snoozed_until > today),
               ReminderState.deadline >= today - dt.timedelta(days=365))
        .order_by(ReminderState.acknowledged_at.desc().nulls_last(),
                  ReminderState.snoozed_until, ReminderState.id.desc()))
    return [SilencedReminder(state.id, state.agreement_id,
                             state.agreement.contract_number or state.agreement.title,
                             state.agreement.title, state.deadline, state.stage_days,
                             state.acknowledged_at,
                             state.snoozed_until if state.snoozed_until
                             and state.snoozed_until > today else None)
            for state in rows]


def remind_again(session: Session, state_id: int) -> None:
    """Undoes "Handled" and "Snooze" on one stage: it is due again where its day came.

    Raises:
        UserError: the stage is gone (its agreement was deleted meanwhile).
    """
    state = session.get(ReminderState, state_id)
    if state is None:
        raise UserError("That reminder no longer exists; its agreement was deleted.")
    state.acknowledged_at = None
    state.snoozed_until = None
    session.flush()


# -- notifications ------------------------------------------------------------------------

def should_notify(state: ReminderState | None, today: dt.date) -> bool:
    """At most one notification per reminder per day."""
    return state is None or state.last_notified_on != today


def take_notifications(session: Session, today: dt.date,
                       lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> list[DueReminder]:
    """The due reminders not yet notified today, now recorded as notified.

    The window calls this periodically; whatever it returns is shown once. The day is
    recorded with bulk statements, which the audit trail does not see: a notification is
    not a change to anyone's records.
    """
    return record_notified(session, today, due_reminders(session, today, lead_times))


def record_notified(session: Session, today: dt.date,
                    due: Sequence[DueReminder]) -> list[DueReminder]:
    """Those of ``due`` (from :func:`due_reminders`) not yet notified today, now recorded
    as notified: for a caller that needed the due reminders anyway (the window's start
    page), so they are not computed a second time."""
    states = _states(session, {r.agreement.id for r in due})
    fresh: list[DueReminder] = []
    for reminder in due:
        state = states.get((reminder.agreement.id, reminder.deadline, reminder.stage_days))
        if should_notify(state, today):
            fresh.append(reminder)
    seen = [states[(r.agreement.id, r.deadline, r.stage_days)].id for r in fresh
            if (r.agreement.id, r.deadline, r.stage_days) in states]
    new = [{"agreement_id": r.agreement.id, "deadline": r.deadline,
            "stage_days": r.stage_days, "last_notified_on": today} for r in fresh
           if (r.agreement.id, r.deadline, r.stage_days) not in states]
    if seen:
        session.execute(update(ReminderState).where(ReminderState.id.in_(seen))
                        .values(last_notified_on=today))
    if new:
        session.execute(insert(ReminderState), new)
    return fresh
