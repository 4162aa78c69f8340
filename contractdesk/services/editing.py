"""Records as plain form values: load, check, save, delete, history.

The window edits dicts of field values, never ORM objects, so a form outlives the
session that loaded it and Undo can put the old dict back. References appear as ids
where the form offers a picker (organizations, contacts) and as natural keys where it
offers a text field (purchase order number, contract number of the renewed agreement);
an agreement's covered items are a list of item ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Enum, String, inspect, select
from sqlalchemy.orm import Session

from contractdesk.db.base import Base
from contractdesk.db.models import Agreement, Change, Contact, Item, Organization, Purchase
from contractdesk.domain.clauses import Role, describe_reading, read_clause
from contractdesk.domain.enums import NoticeAnchor
from contractdesk.errors import NotFoundError, ValidationError
from contractdesk.services import purchase_lines, records
from contractdesk.services.lookup import item_matching
from contractdesk.services.notice_dates import NoticeContext, notice_dates
from contractdesk.services.typed_values import PERIOD_FIELDS
from contractdesk.services.validation import check, normalize

Values = dict[str, Any]

MODELS: dict[str, type[Base]] = {
    "organization": Organization, "contact": Contact, "purchase": Purchase, "item": Item,
    "agreement": Agreement,
}

# Form fields per record kind, in the order of the design.
FIELDS: dict[str, tuple[str, ...]] = {
    "organization": ("name", "roles", "website", "customer_number", "phone", "email",
                     "address", "country", "currency", "payment_terms", "status",
                     "risk_level", "next_review", "notes"),
    "contact": ("organization_id", "name", "role", "email", "phone", "support_hours",
                "portal_url", "notes"),
    "purchase": ("po_number", "order_date", "reseller_id", "oem_id", "invoice_number",
                 "quote_number", "currency", "total", "cost_center", "notes",
                 purchase_lines.LINES),
    "item": ("purchase", "oem_id", "description", "part_number", "serial_number",
             "asset_tag", "quantity", "unit_price", "location"),
    "agreement": ("contract_number", "title", "kind", "oem_id", "reseller_id", "purchase",
                  "start_date", "end_date", "initial_term", "auto_renew", "renewal_term",
                  "open_ended", "notice_period", "notice_anchor", "notice_form",
                  "lead_time_days", "cost", "currency", "billing_period", "sla",
                  "first_line_support", "support_contact_id", "oem_reference", "renewal_of",
                  "cancelled", "notice_clause", "notes", "item_ids"),
}

# Form field -> (relationship attribute, model) for pickers that hold an id.
_ID_REFERENCES: dict[str, tuple[str, type[Base]]] = {
    "organization_id": ("organization", Organization), "oem_id": ("oem", Organization),
    "reseller_id": ("reseller", Organization),
    "support_contact_id": ("support_contact", Contact),
}
# Form field -> (relationship attribute, how to find the record by its natural key).
_KEY_REFERENCES = {"purchase": "purchase", "renewal_of": "renewal_of"}


def _model(kind: str) -> type[Base]:
    return MODELS[kind]


def _get(session: Session, kind: str, record_id: int) -> Any:
    record = session.get(_model(kind), record_id)
    if record is None:
        raise NotFoundError(f"That {kind} no longer exists; it may have been deleted.")
    return record


def load(session: Session, kind: str, record_id: int) -> Values:
    """The form values of one record."""
    record = _get(session, kind, record_id)
    values: Values = {}
    for name in FIELDS[kind]:
        if name == "item_ids":
            values[name] = [item.id for item in record.items]
        elif name == "purchase":
            values[name] = record.purchase.po_number if record.purchase else None
        elif name == "renewal_of":
            values[name] = record.renewal_of.contract_number if record.renewal_of else None
        elif name == purchase_lines.LINES:
            values[name] = purchase_lines.lines_of(record)
        else:
            values[name] = getattr(record, name)
    return values


def label(session: Session, kind: str, record_id: int) -> str:
    return str(_get(session, kind, record_id))


def problems(kind: str, values: Values) -> dict[str, str]:
    """What is wrong with ``values``, field by field, without touching the database.

    Used as the user types; references by natural key are checked only on save.
    """
    lines = purchase_lines.problems(values.get(purchase_lines.LINES) or [])
    try:
        check(_unsaved(kind, values))
    except ValidationError as error:
        return {**{_form_field(name): reason for name, reason in error.problems.items()},
                **lines}
    return lines


def _blank_as_empty(kind: str, values: Values) -> Values:
    """``values`` with "" for a blank text whose column cannot be NULL: a form reads a
    blank field as None, and a required text must reach validation (which says it is
    required) rather than fail in the model (an organization's name key)."""
    columns = inspect(_model(kind)).columns
    texts = {name for name, column in columns.items() if not column.nullable
             and isinstance(column.type, String) and not isinstance(column.type, Enum)}
    return {name: "" if value is None and name in texts else value
            for name, value in values.items()}


def _unsaved(kind: str, values: Values) -> Any:
    """A record of ``kind`` with the form's plain values, never added to a session: what
    validation and the deadline explanation read while the user types."""
    plain = {name: value for name, value in _blank_as_empty(kind, values).items()
             if name not in ("item_ids", purchase_lines.LINES, *_KEY_REFERENCES)}
    if kind == "agreement":
        for name in PERIOD_FIELDS:
            text = plain.get(name)
            if isinstance(text, str) and not text.strip():
                plain[name] = None
        plain.setdefault("notice_anchor", NoticeAnchor.TERM_END)
        plain.setdefault("rolled_over", 0)
    return _model(kind)(**plain)


def clause_values(text: str) -> tuple[Values, str]:
    """The agreement fields a clause sets, and the reading in words.

    Raises:
        ValueError: the clause cannot be read (the reason names the words).
    """
    reading = read_clause(text, Role.NOTICE)
    values: Values = {}
    for name in ("notice_period", "initial_term", "renewal_term"):
        period = getattr(reading, name)
        if period is not None:
            values[name] = period.isoformat()
    for name in ("notice_anchor", "notice_form", "open_ended", "auto_renew",
                 "lead_time_days"):
        if getattr(reading, name) is not None:
            values[name] = getattr(reading, name)
    if reading.notice_period is not None and reading.notice_anchor is None:
        values["notice_anchor"] = NoticeAnchor.TERM_END
    return values, describe_reading(reading)


def explain(values: Values, today: dt.date, context: NoticeContext) -> str:
    """The end, deadline and act-by date the form's values give, in words (the same
    calculation every output uses), or why there is none."""
    try:
        agreement = _unsaved("agreement", values)
        normalize(agreement)
        return notice_dates(agreement, today, context).explanation
    except (ValueError, TypeError, OverflowError):
        return ""


def _resolve(session: Session, kind: str, values: Values) -> Values:
    """Form values -> model attributes (ids and keys become related records)."""
    resolved: Values = {}
    missing: dict[str, str] = {}
    for name, value in values.items():
        if name in _ID_REFERENCES:
            attribute, model = _ID_REFERENCES[name]
            resolved[attribute] = session.get(model, value) if value is not None else None
        elif name == "purchase":
            key = (value or "").strip()
            found = session.scalars(select(Purchase).where(Purchase.po_number == key)
                                    ).first() if key else None
            if key and found is None:
                missing[name] = f"there is no purchase with PO number {key}"
            resolved[name] = found
        elif name == "renewal_of":
            key = (value or "").strip()
            found_agreement = session.scalars(
                select(Agreement).where(Agreement.contract_number == key)).first() if key \
                else None
            if key and found_agreement is None:
                missing[name] = f"there is no agreement with contract number {key}"
            resolved[name] = found_agreement
        elif name == "item_ids":
            resolved["items"] = [session.get(Item, item_id) for item_id in value]
            resolved["items"] = [item for item in resolved["items"] if item is not None]
        else:
            resolved[name] = value
    if missing:
        raise ValidationError(missing)
    return resolved


def save(session: Session, kind: str, record_id: int | None, values: Values) -> int:
    """Creates (``record_id`` None) or updates a record; returns its id.

    Raises:
        ValidationError: with the problems by form field.
    """
    lines = values.get(purchase_lines.LINES)
    attributes = _resolve(session, kind, {
        name: value for name, value in _blank_as_empty(kind, values).items()
        if name != purchase_lines.LINES})
    try:
        if record_id is None:
            record: Any = records.create(session, _model(kind), **attributes)
        else:
            record = records.update(session, _get(session, kind, record_id), **attributes)
    except ValidationError as error:
        raise ValidationError({_form_field(name): reason
                               for name, reason in error.problems.items()}) from error
    if lines is not None:
        purchase_lines.add_new_lines(session, record, lines)
    return int(record.id)


def _form_field(attribute: str) -> str:
    for field_name, (rel, _model_type) in _ID_REFERENCES.items():
        if rel == attribute:
            return field_name
    return "item_ids" if attribute == "items" else attribute


def dependents(session: Session, kind: str, record_id: int) -> dict[str, int]:
    return records.dependents(session, _get(session, kind, record_id))


def delete(session: Session, kind: str, record_id: int) -> None:
    records.delete(session, _get(session, kind, record_id))


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: dt.datetime
    source: str
    user: str
    action: str
    field: str
    old_value: str
    new_value: str


def history(session: Session, kind: str, record_id: int) -> list[HistoryRow]:
    """The audit trail of one record, newest first."""
    table = _model(kind).__tablename__
    changes = session.scalars(select(Change).where(Change.entity == table,
                                                   Change.entity_id == record_id)
                              .order_by(Change.at.desc(), Change.id.desc()))
    return [HistoryRow(c.at, c.source, c.user, c.action.value, c.field or "",
                       c.old_value or "", c.new_value or "") for c in changes]


@dataclass(frozen=True, slots=True)
class ItemChoice:
    id: int
    label: str


def item_by_serial(session: Session, text: str) -> list[ItemChoice]:
    """Items whose serial number or asset tag is ``text`` (for adding covered items)."""
    found = session.scalars(select(Item).where(item_matching(text)).limit(20))
    return [ItemChoice(item.id, _item_label(item)) for item in found]


def item_labels(session: Session, item_ids: list[int]) -> list[ItemChoice]:
    found = session.scalars(select(Item).where(Item.id.in_(item_ids))).all()
    by_id = {item.id: item for item in found}
    return [ItemChoice(i, _item_label(by_id[i])) for i in item_ids if i in by_id]


def _item_label(item: Item) -> str:
    return " · ".join(part for part in (item.serial_number or "", item.description,
                                        item.asset_tag or "") if part) or f"item #{item.id}"
