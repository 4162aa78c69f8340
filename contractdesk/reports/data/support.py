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

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.governance import Risk
from contractdesk.db.models import Agreement, Contact, Item, Organization
from contractdesk.domain.agreement_term import covers
from contractdesk.domain.enums import AgreementKind, AgreementStatus, ContactRole
from contractdesk.domain.governance_enums import RiskStatus
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.errors import NotFoundError, UserError
from contractdesk.reports.data import closest, org_name
from contractdesk.reports.data.vendor import first_line_org
from contractdesk.services.lookup import item_matching
from contractdesk.services.renewals import renewed_ids, status_of

RUNNING = {AgreementStatus.ACTIVE, AgreementStatus.NOTICE_DUE, AgreementStatus.EXPIRING}
SUPPORT_LINES = (ContactRole.SUPPORT, ContactRole.ESCALATION)
DESK_ORDER = (*SUPPORT_LINES, ContactRole.ACCOUNT_MANAGER)
ALL_LIMIT = 500  # cards in one ``--all`` PDF; beyond, the phone list is the readable form
NO_SUPPORT_LINE = "no support line recorded"
TOO_MANY = ("{count} agreements run today: a card each would fill thousands of pages. "
            "Print the phone list (report support --list) or one card with --serial or "
            "--agreement.")


@dataclass(frozen=True, slots=True)
class CallLine:
    """One number to ring: an organization and, where known, the desk or person."""

    organization: str
    contact: str | None
    phone: str | None
    email: str | None
    portal_url: str | None
    support_hours: str | None
    note: str | None = None  # e.g. NO_SUPPORT_LINE: why this person or number


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
    advice: tuple[RiskAdvice, ...] = ()  # open risks of this agreement or its suppliers


@dataclass(frozen=True, slots=True)
class RiskAdvice:
    """An open risk worth knowing at the moment of calling: what, and what to do."""

    organization: str | None
    description: str
    mitigation: str


class OpenRisks:
    """The open risks, looked up per agreement: those recorded on the agreement, and
    those on its OEM, reseller or first-line organization that name no agreement."""

    def __init__(self, session: Session) -> None:
        self._by_agreement: dict[int, list[Risk]] = {}
        self._by_org: dict[int, list[Risk]] = {}
        risks = session.scalars(select(Risk).where(Risk.status == RiskStatus.OPEN)
                                .options(selectinload(Risk.organization)))
        for risk in risks:
            if risk.agreement_id is not None:
                self._by_agreement.setdefault(risk.agreement_id, []).append(risk)
            elif risk.organization_id is not None:
                self._by_org.setdefault(risk.organization_id, []).append(risk)

    def of(self, agreement: Agreement) -> tuple[RiskAdvice, ...]:
        orgs = {o.id for o in (agreement.oem, agreement.reseller, first_line_org(agreement))
                if o is not None}
        found = list(self._by_agreement.get(agreement.id, ()))
        found += [r for org in sorted(orgs) for r in self._by_org.get(org, ())]
        return tuple(RiskAdvice(org_name(r.organization), r.description.strip(),
                                r.mitigation.strip()) for r in found if r.mitigation.strip())


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
    note = None if contact is not None and contact.role in SUPPORT_LINES else NO_SUPPORT_LINE
    if contact is None:
        return CallLine(organization.name, None, organization.phone, organization.email,
                        None, None, note)
    return CallLine(organization.name, contact.name, contact.phone or organization.phone,
                    contact.email, contact.portal_url, contact.support_hours,
                    None if contact is preferred else note)


def calls_of(agreement: Agreement) -> tuple[CallLine | None, CallLine | None]:
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


def _card(agreement: Agreement, status: AgreementStatus, items: list[Item], today: dt.date,
          risks: OpenRisks) -> SupportCard:
    quote: list[tuple[str, str]] = []
    if agreement.oem_reference:
        quote.append(("OEM reference", agreement.oem_reference))
    if agreement.contract_number:
        quote.append(("Contract number", agreement.contract_number))
    if len(items) == 1 and items[0].serial_number:
        quote.append(("Serial number", items[0].serial_number))
    first, second = calls_of(agreement)
    return SupportCard(
        contract_number=agreement.contract_number, title=agreement.title,
        kind=agreement.kind, oem=org_name(agreement.oem),
        reseller=org_name(agreement.reseller), status=status,
        start_date=agreement.start_date, end_date=agreement.end_date, sla=agreement.sla,
        first_call=first, second_call=second, quote=tuple(quote),
        items=tuple(CoveredItem(i.serial_number, i.description, i.asset_tag, i.location)
                    for i in items),
        covering=covers(status, agreement.end_date, today), advice=risks.of(agreement))


