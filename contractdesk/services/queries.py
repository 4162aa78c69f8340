"""The record lists of the window, loaded as compact rows for filtering in memory.

Measured on 20,000 agreements: a filter done in SQL cost one or two table scans per
keystroke (60–300 ms here, worse for selective text), and paging with OFFSET got slower
the further one scrolled. So a list is read once, as plain tuples with the SQL type
conversions switched off (``type_coerce``: SQLAlchemy's date and enum processing was
most of a 2 s load), and filtered and sorted by :class:`~contractdesk.services.rowset.RowSet`
in a few milliseconds per keystroke. Derived agreement values (notice deadline, status)
are computed at load, with the one definition in :mod:`contractdesk.domain.status`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, String, select, type_coerce
from sqlalchemy.orm import QueryableAttribute, Session, aliased

from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.domain.agreement_term import TermFacts, term_status
from contractdesk.domain.enums import NoticeAnchor
from contractdesk.domain.money import from_minor_units
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.renewals import renewed_ids
from contractdesk.services.rowset import RowSet

KINDS = ("agreements", "purchases", "items", "organizations", "contacts")
Expr = QueryableAttribute[Any]

DATES = frozenset({"start_date", "end_date", "order_date", "next_review"})
MONEY = frozenset({"cost", "total", "unit_price"})
FLAGS = frozenset({"auto_renew", "cancelled"})


@dataclass(frozen=True)
class ListSpec:
    """How one record kind is listed: columns (shown and hidden) and filter roles."""

    columns: dict[str, Expr]
    source: Callable[[Select[Any]], Select[Any]]
    hidden: tuple[str, ...]  # loaded for filters, never shown
    text: tuple[str, ...]  # columns the text filter looks in
    default_sort: str
    kind: str | None = None
    status: str | None = None
    reseller: str | None = None
    oem: str | None = None
    date: str | None = None

    def filters(self) -> frozenset[str]:
        return frozenset({"text"} | {name for name in ("kind", "status", "reseller", "oem",
                                                       "date") if getattr(self, name)})


def _agreements() -> ListSpec:
    oem, reseller = aliased(Organization), aliased(Organization)
    return ListSpec(
        columns={"id": Agreement.id, "contract_number": Agreement.contract_number,
                 "title": Agreement.title, "kind": Agreement.kind, "oem": oem.name,
                 "reseller": reseller.name, "start_date": Agreement.start_date,
                 "end_date": Agreement.end_date, "notice_period": Agreement.notice_period,
                 "cost": Agreement.cost, "currency": Agreement.currency,
                 "auto_renew": Agreement.auto_renew, "sla": Agreement.sla,
                 "cancelled": Agreement.cancelled, "oem_id": Agreement.oem_id,
                 "reseller_id": Agreement.reseller_id,
                 "oem_reference": Agreement.oem_reference,
                 "notice_anchor": Agreement.notice_anchor,
                 "open_ended": Agreement.open_ended},
        source=lambda query: query.select_from(Agreement)
        .outerjoin(oem, Agreement.oem_id == oem.id)
        .outerjoin(reseller, Agreement.reseller_id == reseller.id),
        hidden=("cancelled", "oem_id", "reseller_id", "oem_reference", "notice_anchor",
                "open_ended"),
        text=("contract_number", "title", "oem", "reseller", "oem_reference", "sla"),
        default_sort="end_date", kind="kind", status="status", reseller="reseller_id",
        oem="oem_id", date="end_date")


def _purchases() -> ListSpec:
    oem, reseller = aliased(Organization), aliased(Organization)
    return ListSpec(
        columns={"id": Purchase.id, "po_number": Purchase.po_number,
                 "order_date": Purchase.order_date, "reseller": reseller.name,
                 "oem": oem.name, "invoice_number": Purchase.invoice_number,
                 "quote_number": Purchase.quote_number, "total": Purchase.total,
                 "currency": Purchase.currency, "cost_center": Purchase.cost_center,
                 "oem_id": Purchase.oem_id, "reseller_id": Purchase.reseller_id},
        source=lambda query: query.select_from(Purchase)
        .outerjoin(oem, Purchase.oem_id == oem.id)
        .outerjoin(reseller, Purchase.reseller_id == reseller.id),
        hidden=("oem_id", "reseller_id"),
        text=("po_number", "invoice_number", "quote_number", "oem", "reseller",
              "cost_center"),
        default_sort="order_date", reseller="reseller_id", oem="oem_id", date="order_date")


def _items() -> ListSpec:
    oem = aliased(Organization)
    return ListSpec(
        columns={"id": Item.id, "serial_number": Item.serial_number,
                 "asset_tag": Item.asset_tag, "description": Item.description,
                 "part_number": Item.part_number, "oem": oem.name,
                 "purchase": Purchase.po_number, "quantity": Item.quantity,
                 "unit_price": Item.unit_price, "currency": Purchase.currency,
                 "location": Item.location, "order_date": Purchase.order_date,
                 "oem_id": Item.oem_id, "reseller_id": Purchase.reseller_id},
        source=lambda query: query.select_from(Item)
        .outerjoin(oem, Item.oem_id == oem.id)
        .outerjoin(Purchase, Item.purchase_id == Purchase.id),
        hidden=("order_date", "oem_id", "reseller_id"),
        text=("serial_number", "asset_tag", "description", "part_number", "oem",
              "purchase", "location"),
        default_sort="serial_number", reseller="reseller_id", oem="oem_id",
        date="order_date")


def _organizations() -> ListSpec:
    return ListSpec(
        columns={"id": Organization.id, "name": Organization.name,
                 "roles": Organization.roles, "country": Organization.country,
                 "status": Organization.status, "risk_level": Organization.risk_level,
                 "next_review": Organization.next_review, "phone": Organization.phone,
                 "email": Organization.email, "customer_number": Organization.customer_number},
        source=lambda query: query.select_from(Organization),
        hidden=(),
        text=("name", "customer_number", "email", "phone", "country"),
        default_sort="name", kind="roles", status="status", date="next_review")


def _contacts() -> ListSpec:
    return ListSpec(
        columns={"id": Contact.id, "name": Contact.name, "organization": Organization.name,
                 "role": Contact.role, "email": Contact.email, "phone": Contact.phone,
                 "support_hours": Contact.support_hours},
        source=lambda query: query.select_from(Contact)
        .join(Organization, Contact.organization_id == Organization.id),
        hidden=(),
        text=("name", "organization", "email", "phone"),
        default_sort="organization", kind="role")


SPECS: dict[str, Callable[[], ListSpec]] = {
    "agreements": _agreements, "purchases": _purchases, "items": _items,
    "organizations": _organizations, "contacts": _contacts,
}
_BUILT: dict[str, ListSpec] = {}


def spec(kind: str) -> ListSpec:
    if kind not in _BUILT:
        _BUILT[kind] = SPECS[kind]()
    return _BUILT[kind]


# Status first (a coloured chip and a word), then what identifies the agreement, then
# the dates that matter: looked at on screen, the status was off to the right.
AGREEMENT_COLUMNS = ("status", "contract_number", "title", "kind", "oem", "reseller",
                     "notice_deadline", "end_date", "start_date", "notice_period", "cost",
                     "currency", "auto_renew", "sla")


def columns(kind: str) -> tuple[str, ...]:
    """The columns a list shows, in display order."""
    if kind == "agreements":
        return AGREEMENT_COLUMNS
    listed = spec(kind)
    return tuple(name for name in listed.columns if name not in ("id", *listed.hidden))


def _raw(name: str, column: Expr) -> Any:
    """The column without SQLAlchemy's per-value conversion (done below, in bulk)."""
    if name in DATES or name in ("kind", "status", "role", "risk_level", "roles"):
        return type_coerce(column, String()).label(name)
    if name in MONEY or name in FLAGS:
        return type_coerce(column, Integer()).label(name)
    return column.label(name)


