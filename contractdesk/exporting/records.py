"""Every record as a flat row of the design's field names: the one serializer.

JSON, xlsx and csv all write these rows, so a field added here appears everywhere.
References are natural keys (organization name, PO number, serial, contract number);
values stay typed (``date``, ``Decimal``, ``bool``) until a writer formats them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.renewals import renewed_ids, status_of

Row = dict[str, Any]

KINDS = ("organizations", "contacts", "purchases", "items", "agreements")

COLUMNS: dict[str, tuple[str, ...]] = {
    "organizations": ("name", "roles", "website", "customer_number", "phone", "email",
                      "address", "country", "currency", "payment_terms", "status",
                      "risk_level", "next_review", "notes"),
    "contacts": ("organization", "name", "role", "email", "phone", "support_hours",
                 "portal_url", "notes"),
    "purchases": ("po_number", "order_date", "reseller", "oem", "invoice_number",
                  "quote_number", "currency", "total", "cost_center", "notes"),
    "items": ("purchase", "oem", "description", "part_number", "serial_number", "asset_tag",
              "quantity", "unit_price", "location"),
    "agreements": ("contract_number", "title", "kind", "oem", "reseller", "purchase",
                   "start_date", "end_date", "auto_renew", "renewal_term", "notice_period",
                   "cost", "currency", "billing_period", "sla", "first_line_support",
                   "support_contact", "oem_reference", "serial_numbers", "renewal_of",
                   "cancelled", "notes", "notice_deadline", "status"),
}
DERIVED = frozenset({"notice_deadline", "status"})


def _name(org: Organization | None) -> str | None:
    return org.name if org is not None else None


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset):
        return sorted(role.value for role in value)
    return value


def organization_rows(session: Session) -> Iterator[Row]:
    for org in session.scalars(select(Organization).order_by(Organization.name_key)):
        yield {key: _plain(getattr(org, key)) for key in COLUMNS["organizations"]}


def contact_rows(session: Session) -> Iterator[Row]:
    query = (select(Contact).join(Contact.organization)
             .options(selectinload(Contact.organization))
             .order_by(Organization.name_key, Contact.name))
    for contact in session.scalars(query):
        row = {key: _plain(getattr(contact, key)) for key in COLUMNS["contacts"][1:]}
        yield {"organization": contact.organization.name, **row}


def purchase_rows(session: Session) -> Iterator[Row]:
    query = (select(Purchase).options(selectinload(Purchase.reseller),
                                      selectinload(Purchase.oem))
             .order_by(Purchase.order_date, Purchase.po_number, Purchase.id))
    for purchase in session.scalars(query):
        row = {key: _plain(getattr(purchase, key)) for key in COLUMNS["purchases"]
               if key not in ("reseller", "oem")}
        yield {**row, "reseller": _name(purchase.reseller), "oem": _name(purchase.oem)}


def item_rows(session: Session) -> Iterator[Row]:
    query = (select(Item).options(selectinload(Item.purchase), selectinload(Item.oem))
             .order_by(Item.serial_number, Item.id))
    for item in session.scalars(query):
        row = {key: _plain(getattr(item, key)) for key in COLUMNS["items"]
               if key not in ("purchase", "oem")}
        yield {**row, "purchase": item.purchase.po_number if item.purchase else None,
               "oem": _name(item.oem)}


def agreement_rows(session: Session, today: dt.date,
                   window_days: int = DEFAULT_REMINDER_DAYS) -> Iterator[Row]:
    renewed = renewed_ids(session)
    query = (select(Agreement)
             .options(selectinload(Agreement.oem), selectinload(Agreement.reseller),
                      selectinload(Agreement.purchase), selectinload(Agreement.items),
                      selectinload(Agreement.support_contact),
                      selectinload(Agreement.renewal_of))
             .order_by(Agreement.end_date, Agreement.contract_number, Agreement.id))
    references: dict[str, Callable[[Agreement], Any]] = {
        "oem": lambda a: _name(a.oem),
        "reseller": lambda a: _name(a.reseller),
        "purchase": lambda a: a.purchase.po_number if a.purchase else None,
        "support_contact": lambda a: a.support_contact.name if a.support_contact else None,
        "renewal_of": lambda a: a.renewal_of.contract_number if a.renewal_of else None,
        "serial_numbers": lambda a: a.serial_numbers,
        "notice_deadline": lambda a: a.notice_deadline,
        "status": lambda a: status_of(a, today, renewed, window_days).value,
    }
    for agreement in session.scalars(query):
        yield {key: references[key](agreement) if key in references
               else _plain(getattr(agreement, key)) for key in COLUMNS["agreements"]}


def all_rows(session: Session, today: dt.date,
             window_days: int = DEFAULT_REMINDER_DAYS) -> dict[str, Iterator[Row]]:
    """Lazily produced rows of every kind, in the contract's order."""
    return {
        "organizations": organization_rows(session),
        "contacts": contact_rows(session),
        "purchases": purchase_rows(session),
        "items": item_rows(session),
        "agreements": agreement_rows(session, today, window_days),
    }


def json_value(value: Any) -> Any:
    """The JSON contract's notation: ISO dates, money as decimal strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value
