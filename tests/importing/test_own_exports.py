"""Issue 22, items 5–8: our own exports imported back, one reproduction each."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Agreement, Change, Contact, Item, Organization, Purchase
from contractdesk.domain.enums import OrgRole
from contractdesk.errors import UserError
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.records import LINK_SHEET
from contractdesk.importing.agreement_dates import agreement_start, dates_problem
from contractdesk.importing.service import run_import
from tests.conftest import TODAY

NOTES = "Line one\nLine two\n\tindented"


@pytest.fixture
def database_factory(tmp_path: Path, sqlite_template: Path
                     ) -> Iterator[Callable[[], Database]]:
    """Empty databases to import into, closed after the test."""
    opened: list[Database] = []

    def make() -> Database:
        path = tmp_path / f"empty-{len(opened)}.sqlite3"
        shutil.copyfile(sqlite_template, path)
        opened.append(open_database(path))
        return opened[-1]

    yield make
    for database in opened:
        database.close()


@pytest.fixture
def multi_line(database: Database) -> Database:
    """An agreement with a multi-line note, a contract number that starts like a
    formula, a purchase, a support contact at the reseller and a renewed predecessor."""
    with database.transaction("cli") as session:
        oem = Organization(name="Cisco", roles=frozenset({OrgRole.OEM}))
        reseller = Organization(name="Bechtle", roles=frozenset({OrgRole.RESELLER}))
        contact = Contact(organization=reseller, name="Bechtle support")
        purchase = Purchase(po_number="PO-1", reseller=reseller, oem=oem, currency="EUR")
        old = Agreement(contract_number="-C-1", oem=oem, currency="EUR",
                        start_date=dt.date(2025, 1, 1), end_date=dt.date(2025, 12, 31))
        session.add(Agreement(contract_number="-C-2", oem=oem, reseller=reseller,
                              purchase=purchase, support_contact=contact, renewal_of=old,
                              currency="EUR", notes=NOTES, start_date=dt.date(2026, 1, 1),
                              end_date=dt.date(2026, 12, 31),
                              items=[Item(oem=oem, serial_number="FCW1")]))
    return database


def _export(database: Database, target: Path, kind: str | None = None) -> Path:
    with database.transaction("cli") as session:
        export_to(session, target, TODAY, 90, kind=kind)
    return target


def _counts(database: Database) -> dict[str, int]:
    with database.transaction("test") as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (Organization, Contact, Purchase, Item, Agreement, Change)}


@pytest.mark.parametrize("name", ["export.json", "export.xlsx", "agreements.csv"])
def test_reimporting_an_export_changes_nothing(multi_line: Database, tmp_path: Path,
                                               name: str) -> None:
    """Item 5 and 6: notes kept with their line breaks, not appended again; the CSV's
    formula quote taken off; its purchase, contact and renewal linked, none re-created."""
    target = _export(multi_line, tmp_path / name,
                     "agreements" if name.endswith(".csv") else None)
    before = _counts(multi_line)
    for _ in range(3):
        summary = run_import(multi_line, target)
        assert not any(summary.created.values()) and not any(summary.updated.values())
        assert summary.skipped == []
    assert _counts(multi_line) == before  # no duplicate, and no audit row either
    with multi_line.transaction("test") as session:
        agreement = session.scalars(select(Agreement).where(
            Agreement.contract_number == "-C-2")).one()
        assert agreement.notes == NOTES


def test_the_csv_export_links_what_it_names(multi_line: Database, tmp_path: Path,
                                            database_factory: Callable[[], Database]) -> None:
    """Item 6, into an empty database: the CSV's purchase and renewal are linked (not
    kept in the notes), the support contact made, contract numbers without the quote."""
    target = _export(multi_line, tmp_path / "agreements.csv", kind="agreements")
    assert "'-C-2" in target.read_text(encoding="utf-8-sig")  # the protection is there
    empty = database_factory()
    summary = run_import(empty, target)
    assert summary.skipped == [] and summary.mapping == {}  # read natively
    with empty.transaction("test") as session:
        agreement = session.scalars(select(Agreement).where(
            Agreement.contract_number == "-C-2")).one()
        assert agreement.purchase is not None and agreement.purchase.po_number == "PO-1"
        assert agreement.renewal_of is not None
        assert agreement.renewal_of.contract_number == "-C-1"
        assert agreement.support_contact is not None
        assert agreement.support_contact.name == "Bechtle support"
        assert agreement.notes == NOTES
        assert [item.serial_number for item in agreement.items] == ["FCW1"]


def test_a_csv_that_only_looks_like_ours_is_a_register(database: Database,
                                                       tmp_path: Path) -> None:
    """Only the export's exact header is read natively, and only the export's quote
    (before = + - @, tab or CR) is taken off."""
    target = tmp_path / "register.csv"
    target.write_text("contract_number;title;end_date\n'-C-9;'plain;2027-01-31\n",
                      encoding="utf-8")
    summary = run_import(database, target)
    assert summary.mapping  # read as a register
    with database.transaction("test") as session:
        assert session.scalars(select(Agreement.contract_number)).all() == ["'-C-9"]


def test_every_serial_is_kept_and_old_workbooks_still_import(
        sqlite_database: Database, tmp_path: Path,
        database_factory: Callable[[], Database]) -> None:
    """Item 7: the serials travel in their own sheet; a workbook without that sheet (an
    older export) still gives the agreement its serials from the column."""
    serials = [f"S/{n:05d} A" for n in range(3_500)]  # over 32,767 characters joined
    with sqlite_database.transaction("cli") as session:
        oem = Organization(name="OEM")
        session.add(Agreement(contract_number="BIG", oem=oem, currency="EUR",
                              items=[Item(oem=oem, serial_number=s) for s in serials]))
        session.add(Agreement(contract_number="SMALL", oem=oem, currency="EUR",
                              items=[Item(oem=oem, serial_number="X, 1")]))
    target = _export(sqlite_database, tmp_path / "export.xlsx")
    copy = database_factory()
    run_import(copy, target)
    with copy.transaction("test") as session:
        big = session.scalars(select(Agreement).where(Agreement.contract_number == "BIG")
                              ).one()
        assert sorted(str(item.serial_number) for item in big.items) == serials
        assert session.scalars(select(Item.serial_number).where(
            Item.serial_number.like("X%"))).all() == ["X, 1"]

    workbook = load_workbook(target)
    del workbook[LINK_SHEET]
    agreements = workbook["agreements"]
    header = [cell.value for cell in agreements[1]]
    for row in agreements.iter_rows(min_row=2):
        if row[header.index("contract_number")].value == "BIG":
            row[header.index("serial_numbers")].value = "S-1, S-2"
    old = tmp_path / "old.xlsx"
    workbook.save(old)
    older = database_factory()
    assert run_import(older, old).skipped == []
    with older.transaction("test") as session:
        found = {a.contract_number: sorted(str(i.serial_number) for i in a.items)
                 for a in session.scalars(select(Agreement))}
    assert found == {"BIG": ["S-1", "S-2"], "SMALL": ["1", "X"]}  # the old notation


def test_a_text_too_long_for_a_cell_stops_the_workbook(sqlite_database: Database,
                                                       tmp_path: Path) -> None:
    """Item 7: nothing is cut silently; the message names the record and the field."""
    with sqlite_database.transaction("cli") as session:
        session.add(Agreement(contract_number="LONG-1", currency="EUR", notes="x" * 40_000))
    target = tmp_path / "export.xlsx"
    with pytest.raises(UserError, match=r"notes of 'LONG-1'.*40,000 characters"):
        _export(sqlite_database, target)
    left = [p.name for p in tmp_path.iterdir() if not p.name.startswith(("test.", "home"))]
    assert not target.exists() and left == []
    json_target = _export(sqlite_database, tmp_path / "export.json")
    document = json.loads(json_target.read_text(encoding="utf-8"))
    assert len(document["agreements"][0]["notes"]) == 40_000


SNIPE_LICENCE = ("Asset Tag,Name,Serial,Manufacturer,Supplier,Purchase Date,"
                 "Order Number,Warranty Expires\n"
                 "LIC-1,Office,K-123,Microsoft,Bechtle,2025-06-01,PO-9,2025-05-31\n")


@pytest.mark.parametrize("name", ["export.json", "export.xlsx"])
def test_an_imported_licence_ending_before_its_order_comes_back(
        database: Database, tmp_path: Path, name: str,
        database_factory: Callable[[], Database]) -> None:
    """Item 8: a row the register import accepts is not refused in the export of it."""
    register = tmp_path / "licences.csv"
    register.write_text(SNIPE_LICENCE, encoding="utf-8")
    assert run_import(database, register).skipped == []
    target = _export(database, tmp_path / name)
    again = run_import(database, target)
    assert again.skipped == [] and not any(again.updated.values())
    assert run_import(database_factory(), target).skipped == []


def test_one_date_rule() -> None:
    start, end = dt.date(2025, 6, 1), dt.date(2025, 5, 31)
    assert dates_problem(start, end) == "end date 2025-05-31 is before start date 2025-06-01"
    assert dates_problem(end, start) is None and dates_problem(None, end) is None
    assert agreement_start(None, start, end) is None  # the order date does not stand in
    assert agreement_start(None, end, start) == end
    assert agreement_start(start, end, end) == start  # a given start is kept, and checked
