"""A purchase's lines as the order lists them, and the items they stand for.

People enter a purchase as its order reads: part number, description, quantity, unit
price and, for hardware, the serial numbers pasted from the delivery note. Contracts
cover items, though, one per serial, so a line with serials becomes one item per serial
(quantity 1 each) and a line without becomes one item with the line's quantity.

The form holds the purchase's lines: saved lines carry their item ids and are kept as
they are (their items are edited in their own forms), new lines have none and become
items when the purchase is saved, in the same transaction, so one Undo takes back the
purchase with its items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.db.models import Item, Purchase
from contractdesk.errors import NotFoundError, ValidationError
from contractdesk.importing.cells import Reason
from contractdesk.importing.values import parse_count, parse_money, parse_serials
from contractdesk.services import records

LINES = "lines"
"""The purchase form's field holding its lines."""


@dataclass(frozen=True, slots=True)
class PurchaseLine:
    part_number: str | None
    description: str
    quantity: int
    unit_price: Decimal | None
    serials: tuple[str, ...] = ()
    item_ids: tuple[int, ...] = ()  # its saved items; none on a line not saved yet


def read_serials(text: str) -> tuple[str, ...]:
    """Serial numbers pasted as a list (one a line, or separated by commas), read as
    the importer reads a serials cell.

    Raises:
        ValueError: a part too long to be a serial number.
    """
    serials = parse_serials(text)
    if isinstance(serials, Reason):
        raise ValueError(serials.text)
    return tuple(serials)


def read_quantity(text: str) -> int:
    """A quantity typed as a whole number (``3``, ``3 pcs``); blank is one.

    Raises:
        ValueError: not a whole number.
    """
    count = parse_count(text)
    if isinstance(count, Reason):
        raise ValueError(count.text)
    return 1 if count is None else count


def read_unit_price(text: str, currency: str | None) -> Decimal | None:
    """A price typed as people write it (``£4,250.00``, ``12.500,00 €``), read as the
    importer reads a money cell; blank gives None.

    Raises:
        ValueError: not an amount, or an amount in another currency than the
            purchase's (the item would silently carry the wrong one).
    """
    amount = parse_money(text)
    if isinstance(amount, Reason):
        raise ValueError(amount.text)
    if amount is None:
        return None
    if amount.currency and currency and amount.currency != currency:
        raise ValueError(f"the price is in {amount.currency}, the purchase in {currency}")
    return amount.value


def line_problem(line: PurchaseLine) -> str | None:
    """Why ``line`` cannot become items, or None."""
    if not (line.description.strip() or line.part_number or line.serials):
        return "a line needs a part number, description or serial numbers"
    if line.quantity < 1:
        return "the quantity must be at least 1"
    if line.serials and line.quantity != len(line.serials):
        return (f"{len(line.serials)} serial numbers but a quantity of {line.quantity}: "
                "one item per serial number")
    if line.unit_price is not None and line.unit_price < 0:
        return "a unit price cannot be negative"
    return None


def problems(lines: Sequence[PurchaseLine]) -> dict[str, str]:
    """The purchase form's problem with its lines, naming the line."""
    reasons = [f"line {number}: {reason}" for number, line in enumerate(lines, 1)
               if (reason := line_problem(line)) is not None]
    return {LINES: "; ".join(reasons)} if reasons else {}


def lines_of(purchase: Purchase) -> list[PurchaseLine]:
    """The saved items of ``purchase`` as lines: items with the same part number,
    description and unit price form one line, in the order they were created."""
    groups: dict[tuple[str | None, str, Decimal | None], list[Item]] = {}
    for item in sorted(purchase.items, key=lambda item: item.id):
        groups.setdefault((item.part_number, item.description, item.unit_price),
                          []).append(item)
    return [PurchaseLine(part, description, sum(item.quantity for item in items), price,
                         tuple(item.serial_number for item in items if item.serial_number),
                         tuple(item.id for item in items))
            for (part, description, price), items in groups.items()]


def add_new_lines(session: Session, purchase: Purchase,
                  lines: Iterable[PurchaseLine]) -> None:
    """Creates the items of ``lines`` not saved yet, with the purchase's OEM. Items of
    the purchase no line names are left alone: one added from an item form meanwhile
    must not be lost by saving a purchase form opened before.

    Raises:
        ValidationError: under the lines field, naming the line (a serial number the
            OEM already has, say).
    """
    lines = list(lines)
    refused = problems(lines)
    if refused:
        raise ValidationError(refused)
    for number, line in enumerate(lines, 1):
        if line.item_ids:
            continue
        for values in _items_of(line):
            try:
                records.create(session, Item, purchase=purchase, oem=purchase.oem,
                               **values)
            except ValidationError as error:
                raise ValidationError({LINES: f"line {number}: "
                                       + "; ".join(error.problems.values())}) from error


def _items_of(line: PurchaseLine) -> list[dict[str, Any]]:
    common = {"part_number": line.part_number, "description": line.description.strip(),
              "unit_price": line.unit_price}
    if not line.serials:
        return [{**common, "quantity": line.quantity}]
    return [{**common, "serial_number": serial, "quantity": 1} for serial in line.serials]


def agreement_values(session: Session, purchase_id: int) -> dict[str, Any]:
    """A new agreement's form values for the items of a purchase: its OEM, reseller,
    PO number and currency, covering every item it holds.

    Raises:
        NotFoundError: the purchase was deleted meanwhile.
    """
    purchase = session.get(Purchase, purchase_id)
    if purchase is None:
        raise NotFoundError("That purchase no longer exists; it may have been deleted.")
    return {"oem_id": purchase.oem_id, "reseller_id": purchase.reseller_id,
            "purchase": purchase.po_number, "currency": purchase.currency,
            "item_ids": [item.id for item in sorted(purchase.items, key=lambda i: i.id)]}
