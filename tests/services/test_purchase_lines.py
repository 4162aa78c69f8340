"""Purchase lines as items, on both databases, and the pickers' organizations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.models import Organization, Purchase
from contractdesk.domain.enums import OrgRole
from contractdesk.errors import ValidationError
from contractdesk.services import editing, org_choices
from contractdesk.services.purchase_lines import (
    PurchaseLine,
    agreement_values,
    line_problem,
    read_quantity,
    read_serials,
    read_unit_price,
)


def _purchase(session: Session, lines: list[PurchaseLine]) -> Purchase:
    oem = Organization(name="Dell", roles=frozenset({OrgRole.OEM}))
    session.add(oem)
    session.flush()
    purchase_id = editing.save(session, "purchase", None, {
        "po_number": "PO-7", "currency": "EUR", "oem_id": oem.id, "lines": lines})
    purchase = session.get(Purchase, purchase_id)
    assert purchase is not None
    return purchase


def test_saved_lines_read_back_as_the_lines_typed(session: Session) -> None:
    typed = [PurchaseLine("210-X", "Server", 2, Decimal("10.00"), ("A1", "A2")),
             PurchaseLine(None, "Cable", 5, None)]
    purchase = _purchase(session, typed)
    loaded = editing.load(session, "purchase", purchase.id)["lines"]
    assert [(line.part_number, line.description, line.quantity, line.unit_price,
             line.serials) for line in loaded] == [
        ("210-X", "Server", 2, Decimal("10.00"), ("A1", "A2")),
        (None, "Cable", 5, None, ())]
    assert all(len(line.item_ids) == n for line, n in zip(loaded, (2, 1), strict=True))
    # saving the loaded lines again adds nothing
    editing.save(session, "purchase", purchase.id, {"lines": loaded})
    session.expire_all()
    assert len(purchase.items) == 3
    values = agreement_values(session, purchase.id)
    assert values["purchase"] == "PO-7" and values["oem_id"] == purchase.oem_id
    assert sorted(values["item_ids"]) == sorted(item.id for item in purchase.items)


def test_a_serial_the_oem_already_has_is_refused_naming_the_line(session: Session) -> None:
    purchase = _purchase(session, [PurchaseLine(None, "Server", 1, None, ("S1",))])
    again = [*editing.load(session, "purchase", purchase.id)["lines"],
             PurchaseLine(None, "Server", 1, None, ("S1",))]
    with pytest.raises(ValidationError) as refused:
        editing.save(session, "purchase", purchase.id, {"lines": again})
    assert refused.value.problems["lines"].startswith("line 2: serial number S1")


def test_line_problems_and_typed_values() -> None:
    assert line_problem(PurchaseLine(None, "", 1, None)) is not None
    assert "3 serial numbers but a quantity of 2" in (
        line_problem(PurchaseLine(None, "x", 2, None, ("a", "b", "c"))) or "")
    assert read_serials("S1\nS2, S3;S1\n\n") == ("S1", "S2", "S3")
    assert read_unit_price("£4,250.00", "GBP") == Decimal("4250.00")
    assert read_unit_price("12.500,00 €", "EUR") == Decimal("12500.00")
    assert read_quantity("") == 1 and read_quantity("3 pcs") == 3
    with pytest.raises(ValueError, match="in USD"):
        read_unit_price("4250 USD", "EUR")
    with pytest.raises(ValueError, match="not an amount"):
        read_unit_price("lots", "EUR")


def test_pickers_offer_organizations_with_the_role_or_none(session: Session) -> None:
    for name, roles in (("Oem Co", {OrgRole.OEM}), ("Resell Co", {OrgRole.RESELLER}),
                        ("Blank Co", set())):
        session.add(Organization(name=name, roles=frozenset(roles)))
    session.flush()
    names = {field: [choice.name for choice in org_choices.choices_for(session, field)]
             for field in ("oem_id", "reseller_id", "organization_id")}
    assert names == {"oem_id": ["Blank Co", "Oem Co"],
                     "reseller_id": ["Blank Co", "Resell Co"],
                     "organization_id": ["Blank Co", "Oem Co", "Resell Co"]}
    reseller = next(c for c in org_choices.choices_for(session, "reseller_id")
                    if c.name == "Resell Co")
    kept = org_choices.choices_for(session, "oem_id", keep=reseller.id)
    assert "Resell Co" in [choice.name for choice in kept]
    existing = org_choices.same_name(session, " OEM co.", None)
    assert existing is not None and existing.name == "Oem Co"
    assert org_choices.same_name(session, "Oem Co", existing.id) is None
