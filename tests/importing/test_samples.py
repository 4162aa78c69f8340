"""The two sample registers yield exactly what tests/data/samples/README.md says."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import (
    Agreement,
    AgreementTerm,
    Change,
    Contact,
    Item,
    Organization,
    Purchase,
)
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import AgreementKind, ChangeAction, OrgRole, TermOrigin
from contractdesk.domain.notice_rules import notice_deadline
from contractdesk.importing.service import run_import
from contractdesk.services.terms import terms_of
from tests.conftest import SAMPLES

UK = SAMPLES / "uk_supplier_register.xlsx"
DE = SAMPLES / "lieferanten_export.csv"


def _agreement(session: Session, number: str) -> Agreement:
    return session.scalars(select(Agreement).where(Agreement.contract_number == number)).one()


def assert_rolled_yearly(session: Session, agreement: Agreement, start: dt.date,
                         end: dt.date) -> list[AgreementTerm]:
    """The register's term (``start`` to ``end``) is kept as the signed term 1; the
    import rolled the auto-renewing agreement forward by whole years (no renewal term
    recorded) to the term running on the real date, which the agreement row now holds.
    Returns the terms, first to current."""
    today = dt.date.today()  # what the import rolls to
    terms = terms_of(session, agreement)
    first = terms[0]
    assert (first.position, first.origin, first.start_date, first.end_date) == (
        1, TermOrigin.SIGNED, start, end)
    years = 0
    while end + relativedelta(years=years) < today:
        years += 1
    assert agreement.rolled_over == years == len(terms) - 1, agreement
    assert [t.position for t in terms] == list(range(1, years + 2))
    assert all(t.origin is TermOrigin.AUTO_RENEWED for t in terms[1:])
    for earlier, later in itertools.pairwise(terms):
        assert earlier.end_date is not None
        assert later.start_date == earlier.end_date + dt.timedelta(days=1)
        assert (later.cost, later.currency) == (first.cost, first.currency)
    for n, term in enumerate(terms[1:], start=1):  # counted from the signed end: no drift
        assert term.end_date == end + relativedelta(years=n)
    current = terms[-1]
    assert (agreement.start_date, agreement.end_date) == (current.start_date,
                                                          current.end_date)
    assert agreement.end_date == end + relativedelta(years=years)
    if years:
        assert agreement.start_date is not None and agreement.end_date is not None
        assert agreement.start_date <= today <= agreement.end_date
    return terms


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
        hpe_terms = assert_rolled_yearly(session, hpe, dt.date(2023, 3, 1),
                                         dt.date(2026, 2, 28))
        assert hpe.auto_renew is True and hpe.notice_period == "P8W"
        assert (hpe.cost, hpe.currency) == (Decimal("3120.00"), "GBP")
        assert (hpe_terms[0].cost, hpe_terms[0].currency) == (Decimal("3120.00"), "GBP")
        assert hpe.serial_numbers == ["AF-204455"]
        assert hpe.reseller is not None and hpe.reseller.name == "Softcat"
        assert hpe.oem is not None and hpe.oem.name == "HPE"
        assert notice_deadline(hpe_terms[0].end_date, hpe.notice_period,
                               renews=True) == dt.date(2026, 1, 3)
        assert hpe.end_date is not None
        assert hpe.notice_deadline == Duration(weeks=8).before(hpe.end_date)
        assert hpe.support_contact is not None
        assert hpe.support_contact.phone == "0800 555 0101"

        microsoft = _agreement(session, "MS-CSP-22019")
        assert microsoft.kind is AgreementKind.SUBSCRIPTION
        ms_terms = assert_rolled_yearly(session, microsoft, dt.date(2024, 4, 1),
                                        dt.date(2025, 3, 31))  # dd/mm/yyyy text
        assert microsoft.notice_period == "P1M"
        assert (microsoft.cost, microsoft.currency) == (Decimal("7920.00"), "GBP")
        assert notice_deadline(ms_terms[0].end_date, microsoft.notice_period,
                               renews=True) == dt.date(2025, 2, 28)
        assert microsoft.end_date is not None
        assert microsoft.notice_deadline == Duration(months=1).before(microsoft.end_date)

        dell = _agreement(session, "DELL-PSP-88211")
        assert dell.kind is AgreementKind.WARRANTY
        assert sorted(dell.serial_numbers) == ["5HG7KM3", "5HG7KM4"]
        assert dell.auto_renew is False
        assert dell.rolled_over == 0 and len(terms_of(session, dell)) == 1  # just ends
        meraki = _agreement(session, "MERAKI-MX-3301")
        assert meraki.auto_renew is False and meraki.notice_period == "P90D"
        assert meraki.notice_deadline is None  # a notice period, but nothing renews
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
        vmware_terms = assert_rolled_yearly(session, vmware, dt.date(2024, 2, 1),
                                            dt.date(2025, 1, 31))
        assert vmware.auto_renew is True and vmware.notice_period == "P3M"
        assert (vmware.cost, vmware.currency) == (Decimal("3480.00"), "EUR")
        assert notice_deadline(vmware_terms[0].end_date, vmware.notice_period,
                               renews=True) == dt.date(2024, 10, 31)
        assert vmware.end_date is not None
        assert vmware.notice_deadline == Duration(months=3).before(vmware.end_date)
        fortinet = _agreement(session, "FTNT-UTP-20410")
        assert fortinet.kind is AgreementKind.SUBSCRIPTION
        assert fortinet.notice_period == "P6W" and fortinet.cost == Decimal("2199.90")
        # a two-year first term, renewed yearly
        assert_rolled_yearly(session, fortinet, dt.date(2024, 3, 15), dt.date(2026, 3, 14))
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
    """What the file says is audited as the import; the rollover the import then does
    (the register's auto-renewing agreements ended in the past) as ``auto-renew``."""
    run_import(database, DE)
    with database.transaction("test") as session:
        sources = set(session.scalars(select(Change.source)))
        created = session.scalars(select(Change).where(
            Change.entity == "agreement", Change.label == "VMW-SNS-55012",
            Change.action == ChangeAction.CREATE)).one()
        rolled = {agreement.contract_number: agreement for agreement in session.scalars(
            select(Agreement).where(Agreement.rolled_over > 0))}
        renewals = session.scalars(select(Change).where(Change.source == "auto-renew")
                                   .order_by(Change.id)).all()
    assert sources == {"import:lieferanten_export.csv", "auto-renew"}
    assert created.source == "import:lieferanten_export.csv"
    assert '"oem": "VMware"' in (created.new_value or "")
    assert '"end_date": "2025-01-31"' in (created.new_value or "")  # the file's term
    assert set(rolled) == {"VMW-SNS-55012", "FTNT-UTP-20410"}  # the auto-renewing ones
    assert {(c.entity, c.action.value) for c in renewals} == {("agreement", "update")}
    for number, agreement in rolled.items():
        fields = {c.field: (c.old_value, c.new_value) for c in renewals
                  if c.label == number}
        assert set(fields) == {"start_date", "end_date", "rolled_over"}, number
        assert fields["end_date"][1] == str(agreement.end_date), number
        assert fields["rolled_over"] == ("0", str(agreement.rolled_over)), number
        assert fields["end_date"][0] != fields["end_date"][1], number
    assert next(c.old_value for c in renewals  # moved on from the file's end
                if c.label == "VMW-SNS-55012" and c.field == "end_date") == "2025-01-31"