def _converter(name: str) -> Callable[[Any], Any] | None:
    if name in DATES:
        return lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v
    if name in MONEY:
        return lambda v: from_minor_units(v) if v is not None else None
    if name in FLAGS:
        return lambda v: bool(v) if v is not None else None
    return None


def load_rows(session: Session, kind: str, today: dt.date,
              window_days: int = DEFAULT_REMINDER_DAYS) -> RowSet:
    """Every record of ``kind`` as a compact row, ready for filtering in memory."""
    listed = spec(kind)
    names = list(listed.columns)
    query = listed.source(select(*(_raw(name, column)
                                   for name, column in listed.columns.items())))
    rows = [list(row) for row in session.execute(query)]
    for position, name in enumerate(names):
        convert = _converter(name)
        if convert is not None:
            for row in rows:
                row[position] = convert(row[position])
    if kind == "agreements":
        _derive(session, names, rows, today, window_days)
    return RowSet(tuple(names), [tuple(row) for row in rows], listed.text,
                  kind_column=listed.kind, status_column=listed.status,
                  reseller_column=listed.reseller, oem_column=listed.oem,
                  date_column=listed.date, default_sort=listed.default_sort)


def _derive(session: Session, names: list[str], rows: list[list[Any]], today: dt.date,
            window_days: int) -> None:
    """Appends notice deadline and status, as :func:`derive_status` defines them."""
    renewed = renewed_ids(session, today)
    at = {name: names.index(name) for name in (
        "id", "start_date", "end_date", "notice_period", "cancelled", "auto_renew",
        "notice_anchor", "open_ended")}
    for row in rows:
        facts = TermFacts(row[at["start_date"]], row[at["end_date"]],
                          row[at["notice_period"]], bool(row[at["auto_renew"]]),
                          bool(row[at["cancelled"]]), row[at["id"]] in renewed,
                          NoticeAnchor(row[at["notice_anchor"]] or "term_end"),
                          bool(row[at["open_ended"]]))
        row.extend((facts.notice_deadline, term_status(facts, today, window_days).value))
    names.extend(("notice_deadline", "status"))


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
