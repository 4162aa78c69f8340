"""Every record as a flat row of the design's field names: the one serializer.

JSON, xlsx and csv all write these rows, so a field added here appears everywhere.
References are natural keys (organization name, PO number, serial, contract number);
values stay typed (``date``, ``Decimal``, ``bool``) until a writer formats them.

The rows are read as columns through joins rather than as ORM objects: an export of
100,000 agreements must not load 100,000 objects and their relationships one by one.
Derived values come from the same domain facts every output uses
(:class:`~contractdesk.domain.agreement_term.TermFacts`), so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Enum as SqlEnum
from sqlalchemy import Select, String, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from contractdesk.db.models import (
    Agreement,
    AgreementTerm,
    Contact,
    Item,
    Organization,
    Purchase,
    agreement_item,
)
from contractdesk.domain.agreement_term import TermFacts, term_status
from contractdesk.domain.enums import NoticeAnchor
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.renewals import renewed_ids

Row = dict[str, Any]
Record = tuple[int, Row]
"""A row with the database id of its record, for filtering and cross-referencing."""

Scope = Mapping[str, Collection[int]]
"""Ids to keep per kind; a kind that is not a key is exported whole."""

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
                   "initial_term", "open_ended", "notice_anchor", "notice_form",
                   "notice_clause", "lead_time_days", "cost", "currency", "billing_period",
                   "sla", "first_line_support",
                   "support_contact", "oem_reference", "serial_numbers", "renewal_of",
                   "cancelled", "notes", "notice_deadline", "status"),
}
DERIVED = frozenset({"notice_deadline", "status"})
"""Columns computed on export and ignored on import."""

MONEY_CURRENCY: dict[str, dict[str, str | None]] = {
    "purchases": {"total": "currency"},
    "items": {"unit_price": None},
    "agreements": {"cost": "currency"},
}
"""Money columns per kind, with the column holding their currency (None: no currency)."""

_COMPUTED = frozenset({"serial_numbers", *DERIVED})


def _stored(model: type[Any], name: str) -> Any:
    """The column as stored; enums as their text, which is already the JSON word."""
    attribute: InstrumentedAttribute[Any] = getattr(model, name)
    if isinstance(attribute.type, SqlEnum):
        return type_coerce(attribute, String).label(name)
    return attribute.label(name)


def _query(model: type[Any], kind: str, references: Mapping[str, Any],
           computed: Collection[str] = ()) -> Select[Any]:
    """``id`` then the kind's stored columns, references replaced by natural keys."""
    fields = [references[name].label(name) if name in references else _stored(model, name)
              for name in COLUMNS[kind] if name not in computed]
    return select(model.id, *fields)


def _records(session: Session, query: Select[Any], keep: Collection[int] | None
             ) -> Iterator[tuple[int, Row]]:
    names = query.selected_columns.keys()[1:]
    for record_id, *values in session.execute(query):
        if keep is None or record_id in keep:
            yield record_id, dict(zip(names, values, strict=True))


def organization_records(session: Session, keep: Collection[int] | None = None
                         ) -> Iterator[Record]:
    query = _query(Organization, "organizations", {}).order_by(Organization.name_key)
    for record_id, row in _records(session, query, keep):
        row["roles"] = sorted(role.value for role in row["roles"])
        yield record_id, row


def contact_records(session: Session, keep: Collection[int] | None = None
                    ) -> Iterator[Record]:
    query = (_query(Contact, "contacts", {"organization": Organization.name})
             .join(Organization, Contact.organization_id == Organization.id)
             .order_by(Organization.name_key, Contact.name, Contact.id))
    yield from _records(session, query, keep)


def purchase_records(session: Session, keep: Collection[int] | None = None
                     ) -> Iterator[Record]:
    reseller, oem = aliased(Organization), aliased(Organization)
    query = (_query(Purchase, "purchases", {"reseller": reseller.name, "oem": oem.name})
             .outerjoin(reseller, Purchase.reseller_id == reseller.id)
             .outerjoin(oem, Purchase.oem_id == oem.id)
             .order_by(Purchase.order_date, Purchase.po_number, Purchase.id))
    yield from _records(session, query, keep)


