"""The phone list's data: one line per covered serial, who to call and until when.

For the wall or the binder: every item a running agreement covers today, sorted by the
agreement's OEM. Agreements are read in batches and only the lines are kept, so the
list of 20,000 agreements stays small in memory (the ORM objects of one batch at a time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement
from contractdesk.domain.agreement_term import covers
from contractdesk.reports.data.support import calls_of, loaded_for_cards
from contractdesk.services.renewals import renewed_ids, status_of

BATCH = 500
NO_OEM = "(no OEM recorded)"


@dataclass(frozen=True, slots=True)
class PhoneLine:
    oem: str
    serial_number: str | None
    description: str
    asset_tag: str | None
    site: str | None
    call_first: str  # organization, and desk or person where known
    phone: str | None
    contract_number: str | None
    cover_until: dt.date | None


@dataclass(frozen=True, slots=True)
class PhoneList:
    today: dt.date
    lines: tuple[PhoneLine, ...]  # by OEM, then serial
    without_items: int  # running agreements that cover no recorded item


def _lines(agreement: Agreement) -> list[PhoneLine]:
    first, _ = calls_of(agreement)
    who = "nobody recorded" if first is None else " — ".join(
        x for x in (first.organization, first.contact) if x) + (
        f" ({first.note})" if first.note else "")
    oem = agreement.oem.name if agreement.oem is not None else NO_OEM
    return [PhoneLine(oem, item.serial_number, item.description, item.asset_tag,
                      item.location, who, first.phone if first else None,
                      agreement.contract_number, agreement.end_date)
            for item in agreement.items]


def phone_list(session: Session, today: dt.date) -> PhoneList:
    """Every item covered today, one line per serial and agreement."""
    renewed = renewed_ids(session, today)
    ids = session.scalars(select(Agreement.id).where(
        Agreement.end_date.is_(None) | (Agreement.end_date >= today))).all()
    lines: list[PhoneLine] = []
    without = 0
    for start in range(0, len(ids), BATCH):
        batch = session.scalars(select(Agreement).where(
            Agreement.id.in_(ids[start:start + BATCH]))
            .options(*loaded_for_cards()))  # type: ignore[arg-type]
        for agreement in batch:
            if covers(status_of(agreement, today, renewed), agreement.end_date, today):
                found = _lines(agreement)
                lines += found
                without += not found
        session.expunge_all()  # this batch's objects are done with
    lines.sort(key=lambda line: (line.oem.casefold(), (line.serial_number or "").casefold(),
                                 line.contract_number or ""))
    return PhoneList(today, tuple(lines), without)
