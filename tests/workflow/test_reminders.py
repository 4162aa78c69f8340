"""Staged reminders: each stage on its day, acknowledge, snooze, notify once a day."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Change
from contractdesk.db.reminders import ReminderState
from contractdesk.errors import UserError, ValidationError
from contractdesk.services.reminders import (
    acknowledge,
    due_reminders,
    lead_times_of,
    set_lead_times,
    snooze,
    take_notifications,
)
from contractdesk.services.terms import roll_forward
from tests.workflow.conftest import MakeAgreement

END = dt.date(2026, 12, 31)
DEADLINE = dt.date(2026, 10, 2)  # END minus P90D


def day_before(stage: int, deadline: dt.date = DEADLINE) -> dt.date:
    return deadline - dt.timedelta(days=stage)


def stages_on(session: Session, today: dt.date, agreement: Agreement) -> list[int]:
    return [r.stage_days for r in due_reminders(session, today)
            if r.agreement is agreement]


@pytest.mark.parametrize("stage", [90, 60, 30, 7])
def test_each_stage_is_due_from_its_day(session: Session, make_agreement: MakeAgreement,
                                        stage: int) -> None:
    agreement = make_agreement(notice_period="P90D")
    assert stages_on(session, day_before(stage) - dt.timedelta(days=1), agreement) == (
        [] if stage == 90 else [{60: 90, 30: 60, 7: 30}[stage]])
    assert stages_on(session, day_before(stage), agreement) == [stage]


def test_end_date_is_the_deadline_without_notice_period(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period=None, auto_renew=False)
    (reminder,) = due_reminders(session, END - dt.timedelta(days=30))
    assert reminder.agreement is agreement
    assert (reminder.deadline, reminder.stage_days, reminder.action) == (END, 30, "expires")


def test_acknowledged_stage_stops_nagging_until_the_next_stage(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    today = day_before(60)
    state = acknowledge(session, agreement, today)
    assert state.stage_days == 60
    assert stages_on(session, today, agreement) == []
    assert stages_on(session, day_before(31), agreement) == []
    assert stages_on(session, day_before(30), agreement) == [30]


def test_missed_reminder_stays_due_and_overdue_until_handled(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    late = DEADLINE + dt.timedelta(days=20)
    (reminder,) = due_reminders(session, late)
    assert (reminder.agreement, reminder.stage_days, reminder.overdue) == (agreement, 7, True)
    acknowledge(session, agreement, late)
    assert due_reminders(session, late) == []


def test_overdue_reminders_come_first(session: Session,
                                      make_agreement: MakeAgreement) -> None:
    soon = make_agreement(notice_period=None, end_date=dt.date(2026, 11, 1))
    missed = make_agreement(notice_period="P90D")
    today = dt.date(2026, 10, 20)
    assert [r.agreement for r in due_reminders(session, today)] == [missed, soon]


def test_no_reminder_after_the_end_or_once_notice_given(
        session: Session, make_agreement: MakeAgreement) -> None:
    ended = make_agreement(notice_period="P90D", end_date=dt.date(2026, 6, 30))
    cancelled = make_agreement(notice_period="P90D", cancelled=True)
    today = dt.date(2026, 11, 1)
    assert due_reminders(session, today) == []
    with pytest.raises(UserError, match="ended"):
        acknowledge(session, ended, today)
    with pytest.raises(UserError, match="Notice was given"):
        snooze(session, cancelled, today, today + dt.timedelta(days=3))


def test_snoozed_reminder_reappears_on_the_snooze_date(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    today = day_before(90)
    until = today + dt.timedelta(days=5)
    snooze(session, agreement, today, until)
    assert stages_on(session, today, agreement) == []
    assert stages_on(session, until - dt.timedelta(days=1), agreement) == []
    (back,) = due_reminders(session, until)
    assert (back.stage_days, back.snoozed_until) == (90, until)


def test_a_later_stage_is_not_held_back_by_a_snooze(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    snooze(session, agreement, day_before(90), day_before(10))
    assert stages_on(session, day_before(60), agreement) == [60]


def test_snooze_must_be_in_the_future(session: Session,
                                      make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    with pytest.raises(ValidationError, match="after today"):
        snooze(session, agreement, day_before(30), day_before(30))


def test_nothing_to_acknowledge_before_the_first_stage(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    with pytest.raises(UserError, match="No reminder is due yet"):
        acknowledge(session, agreement, dt.date(2026, 1, 5))


def test_a_later_stage_can_be_acknowledged_in_advance(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    acknowledge(session, agreement, day_before(90), stage=30)
    assert stages_on(session, day_before(90), agreement) == [90]
    assert stages_on(session, day_before(30), agreement) == []
    with pytest.raises(ValidationError, match="not 45"):
        acknowledge(session, agreement, day_before(90), stage=45)


def test_per_agreement_lead_times_replace_the_default(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    other = make_agreement(notice_period="P90D")
    assert set_lead_times(session, agreement, [14, 120, 14]) == (120, 14)
    assert lead_times_of(session, agreement) == (120, 14)
    assert stages_on(session, day_before(120), agreement) == [120]
    assert stages_on(session, day_before(60), agreement) == [120]
    assert stages_on(session, day_before(60), other) == [60]
    set_lead_times(session, agreement, None)
    assert stages_on(session, day_before(60), agreement) == [60]
    with pytest.raises(ValidationError):
        set_lead_times(session, agreement, [])


def test_default_lead_times_come_from_the_caller(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    (reminder,) = due_reminders(session, day_before(14), lead_times=(14, 3))
    assert (reminder.agreement, reminder.stage_days) == (agreement, 14)


def test_rolled_auto_renewal_gets_fresh_reminders_for_its_new_deadline(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P30D", auto_renew=True, renewal_term="P1Y",
                               end_date=dt.date(2025, 12, 31))
    acknowledge(session, agreement, dt.date(2025, 11, 28))  # stage 7 of the old deadline
    today = dt.date(2026, 11, 25)  # 6 days before the rolled deadline 2026-12-01
    assert due_reminders(session, today) == []  # not rolled yet: the term just ended
    assert roll_forward(session, today) == 1
    (reminder,) = due_reminders(session, today)
    assert (reminder.deadline, reminder.stage_days, reminder.rolled_over) == (
        dt.date(2026, 12, 1), 7, 1)


def test_notified_at_most_once_per_reminder_per_day(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    today = day_before(60)
    before = session.scalar(select(func.count(Change.id)))
    assert [r.agreement for r in take_notifications(session, today)] == [agreement]
    assert take_notifications(session, today) == []
    assert [r.agreement for r in take_notifications(session, today + dt.timedelta(days=1))
            ] == [agreement]
    assert take_notifications(session, today + dt.timedelta(days=1)) == []
    # still due (a notification is not an acknowledgement), and not an audited change
    assert stages_on(session, today, agreement) == [60]
    assert session.scalar(select(func.count(Change.id))) == before
    state = session.scalars(select(ReminderState)).one()
    session.refresh(state)
    assert state.last_notified_on == today + dt.timedelta(days=1)


def test_acknowledging_is_audited(session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    acknowledge(session, agreement, day_before(30))
    entities = set(session.scalars(select(Change.entity)))
    assert "reminder_state" in entities