def item_records(session: Session, keep: Collection[int] | None = None) -> Iterator[Record]:
    oem = aliased(Organization)
    query = (_query(Item, "items", {"purchase": Purchase.po_number, "oem": oem.name})
             .outerjoin(Purchase, Item.purchase_id == Purchase.id)
             .outerjoin(oem, Item.oem_id == oem.id)
             .order_by(Item.serial_number, Item.id))
    yield from _records(session, query, keep)


def serials_by_agreement(session: Session) -> dict[int, list[str]]:
    """Each agreement's covered serial numbers, sorted, as ``Agreement.serial_numbers``."""
    query = (select(agreement_item.c.agreement_id, Item.serial_number)
             .join(Item, Item.id == agreement_item.c.item_id)
             .where(Item.serial_number.is_not(None), Item.serial_number != "")
             .order_by(agreement_item.c.agreement_id, Item.serial_number))
    serials: dict[int, list[str]] = {}
    for agreement_id, serial in session.execute(query):
        serials.setdefault(agreement_id, []).append(serial)
    return serials


TERM_COLUMNS = ("position", "origin", "start_date", "end_date", "cost", "currency",
                "billing_period", "purchase", "invoice_number", "notice_given_on")
TERM_SHEET = "terms"
TERM_KEY_COLUMNS = ("contract_number", "oem", "title")
"""How the workbook's terms sheet names the agreement of each term (with the last
term's start for one without a contract number, as its record is known)."""
TERM_SHEET_COLUMNS = (*TERM_KEY_COLUMNS, *TERM_COLUMNS)


def term_records(session: Session, keep: Collection[int] | None = None
                 ) -> Iterator[Record]:
    """Every agreement's terms, first to current, as rows of :data:`TERM_SHEET_COLUMNS`
    with the agreement's id (the purchase by its PO number, like every other reference)."""
    oem, paid_by = aliased(Organization), aliased(Purchase)
    named = {"contract_number": Agreement.contract_number, "oem": oem.name,
             "title": Agreement.title, "purchase": paid_by.po_number}
    query = (select(AgreementTerm.agreement_id, *(
                 named[name].label(name) if name in named else getattr(AgreementTerm, name)
                 for name in TERM_SHEET_COLUMNS))
             .join(Agreement, AgreementTerm.agreement_id == Agreement.id)
             .outerjoin(oem, Agreement.oem_id == oem.id)
             .outerjoin(paid_by, AgreementTerm.purchase_id == paid_by.id)
             .order_by(Agreement.end_date, Agreement.contract_number, Agreement.id,
                       AgreementTerm.position))
    if keep is not None:
        query = query.where(AgreementTerm.agreement_id.in_(list(keep)))
    for row in session.execute(query):
        values = row._asdict()
        yield values.pop("agreement_id"), values


LINK_SHEET = "agreement_items"
LINK_SHEET_COLUMNS = ("contract_number", "oem", "title", "start_date", "serial_number")
"""The workbook's sheet of covered items, one row per agreement and serial number: the
agreement named as its record is (contract number and OEM, or title, OEM and start), so
that no cell has to hold all the serials of an agreement that covers thousands."""


def link_records(session: Session, keep: Collection[int] | None = None
                 ) -> Iterator[Record]:
    """Every agreement's covered serial numbers as rows of :data:`LINK_SHEET_COLUMNS`,
    in the agreements' order, with the agreement's id."""
    oem = aliased(Organization)
    named = {"oem": oem.name, "serial_number": Item.serial_number}
    query = (
        select(Agreement.id, *(named[name].label(name) if name in named
                               else getattr(Agreement, name) for name in LINK_SHEET_COLUMNS))
        .join(agreement_item, agreement_item.c.agreement_id == Agreement.id)
        .join(Item, Item.id == agreement_item.c.item_id)
        .outerjoin(oem, Agreement.oem_id == oem.id)
        .where(Item.serial_number.is_not(None), Item.serial_number != "")
        .order_by(Agreement.end_date, Agreement.contract_number, Agreement.id,
                  Item.serial_number))
    yield from _records(session, query, keep)


