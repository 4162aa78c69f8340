"""The two sample registers yield exactly what tests/data/samples/README.md says."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Change, Contact, Item, Organization, Purchase
from contractdesk.domain.enums import AgreementKind, OrgRole
from contractdesk.importing.service import run_import
from tests.conftest import SAMPLES

UK = SAMPLES / "uk_supplier_register.xlsx"
DE = SAMPLES / "lieferanten_export.csv"


def _agreement(session: Session, number: str) -> Agreement:
    return session.scalars(select(Agreement).where(Agreement.contract_number == number)).one()


def _roles(session: Session) -> dict[str, set[str]]:
    return {org.name: {role.value for role in org.roles}
            for org in session.scalars(select(Organization))}


def test_uk_register_counts_and_skips(database: Database) -> None:
    summary = run_import(database, UK)
    assert (summary.sheet, summary.header_row) == ("Register", 2)
    assert summary.created["organizations"] == 7
    assert summary.created["agreements"] == 5
    assert summary.created["purchases"] == 5
    assert [s.row for s in summary.skipped] == [8]
    assert "Order Date" in summary.skipped[0].reason
    assert "'next Tuesday' is not a date" in summary.skipped[0].reason
    with database.transaction("test") as session:
        assert _roles(session) == {
            "Softcat": {"reseller"}, "Computacenter": {"reseller"}, "HPE": {"oem"},
            "Microsoft": {"oem"}, "Dell": {"oem"}, "Veritas": {"oem"}, "Cisco": {"oem"}}
        assert set(session.scalars(select(Purchase.po_number))) == {
            "ORD-1101", "ORD-1102", "ORD-1140", "ORD-1175", "ORD-1190"}
        numbers = set(session.scalars(select(Agreement.contract_number)))
        assert "ZM-ROOMS-9" not in numbers and len(numbers) == 5


def test_uk_register_values(database: Database) -> None:
    run_import(database, UK)
    with database.transaction("test") as session:
        hpe = _agreement(session, "HPE-NS-700123")
        assert hpe.kind is AgreementKind.MAINTENANCE
        assert (hpe.start_date, hpe.end_date) == (dt.date(2023, 3, 1), dt.date(2026, 2, 28))
        assert hpe.auto_renew is True and hpe.notice_period == "P8W"
        assert (hpe.cost, hpe.currency) == (Decimal("3120.00"), "GBP")
        assert hpe.serial_numbers == ["AF-204455"]
        assert hpe.reseller is not None and hpe.reseller.name == "Softcat"
        assert hpe.oem is not None and hpe.oem.name == "HPE"
        assert hpe.notice_deadline == dt.date(2026, 1, 3)
        assert hpe.support_contact is not None
        assert hpe.support_contact.phone == "0800 555 0101"

        microsoft = _agreement(session, "MS-CSP-22019")
        assert microsoft.kind is AgreementKind.SUBSCRIPTION
        assert (microsoft.start_date, microsoft.end_date) == (dt.date(2024, 4, 1),
                                                              dt.date(2025, 3, 31))
        assert microsoft.notice_period == "P1M"
        assert (microsoft.cost, microsoft.currency) == (Decimal("7920.00"), "GBP")
        assert microsoft.notice_deadline == dt.date(2025, 2, 28)

        dell = _agreement(session, "DELL-PSP-88211")
        assert dell.kind is AgreementKind.WARRANTY
        assert sorted(dell.serial_numbers) == ["5HG7KM3", "5HG7KM4"]
        assert dell.auto_renew is False
        assert {a.currency for a in session.scalars(select(Agreement))} == {"GBP"}
        assert {p.currency for p in session.scalars(select(Purchase))} == {"GBP"}
        managers = {(c.organization.name, c.name) for c in session.scalars(
            select(Contact).where(Contact.role == "account_manager"))}
        assert managers == {("Softcat", "Gareth Hughes"), ("Computacenter", "Aisha Begum")}


def test_german_csv(database: Database) -> None:
    summary = run_import(database, DE)
    assert summary.created["organizations"] == 6
    assert summary.created["agreements"] == 4
    assert [s.row for s in summary.skipped] == [6]
    assert summary.skipped[0].reason == "end date 2024-05-31 is before start date 2025-06-01"
    with database.transaction("test") as session:
        assert set(_roles(session)) == {"Bechtle", "Cancom", "Lenovo", "VMware", "Fortinet",
                                        "NetApp"}
        assert _roles(session)["Cancom"] == {OrgRole.RESELLER.value}
        vmware = _agreement(session, "VMW-SNS-55012")
        assert vmware.kind is AgreementKind.SOFTWARE_SUPPORT
        assert (vmware.start_date, vmware.end_date) == (dt.date(2024, 2, 1),
                                                        dt.date(2025, 1, 31))
        assert vmware.auto_renew is True and vmware.notice_period == "P3M"
        assert (vmware.cost, vmware.currency) == (Decimal("3480.00"), "EUR")
        assert vmware.notice_deadline == dt.date(2024, 10, 31)
        fortinet = _agreement(session, "FTNT-UTP-20410")
        assert fortinet.kind is AgreementKind.SUBSCRIPTION
        assert fortinet.notice_period == "P6W" and fortinet.cost == Decimal("2199.90")
        lenovo = _agreement(session, "LEN-PS-112233")
        assert lenovo.kind is AgreementKind.WARRANTY
        assert sorted(lenovo.serial_numbers) == ["PF4ABC12", "PF4ABC13"]


def _counts(session: Session) -> dict[str, int]:
    return {model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Organization, Contact, Purchase, Item, Agreement)}


def test_second_import_creates_nothing(database: Database) -> None:
    for sample in (UK, DE):
        run_import(database, sample)
    with database.transaction("test") as session:
        before = _counts(session)
        changes = session.scalar(select(func.count()).select_from(Change))
    for sample in (UK, DE):
        again = run_import(database, sample)
        assert set(again.created.values()) == {0}
        assert set(again.updated.values()) == {0}
    with database.transaction("test") as session:
        assert _counts(session) == before
        assert session.scalar(select(func.count()).select_from(Change)) == changes


def test_import_is_audited_with_the_file_name(database: Database) -> None:
    run_import(database, DE)
    with database.transaction("test") as session:
        sources = set(session.scalars(select(Change.source)))
        created = session.scalars(select(Change).where(
            Change.entity == "agreement", Change.label == "VMW-SNS-55012")).one()
    assert sources == {"import:lieferanten_export.csv"}
    assert created.action.value == "create"
    assert '"oem": "VMware"' in (created.new_value or "")
