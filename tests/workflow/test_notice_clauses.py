"""Agreements worded as contracts word them, through the database: a first term given as
a duration, open-ended agreements whose earliest possible end moves on as deadlines
pass, notice to the end of a quarter, and an internal lead time — the same dates in the
renewals list, the reminders and the status every list shows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement
from contractdesk.domain.enums import AgreementStatus, NoticeAnchor
from contractdesk.errors import ValidationError
from contractdesk.services import preferences, records
from contractdesk.services.reminders import due_reminders
from contractdesk.services.renewals import renewals, statuses
from contractdesk.services.terms import roll_forward
from tests.workflow.conftest import MakeAgreement

TODAY = dt.date(2026, 11, 25)


def test_a_first_term_given_as_a_duration_gives_the_end(session: Session) -> None:
    agreement = records.create(session, Agreement, contract_number="MIN-36",
                               currency="EUR", start_date=dt.date(2024, 4, 1),
                               initial_term="P36M", renewal_term="P1Y", auto_renew=True,
                               notice_period="P3M")
    assert agreement.end_date == dt.date(2027, 3, 31)
    assert agreement.initial_term == "P36M"


def test_an_open_ended_agreement_can_end_at_the_next_quarter_it_still_reaches(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(start_date=dt.date(2023, 1, 1), end_date=None,
                               open_ended=True, auto_renew=False, notice_period="P6W",
                               notice_anchor=NoticeAnchor.QUARTER_END)
    roll_forward(session, TODAY)
    # 31 Dec needs notice by 19 Nov, already past on 25 Nov: the next is 31 Mar
    assert agreement.end_date == dt.date(2027, 3, 31)
    [entry] = [e for e in renewals(session, TODAY, 120) if e.agreement is agreement]
    assert (entry.action, entry.notice_deadline, entry.overdue) == (
        "can_end", dt.date(2027, 2, 17), False)
    assert "earliest possible end is 31 Mar 2027" in entry.explanation
    assert statuses(session, [agreement], TODAY)[agreement.id] is AgreementStatus.ACTIVE
    assert all(r.agreement is not agreement for r in due_reminders(session, TODAY))

    roll_forward(session, dt.date(2027, 2, 17))  # its deadline: still reachable
    assert agreement.end_date == dt.date(2027, 3, 31)
    roll_forward(session, dt.date(2027, 2, 18))  # one day late: the next quarter
    assert agreement.end_date == dt.date(2027, 6, 30)


def test_notice_to_the_end_of_a_quarter_is_due_by_the_month_end_it_counts_back_to(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(start_date=dt.date(2025, 7, 1), end_date=dt.date(2027, 3, 31),
                               notice_period="P3M", notice_anchor=NoticeAnchor.QUARTER_END)
    assert agreement.notice_deadline == dt.date(2026, 12, 31)
    plain = make_agreement(start_date=dt.date(2025, 7, 1), end_date=dt.date(2027, 2, 28),
                           notice_period="P3M")
    anchored = make_agreement(start_date=dt.date(2025, 7, 1),
                              end_date=dt.date(2027, 2, 28), notice_period="P3M",
                              notice_anchor=NoticeAnchor.MONTH_END)
    # 28 Feb − 3 months is 28 Nov by the calendar; to a month end it is 30 Nov
    assert (plain.notice_deadline, anchored.notice_deadline) == (
        dt.date(2026, 11, 28), dt.date(2026, 11, 30))


def test_the_lead_time_moves_the_act_by_date_and_the_reminder(
        session: Session, make_agreement: MakeAgreement) -> None:
    own = make_agreement(end_date=dt.date(2027, 3, 31), notice_period="P3M",
                         lead_time_days=14)
    default = make_agreement(end_date=dt.date(2027, 3, 31), notice_period="P3M")
    preferences.set_preference(session, "notice.lead_time_days", "7")
    entries = {e.agreement.id: e for e in renewals(session, TODAY, 60)}
    assert entries[own.id].notice_deadline == dt.date(2026, 12, 31)
    assert entries[own.id].act_by == dt.date(2026, 12, 17)  # Thursday, 14 days before
    assert entries[default.id].act_by == dt.date(2026, 12, 24)  # the preference's 7
    reminders = {r.agreement.id: r for r in due_reminders(session, TODAY)}
    assert reminders[own.id].days_left(TODAY) == (dt.date(2026, 12, 17) - TODAY).days


def test_open_ended_and_auto_renew_together_is_refused(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(end_date=dt.date(2027, 3, 31), notice_period="P3M")
    with pytest.raises(ValidationError) as raised:
        records.update(session, agreement, open_ended=True, auto_renew=True)
    assert "open_ended" in raised.value.problems


def test_a_preference_the_calendar_cannot_read_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as raised:
        preferences.set_preference(session, "holidays.region", "XX")
    assert "not a region" in raised.value.problems["holidays.region"]
    with pytest.raises(ValidationError):
        preferences.set_preference(session, "notice.lead_time_days", "two weeks")
    assert preferences.set_preference(session, "holidays.country", "de") == "DE"