def terms_by_agreement(session: Session, keep: Collection[int] | None = None
                       ) -> dict[int, list[dict[str, Any]]]:
    """Every agreement's terms as records of :data:`TERM_COLUMNS`, by agreement id."""
    found: dict[int, list[dict[str, Any]]] = {}
    for agreement_id, row in term_records(session, keep):
        found.setdefault(agreement_id, []).append(
            {name: row[name] for name in TERM_COLUMNS})
    return found


def agreement_records(session: Session, today: dt.date,
                      window_days: int = DEFAULT_REMINDER_DAYS,
                      keep: Collection[int] | None = None) -> Iterator[Record]:
    oem, reseller, previous = aliased(Organization), aliased(Organization), aliased(Agreement)
    references = {"oem": oem.name, "reseller": reseller.name, "purchase": Purchase.po_number,
                  "support_contact": Contact.name, "renewal_of": previous.contract_number}
    query = (_query(Agreement, "agreements", references, _COMPUTED)
             .outerjoin(oem, Agreement.oem_id == oem.id)
             .outerjoin(reseller, Agreement.reseller_id == reseller.id)
             .outerjoin(Purchase, Agreement.purchase_id == Purchase.id)
             .outerjoin(Contact, Agreement.support_contact_id == Contact.id)
             .outerjoin(previous, Agreement.renewal_of_id == previous.id)
             .order_by(Agreement.end_date, Agreement.contract_number, Agreement.id))
    serials = serials_by_agreement(session)
    renewed = renewed_ids(session, today)
    for record_id, stored in _records(session, query, keep):
        facts = TermFacts(stored["start_date"], stored["end_date"], stored["notice_period"],
                          bool(stored["auto_renew"]), bool(stored["cancelled"]),
                          record_id in renewed, NoticeAnchor(stored["notice_anchor"]),
                          bool(stored["open_ended"]))
        derived = {"serial_numbers": serials.get(record_id, []),
                   "notice_deadline": facts.notice_deadline,
                   "status": term_status(facts, today, window_days).value}
        yield record_id, {name: derived[name] if name in derived else stored[name]
                          for name in COLUMNS["agreements"]}


def records(session: Session, kind: str, today: dt.date,
            window_days: int = DEFAULT_REMINDER_DAYS,
            keep: Collection[int] | None = None) -> Iterator[Record]:
    """The rows of one kind in the contract's order, optionally only the ids in ``keep``."""
    if kind == "agreements":
        return agreement_records(session, today, window_days, keep)
    readers = {"organizations": organization_records, "contacts": contact_records,
               "purchases": purchase_records, "items": item_records}
    return readers[kind](session, keep)


def all_rows(session: Session, today: dt.date,
             window_days: int = DEFAULT_REMINDER_DAYS,
             scope: Scope | None = None) -> dict[str, Iterator[Row]]:
    """Lazily produced rows of every kind, in the contract's order."""
    scope = scope or {}
    return {kind: (row for _, row in records(session, kind, today, window_days,
                                             scope.get(kind)))
            for kind in KINDS}


def organization_rows(session: Session) -> Iterator[Row]:
    return (row for _, row in organization_records(session))


def contact_rows(session: Session) -> Iterator[Row]:
    return (row for _, row in contact_records(session))


def purchase_rows(session: Session) -> Iterator[Row]:
    return (row for _, row in purchase_records(session))


def item_rows(session: Session) -> Iterator[Row]:
    return (row for _, row in item_records(session))


def agreement_rows(session: Session, today: dt.date,
                   window_days: int = DEFAULT_REMINDER_DAYS) -> Iterator[Row]:
    return (row for _, row in agreement_records(session, today, window_days))


def json_value(value: Any) -> Any:
    """The JSON contract's notation: ISO dates, money as decimal strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value
