"""Renew, give notice, co-term and the chain of terms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Change, Contact, Item
from contractdesk.db.reminders import LeadTimeOverride, NoticeRecord, ReminderState
from contractdesk.domain.enums import AgreementStatus, ChangeAction, TermOrigin
from contractdesk.domain.reminders import NoticeMethod
from contractdesk.errors import ConflictError, ValidationError
from contractdesk.services import records
from contractdesk.services.reminders import (
    acknowledge,
    due_reminders,
    lead_times_of,
    set_lead_times,
)
from contractdesk.services.renewal_workflow import (
    PriceChange,
    co_term,
    give_notice,
    next_term,
    notices_of,
    renew,
    term_chain,
)
from contractdesk.services.renewals import renewals, statuses
from contractdesk.services.terms import roll_forward, terms_of
from tests.workflow.conftest import MakeAgreement

TODAY = dt.date(2026, 11, 25)


def status(session: Session, agreement: Agreement, today: dt.date = TODAY
           ) -> AgreementStatus:
    return statuses(session, [agreement], today)[agreement.id]


def test_renew_creates_the_next_term_with_items_link_and_price_change(
        session: Session, make_agreement: MakeAgreement, items: list[Item],
        support_contact: Contact) -> None:
    agreement = make_agreement(contract_number="SNT-9921", items=items, notice_period="P60D",
                               sla="8x5xNBD", support_contact=support_contact,
                               cost=Decimal("2790.00"))
    set_lead_times(session, agreement, [45, 10])
    result = renew(session, agreement, Decimal("3013.20"), today=TODAY)
    # the next term of the same agreement, not a new agreement
    assert result.agreement is agreement
    assert session.scalars(select(Agreement)).all() == [agreement]
    assert [(t.position, t.origin, t.start_date, t.end_date, t.cost)
            for t in terms_of(session, agreement)] == [
        (1, TermOrigin.SIGNED, dt.date(2026, 1, 1), dt.date(2026, 12, 31), Decimal("2790.00")),
        (2, TermOrigin.RENEWED, dt.date(2027, 1, 1), dt.date(2027, 12, 31),
         Decimal("3013.20"))]
    assert (result.previous.position, result.term.position) == (1, 2)
    # the agreement row is the new (current) term; everything else is kept
    assert (agreement.start_date, agreement.end_date, agreement.cost) == (
        dt.date(2027, 1, 1), dt.date(2027, 12, 31), Decimal("3013.20"))
    assert agreement.items == items
    assert (agreement.contract_number, agreement.sla, agreement.notice_period,
            agreement.support_contact) == ("SNT-9921", "8x5xNBD", "P60D", support_contact)
    assert agreement.renewal_of is None
    assert lead_times_of(session, agreement) == (45, 10)
    assert result.price_change.amount == Decimal("223.20")
    assert result.price_change.percent == Decimal("8.0")
    # recorded ahead: renewed until the new term begins, then it runs with its deadline
    assert status(session, agreement) == AgreementStatus.RENEWED
    assert due_reminders(session, TODAY) == []
    (entry,) = renewals(session, dt.date(2027, 1, 1), 400)
    assert (entry.agreement, entry.notice_deadline) == (agreement, dt.date(2027, 11, 1))
    changed = session.scalars(select(Change.field).where(
        Change.entity == "agreement", Change.entity_id == agreement.id,
        Change.action == ChangeAction.UPDATE)).all()
    assert {"start_date", "end_date", "cost"} <= set(changed), \
        "the new term is in the audit trail"


def test_renew_with_a_new_contract_number_creates_a_successor_agreement(
        session: Session, make_agreement: MakeAgreement, items: list[Item],
        support_contact: Contact) -> None:
    old = make_agreement(contract_number="SNT-9921", items=items, notice_period="P60D",
                         sla="8x5xNBD", support_contact=support_contact,
                         cost=Decimal("2790.00"))
    set_lead_times(session, old, [45, 10])
    result = renew(session, old, Decimal("3013.20"), today=TODAY,
                   contract_number="SNT-12000")
    new = result.agreement
    assert new is not old
    assert new.renewal_of is old
    assert new.contract_number == "SNT-12000"
    assert (new.start_date, new.end_date) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert new.items == items
    assert (new.sla, new.notice_period, new.support_contact, new.oem) == (
        "8x5xNBD", "P60D", support_contact, old.oem)
    assert lead_times_of(session, new) == (45, 10)
    assert (result.previous.agreement_id, result.term.agreement_id) == (old.id, new.id)
    assert (result.price_change.amount, result.price_change.percent) == (
        Decimal("223.20"), Decimal("8.0"))
    # the old agreement keeps its one term and is renewed; the successor is listed
    assert [(t.position, t.end_date) for t in terms_of(session, old)] == [
        (1, dt.date(2026, 12, 31))]
    assert (old.end_date, old.cost) == (dt.date(2026, 12, 31), Decimal("2790.00"))
    assert status(session, old) == AgreementStatus.RENEWED
    assert [e.agreement for e in renewals(session, TODAY, 400)] == [new]
    created = session.scalars(select(Change).where(
        Change.entity == "agreement", Change.entity_id == new.id)).all()
    assert created, "the new agreement is in the audit trail"
    with pytest.raises(ConflictError, match="already renewed by SNT-12000"):
        renew(session, old, today=TODAY)


def test_renew_keeps_the_cost_by_default_and_shifts_by_the_renewal_term(
        session: Session, make_agreement: MakeAgreement) -> None:
    old = make_agreement(start_date=dt.date(2026, 2, 1), end_date=dt.date(2026, 2, 28),
                         renewal_term="P1M")
    result = renew(session, old, today=TODAY)
    assert (result.agreement.start_date, result.agreement.end_date) == (
        dt.date(2026, 3, 1), dt.date(2026, 3, 28))
    assert result.agreement.cost == old.cost
    assert (result.price_change.amount, result.price_change.percent) == (
        Decimal("0.00"), Decimal("0.0"))


def test_renewing_a_rolled_auto_renewal_records_the_running_term(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(start_date=dt.date(2024, 4, 1), end_date=dt.date(2025, 3, 31),
                               auto_renew=True, renewal_term="P1Y")
    assert roll_forward(session, TODAY) == 2  # the running term: 2026-04-01 to 2027-03-31
    assert next_term(session, agreement) == (dt.date(2027, 4, 1), dt.date(2028, 3, 31))
    result = renew(session, agreement, Decimal("1100.00"), today=TODAY)
    assert (result.previous.origin, result.previous.start_date, result.previous.end_date) == (
        TermOrigin.AUTO_RENEWED, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert (result.term.start_date, result.term.end_date, result.term.origin) == (
        dt.date(2027, 4, 1), dt.date(2028, 3, 31), TermOrigin.RENEWED)
    assert (agreement.start_date, agreement.end_date, agreement.rolled_over) == (
        dt.date(2027, 4, 1), dt.date(2028, 3, 31), 0)


def test_renew_on_a_rolled_agreement_adds_the_term_after_the_running_one_and_keeps_the_rest(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 12, 31),
                               auto_renew=True, renewal_term="P1Y", notice_period="P30D")
    roll_forward(session, TODAY)
    before = [(t.position, t.origin, t.start_date, t.end_date, t.cost)
              for t in terms_of(session, agreement)]
    assert before == [
        (1, TermOrigin.SIGNED, dt.date(2024, 1, 1), dt.date(2024, 12, 31), Decimal("1000.00")),
        (2, TermOrigin.AUTO_RENEWED, dt.date(2025, 1, 1), dt.date(2025, 12, 31),
         Decimal("1000.00")),
        (3, TermOrigin.AUTO_RENEWED, dt.date(2026, 1, 1), dt.date(2026, 12, 31),
         Decimal("1000.00"))]
    renew(session, agreement, Decimal("1250.00"), today=TODAY)
    session.expire_all()  # what is stored, not what the session remembers
    assert [(t.position, t.origin, t.start_date, t.end_date, t.cost)
            for t in terms_of(session, agreement)] == [*before, (
        4, TermOrigin.RENEWED, dt.date(2027, 1, 1), dt.date(2027, 12, 31),
        Decimal("1250.00"))]
    assert (agreement.start_date, agreement.end_date, agreement.cost,
            agreement.rolled_over) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31),
                                       Decimal("1250.00"), 0)
    # the next roll forward starts from the renewed term and rewrites nothing before it
    assert roll_forward(session, TODAY) == 0
    assert roll_forward(session, dt.date(2028, 1, 15)) == 1
    assert [(t.position, t.start_date, t.end_date)
            for t in terms_of(session, agreement)][-1] == (
        5, dt.date(2028, 1, 1), dt.date(2028, 12, 31))


def test_renew_twice_is_refused_and_numbers_follow_the_chain(
        session: Session, make_agreement: MakeAgreement) -> None:
    """Renewing twice adds a term each time (positions follow on under the same
    number); renewing is refused once a successor agreement exists or notice is given."""
    first = make_agreement(contract_number="EA-1")
    assert renew(session, first, today=TODAY).agreement is first
    third = renew(session, first, Decimal("1200.00"), today=TODAY)
    assert (third.agreement, third.previous.position, third.term.position) == (first, 2, 3)
    assert [(t.position, t.origin, t.start_date, t.end_date)
            for t in terms_of(session, first)] == [
        (1, TermOrigin.SIGNED, dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        (2, TermOrigin.RENEWED, dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
        (3, TermOrigin.RENEWED, dt.date(2028, 1, 1), dt.date(2028, 12, 31))]
    assert first.contract_number == "EA-1"
    successor = renew(session, first, today=TODAY, contract_number="EA-2").agreement
    assert (successor.contract_number, successor.renewal_of) == ("EA-2", first)
    with pytest.raises(ConflictError, match="already renewed by EA-2"):
        renew(session, first, today=TODAY)
    give_notice(session, successor, TODAY, "Microsoft", "email", today=TODAY)
    with pytest.raises(ConflictError, match="Notice was given"):
        renew(session, successor, today=TODAY)
    assert len(terms_of(session, successor)) == 1


def test_renew_refuses_without_end_date_and_after_notice(
        session: Session, make_agreement: MakeAgreement) -> None:
    open_ended = make_agreement(end_date=None)
    with pytest.raises(ValidationError, match="no end date"):
        renew(session, open_ended, today=TODAY)
    cancelled = make_agreement(cancelled=True)
    with pytest.raises(ConflictError, match="Notice was given"):
        renew(session, cancelled, today=TODAY)


def test_price_change_needs_a_comparable_previous_price() -> None:
    assert PriceChange(None, Decimal(5), "EUR", "EUR").amount is None
    assert PriceChange(Decimal(0), Decimal(5), "EUR", "EUR").percent is None
    assert PriceChange(Decimal(4), Decimal(5), "GBP", "EUR").amount is None
    assert PriceChange(Decimal(3), Decimal(2), "EUR", "EUR").percent == Decimal("-33.3")


def test_give_notice_records_it_and_cancels_at_the_end(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D", auto_renew=True)
    notice = give_notice(session, agreement, dt.date(2026, 9, 20), "Aisha Begum",
                         "letter", today=dt.date(2026, 9, 21))
    assert (notice.deadline, notice.late) == (dt.date(2026, 10, 2), False)
    (record,) = notices_of(session, agreement)
    assert (record.sent_on, record.sent_to, record.method) == (
        dt.date(2026, 9, 20), "Aisha Begum", NoticeMethod.LETTER)
    assert agreement.cancelled
    assert agreement.end_date == dt.date(2026, 12, 31)
    assert status(session, agreement, dt.date(2026, 9, 21)) == AgreementStatus.CANCELLED
    assert due_reminders(session, dt.date(2026, 9, 21)) == []
    assert renewals(session, dt.date(2026, 9, 21), 365) == []
    # after its end it does not roll over either
    assert roll_forward(session, dt.date(2027, 3, 1)) == 0
    assert agreement.end_date == dt.date(2026, 12, 31)
    assert status(session, agreement, dt.date(2027, 3, 1)) == AgreementStatus.CANCELLED
    with pytest.raises(ConflictError, match="Notice was given"):
        give_notice(session, agreement, dt.date(2026, 9, 21), "x", "email",
                    today=dt.date(2026, 9, 21))


def test_late_notice_is_recorded_and_flagged(session: Session,
                                             make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    notice = give_notice(session, agreement, dt.date(2026, 11, 1), "Cisco",
                         NoticeMethod.PORTAL, today=TODAY)
    assert notice.late
    assert session.scalars(select(NoticeRecord)).one().method == NoticeMethod.PORTAL


def test_notice_on_a_rolled_auto_renewal_ends_the_running_term(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 12, 31),
                               auto_renew=True, notice_period="P30D")
    roll_forward(session, TODAY)
    notice = give_notice(session, agreement, TODAY, "Cisco", "email", today=TODAY)
    assert agreement.end_date == dt.date(2026, 12, 31)
    assert notice.deadline == dt.date(2026, 12, 1)
    assert not notice.late
    # it ends there: nothing rolls after notice
    assert roll_forward(session, dt.date(2027, 3, 1)) == 0
    assert status(session, agreement, dt.date(2027, 3, 1)) == AgreementStatus.CANCELLED


def test_notice_on_a_rolled_agreement_marks_only_the_last_term(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 12, 31),
                               auto_renew=True, notice_period="P30D")
    roll_forward(session, TODAY)
    before = [(t.position, t.origin, t.start_date, t.end_date)
              for t in terms_of(session, agreement)]
    assert len(before) == 3
    give_notice(session, agreement, dt.date(2026, 11, 20), "Cisco", "email", today=TODAY)
    session.expire_all()  # what is stored, not what the session remembers
    history = terms_of(session, agreement)
    assert [(t.position, t.origin, t.start_date, t.end_date) for t in history] == before
    assert [t.notice_given_on for t in history] == [None, None, dt.date(2026, 11, 20)]
    assert (agreement.cancelled, agreement.start_date, agreement.end_date) == (
        True, dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_give_notice_validates_everything_at_once(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement()
    with pytest.raises(ValidationError) as caught:
        give_notice(session, agreement, TODAY + dt.timedelta(days=1), " ", "fax",
                    today=TODAY)
    assert set(caught.value.problems) == {"sent_on", "to", "how"}
    assert not agreement.cancelled


def test_co_term_sets_one_end_date(session: Session, make_agreement: MakeAgreement) -> None:
    a = make_agreement(end_date=dt.date(2027, 3, 31))
    b = make_agreement(end_date=dt.date(2026, 12, 31))
    done = co_term(session, [a, b, a], dt.date(2027, 6, 30))
    assert [(c.agreement, c.old_end, c.new_end) for c in done] == [
        (a, dt.date(2027, 3, 31), dt.date(2027, 6, 30)),
        (b, dt.date(2026, 12, 31), dt.date(2027, 6, 30))]
    assert a.end_date == b.end_date == dt.date(2027, 6, 30)


def test_co_term_is_all_or_nothing(session: Session, make_agreement: MakeAgreement) -> None:
    a = make_agreement(start_date=dt.date(2026, 1, 1))
    late = make_agreement(contract_number="LATE", start_date=dt.date(2027, 1, 1),
                          end_date=dt.date(2027, 12, 31))
    with pytest.raises(ValidationError, match="LATE"):
        co_term(session, [a, late], dt.date(2026, 6, 30))
    assert a.end_date == dt.date(2026, 12, 31)
    with pytest.raises(ValidationError):
        co_term(session, [], dt.date(2026, 6, 30))


def test_term_chain_lists_every_term_with_year_on_year_cost(
        session: Session, make_agreement: MakeAgreement) -> None:
    first = make_agreement(contract_number="EA-1", cost=Decimal("1000.00"))
    renew(session, first, Decimal("1100.00"), today=TODAY)  # EA-1, term 2
    second = renew(session, first, Decimal("990.00"), today=TODAY,
                   contract_number="EA-2").agreement
    for member in (first, second):
        chain = term_chain(session, member)
        assert [(row.agreement, row.term.position) for row in chain] == [
            (first, 1), (first, 2), (second, 1)]
        assert [row.term.start_date for row in chain] == [
            dt.date(2026, 1, 1), dt.date(2027, 1, 1), dt.date(2028, 1, 1)]
    chain = term_chain(session, second)
    assert chain[0].change is None
    assert [(row.change.amount, row.change.percent) for row in chain[1:]
            if row.change is not None] == [(Decimal("100.00"), Decimal("10.0")),
                                           (Decimal("-110.00"), Decimal("-10.0"))]


def test_deleting_an_agreement_takes_its_workflow_records_along(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P90D")
    set_lead_times(session, agreement, [30])
    acknowledge(session, agreement, dt.date(2026, 9, 5))
    give_notice(session, agreement, dt.date(2026, 9, 6), "x", "email",
                today=dt.date(2026, 9, 6))
    records.delete(session, agreement)
    for model in (NoticeRecord, ReminderState, LeadTimeOverride):
        assert session.scalars(select(model)).all() == []
