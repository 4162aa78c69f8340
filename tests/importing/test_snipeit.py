"""Snipe-IT's asset export becomes items, purchases and warranty agreements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Item, Organization, Purchase
from contractdesk.domain.enums import AgreementKind, OrgRole
from contractdesk.importing.service import run_import

SNIPE_IT = (
    "Asset Tag,Name,Serial,Model,Model No.,Category,Manufacturer,Supplier,Location,"
    "Purchase Date,Purchase Cost,Order Number,Warranty months,Warranty Expires,Status\n"
    "LAP-0001,jdoe-lt,5CG1234XYZ,EliteBook 840 G9,6F6Z5EA,Laptops,HP,Bechtle,Berlin,"
    "2024-03-15,\"1,249.00\",PO-77,36,2027-03-14,Deployed\n"
    "LAP-0002,asmith-lt,5CG1234XZA,EliteBook 840 G9,6F6Z5EA,Laptops,HP,Bechtle,Berlin,"
    "2024-03-15,\"1,249.00\",PO-77,36,,Ready to Deploy\n"
    "SRV-0001,db01,CZ2D1B0ABC,ProLiant DL380 Gen11,P52534-B21,Servers,HPE,Bechtle,DC1,"
    "2024-05-02,\"12,400.00\",PO-80,,,Deployed\n"
)


def test_snipe_it_assets(database: Database, write_csv: Callable[..., Path]) -> None:
    path = write_csv("assets.csv", SNIPE_IT)
    summary = run_import(database, path)
    assert summary.skipped == []
    assert summary.mapping["Model"] == "item.description"
    assert summary.mapping["Warranty Expires"] == "agreement.end_date"
    assert "Category" not in summary.mapping  # a device class, not an agreement kind
    assert summary.created["items"] == 3
    assert summary.created["purchases"] == 2
    assert summary.created["agreements"] == 2  # the server row has no warranty data
    with database.transaction("test") as session:
        item = session.scalars(select(Item).where(Item.serial_number == "5CG1234XYZ")).one()
        assert (item.asset_tag, item.description, item.part_number, item.location) == (
            "LAP-0001", "EliteBook 840 G9", "6F6Z5EA", "Berlin")
        assert item.unit_price == Decimal("1249.00")
        assert item.purchase is not None and item.purchase.po_number == "PO-77"
        warranties = {a.items[0].serial_number: a for a in session.scalars(select(Agreement))}
        first, second = warranties["5CG1234XYZ"], warranties["5CG1234XZA"]
        assert first.kind is AgreementKind.WARRANTY
        assert (first.start_date, first.end_date) == (dt.date(2024, 3, 15),
                                                      dt.date(2027, 3, 14))
        assert second.end_date == dt.date(2027, 3, 14)  # from the months
        assert first.id != second.id
        purchase = session.scalars(select(Purchase).where(Purchase.po_number == "PO-77")).one()
        assert purchase.order_date == dt.date(2024, 3, 15)
        bechtle = session.scalars(select(Organization).where(
            Organization.name == "Bechtle")).one()
        assert bechtle.roles == frozenset({OrgRole.RESELLER})


def test_snipe_it_merges_with_a_register(database: Database,
                                         write_csv: Callable[..., Path]) -> None:
    register = write_csv("register.csv",
                         "Manufacturer;Supplier;Contract No.;Serial;End;Kind\n"
                         "HP;Bechtle;CP-1;5CG1234XYZ;2027-03-14;Care Pack\n")
    run_import(database, register)
    summary = run_import(database, write_csv("assets.csv", SNIPE_IT))
    assert summary.created["items"] == 2  # the Care Pack's serial is the same item
    with database.transaction("test") as session:
        item = session.scalars(select(Item).where(Item.serial_number == "5CG1234XYZ")).one()
        assert item.asset_tag == "LAP-0001"
        assert {a.contract_number for a in item.agreements} == {"CP-1", None}
