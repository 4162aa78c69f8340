"""The window's view of the workflow: plain rows by id, nothing that needs a session."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy.orm import Session

from contractdesk.domain.enums import AgreementStatus
from contractdesk.domain.reminders import NoticeMethod
from contractdesk.errors import ConflictError, NotFoundError, UserError
from contractdesk.services import workflow_view as view
from contractdesk.services.progress import CallbackProgress, Cancelled
from contractdesk.services.terms import roll_forward
from tests.workflow.conftest import MakeAgreement

TODAY = dt.date(2026, 11, 25)


def test_reminder_rows_are_plain_and_notifications_come_once_a_day(
        session: Session, make_agreement: MakeAgreement) -> None:
    soon = make_agreement(end_date=TODAY + dt.timedelta(days=40), notice_period="P30D")
    make_agreement(end_date=TODAY + dt.timedelta(days=400))  # no stage reached yet
    rows = view.reminder_rows(session, TODAY)
    # the deadline is Saturday 5 Dec: the days left count to Friday, the day to act
    assert [(r.agreement_id, r.deadline, r.act_by, r.days_left, r.stage_days, r.overdue)
            for r in rows] == [(soon.id, TODAY + dt.timedelta(days=10),
                                TODAY + dt.timedelta(days=9), 9, 30, False)]
    assert rows[0].explanation.endswith("The last working day: act by Fri 4 Dec 2026.")
    assert [r.agreement_id for r in view.take_notification_rows(session, TODAY)] == [soon.id]
    assert view.take_notification_rows(session, TODAY) == []
    assert len(view.take_notification_rows(session, TODAY + dt.timedelta(days=1))) == 1

    later = TODAY + dt.timedelta(days=3)
    assert view.take_reminder_rows(session, later) == (view.reminder_rows(session, later),
                                                       view.reminder_rows(session, later))
    assert view.take_reminder_rows(session, later) == (view.reminder_rows(session, later), [])

    view.snooze_reminder(session, soon.id, TODAY, TODAY + dt.timedelta(days=2))
    assert view.reminder_rows(session, TODAY) == []
    assert len(view.reminder_rows(session, TODAY + dt.timedelta(days=2))) == 1
    view.acknowledge_reminder(session, soon.id, TODAY + dt.timedelta(days=2))
    assert view.reminder_rows(session, TODAY + dt.timedelta(days=2)) == []


def test_renewal_plan_then_renew_reports_the_price_change(
        session: Session, make_agreement: MakeAgreement) -> None:
    current = make_agreement(start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31),
                             cost=Decimal("1000.00"))
    plan = view.renewal_plan(session, current.id, TODAY)
    assert (plan.start_date, plan.end_date, plan.cost, plan.renewal_term,
            plan.contract_number) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31),
                                      Decimal("1000.00"), "P1Y", current.contract_number)
    done = view.renew_agreement(session, current.id, Decimal("1100.00"), TODAY)
    assert (done.agreement_id, done.new_contract, done.start_date, done.end_date) == (
        current.id, False, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert (done.amount, done.percent, done.currency) == (
        Decimal("100.00"), Decimal("10.0"), "EUR")
    # a second renewal follows the term just recorded, at its price
    again = view.renewal_plan(session, current.id, TODAY)
    assert (again.previous_start, again.previous_end, again.start_date, again.end_date,
            again.cost) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31),
                            dt.date(2028, 1, 1), dt.date(2028, 12, 31), Decimal("1100.00"))
    lines = view.terms_view(session, current.id, TODAY).lines
    name = current.contract_number
    assert [(line.name, line.origin, line.current, line.percent, line.status)
            for line in lines] == [
        (f"{name} · 1", "signed", False, None, "renewed"),
        (f"{name} · 2", "renewed", True, Decimal("10.0"), "renewed")]
    # a new contract number: a successor agreement, after which this one cannot renew
    successor = view.renew_agreement(session, current.id, Decimal("1210.00"), TODAY,
                                     contract_number="NEXT-1")
    assert (successor.new_contract, successor.name, successor.start_date) == (
        True, "NEXT-1", dt.date(2028, 1, 1))
    assert successor.agreement_id != current.id
    with pytest.raises(ConflictError, match="already renewed"):
        view.renewal_plan(session, current.id, TODAY)
    lines = view.terms_view(session, successor.agreement_id, TODAY).lines
    assert [(line.name, line.current, line.percent) for line in lines] == [
        (f"{name} · 1", False, None), (f"{name} · 2", False, Decimal("10.0")),
        ("NEXT-1 · 1", True, Decimal("10.0"))]


def test_terms_view_says_how_often_an_agreement_rolled(
        session: Session, make_agreement: MakeAgreement) -> None:
    rolled = make_agreement(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 12, 31),
                            auto_renew=True, renewal_term="P1Y")
    roll_forward(session, TODAY)
    terms = view.terms_view(session, rolled.id, TODAY)
    assert (terms.rolled_over, terms.running_start, terms.running_end) == (
        2, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    renewed = AgreementStatus.RENEWED.value
    assert [(line.name, line.start_date, line.end_date, line.status, line.rolled,
             line.current) for line in terms.lines] == [
        (f"{rolled} · 1", dt.date(2024, 1, 1), dt.date(2024, 12, 31), renewed, False, False),
        (f"{rolled} · 2", dt.date(2025, 1, 1), dt.date(2025, 12, 31), renewed, True, False),
        (f"{rolled} · 3", dt.date(2026, 1, 1), dt.date(2026, 12, 31), "expiring", True,
         True)]


def test_notice_with_a_letter_is_listed_and_leaves_co_term_choices(
        session: Session, make_agreement: MakeAgreement, tmp_path: Path) -> None:
    agreement = make_agreement(notice_period="P30D")
    other = make_agreement()
    letter = tmp_path / "notice.pdf"
    letter.write_bytes(b"notice")
    done = view.give_notice(session, agreement.id, TODAY, "Reseller desk",
                            NoticeMethod.EMAIL, letter, TODAY)
    assert (done.end_date, done.late) == (dt.date(2026, 12, 31), False)
    assert view.notice_rows(session, agreement.id) == [
        view.NoticeRow(TODAY, "Reseller desk", "email", "notice.pdf")]
    assert [d.file_name for d in view.document_rows(session, "agreement", agreement.id)] \
        == ["notice.pdf"]
    assert [c.id for c in view.co_term_choices(session, TODAY)] == [other.id]
    assert view.co_term(session, [other.id], dt.date(2027, 3, 31)) == 1
    assert other.end_date == dt.date(2027, 3, 31)


def test_documents_attach_list_and_open_by_id(
        session: Session, make_agreement: MakeAgreement, tmp_path: Path) -> None:
    agreement = make_agreement()
    assert agreement.oem is not None
    source = tmp_path / "quote.xlsx"
    source.write_bytes(b"PK")
    [row] = view.attach_files(session, "organization", agreement.oem.id, [source])
    assert (row.file_name, row.size) == ("quote.xlsx", 2)
    assert view.document_path(session, row.id).read_bytes() == b"PK"
    with pytest.raises(NotFoundError):
        view.document_rows(session, "purchase", 999_999)
    with pytest.raises(UserError):
        view.attach_files(session, "agreement", agreement.id, [tmp_path / "missing.pdf"])


def test_calendar_file_holds_every_running_term(
        session: Session, make_agreement: MakeAgreement) -> None:
    make_agreement(contract_number="FAR", end_date=TODAY + dt.timedelta(days=900))
    calendar = Calendar.from_ical(view.calendar_file(session, TODAY))
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["FAR ends"]


def test_calendar_file_can_be_cancelled(session: Session,
                                        make_agreement: MakeAgreement) -> None:
    make_agreement()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        view.calendar_file(session, TODAY, progress=CallbackProgress(cancel=cancel))


def test_the_window_s_periodic_reminder_check_rolls_terms_that_ended_meanwhile(
        session: Session, make_agreement: MakeAgreement) -> None:
    """The window stays open past midnight: its periodic check writes the new term
    before it reminds, so the reminder is that of the term now running."""
    agreement = make_agreement(notice_period="P30D", end_date=dt.date(2026, 11, 24))
    view.take_notification_rows(session, dt.date(2026, 11, 25))
    assert (agreement.start_date, agreement.end_date, agreement.rolled_over) == (
        dt.date(2026, 11, 25), dt.date(2027, 11, 24), 1)
