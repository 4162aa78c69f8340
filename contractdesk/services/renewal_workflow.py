"""Acting on a renewal: renew, give notice, co-term, and the chain of terms.

Renew and Give notice act on the agreement's current term (see
:mod:`contractdesk.services.terms`) and never rewrite an earlier one: Renew appends the
next term, Give notice marks the current term as the last.

What ``cancelled`` means: notice was given, so the agreement will not renew. It is set
the moment notice is recorded, and the derived status is ``cancelled`` from then on,
also while the term still runs: the user's job on it is done, and it leaves the
renewals list and the reminders. Coverage is a matter of dates, not of the flag: the
agreement still covers its items until its current term's end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, AgreementTerm, Document
from contractdesk.db.reminders import LeadTimeOverride, NoticeRecord
from contractdesk.domain.reminders import NoticeMethod
from contractdesk.errors import ConflictError, ValidationError
from contractdesk.services import records, terms

PERCENT = Decimal("0.1")

# Copied from the renewed term to the next one; dates, cost, number and links are not.
_CARRIED = ("title", "kind", "oem", "reseller", "auto_renew", "renewal_term",
            "notice_period", "currency", "billing_period", "sla", "first_line_support",
            "support_contact", "oem_reference")


@dataclass(frozen=True, slots=True)
class PriceChange:
    """The cost of a term against the term before; amounts only within one currency."""

    previous: Decimal | None
    current: Decimal | None
    previous_currency: str
    currency: str

    @property
    def amount(self) -> Decimal | None:
        if self.previous is None or self.current is None:
            return None
        if self.previous_currency != self.currency:
            return None
        return self.current - self.previous

    @property
    def percent(self) -> Decimal | None:
        """Rounded to one decimal; None against a free or unknown previous price."""
        amount = self.amount
        if amount is None or not self.previous:
            return None
        return (amount * 100 / self.previous).quantize(PERCENT)


def price_change(previous: Agreement | AgreementTerm, current: Agreement | AgreementTerm
                 ) -> PriceChange:
    return PriceChange(previous.cost, current.cost, previous.currency, current.currency)


def _require_open(session: Session, agreement: Agreement, action: str) -> None:
    """Raises ConflictError when ``agreement`` was renewed or notice was given."""
    successor = session.scalars(select(Agreement).where(
        Agreement.renewal_of_id == agreement.id).limit(1)).first()
    if successor is not None:
        raise ConflictError(f"{agreement} was already renewed by {successor}; "
                            f"{action} that one instead.")
    if agreement.cancelled:
        raise ConflictError(f"Notice was given on {agreement}; clear 'cancelled' first "
                            f"to {action} it.")


# -- renew --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Renewal:
    agreement: Agreement  # the renewed agreement: the same one, or its new contract
    previous: AgreementTerm  # the term renewed
    term: AgreementTerm  # the new term
    price_change: PriceChange


def next_term(session: Session, agreement: Agreement) -> tuple[dt.date, dt.date]:
    """Start and end of the term a renewal records: the one after the current term
    (which, for an auto-renewing agreement that rolled forward, is the rolled term the
    user is in), by the renewal term (``P1Y`` where none is set).

    Raises:
        ValidationError: the agreement has no end date to renew from.
    """
    try:
        return terms.next_term_dates(session, agreement)
    except ValueError as error:
        raise ValidationError({"end_date": str(error)}) from error


def renew(session: Session, agreement: Agreement, cost: Decimal | None = None, *,
          today: dt.date | None = None, contract_number: str | None = None) -> Renewal:
    """Records the next term of ``agreement`` after its current one, with ``cost`` (the
    current term's when not given). Earlier terms are never rewritten.

    With a ``contract_number`` other than the agreement's own, the renewal is a new
    contract: a new agreement with the same terms and covered items, linked by
    ``renewal_of``; the old one's status becomes ``renewed``.

    Raises:
        ConflictError: already renewed, or notice was given.
        ValidationError: no end date, or the new contract breaks a rule (duplicate
            number).
    """
    del today  # the next term follows the current one, whatever the day
    _require_open(session, agreement, "renew")
    start, end = next_term(session, agreement)
    previous = terms.latest_term(session, agreement)
    new_cost = previous.cost if cost is None else cost
    if contract_number and contract_number != agreement.contract_number:
        values = {key: getattr(agreement, key) for key in _CARRIED}
        successor = records.create(
            session, Agreement, **values, start_date=start, end_date=end, cost=new_cost,
            contract_number=contract_number, items=list(agreement.items),
            renewal_of=agreement)
        lead_times = session.get(LeadTimeOverride, agreement.id)
        if lead_times is not None:
            session.add(LeadTimeOverride(agreement_id=successor.id,
                                         lead_days=lead_times.lead_days))
            session.flush()
        term = terms.latest_term(session, successor)
        return Renewal(successor, previous, term, price_change(previous, term))
    term = terms.add_renewed_term(session, agreement, terms.NewTerm(
        start, end, new_cost, previous.currency, previous.billing_period))
    return Renewal(agreement, previous, term, price_change(previous, term))


# -- give notice --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Notice:
    record: NoticeRecord
    deadline: dt.date | None  # the notice deadline of the term it ends
    late: bool  # sent after that deadline: the contract may renew regardless


def give_notice(session: Session, agreement: Agreement, sent_on: dt.date, to: str,
                how: NoticeMethod | str, document: Document | None = None, *,
                today: dt.date | None = None, notes: str = "") -> Notice:
    """Records notice sent on ``agreement``: its current term becomes its last, and the
    agreement is marked cancelled (it still covers its items until that term ends).
    Earlier terms and the current term's dates are left as they are.

    Notice sent after the deadline is still recorded (the user did send it) and
    reported as ``late``.

    Raises:
        ConflictError: already renewed, or notice was already given.
        ValidationError: a date in the future, no recipient, an unknown method.
    """
    day = today or dt.date.today()
    _require_open(session, agreement, "give notice on")
    problems: dict[str, str] = {}
    if sent_on > day:
        problems["sent_on"] = (f"notice cannot be recorded before it is sent "
                               f"({sent_on.isoformat()} is after today)")
    if not to.strip():
        problems["to"] = "say to whom notice was sent"
    try:
        method = NoticeMethod(how)
    except ValueError:
        problems["how"] = (f"{how!r} is not one of "
                           f"{', '.join(m.value for m in NoticeMethod)}")
    if problems:
        raise ValidationError(problems)
    deadline = agreement.notice_deadline  # before cancelling: it ends the deadline
    record = NoticeRecord(agreement=agreement, sent_on=sent_on, sent_to=to.strip(),
                          method=method, document=document, notes=notes)
    session.add(record)
    terms.latest_term(session, agreement).notice_given_on = sent_on
    records.update(session, agreement, cancelled=True)
    return Notice(record, deadline, late=deadline is not None and sent_on > deadline)


def notices_of(session: Session, agreement: Agreement) -> list[NoticeRecord]:
    return list(session.scalars(select(NoticeRecord)
                                .where(NoticeRecord.agreement_id == agreement.id)
                                .order_by(NoticeRecord.sent_on, NoticeRecord.id)))


# -- co-term ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CoTermed:
    agreement: Agreement
    old_end: dt.date | None
    new_end: dt.date


def co_term(session: Session, agreements: Iterable[Agreement],
            end_date: dt.date) -> list[CoTermed]:
    """Gives several agreements one common end date (prices are not prorated here).

    All or nothing: every agreement is checked before any is changed.

    Raises:
        ValidationError: no agreements, or one would end before it starts.
        ConflictError: one was already renewed or has notice given.
    """
    chosen = list(dict.fromkeys(agreements))
    if not chosen:
        raise ValidationError({"agreements": "choose the agreements to co-term"})
    late_starts = [a for a in chosen if a.start_date is not None and a.start_date > end_date]
    if late_starts:
        names = ", ".join(str(a) for a in late_starts)
        raise ValidationError({"end_date": f"{end_date.isoformat()} is before the start "
                                           f"of {names}"})
    for agreement in chosen:
        _require_open(session, agreement, "co-term")
    done = [CoTermed(agreement, agreement.end_date, end_date) for agreement in chosen]
    for agreement in chosen:
        records.update(session, agreement, end_date=end_date)
    return done


# -- the chain of terms -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TermRow:
    agreement: Agreement  # the agreement the term belongs to
    term: AgreementTerm
    change: PriceChange | None  # against the term before; None for the first term


def chain_of(agreement: Agreement) -> list[Agreement]:
    """The agreements a renewal chain (``renewal_of``) links, first to latest. Where two
    agreements renewed the same one (a data mistake), the earlier-starting one
    continues the chain."""
    first = agreement
    seen = {first.id}
    while first.renewal_of is not None and first.renewal_of.id not in seen:
        first = first.renewal_of
        seen.add(first.id)
    chain = [first]
    seen = {first.id}
    while True:
        following = [a for a in chain[-1].renewals if a.id not in seen]
        if not following:
            break
        following.sort(key=lambda a: (a.start_date or dt.date.min, a.id))
        chain.append(following[0])
        seen.add(following[0].id)
    return chain


def term_chain(session: Session, agreement: Agreement) -> list[TermRow]:
    """Every term of the agreement's history, first to latest, with the price change
    from term to term: the agreement's own terms, and those of the agreements a renewal
    chain links it to."""
    rows: list[TermRow] = []
    previous: AgreementTerm | None = None
    for member in chain_of(agreement):
        for term in terms.terms_of(session, member):
            rows.append(TermRow(member, term,
                                price_change(previous, term) if previous else None))
            previous = term
    return rows
