"""A small world for governance tests: one reseller, one OEM, a 4-hour agreement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Item, Organization
from contractdesk.domain.enums import FirstLine, OrgRole
from contractdesk.services import records

TODAY = dt.date(2026, 11, 25)  # a Wednesday


@dataclass
class World:
    reseller: Organization
    oem: Organization
    other_reseller: Organization
    agreement: Agreement  # 24x7x4 through the reseller, reseller is first line
    item: Item


@pytest.fixture
def world(session: Session) -> World:
    reseller = records.create(session, Organization, name="Softcat",
                              roles=frozenset({OrgRole.RESELLER}))
    other = records.create(session, Organization, name="Bechtle",
                           roles=frozenset({OrgRole.RESELLER}))
    oem = records.create(session, Organization, name="HPE", roles=frozenset({OrgRole.OEM}))
    item = records.create(session, Item, oem=oem, description="Nimble HF20",
                          serial_number="AF-1")
    agreement = records.create(
        session, Agreement, contract_number="HPE-4H", title="4-hour support", oem=oem,
        reseller=reseller, currency="GBP", sla="24x7x4", first_line_support=FirstLine.RESELLER,
        start_date=TODAY - dt.timedelta(days=300), end_date=TODAY + dt.timedelta(days=65),
        items=[item])
    return World(reseller, oem, other, agreement, item)
