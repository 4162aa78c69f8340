"""Finding agreements, purchases and items by the numbers people type.

A contract number is unique per OEM only, so a number alone can be ambiguous; the
error then names the OEMs to choose from instead of picking one. Serial numbers and
asset tags are matched as people type them: in any case, with stray spaces.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Item, Purchase, serial_key
from contractdesk.errors import NotFoundError, UserError
from contractdesk.services.organizations import require_organization


def require_agreement(session: Session, number: str, oem: str | None = None) -> Agreement:
    """The agreement with contract number ``number`` (of OEM ``oem`` when given).

    Raises:
        NotFoundError: no such agreement (or OEM).
        UserError: several OEMs use that number and ``oem`` was not given.
    """
    query = select(Agreement).where(Agreement.contract_number == number.strip())
    if oem is not None:
        query = query.where(Agreement.oem_id == require_organization(session, oem).id)
    found = list(session.scalars(query.limit(10)))
    if not found:
        of = f" of {oem}" if oem else ""
        raise NotFoundError(f"No agreement with contract number {number!r}{of}.")
    if len(found) > 1:
        oems = ", ".join(sorted(a.oem.name if a.oem else "(no OEM)" for a in found))
        raise UserError(f"Several agreements have contract number {number!r} (OEMs: "
                        f"{oems}); say which with --oem.")
    return found[0]


def require_purchase(session: Session, po_number: str) -> Purchase:
    """Raises NotFoundError for an unknown purchase-order number."""
    found = session.scalars(select(Purchase).where(
        Purchase.po_number == po_number.strip())).first()
    if found is None:
        raise NotFoundError(f"No purchase with PO number {po_number!r}.")
    return found


def serial_matching(text: str) -> ColumnElement[bool]:
    """Items whose serial number is ``text``, ignoring case and surrounding spaces (by
    the indexed key); none for a blank."""
    key = serial_key(text)
    return false() if key is None else Item.serial_key == key


def item_matching(text: str) -> ColumnElement[bool]:
    """Items whose serial number or asset tag is ``text``, as :func:`serial_matching`."""
    key = serial_key(text)
    return false() if key is None else (Item.serial_key == key) | (Item.tag_key == key)
