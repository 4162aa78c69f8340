"""Who to call, with what ID, when something covered breaks: the support card's data.

The organization called first is the one the agreement names (``first_line_support``),
else the OEM. The person or desk to reach there is the agreement's support contact when
it belongs to that organization, else that organization's support desk, escalation or
account manager, else its switchboard. A support contact recorded at the *other* party
becomes the second call, so nothing recorded is lost from the card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement, Contact, Item, Organization
from contractdesk.domain.agreement_term import covers
from contractdesk.domain.enums import AgreementKind, AgreementStatus, ContactRole
from contractdesk.errors import NotFoundError
from contractdesk.reports.data import closest, org_name
from contractdesk.reports.data.vendor import first_line_org
from contractdesk.services.renewals import renewed_ids, status_of

RUNNING = {AgreementStatus.ACTIVE, AgreementStatus.NOTICE_DUE, AgreementStatus.EXPIRING}
DESK_ORDER = (ContactRole.SUPPORT, ContactRole.ESCALATION, ContactRole.ACCOUNT_MANAGER)


@dataclass(frozen=True, slots=True)
class CallLine:
    """One number to ring: an organization and, where known, the desk or person."""

    organization: str
    contact: str | None
    phone: str | None
    email: str | None
    portal_url: str | None
    support_hours: str | None


@dataclass(frozen=True, slots=True)
class CoveredItem:
    serial_number: str | None
    description: str
    asset_tag: str | None
    location: str | None


@dataclass(frozen=True, slots=True)
class SupportCard:
    contract_number: str | None
    title: str
    kind: AgreementKind
    oem: str | None
    reseller: str | None
    status: AgreementStatus
    start_date: dt.date | None
    end_date: dt.date | None
    sla: str | None
    first_call: CallLine | None
    second_call: CallLine | None
    quote: tuple[tuple[str, str], ...]  # (what, value): OEM reference, contract, serial
    items: tuple[CoveredItem, ...]
    covering: bool  # covers its items today (also with notice given: until its end)


@dataclass(frozen=True, slots=True)
class SupportData:
    subject: str  # "serial 7HG2KM3", "agreement DELL-PS-4471", "all running agreements"
    today: dt.date
    cards: tuple[SupportCard, ...]
    warning: str | None = None  # e.g. no running cover for the serial asked about


def _desk(organization: Organization, preferred: Contact | None) -> CallLine:
    contact = preferred
    if contact is None:
        ranked = [c for role in DESK_ORDER for c in organization.contacts if c.role == role]
        contact = ranked[0] if ranked else None
    if contact is None:
        return CallLine(organization.name, None, organization.phone, organization.email,
                        None, None)
    return CallLine(organization.name, contact.name, contact.phone or organization.phone,
                    contact.email, contact.portal_url, contact.support_hours)


def _calls(agreement: Agreement) -> tuple[CallLine | None, CallLine | None]:
    first_org = first_line_org(agreement)
    if first_org is None:
        return None, None
    named = agreement.support_contact
    named_here = named if named is not None and named.organization_id == first_org.id else None
    first = _desk(first_org, named_here)
    if named is not None and named_here is None:
        return first, _desk(named.organization, named)
    other = agreement.reseller if first_org is agreement.oem else agreement.oem
    second = _desk(other, None) if other is not None and other is not first_org else None
    return first, second


def _card(agreement: Agreement, status: AgreementStatus, items: list[Item], today: dt.date
          ) -> SupportCard:
    quote: list[tuple[str, str]] = []
    if agreement.oem_reference:
        quote.append(("OEM reference", agreement.oem_reference))
    if agreement.contract_number:
        quote.append(("Contract number", agreement.contract_number))
    if len(items) == 1 and items[0].serial_number:
        quote.append(("Serial number", items[0].serial_number))
    first, second = _calls(agreement)
    return SupportCard(
        contract_number=agreement.contract_number, title=agreement.title,
        kind=agreement.kind, oem=org_name(agreement.oem),
        reseller=org_name(agreement.reseller), status=status,
        start_date=agreement.start_date, end_date=agreement.end_date, sla=agreement.sla,
        first_call=first, second_call=second, quote=tuple(quote),
        items=tuple(CoveredItem(i.serial_number, i.description, i.asset_tag, i.location)
                    for i in items),
        covering=covers(status, agreement.end_date, today))


def _loaded() -> tuple[object, ...]:
    return (selectinload(Agreement.oem).selectinload(Organization.contacts),
            selectinload(Agreement.reseller).selectinload(Organization.contacts),
            selectinload(Agreement.support_contact).selectinload(Contact.organization),
            selectinload(Agreement.items))


def _sort_key(card: SupportCard) -> tuple[str, str]:
    return ((card.oem or "").casefold(), card.contract_number or card.title)


def support_for_serial(session: Session, serial: str, today: dt.date) -> SupportData:
    """The cards for whatever covers the item with this serial (or asset tag).

    Running and upcoming cover is listed; when none runs, the expired agreements are
    shown with a warning, so the reader sees when cover ended instead of a blank page.

    Raises:
        NotFoundError: no item has that serial number; the closest ones are named.
    """
    wanted = serial.strip()
    found = list(session.scalars(
        select(Item).where((Item.serial_number == wanted) | (Item.asset_tag == wanted))
        .options(selectinload(Item.agreements).options(*_loaded()))))  # type: ignore[arg-type]
    if not found:
        known = session.scalars(select(Item.serial_number)
                                .where(Item.serial_number.is_not(None))).all()
        hint = closest(wanted, [s for s in known if s])
        raise NotFoundError(f"No item has serial number {wanted!r}."
                            + (f" Did you mean: {', '.join(hint)}?" if hint else ""))
    renewed = renewed_ids(session, today)
    current: list[SupportCard] = []
    past: list[SupportCard] = []
    for item in found:
        for agreement in item.agreements:
            status = status_of(agreement, today, renewed)
            card = _card(agreement, status, [item], today)
            wanted_list = (current if card.covering or status is AgreementStatus.UPCOMING
                           else past)
            wanted_list.append(card)
    subject = f"serial {wanted}"
    if any(card.covering for card in current):
        return SupportData(subject, today, tuple(sorted(current, key=_running_first)))
    warning = f"Nothing covers {wanted} today."
    if past:
        last_end = max((c.end_date for c in past if c.end_date), default=None)
        if last_end is not None:
            warning += f" The last cover ended on {last_end.isoformat()}."
    cards = sorted(current, key=_running_first) + sorted(past, key=_running_first)
    return SupportData(subject, today, tuple(cards), warning)


def _running_first(card: SupportCard) -> tuple[bool, dt.date, str]:
    return (not card.covering, card.end_date or dt.date.max,
            card.contract_number or card.title)


def support_for_agreement(session: Session, number: str, today: dt.date) -> SupportData:
    """The card of the agreement(s) with this contract number (unique per OEM only).

    Raises:
        NotFoundError: no agreement has that number; the closest ones are named.
    """
    wanted = number.strip()
    agreements = list(session.scalars(
        select(Agreement).where(Agreement.contract_number == wanted)
        .options(*_loaded())))  # type: ignore[arg-type]
    if not agreements:
        known = session.scalars(select(Agreement.contract_number)
                                .where(Agreement.contract_number.is_not(None))).all()
        hint = closest(wanted, [n for n in known if n])
        raise NotFoundError(f"No agreement has contract number {wanted!r}."
                            + (f" Did you mean: {', '.join(hint)}?" if hint else ""))
    renewed = renewed_ids(session, today)
    cards = [_card(a, status_of(a, today, renewed), list(a.items), today)
             for a in agreements]
    return SupportData(f"agreement {wanted}", today, tuple(sorted(cards, key=_sort_key)))


def support_for_all(session: Session, today: dt.date) -> SupportData:
    """One card per agreement that covers today, by OEM then contract number."""
    candidates = session.scalars(
        select(Agreement).where(Agreement.end_date.is_(None) | (Agreement.end_date >= today))
        .options(*_loaded()))  # type: ignore[arg-type]
    renewed = renewed_ids(session, today)
    cards = []
    for agreement in candidates:
        card = _card(agreement, status_of(agreement, today, renewed), list(agreement.items),
                     today)
        if card.covering:
            cards.append(card)
    return SupportData("all running agreements", today, tuple(sorted(cards, key=_sort_key)))