def loaded_for_cards() -> tuple[object, ...]:
    return (selectinload(Agreement.oem).selectinload(Organization.contacts),
            selectinload(Agreement.reseller).selectinload(Organization.contacts),
            selectinload(Agreement.support_contact).selectinload(Contact.organization),
            selectinload(Agreement.items))


def _sort_key(card: SupportCard) -> tuple[str, str]:
    return ((card.oem or "").casefold(), card.contract_number or card.title)


def support_for_serial(session: Session, serial: str, today: dt.date,
                       window_days: int = DEFAULT_REMINDER_DAYS) -> SupportData:
    """The cards for whatever covers the item with this serial (or asset tag).

    Running and upcoming cover is listed; when none runs, the expired agreements are
    shown with a warning, so the reader sees when cover ended instead of a blank page.

    Raises:
        NotFoundError: no item has that serial number; the closest ones are named.
    """
    wanted = serial.strip()
    found = list(session.scalars(
        select(Item).where(item_matching(wanted))
        .options(selectinload(Item.agreements).options(*loaded_for_cards()))))  # type: ignore[arg-type]
    if not found:
        known = session.scalars(select(Item.serial_number)
                                .where(Item.serial_number.is_not(None))).all()
        hint = closest(wanted, [s for s in known if s])
        raise NotFoundError(f"No item has serial number {wanted!r}."
                            + (f" Did you mean: {', '.join(hint)}?" if hint else ""))
    renewed = renewed_ids(session, today)
    risks = OpenRisks(session)
    current: list[SupportCard] = []
    past: list[SupportCard] = []
    for item in found:
        for agreement in item.agreements:
            status = status_of(agreement, today, renewed, window_days)
            card = _card(agreement, status, [item], today, risks)
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


def support_for_agreement(session: Session, number: str, today: dt.date,
                          window_days: int = DEFAULT_REMINDER_DAYS) -> SupportData:
    """The card of the agreement(s) with this contract number (unique per OEM only).

    Raises:
        NotFoundError: no agreement has that number; the closest ones are named.
    """
    wanted = number.strip()
    agreements = list(session.scalars(
        select(Agreement).where(Agreement.contract_number == wanted)
        .options(*loaded_for_cards())))  # type: ignore[arg-type]
    if not agreements:
        known = session.scalars(select(Agreement.contract_number)
                                .where(Agreement.contract_number.is_not(None))).all()
        hint = closest(wanted, [n for n in known if n])
        raise NotFoundError(f"No agreement has contract number {wanted!r}."
                            + (f" Did you mean: {', '.join(hint)}?" if hint else ""))
    renewed = renewed_ids(session, today)
    risks = OpenRisks(session)
    cards = [_card(a, status_of(a, today, renewed, window_days), list(a.items), today, risks)
             for a in agreements]
    return SupportData(f"agreement {wanted}", today, tuple(sorted(cards, key=_sort_key)))


def support_for_all(session: Session, today: dt.date,
                    window_days: int = DEFAULT_REMINDER_DAYS) -> SupportData:
    """One card per agreement that covers today, by OEM then contract number.

    Raises:
        UserError: more than :data:`ALL_LIMIT` agreements run (checked with a count
            before anything loads); the phone list is the form that reads at that size.
    """
    running = Agreement.end_date.is_(None) | (Agreement.end_date >= today)
    count = session.scalar(select(func.count()).select_from(Agreement).where(running)) or 0
    if count > ALL_LIMIT:
        raise UserError(TOO_MANY.format(count=f"{count:,}"))
    candidates = session.scalars(select(Agreement).where(running)
                                 .options(*loaded_for_cards()))  # type: ignore[arg-type]
    renewed = renewed_ids(session, today)
    risks = OpenRisks(session)
    cards = []
    for agreement in candidates:
        card = _card(agreement, status_of(agreement, today, renewed, window_days),
                     list(agreement.items), today, risks)
        if card.covering:
            cards.append(card)
    return SupportData("all running agreements", today, tuple(sorted(cards, key=_sort_key)))
