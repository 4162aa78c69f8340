"""Finding agreements and items by the keys people quote: contract and serial numbers.

Contract and serial numbers are unique per OEM, so a number alone can be ambiguous;
the error then names the OEMs so the user can add one.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Item, Organization, name_key
from contractdesk.errors import NotFoundError, UserError
from contractdesk.services.lookup import serial_matching

Keyed = TypeVar("Keyed", Agreement, Item)


def require_agreement(session: Session, contract_number: str,
                      oem: str | None = None) -> Agreement:
    """The agreement with ``contract_number`` (of ``oem`` when given).

    Raises:
        NotFoundError: no such agreement.
        UserError: several OEMs use that number and ``oem`` was not given.
    """
    query = select(Agreement).where(Agreement.contract_number == contract_number.strip())
    if oem:
        query = query.join(Agreement.oem).where(Organization.name_key == name_key(oem))
    return _only(session, query, f"agreement with contract number {contract_number!r}")


def require_item(session: Session, serial_number: str, oem: str | None = None) -> Item:
    """The item with ``serial_number`` (of ``oem`` when given); errors as above."""
    query = select(Item).where(serial_matching(serial_number))
    if oem:
        query = query.join(Item.oem).where(Organization.name_key == name_key(oem))
    return _only(session, query, f"item with serial number {serial_number!r}")


def _only(session: Session, query: Select[Keyed], what: str) -> Keyed:
    found = list(session.scalars(query))
    if not found:
        raise NotFoundError(f"No {what}.")
    if len(found) > 1:
        oems = ", ".join(sorted(r.oem.name if r.oem else "no OEM" for r in found))
        raise UserError(f"More than one {what} ({oems}); name the OEM too.")
    return found[0]
