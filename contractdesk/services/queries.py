"""The record lists of the window: filtered, sorted and paged in SQL.

A list is asked for one page at a time (a few hundred compact rows) plus a count, so a
keystroke in a filter costs two indexed queries whatever the size of the table. Rows are
plain dicts keyed by column name; derived agreement values (notice deadline, status) are
computed for the page only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.domain.durations import notice_deadline
from contractdesk.domain.enums import AgreementStatus
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS, Term, derive_status
from contractdesk.services.agreement_status_sql import status_condition
from contractdesk.services.renewals import renewed_ids

Row = dict[str, Any]
Expr = ColumnElement[Any] | QueryableAttribute[Any]
KINDS = ("agreements", "purchases", "items", "organizations", "contacts")


@dataclass(frozen=True, slots=True)
class ListFilter:
    """What the quick-filter bar asks for; unset parts filter nothing."""

    text: str = ""
    kind: str | None = None  # agreement kind, organization role or contact role
    status: str | None = None  # agreement status / organization status
    reseller_id: int | None = None
    oem_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class ListSpec:
    """How one record kind is listed: its columns and which filters apply to what."""

    columns: dict[str, Expr]
    source: Callable[[Select[Any]], Select[Any]]
    text: tuple[Expr, ...]
    default_sort: tuple[str, ...]
    kind: Expr | None = None
    status: Expr | None = None
    reseller: Expr | None = None
    oem: Expr | None = None
    date: Expr | None = None
    derived: tuple[str, ...] = field(default=())

    def filters(self) -> frozenset[str]:
        names = {"text"}
        names.update(name for name in ("kind", "status", "reseller", "oem", "date")
                     if getattr(self, name) is not None)
        return frozenset(names)


def _agreements() -> ListSpec:
    oem, reseller = aliased(Organization), aliased(Organization)
    return ListSpec(
        columns={"id": Agreement.id, "contract_number": Agreement.contract_number,
                 "title": Agreement.title, "kind": Agreement.kind, "oem": oem.name,
                 "reseller": reseller.name, "start_date": Agreement.start_date,
                 "end_date": Agreement.end_date, "notice_period": Agreement.notice_period,
                 "cost": Agreement.cost, "currency": Agreement.currency,
                 "auto_renew": Agreement.auto_renew, "cancelled": Agreement.cancelled,
                 "sla": Agreement.sla},
        source=lambda query: query.select_from(Agreement)
        .outerjoin(oem, Agreement.oem_id == oem.id)
        .outerjoin(reseller, Agreement.reseller_id == reseller.id),
        text=(Agreement.contract_number, Agreement.title, oem.name, reseller.name,
              Agreement.oem_reference, Agreement.sla),
        default_sort=("end_date", "contract_number"),
        # status is derived; any column marks it filterable (see agreement_status_sql)
        kind=Agreement.kind, status=Agreement.id, reseller=Agreement.reseller_id,
        oem=Agreement.oem_id, date=Agreement.end_date,
        derived=("notice_deadline", "status"))


def _purchases() -> ListSpec:
    oem, reseller = aliased(Organization), aliased(Organization)
    return ListSpec(
        columns={"id": Purchase.id, "po_number": Purchase.po_number,
                 "order_date": Purchase.order_date, "reseller": reseller.name,
                 "oem": oem.name, "invoice_number": Purchase.invoice_number,
                 "quote_number": Purchase.quote_number, "total": Purchase.total,
                 "currency": Purchase.currency, "cost_center": Purchase.cost_center},
        source=lambda query: query.select_from(Purchase)
        .outerjoin(oem, Purchase.oem_id == oem.id)
        .outerjoin(reseller, Purchase.reseller_id == reseller.id),
        text=(Purchase.po_number, Purchase.invoice_number, Purchase.quote_number, oem.name,
              reseller.name, Purchase.cost_center),
        default_sort=("order_date",),
        reseller=Purchase.reseller_id, oem=Purchase.oem_id, date=Purchase.order_date)


def _items() -> ListSpec:
    oem = aliased(Organization)
    return ListSpec(
        columns={"id": Item.id, "serial_number": Item.serial_number,
                 "asset_tag": Item.asset_tag, "description": Item.description,
                 "part_number": Item.part_number, "oem": oem.name,
                 "purchase": Purchase.po_number, "quantity": Item.quantity,
                 "unit_price": Item.unit_price, "currency": Purchase.currency,
                 "location": Item.location},
        source=lambda query: query.select_from(Item)
        .outerjoin(oem, Item.oem_id == oem.id)
        .outerjoin(Purchase, Item.purchase_id == Purchase.id),
        text=(Item.serial_number, Item.asset_tag, Item.description, Item.part_number,
              oem.name, Purchase.po_number, Item.location),
        default_sort=("serial_number",),
        reseller=Purchase.reseller_id, oem=Item.oem_id, date=Purchase.order_date)


def _organizations() -> ListSpec:
    return ListSpec(
        columns={"id": Organization.id, "name": Organization.name,
                 "roles": Organization.roles, "country": Organization.country,
                 "status": Organization.status, "risk_level": Organization.risk_level,
                 "next_review": Organization.next_review, "phone": Organization.phone,
                 "email": Organization.email, "customer_number": Organization.customer_number},
        source=lambda query: query.select_from(Organization),
        text=(Organization.name, Organization.customer_number, Organization.email,
              Organization.phone, Organization.country),
        default_sort=("name",),
        kind=Organization.roles, status=Organization.status, date=Organization.next_review)


def _contacts() -> ListSpec:
    return ListSpec(
        columns={"id": Contact.id, "name": Contact.name, "organization": Organization.name,
                 "role": Contact.role, "email": Contact.email, "phone": Contact.phone,
                 "support_hours": Contact.support_hours},
        source=lambda query: query.select_from(Contact)
        .join(Organization, Contact.organization_id == Organization.id),
        text=(Contact.name, Organization.name, Contact.email, Contact.phone),
        default_sort=("organization", "name"),
        kind=Contact.role)


SPECS: dict[str, Callable[[], ListSpec]] = {
    "agreements": _agreements, "purchases": _purchases, "items": _items,
    "organizations": _organizations, "contacts": _contacts,
}
_BUILT: dict[str, ListSpec] = {}


def spec(kind: str) -> ListSpec:
    if kind not in _BUILT:
        _BUILT[kind] = SPECS[kind]()
    return _BUILT[kind]


def columns(kind: str) -> tuple[str, ...]:
    """Column names of a list, stored and derived, in display order."""
    listed = spec(kind)
    return (*(name for name in listed.columns if name not in ("id", "cancelled")),
            *listed.derived)


def sortable(kind: str) -> frozenset[str]:
    return frozenset(spec(kind).columns)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(session: Session, kind: str, flt: ListFilter, today: dt.date,
           window_days: int) -> list[ColumnElement[bool]]:
    listed = spec(kind)
    conditions: list[ColumnElement[bool]] = []
    for word in flt.text.split():
        pattern = _like(word)
        conditions.append(or_(*(column.ilike(pattern, escape="\\")
                                for column in listed.text)))
    if flt.kind and listed.kind is not None:
        if kind == "organizations":  # roles are a sorted comma-separated set
            conditions.append(listed.kind.like(_like(flt.kind), escape="\\"))
        else:
            conditions.append(listed.kind == flt.kind)
    if flt.status and listed.status is not None:
        if kind == "agreements":
            conditions.append(status_condition(session, AgreementStatus(flt.status), today,
                                               window_days))
        else:
            conditions.append(listed.status == flt.status)
    if flt.reseller_id is not None and listed.reseller is not None:
        conditions.append(listed.reseller == flt.reseller_id)
    if flt.oem_id is not None and listed.oem is not None:
        conditions.append(listed.oem == flt.oem_id)
    if flt.date_from is not None and listed.date is not None:
        conditions.append(listed.date >= flt.date_from)
    if flt.date_to is not None and listed.date is not None:
        conditions.append(listed.date <= flt.date_to)
    return conditions


def count(session: Session, kind: str, flt: ListFilter, today: dt.date,
          window_days: int = DEFAULT_REMINDER_DAYS) -> int:
    """How many records of ``kind`` pass ``flt``."""
    listed = spec(kind)
    query = listed.source(select(func.count(listed.columns["id"])))
    conditions = _where(session, kind, flt, today, window_days)
    if conditions:
        query = query.where(and_(*conditions))
    return int(session.scalar(query) or 0)


def page(session: Session, kind: str, flt: ListFilter, today: dt.date, offset: int,
         limit: int, window_days: int = DEFAULT_REMINDER_DAYS) -> list[Row]:
    """Rows ``offset`` to ``offset + limit`` of the filtered, sorted list."""
    listed = spec(kind)
    labelled = [column.label(name) for name, column in listed.columns.items()]
    query = listed.source(select(*labelled))
    conditions = _where(session, kind, flt, today, window_days)
    if conditions:
        query = query.where(and_(*conditions))
    keys: Sequence[str] = ((flt.sort,) if flt.sort in listed.columns
                           else listed.default_sort)
    order = [listed.columns[key].desc() if flt.descending else listed.columns[key].asc()
             for key in keys]
    query = query.order_by(*order, listed.columns["id"]).offset(offset).limit(limit)
    rows = [dict(row._mapping) for row in session.execute(query)]
    if kind == "agreements":
        _derive_agreement_values(session, rows, today, window_days)
    return rows


def _derive_agreement_values(session: Session, rows: list[Row], today: dt.date,
                             window_days: int) -> None:
    if not rows:
        return
    renewed = renewed_ids(session)
    for row in rows:
        deadline = notice_deadline(row["end_date"], row["notice_period"])
        row["notice_deadline"] = deadline
        row["status"] = derive_status(
            Term(row["start_date"], row["end_date"], deadline, bool(row["cancelled"]),
                 row["id"] in renewed), today, window_days)


def organization_choices(session: Session) -> list[tuple[int, str, frozenset[str]]]:
    """Every organization as ``(id, name, roles)`` for pickers, by name."""
    rows = session.execute(select(Organization.id, Organization.name, Organization.roles)
                           .order_by(Organization.name_key))
    return [(row.id, row.name, frozenset(str(role) for role in row.roles)) for row in rows]


def contact_choices(session: Session) -> list[tuple[int, str, int]]:
    """Every contact as ``(id, "name (organization)", organization id)``."""
    rows = session.execute(select(Contact.id, Contact.name, Organization.name.label("org"),
                                  Contact.organization_id)
                           .join(Organization, Contact.organization_id == Organization.id)
                           .order_by(Organization.name_key, Contact.name))
    return [(row.id, f"{row.name} ({row.org})", row.organization_id) for row in rows]
