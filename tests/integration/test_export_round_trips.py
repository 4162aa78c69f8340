"""Every export format imported back: into the database it came from nothing changes
(every field of every record, the audit trail, the summary), and into an empty
database it gives the same export again.

Run on the sample data, on a database built from the sample registers with a
multi-line note and an agreement covering more serials than a cell holds, and on
hypothesis' hostile texts (line breaks, tabs, formula triggers, quotes, unicode).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import python_calamine
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import (
    Agreement,
    Base,
    Change,
    Contact,
    Item,
    Organization,
    Purchase,
)
from contractdesk.domain.enums import AgreementKind, OrgRole
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.records import COLUMNS, KINDS
from contractdesk.importing.service import ImportSummary, run_import
from tests.conftest import SAMPLES, TODAY

NOT_COMPARED = frozenset({"change"})  # the audit trail is compared by its length


def everything(database: Database) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Every row of every table, all columns, and the number of audit rows."""
    with database.transaction("test") as session:
        tables = {table.name: sorted((dict(row) for row in session.execute(
                      select(table)).mappings()), key=repr)
                  for table in Base.metadata.sorted_tables if table.name not in NOT_COMPARED}
        changes = session.scalar(select(func.count()).select_from(Change)) or 0
    return tables, changes


def export_files(database: Database, folder: Path, fmt: str) -> list[Path]:
    """The export in one format: a JSON file, a workbook, or one CSV file per kind."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = ([folder / f"{kind}.csv" for kind in KINDS] if fmt == "csv"
               else [folder / f"export.{fmt}"])
    with database.transaction("cli") as session:
        for target in targets:
            export_to(session, target, TODAY, 90,
                      kind=target.stem if fmt == "csv" else None)
    return targets


def contents(path: Path) -> Any:
    """What a file says, for comparing two exports (the JSON's export date left out)."""
    if path.suffix == ".json":
        document = json.loads(path.read_text(encoding="utf-8"))
        document.pop("exported_on")
        return document
    if path.suffix == ".xlsx":
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        return {name: workbook.get_sheet_by_name(name).to_python()
                for name in workbook.sheet_names}
    return path.read_text(encoding="utf-8-sig")


def nothing_done(summary: ImportSummary) -> bool:
    return (not any(summary.created.values()) and not any(summary.updated.values())
            and not summary.skipped)


def assert_round_trips(database: Database, tmp_path: Path, fmt: str,
                       empty: Path) -> int:
    """Both round trips for one format; returns the number of rows compared."""
    before = everything(database)
    files = export_files(database, tmp_path / "first", fmt)
    for path in files:
        summary = run_import(database, path)
        assert nothing_done(summary), (path.name, summary.created, summary.updated,
                                       summary.skipped)
    assert everything(database) == before

    copy_path = tmp_path / f"empty-{uuid.uuid4().hex}.sqlite3"
    shutil.copyfile(empty, copy_path)
    copy = open_database(copy_path)
    try:
        for path in files:
            assert run_import(copy, path).skipped == [], path.name
        again = export_files(copy, tmp_path / "second", fmt)
    finally:
        copy.close()
    for first, second in zip(files, again, strict=True):
        assert contents(second) == contents(first), first.name
    return sum(len(rows) for rows in before[0].values())


FORMATS = ("json", "xlsx", "csv")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sample_data_comes_back_unchanged(sample_database: Database, tmp_path: Path,
                                              sqlite_template: Path, fmt: str) -> None:
    assert assert_round_trips(sample_database, tmp_path, fmt, sqlite_template) > 50


MULTI_LINE = "Renewal agreed by phone.\n\tCall Anna first;\r\nthen\n\nwrite.  "
MANY = 3_500  # serials: more than 32,767 characters in one cell


@pytest.fixture
def registers_database(database: Database) -> Database:
    """The sample registers, then a multi-line note and a huge agreement on top."""
    for register in ("uk_supplier_register.xlsx", "lieferanten_export.csv"):
        run_import(database, SAMPLES / register)  # one row is meant to be skipped
    with database.transaction("cli") as session:
        agreement = session.scalars(select(Agreement).order_by(Agreement.id)).first()
        assert agreement is not None
        agreement.notes = MULTI_LINE
        oem = Organization(name="Many Serials Ltd", roles=frozenset({OrgRole.OEM}))
        items = [Item(oem=oem, serial_number=f"SN/{n:06d} X") for n in range(MANY)]
        session.add(Agreement(contract_number="-HUGE-1", title="Fleet", oem=oem,
                              kind=AgreementKind.MAINTENANCE, currency="EUR",
                              start_date=dt.date(2026, 1, 1), end_date=dt.date(2027, 12, 31),
                              items=items, notes="line one\nline two"))
    return database


@pytest.mark.parametrize("fmt", FORMATS)
def test_imported_registers_come_back_unchanged(registers_database: Database,
                                               tmp_path: Path, sqlite_template: Path,
                                               fmt: str) -> None:
    assert assert_round_trips(registers_database, tmp_path, fmt, sqlite_template) > MANY
    with registers_database.transaction("test") as session:
        notes = session.scalars(select(Agreement.notes).order_by(Agreement.id)).first()
        huge = session.scalars(select(Agreement).where(
            Agreement.contract_number == "-HUGE-1")).one()
        assert notes == MULTI_LINE and len(huge.items) == MANY


# XML cannot carry U+FFFE, U+FFFF or lone surrogates, PostgreSQL no NUL, and a CSV file
# with control characters (other than tab and line breaks) is refused as binary: what
# no file holds is left out; everything else may appear anywhere.
TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r",
                             exclude_characters="\ufffe\uffff"), min_size=1, max_size=40)
