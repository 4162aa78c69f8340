"""Everything about one organization for the vendor view of the window.

"What have we bought through reseller X": purchases and agreements where it is the
reseller or the OEM, its contacts, and spend per year and currency (never summed across
currencies). Kept small and separate from the PDF's data on purpose, but the facts both
show come from one place: spend from :func:`~contractdesk.services.spend.spend_per_year`
and status judged with the same reminder window the vendor summary is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement, Organization, Purchase
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.errors import NotFoundError
from contractdesk.services.renewals import renewed_ids, status_of
from contractdesk.services.spend import SpendLine, spend_per_year


@dataclass(frozen=True, slots=True)
class VendorContact:
    id: int
    name: str
    role: str
    phone: str
    email: str
    support_hours: str


@dataclass(frozen=True, slots=True)
class VendorPurchase:
    id: int
    po_number: str
    order_date: dt.date | None
    relation: str  # "reseller" or "oem"
    other: str  # the OEM of a purchase through the reseller, or the reseller of an OEM's
    total: Decimal | None
    currency: str


@dataclass(frozen=True, slots=True)
class VendorAgreement:
    id: int
    contract_number: str
    title: str
    relation: str
    other: str
    end_date: dt.date | None
    status: str
    cost: Decimal | None
    currency: str


@dataclass(frozen=True, slots=True)
class VendorView:
    id: int
    name: str
    roles: tuple[str, ...]
    status: str
    risk_level: str
    country: str
    phone: str
    email: str
    website: str
    customer_number: str
    payment_terms: str
    next_review: dt.date | None
    notes: str
    contacts: list[VendorContact]
    purchases: list[VendorPurchase]
    agreements: list[VendorAgreement]
    spend: list[SpendLine]


def _relation(org_id: int, reseller: Organization | None, oem: Organization | None
              ) -> tuple[str, str]:
    if reseller is not None and reseller.id == org_id:
        return "reseller", oem.name if oem else ""
    return "oem", reseller.name if reseller else ""


def vendor_view(session: Session, org_id: int, today: dt.date,
                window_days: int = DEFAULT_REMINDER_DAYS) -> VendorView:
    org = session.get(Organization, org_id)
    if org is None:
        raise NotFoundError("That organization no longer exists.")
    purchases = session.scalars(
        select(Purchase).where(or_(Purchase.reseller_id == org_id, Purchase.oem_id == org_id))
        .options(selectinload(Purchase.reseller), selectinload(Purchase.oem))
        .order_by(Purchase.order_date.desc(), Purchase.id)).all()
    agreements = session.scalars(
        select(Agreement).where(or_(Agreement.reseller_id == org_id,
                                    Agreement.oem_id == org_id))
        .options(selectinload(Agreement.reseller), selectinload(Agreement.oem))
        .order_by(Agreement.end_date.desc(), Agreement.id)).all()
    renewed = renewed_ids(session, today)
    return VendorView(
        id=org.id, name=org.name, roles=tuple(sorted(r.value for r in org.roles)),
        status=org.status.value, risk_level=org.risk_level.value if org.risk_level else "",
        country=org.country or "", phone=org.phone or "", email=org.email or "",
        website=org.website or "", customer_number=org.customer_number or "",
        payment_terms=org.payment_terms or "", next_review=org.next_review,
        notes=org.notes or "",
        contacts=[VendorContact(c.id, c.name, c.role.value, c.phone or "", c.email or "",
                                c.support_hours or "") for c in org.contacts],
        purchases=[VendorPurchase(p.id, p.po_number or "", p.order_date,
                                  *_relation(org_id, p.reseller, p.oem), p.total, p.currency)
                   for p in purchases],
        agreements=[VendorAgreement(a.id, a.contract_number or "", a.title,
                                    *_relation(org_id, a.reseller, a.oem), a.end_date,
                                    status_of(a, today, renewed, window_days).value,
                                    a.cost, a.currency) for a in agreements],
        spend=list(reversed(spend_per_year(session, org_id, today))))
