"""Fixtures for export tests: a database full of text that spreadsheets would run."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.domain.enums import AgreementKind, OrgRole
from tests.conftest import TODAY

HOSTILE = ("=HYPERLINK(\"http://evil.example\",\"click\")", "+49 89 1234", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "#N/A", "'=already quoted",
           "''+twice", "=", "-")


@pytest.fixture
def hostile_database(database: Database) -> Database:
    """Every text field that a user or an import can fill holds a formula-like value."""
    with database.transaction("cli") as session:
        oem = Organization(name=HOSTILE[0], roles=frozenset({OrgRole.OEM}), phone=HOSTILE[1],
                           notes=HOSTILE[2], currency="EUR")
        reseller = Organization(name=HOSTILE[3], roles=frozenset({OrgRole.RESELLER}),
                                notes=HOSTILE[4], address=HOSTILE[5])
        contact = Contact(organization=reseller, name=HOSTILE[6], notes=HOSTILE[7],
                          phone=HOSTILE[1])
        purchase = Purchase(po_number=HOSTILE[8], reseller=reseller, oem=oem, currency="EUR",
                            total=Decimal("-12.50"), notes=HOSTILE[2],
                            order_date=dt.date(2026, 1, 2))
        items = [Item(purchase=purchase, oem=oem, serial_number=serial, description=HOSTILE[5],
                      unit_price=Decimal("1.00"))
                 for serial in (HOSTILE[9], HOSTILE[10], "=SN2")]
        agreement = Agreement(contract_number=HOSTILE[4], title=HOSTILE[0],
                              kind=AgreementKind.MAINTENANCE, oem=oem, reseller=reseller,
                              purchase=purchase, start_date=dt.date(2026, 1, 1),
                              end_date=TODAY + dt.timedelta(days=40), notice_period="P30D",
                              currency="EUR", cost=Decimal("100.00"), items=items,
                              sla=HOSTILE[3], oem_reference=HOSTILE[6],
                              notes=HOSTILE[2], support_contact=contact)
        session.add_all([oem, reseller, contact, purchase, *items, agreement])
    return database


def sheet_xml(path: Path) -> dict[str, str]:
    """The raw XML of every worksheet in an xlsx file."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.startswith("xl/worksheets/")}
