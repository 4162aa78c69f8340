"""Small databases for report tests: an umlaut vendor with € amounts, a vendor with many
agreements, and the helpers that read a PDF back as text."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pypdf
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Contact, Item, Organization
from contractdesk.domain.enums import AgreementKind, ContactRole, FirstLine, OrgRole

MUELLER = "Müller Systemhaus GmbH"


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, as a reader's copy-and-paste would see it."""
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def flat(pages: list[str]) -> str:
    """All pages' text with runs of whitespace made one space, so a phrase that a table
    cell wrapped over two lines is still found."""
    return " ".join(" ".join(pages).split())


def org(session: Session, name: str, *roles: OrgRole, **fields: object) -> Organization:
    made = Organization(name=name, roles=frozenset(roles), **fields)
    session.add(made)
    return made


def add_mueller(session: Session, today: dt.date) -> dict[str, Organization]:
    """A German reseller selling Fujitsu kit in € (one line in £), next to a competitor
    whose agreements must never show up in Müller's summary."""
    mueller = org(session, MUELLER, OrgRole.RESELLER, currency="EUR", country="DE",
                  phone="+49 89 1234 0")
    other = org(session, "Schäfer IT AG", OrgRole.RESELLER)
    fujitsu = org(session, "Fujitsu Technology Solutions", OrgRole.OEM)
    session.add(Contact(organization=mueller, name="Jürgen Weiß", role=ContactRole.SUPPORT,
                        phone="+49 89 1234 500", email="support@mueller.example",
                        portal_url="https://portal.mueller.example"))
    day = dt.timedelta(days=1)
    server = Item(oem=fujitsu, description="PRIMERGY RX2540 M7", serial_number="YM8K001234",
                  location="Rechenzentrum München")
    session.add_all([
        Agreement(contract_number="FJ-SUP-1001", title="Wartung Speichersystem Größe L",
                  kind=AgreementKind.MAINTENANCE, oem=fujitsu, reseller=mueller,
                  start_date=today - 300 * day, end_date=today + 40 * day,
                  notice_period="P60D", auto_renew=True, cost=Decimal("1234.56"),
                  currency="EUR", sla="24x7x4", first_line_support=FirstLine.RESELLER,
                  oem_reference="FTS-ÄÖÜ-77", items=[server]),
        Agreement(contract_number="FJ-SUP-1002", title="Support Büro-Drucker",
                  kind=AgreementKind.SERVICE, oem=fujitsu, reseller=mueller,
                  start_date=today - 100 * day, end_date=today + 70 * day,
                  cost=Decimal("2000.00"), currency="EUR"),
        Agreement(contract_number="FJ-UK-2001", title="UK office support",
                  kind=AgreementKind.SERVICE, oem=fujitsu, reseller=mueller,
                  start_date=today - 100 * day, end_date=today + 80 * day,
                  cost=Decimal("500.00"), currency="GBP"),
        Agreement(contract_number="SCH-9999", title="Competitor's deal",
                  kind=AgreementKind.SERVICE, oem=fujitsu, reseller=other,
                  start_date=today - 100 * day, end_date=today + 50 * day,
                  cost=Decimal("777.00"), currency="EUR"),
    ])
    session.flush()
    return {"mueller": mueller, "other": other, "fujitsu": fujitsu}


def add_big_vendor(session: Session, today: dt.date, count: int = 60,
                   name: str = "Großhändler Süd GmbH") -> Organization:
    """A reseller with ``count`` agreements over four OEMs, EUR and CHF, some with
    overdue notice deadlines, so the summary runs over several pages."""
    reseller = org(session, name, OrgRole.RESELLER, currency="EUR")
    oems = [org(session, f"OEM {letter} Manufacturing", OrgRole.OEM) for letter in "ABCD"]
    day = dt.timedelta(days=1)
    for number in range(count):
        session.add(Agreement(
            contract_number=f"BIG-{number:04d}",
            title=f"Maintenance contract number {number} for the data centre equipment",
            kind=list(AgreementKind)[number % len(AgreementKind)], oem=oems[number % 4],
            reseller=reseller, start_date=today - (400 - number) * day,
            end_date=today + (number * 9 - 20) * day, notice_period="P3M",
            auto_renew=number % 2 == 0, cost=Decimal(1000 + number) + Decimal("0.50"),
            currency="CHF" if number % 5 == 0 else "EUR"))
    session.flush()
    return reseller
