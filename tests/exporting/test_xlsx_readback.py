"""What the importer's reader (calamine) sees in the workbook is the export's rows.

Not the import itself (that belongs to the import service), but the guarantee it builds
on: every value is recoverable from its cell by the simple rules below.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from contractdesk.db.database import Database
from contractdesk.exporting.cells import LIST_SEPARATOR
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.records import COLUMNS, KINDS, MONEY_CURRENCY, records
from tests.conftest import TODAY

LISTS = {"roles", "serial_numbers"}


def decode(kind: str, column: str, value: Any) -> Any:
    """The importer's reading of one cell, as documented in the export report."""
    if value == "":
        return [] if column in LISTS else None
    if column in LISTS:
        return value.split(LIST_SEPARATOR)
    if column in MONEY_CURRENCY.get(kind, {}):
        return Decimal(repr(value)).quantize(Decimal("0.01"))
    if column == "quantity":
        return int(value)
    return value


def expected(value: Any) -> Any:
    return None if value == "" else value


def assert_reads_back(database: Database, target: Path) -> None:
    with database.session("cli") as session:
        export_to(session, target, TODAY)
        rows = {kind: [row for _, row in records(session, kind, TODAY)] for kind in KINDS}
    book = CalamineWorkbook.from_path(target)
    for kind in KINDS:
        header, *cells = book.get_sheet_by_name(kind).to_python(skip_empty_area=False)
        assert tuple(header) == COLUMNS[kind]
        read = [{column: decode(kind, column, value)
                 for column, value in zip(COLUMNS[kind], row, strict=True)} for row in cells]
        assert read == [{column: expected(value) for column, value in row.items()}
                        for row in rows[kind]], kind


def test_sample_data_reads_back_field_for_field(sample_database: Database,
                                                tmp_path: Path) -> None:
    assert_reads_back(sample_database, tmp_path / "sample.xlsx")


def test_hostile_data_reads_back_field_for_field(hostile_database: Database,
                                                 tmp_path: Path) -> None:
    assert_reads_back(hostile_database, tmp_path / "hostile.xlsx")
