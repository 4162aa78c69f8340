"""The one search box: serials, asset tags, contract numbers, POs, vendors and people.

For a serial number the answer is the thing the user needs when a server fails: which
agreements cover it, until when, who to call first (with the number) and which ID to
quote. That is worked out here once, as :class:`Coverage`, for items and agreements alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.domain.agreement_term import covers
from contractdesk.domain.enums import ContactRole, FirstLine
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.lookup import item_matching
from contractdesk.services.renewals import renewed_ids, status_of
from contractdesk.services.text_match import contains

GROUP_LIMIT = 25
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Coverage:
    """An agreement covering something, and who to call about it."""

    agreement_id: int
    contract_number: str
    title: str
    kind: str
    end_date: dt.date | None
    status: str
    sla: str
    call_organization: str
    call_name: str
    call_phone: str
    quote: str  # the ID to quote on the phone
    covering: bool  # covers today (also with notice given, until its end)


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result; ``entity``/``record_id`` say what a click opens."""

    entity: str
    record_id: int
    label: str
    detail: str
    coverage: tuple[Coverage, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    text: str
    groups: dict[str, list[Hit]] = field(default_factory=dict)

    def count(self) -> int:
        return sum(len(hits) for hits in self.groups.values())




def who_to_call(agreement: Agreement) -> tuple[str, str, str]:
    """``(organization, person or desk, phone)`` to call first under ``agreement``.

    The agreement's own support contact wins; otherwise the first-line organization's
    support contact, then any contact there, then its switchboard.
    """
    first = (agreement.reseller if agreement.first_line_support == FirstLine.RESELLER
             and agreement.reseller is not None else agreement.oem or agreement.reseller)
    contact = agreement.support_contact
    if contact is None and first is not None and first.contacts:
        support = [c for c in first.contacts if c.role == ContactRole.SUPPORT]
        contact = (support or first.contacts)[0]
    if contact is not None:
        return (contact.organization.name, contact.name,
                contact.phone or contact.organization.phone or "")
    if first is not None:
        return first.name, "", first.phone or ""
    return "", "", ""


def coverage_of(agreement: Agreement, today: dt.date, renewed: set[int],
                window_days: int) -> Coverage:
    organization, name, phone = who_to_call(agreement)
    status = status_of(agreement, today, renewed, window_days)
    return Coverage(agreement.id, agreement.contract_number or "", agreement.title,
                    agreement.kind.value, agreement.end_date, status.value,
                    agreement.sla or "", organization, name, phone,
                    agreement.oem_reference or agreement.contract_number or "",
                    covers(status, agreement.end_date, today))


def _agreement_options() -> tuple[object, ...]:
    return (selectinload(Agreement.oem).selectinload(Organization.contacts),
            selectinload(Agreement.reseller).selectinload(Organization.contacts),
            selectinload(Agreement.support_contact).selectinload(Contact.organization))


def _by_relevance(coverages: list[Coverage]) -> tuple[Coverage, ...]:
    """What covers it today first (latest end first), then what starts later, then
    finished terms: when a server fails, the running agreement is the one to quote."""
    def rank(cover: Coverage) -> tuple[int, int]:
        order = 0 if cover.covering else 1 if cover.status == "upcoming" else 2
        return order, -(cover.end_date or dt.date.min).toordinal()

    return tuple(sorted(coverages, key=rank))


def _item_key(item: Item) -> str:
    return item.serial_number or item.asset_tag or item.description


def _ranked(records: Sequence[R], text: str, key: Callable[[R], str]) -> list[R]:
    """Prefix matches before other matches, then alphabetical. The database returns the
    first matches it meets (an ORDER BY made it read every row through an index)."""
    folded = text.casefold()
    return sorted(records, key=lambda r: (not key(r).casefold().startswith(folded),
                                          key(r).casefold()))


def search(session: Session, text: str, today: dt.date,
           window_days: int = DEFAULT_REMINDER_DAYS) -> SearchResult:
    """Everything matching ``text``, grouped by kind, at most :data:`GROUP_LIMIT` each."""
    text = text.strip()
    result = SearchResult(text)
    if len(text) < 2:
        return result
    renewed = renewed_ids(session, today)
    item_options = (selectinload(Item.oem), selectinload(Item.agreements)
                    .options(*_agreement_options()))  # type: ignore[arg-type]
    # An exact serial or asset tag comes first even when it is part of many others
    # (indexed, so instant); then any substring.
    exact = session.scalars(select(Item).where(item_matching(text))
                            .options(*item_options)).all()
    partial = session.scalars(
        select(Item).where(contains(session, text, Item.serial_number, Item.asset_tag,
                                    Item.part_number, Item.description))
        .options(*item_options).limit(GROUP_LIMIT)).all()
    items = list({item.id: item for item in (*exact, *_ranked(partial, text, _item_key))}
                 .values())[:GROUP_LIMIT]
    if items:
        result.groups["items"] = [
            Hit("item", item.id, item.serial_number or item.asset_tag or item.description,
                " · ".join(part for part in (item.description, item.oem.name if item.oem
                                             else "", item.asset_tag or "",
                                             item.location or "") if part),
                _by_relevance([coverage_of(a, today, renewed, window_days)
                               for a in item.agreements]))
            for item in items]
    agreements = session.scalars(
        select(Agreement).where(contains(session, text, Agreement.contract_number, Agreement.title,
                                         Agreement.oem_reference))
        .options(*_agreement_options())  # type: ignore[arg-type]
        .limit(GROUP_LIMIT)).all()
    if agreements:
        agreements = _ranked(agreements, text, lambda a: a.contract_number or a.title)
        result.groups["agreements"] = [
            Hit("agreement", a.id, a.contract_number or a.title, a.title,
                (coverage_of(a, today, renewed, window_days),)) for a in agreements]
    purchases = session.scalars(
        select(Purchase).where(contains(session, text, Purchase.po_number, Purchase.invoice_number,
                                        Purchase.quote_number))
        .options(selectinload(Purchase.reseller), selectinload(Purchase.oem))
        .limit(GROUP_LIMIT)).all()
    if purchases:
        purchases = _ranked(purchases, text, lambda p: p.po_number or "")
        result.groups["purchases"] = [
            Hit("purchase", p.id, p.po_number or f"#{p.id}",
                " · ".join(part for part in (
                    p.order_date.isoformat() if p.order_date else "",
                    p.oem.name if p.oem else "",
                    f"via {p.reseller.name}" if p.reseller else "",
                    f"{p.total:.2f} {p.currency}" if p.total is not None else "") if part))
            for p in purchases]
    organizations = session.scalars(
        select(Organization).where(contains(session, text, Organization.name,
                                            Organization.customer_number))
        .limit(GROUP_LIMIT)).all()
    if organizations:
        organizations = _ranked(organizations, text, lambda o: o.name)
        result.groups["organizations"] = [
            Hit("organization", o.id, o.name,
                " · ".join(part for part in (", ".join(sorted(r.value for r in o.roles)),
                                             o.phone or "") if part))
            for o in organizations]
    contacts = session.scalars(
        select(Contact).where(contains(session, text, Contact.name, Contact.email, Contact.phone))
        .options(selectinload(Contact.organization))
        .limit(GROUP_LIMIT)).all()
    if contacts:
        contacts = _ranked(contacts, text, lambda c: c.name)
        result.groups["contacts"] = [
            Hit("contact", c.id, c.name,
                " · ".join(part for part in (c.organization.name, c.phone or "",
                                             c.email or "") if part))
            for c in contacts]
    return result
