"""Acting on a renewal: renew, give notice, co-term, and the chain of terms.

What ``cancelled`` means: notice was given, so the agreement will not renew. It is set
the moment notice is recorded, and the derived status is ``cancelled`` from then on,
also while the term still runs: the user's job on it is done, and it leaves the
renewals list and the reminders. Coverage is a matter of dates, not of the flag: the
agreement still covers its items until its ``end_date``, which is why giving notice
on an auto-renewing agreement that already rolled forward first writes the rolled
term's end into ``end_date`` (the audit trail keeps the recorded one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Document
from contractdesk.db.reminders import LeadTimeOverride, NoticeRecord
from contractdesk.domain.durations import notice_deadline
from contractdesk.domain.reminders import NoticeMethod
from contractdesk.domain.rollover import renewal_duration, shifted_end
from contractdesk.errors import ConflictError, ValidationError
from contractdesk.services import records
from contractdesk.services.renewals import current_term, renewed_ids

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


def price_change(previous: Agreement, current: Agreement) -> PriceChange:
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
    previous: Agreement
    agreement: Agreement  # the new term
    price_change: PriceChange


def next_term(agreement: Agreement, today: dt.date) -> tuple[dt.date, dt.date]:
    """Start and end of the term a renewal records.

    Normally the term after the recorded one. For an auto-renewing agreement that has
    already rolled forward, it is the running rolled term: renewing then records the
    term the user is in (with its real price), instead of jumping past it.

    Raises:
        ValidationError: the agreement has no end date to renew from.
    """
    if agreement.end_date is None:
        raise ValidationError({"end_date": f"{agreement} has no end date to renew from"})
    running = current_term(agreement, today, set())
    if running is not None and running.rolled_over and running.start_date is not None:
        return running.start_date, running.end_date
    term = renewal_duration(agreement.renewal_term)
    return agreement.end_date + dt.timedelta(days=1), shifted_end(agreement.end_date, term, 1)


def _next_contract_number(session: Session, agreement: Agreement) -> str | None:
    """``C-100/2``, ``C-100/3``…: the first term's number and the new term's position."""
    chain = term_chain(session, agreement)
    first = chain[0].agreement.contract_number
    return f"{first}/{len(chain) + 1}" if first else None


def renew(session: Session, agreement: Agreement, cost: Decimal | None = None, *,
          today: dt.date | None = None, contract_number: str | None = None) -> Renewal:
    """Creates the next term of ``agreement``: same terms and covered items, dates
    shifted by the renewal term (``P1Y`` where none is set), linked by ``renewal_of``.
    The old term's derived status becomes ``renewed``.

    Args:
        cost: the new term's cost; the previous cost when not given.
        contract_number: the new term's number; by default the first term's number
            with the term's position (``C-100/2``).

    Raises:
        ConflictError: already renewed, or notice was given.
        ValidationError: no end date, or the new term breaks a rule (duplicate number).
    """
    day = today or dt.date.today()
    _require_open(session, agreement, "renew")
    start, end = next_term(agreement, day)
    values = {key: getattr(agreement, key) for key in _CARRIED}
    new = records.create(
        session, Agreement, **values, start_date=start, end_date=end,
        cost=agreement.cost if cost is None else cost,
        contract_number=contract_number or _next_contract_number(session, agreement),
        items=list(agreement.items), renewal_of=agreement)
    lead_times = session.get(LeadTimeOverride, agreement.id)
    if lead_times is not None:
        session.add(LeadTimeOverride(agreement_id=new.id, lead_days=lead_times.lead_days))
        session.flush()
    return Renewal(agreement, new, price_change(agreement, new))


# -- give notice --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Notice:
    record: NoticeRecord
    deadline: dt.date | None  # the notice deadline of the term it ends
    late: bool  # sent after that deadline: the contract may renew regardless


def give_notice(session: Session, agreement: Agreement, sent_on: dt.date, to: str,
                how: NoticeMethod | str, document: Document | None = None, *,
                today: dt.date | None = None, notes: str = "") -> Notice:
    """Records notice sent on ``agreement`` and marks it cancelled at its end.

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
    running = current_term(agreement, day, renewed_ids(session))
    end = running.end_date if running is not None else agreement.end_date
    record = NoticeRecord(agreement=agreement, sent_on=sent_on, sent_to=to.strip(),
                          method=method, document=document, notes=notes)
    session.add(record)
    records.update(session, agreement, cancelled=True, end_date=end)
    deadline = notice_deadline(end, agreement.notice_period)
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
    agreement: Agreement
    change: PriceChange | None  # against the term before; None for the first term


def term_chain(session: Session, agreement: Agreement) -> list[TermRow]:
    """Every term of the agreement's history, first to latest, with the price change
    from term to term. Where two agreements renewed the same one (a data mistake),
    the earlier-starting one continues the chain."""
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
    return [TermRow(term, price_change(chain[i - 1], term) if i else None)
            for i, term in enumerate(chain)]
