"""Serial numbers that differ only in case for one OEM, left over from before serials
were compared by their key.

Such a pair cannot both hold the key (it is unique per OEM), and merging them is the
user's decision (each may have its own agreements and cases), so only the first keeps
the key: the other is still shown and found by text search, but not by an exact
lookup. ``contractdesk check`` names every pair until the user merges or renames one.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Table, bindparam, select, update

from contractdesk.db.models import Item, Organization, serial_key

log = logging.getLogger("contractdesk.db")

ITEMS: Table = Item.__table__  # type: ignore[assignment]
ORGANIZATIONS: Table = Organization.__table__  # type: ignore[assignment]


def fill_keys(connection: Connection) -> list[str]:
    """Sets every item's serial and tag keys (the migration to keyed serials); returns
    the clashes, which are logged as warnings too."""
    keyed: set[tuple[int | None, str]] = set()
    rows = []
    for item_id, oem_id, serial, tag in connection.execute(
            select(ITEMS.c.id, ITEMS.c.oem_id, ITEMS.c.serial_number, ITEMS.c.asset_tag)
            .order_by(ITEMS.c.id)):
        key = serial_key(serial)
        if key is not None and oem_id is not None:
            if (oem_id, key) in keyed:
                key = None  # a clash: the first item of the pair keeps the key
            else:
                keyed.add((oem_id, key))
        rows.append({"b_id": item_id, "serial_key": key, "tag_key": serial_key(tag)})
    if rows:
        connection.execute(update(ITEMS).where(ITEMS.c.id == bindparam("b_id")), rows)
    clashes = serial_clashes(connection)
    for clash in clashes:
        log.warning("serial numbers differing only in case: %s", clash)
    return clashes


def serial_clashes(connection: Connection) -> list[str]:
    """Each item whose serial lost its key to another item of the same OEM, as a
    sentence naming both (empty on any database made since keys exist)."""
    unkeyed = connection.execute(
        select(ITEMS.c.id, ITEMS.c.oem_id, ITEMS.c.serial_number, ORGANIZATIONS.c.name)
        .join(ORGANIZATIONS, ORGANIZATIONS.c.id == ITEMS.c.oem_id)
        .where(ITEMS.c.serial_key.is_(None), ITEMS.c.serial_number.is_not(None))
        .order_by(ITEMS.c.id)).all()
    clashes = []
    for item_id, oem_id, serial, oem in unkeyed:
        key = serial_key(serial)
        if key is None:
            continue
        kept = connection.execute(select(ITEMS.c.id, ITEMS.c.serial_number).where(
            ITEMS.c.oem_id == oem_id, ITEMS.c.serial_key == key)).first()
        if kept is not None:
            clashes.append(f"{oem}: item #{item_id} {serial!r} and item #{kept.id} "
                           f"{kept.serial_number!r} are one serial number in different "
                           "case; merge them or correct one")
    return clashes