TRIGGERED = st.builds(lambda lead, rest: lead + rest,
                      st.sampled_from(["", "=", "+", "-", "@", "'", "''-", "'=", "\t", "\n"]),
                      TEXT)


@settings(max_examples=12, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(notes="first line\nsecond\ttabbed\r\n", number="'-C-2", title="=1+1",
         serial="@SN 1")
@given(notes=TRIGGERED, number=TRIGGERED.map(lambda text: text[:100]),
       title=TRIGGERED.map(lambda text: text[:300]), serial=TRIGGERED.map(lambda t: t[:100]))
def test_any_text_comes_back_unchanged(tmp_path: Path, sqlite_template: Path, notes: str,
                                       number: str, title: str, serial: str) -> None:
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    path = folder / "db.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path)
    try:
        with database.transaction("cli") as session:
            org = Organization(name="ACME " + title[:50], notes=notes,
                               roles=frozenset({OrgRole.OEM}))
            contact = Contact(organization=org, name="Support", notes=notes)
            purchase = Purchase(po_number=number, oem=org, currency="EUR", notes=notes,
                                total=Decimal("12.50"))
            item = Item(oem=org, purchase=purchase, serial_number=serial, description=notes)
            session.add(Agreement(contract_number=number, title=title, oem=org,
                                  purchase=purchase, support_contact=contact,
                                  currency="EUR", notes=notes, notice_clause=notes,
                                  start_date=dt.date(2026, 1, 1), items=[item]))
        for fmt in FORMATS:
            assert_round_trips(database, folder / fmt, fmt, sqlite_template)
    finally:
        database.close()


def test_an_agreement_of_20000_serials_keeps_every_one(sqlite_database: Database,
                                                        tmp_path: Path,
                                                        sqlite_template: Path) -> None:
    with sqlite_database.transaction("cli") as session:
        oem = Organization(name="Fleet OEM")
        items = [Item(oem=oem, serial_number=f"SERIAL-{n:05d}") for n in range(20_000)]
        session.add(Agreement(contract_number="F-1", oem=oem, currency="EUR", items=items))
    target = tmp_path / "fleet.xlsx"
    with sqlite_database.transaction("cli") as session:
        export_to(session, target, TODAY, 90)
    cell = contents(target)["agreements"][1][COLUMNS["agreements"].index("serial_numbers")]
    assert cell == "20,000 serial numbers, one per row in sheet 'agreement_items'"
    copy_path = tmp_path / "copy.sqlite3"
    shutil.copyfile(sqlite_template, copy_path)
    copy = open_database(copy_path)
    run_import(copy, target)
    with copy.transaction("test") as session:
        serials = session.scalars(select(Item.serial_number)).all()
    copy.close()
    assert sorted(map(str, serials)) == [f"SERIAL-{n:05d}" for n in range(20_000)]
