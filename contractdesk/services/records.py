"""Create, update and delete any record kind, validated and audited.

The audit trail is written by the session hook in :mod:`contractdesk.db.audit`; these
functions make sure nothing invalid reaches it and that a duplicate natural key is
reported in words before the database has to refuse it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from contractdesk.db.base import Base
from contractdesk.db.models import Agreement, Contact, Document, Item, Organization, Purchase
from contractdesk.db.models import name_key as organization_key
from contractdesk.errors import ConflictError, ValidationError
from contractdesk.services.validation import check

T = TypeVar("T", bound=Base)


def create(session: Session, model: type[T], **values: Any) -> T:
    record = model(**values)
    try:
        _save(session, record)
    except ValidationError:
        _detach(session, record)
        raise
    return record


def _detach(session: Session, record: Base) -> None:
    """Undoes what constructing a refused record did to its related records' collections
    (``contact.organization = x`` appends to ``x.contacts``), so no later flush sees it."""
    for relationship in inspect(type(record)).relationships:
        if not relationship.uselist and relationship.back_populates:
            setattr(record, relationship.key, None)
    if record in session:
        session.expunge(record)


def update(session: Session, record: T, **values: Any) -> T:
    for key, value in values.items():
        if not hasattr(type(record), key):
            raise ValidationError({key: "no such field"})
        setattr(record, key, value)
    _save(session, record)
    return record


def _save(session: Session, record: Base) -> None:
    check(record)
    with session.no_autoflush:
        duplicate = _duplicate_of(session, record)
    if duplicate is not None:
        raise ValidationError(duplicate)
    session.add(record)
    session.flush()


def _duplicate_of(session: Session, record: Base) -> dict[str, str] | None:
    """A reason when another record already has this one's natural key."""
    query: Any = None
    reason = field = ""
    if isinstance(record, Organization):
        query = select(Organization.id).where(
            Organization.name_key == organization_key(record.name))
        reason = f"an organization named {record.name!r} already exists"
        field = "name"
    elif isinstance(record, Purchase) and record.po_number:
        query = select(Purchase.id).where(Purchase.po_number == record.po_number)
        reason = f"purchase order {record.po_number} already exists"
        field = "po_number"
    elif isinstance(record, Item) and record.serial_key:
        oem_id = record.oem.id if record.oem is not None else record.oem_id
        query = select(Item.id).where(Item.serial_key == record.serial_key,
                                      Item.oem_id.is_(None) if oem_id is None
                                      else Item.oem_id == oem_id)
        reason = f"serial number {record.serial_number} already exists for this OEM"
        field = "serial_number"
    elif isinstance(record, Agreement) and record.contract_number:
        oem_id = record.oem.id if record.oem is not None else record.oem_id
        query = select(Agreement.id).where(
            Agreement.contract_number == record.contract_number,
            Agreement.oem_id.is_(None) if oem_id is None else Agreement.oem_id == oem_id)
        reason = f"contract number {record.contract_number} already exists for this OEM"
        field = "contract_number"
    if query is None:
        return None
    record_id = getattr(record, "id", None)
    if record_id is not None:
        query = query.where(type(record).id != record_id)  # type: ignore[attr-defined]
    if session.execute(query.limit(1)).first() is None:
        return None
    return {field: reason}


def dependents(session: Session, record: Base) -> dict[str, int]:
    """What refers to ``record``, by kind, so a delete can be confirmed in words."""
    counts: dict[str, int] = {}

    def count(label: str, statement: Any) -> None:
        number = session.scalar(statement) or 0
        if number:
            counts[label] = number

    if isinstance(record, Organization):
        org = record.id
        count("contacts", select(func.count(Contact.id)).where(Contact.organization_id == org))
        count("purchases", select(func.count(Purchase.id)).where(
            (Purchase.reseller_id == org) | (Purchase.oem_id == org)))
        count("items", select(func.count(Item.id)).where(Item.oem_id == org))
        count("agreements", select(func.count(Agreement.id)).where(
            (Agreement.reseller_id == org) | (Agreement.oem_id == org)))
        count("documents", select(func.count(Document.id)).where(
            Document.organization_id == org))
    elif isinstance(record, Purchase):
        count("items", select(func.count(Item.id)).where(Item.purchase_id == record.id))
        count("agreements", select(func.count(Agreement.id)).where(
            Agreement.purchase_id == record.id))
    elif isinstance(record, Item):
        count("agreements", select(func.count()).select_from(Agreement).where(
            Agreement.items.any(Item.id == record.id)))
    elif isinstance(record, Agreement):
        count("renewals", select(func.count(Agreement.id)).where(
            Agreement.renewal_of_id == record.id))
        count("documents", select(func.count(Document.id)).where(
            Document.agreement_id == record.id))
    return counts


def delete(session: Session, record: Base) -> None:
    """Deletes ``record``; refuses while purchases, items or agreements still use an
    organization, since deleting those silently would lose contracts."""
    if isinstance(record, Organization):
        blocking = {kind: n for kind, n in dependents(session, record).items()
                    if kind in ("purchases", "items", "agreements")}
        if blocking:
            listed = ", ".join(f"{n} {kind}" for kind, n in blocking.items())
            raise ConflictError(f"{record.name} is still used by {listed}; "
                                "reassign or delete those first.")
    session.delete(record)
    session.flush()
