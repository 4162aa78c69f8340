"""The workbook: sheets, headers, formats, the Renewals sheet, filtered exports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from contractdesk.db.database import Database
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.governance_rows import GOVERNANCE_COLUMNS, GOVERNANCE_KINDS
from contractdesk.exporting.records import (
    COLUMNS,
    KINDS,
    LINK_SHEET,
    LINK_SHEET_COLUMNS,
    TERM_SHEET,
    TERM_SHEET_COLUMNS,
)
from contractdesk.exporting.xlsx_export import RENEWAL_COLUMNS, RENEWALS_SHEET
from contractdesk.services.renewals import renewals
from tests.conftest import TODAY


def export(database: Database, target: Path, **options: Any) -> dict[str, int]:
    with database.session("cli") as session:
        return export_to(session, target, TODAY, **options)


def table(sheet: Worksheet) -> list[dict[str, Any]]:
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def workbook_path(sample_database: Database, tmp_path: Path) -> Path:
    target = tmp_path / "everything.xlsx"
    export(sample_database, target)
    return target


def test_sheets_in_order_with_the_field_names_as_the_only_header(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == [RENEWALS_SHEET, *KINDS, TERM_SHEET, LINK_SHEET,
                               *GOVERNANCE_KINDS]
    headers = {**COLUMNS, **GOVERNANCE_COLUMNS, TERM_SHEET: TERM_SHEET_COLUMNS,
               LINK_SHEET: LINK_SHEET_COLUMNS}
    for kind in (*KINDS, TERM_SHEET, LINK_SHEET, *GOVERNANCE_KINDS):
        sheet = book[kind]
        header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True))
        assert header == headers[kind]
        assert all(cell.font.b for cell in sheet[1])
        assert not any(cell.font.b for cell in sheet[2])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}" \
                                        f"{sheet.max_row}"
        widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
        assert all(6 <= width <= 60 for width in widths)


def test_counts_match_the_rows_written(sample_database: Database, tmp_path: Path) -> None:
    counts = export(sample_database, tmp_path / "x.xlsx")
    book = load_workbook(tmp_path / "x.xlsx")
    assert counts == {kind: book[kind].max_row - 1 for kind in (*KINDS, *GOVERNANCE_KINDS)}
    assert counts["support_cases"] > 0
    assert counts["agreements"] == 18


def test_values_are_typed_and_formatted(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    agreements = book["agreements"]
    columns = COLUMNS["agreements"]
    rows = {row[columns.index("contract_number")].value: row
            for row in agreements.iter_rows(min_row=2)}
    dell = dict(zip(columns, rows["DELL-PS-4471"], strict=True))
    assert dell["end_date"].is_date and dell["end_date"].number_format == "mm-dd-yy"
    assert dell["end_date"].value.date() == dt.date(2027, 1, 4)
    assert dell["cost"].data_type == "n" and dell["cost"].number_format == '#,##0.00 "EUR"'
    assert dell["auto_renew"].value is False and dell["auto_renew"].data_type == "b"
    assert dell["serial_numbers"].value == "7HG2KM3, 7HG2KM4, 7HG2KM5"
    assert dell["status"].value == "expiring"
    gbp = next(dict(zip(columns, row, strict=True)) for row in rows.values()
               if row[columns.index("currency")].value == "GBP")
    assert gbp["cost"].number_format == '#,##0.00 "GBP"'
    organizations = table(book["organizations"])
    computacenter = next(row for row in organizations if row["name"] == "Computacenter")
    assert computacenter["roles"] == "reseller, service_provider"
    items = book["items"]
    price = items.cell(2, COLUMNS["items"].index("unit_price") + 1)
    assert price.data_type == "n" and price.number_format == "#,##0.00"


def test_money_keeps_its_cents(sample_database: Database, tmp_path: Path) -> None:
    export(sample_database, tmp_path / "x.xlsx")
    purchases = table(load_workbook(tmp_path / "x.xlsx")["purchases"])
    assert {Decimal(str(row["total"])).quantize(Decimal("0.01")) for row in purchases} >= {
        Decimal("38400.00")}


def test_renewals_sheet_lists_what_is_due_soonest_first(sample_database: Database,
                                                        workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)[RENEWALS_SHEET]
    rows = table(sheet)
    assert tuple(rows[0]) == RENEWAL_COLUMNS
    with sample_database.session("cli") as session:
        expected = [(e.agreement.contract_number, e.due, e.action)
                    for e in renewals(session, TODAY)]
    assert [(row["contract_number"], row["due"].date(), row["action"]) for row in rows] \
        == expected
    assert [row["due"] for row in rows] == sorted(row["due"] for row in rows)
    assert sheet.freeze_panes == "A2"


def test_within_keeps_due_agreements_and_everything_they_refer_to(
        sample_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "due.xlsx"
    export(sample_database, target, window_days=30, due_only=True)
    book = load_workbook(target)
    with sample_database.session("cli") as session:
        due = {e.agreement.contract_number for e in renewals(session, TODAY, 30)}
    agreements = table(book["agreements"])
    assert {row["contract_number"] for row in agreements} == due
    assert {row["contract_number"] for row in table(book[RENEWALS_SHEET])} == due
    names = {row["name"] for row in table(book["organizations"])}
    purchases = {row["po_number"] for row in table(book["purchases"])}
    serials = {row["serial_number"] for row in table(book["items"])}
    contacts = {row["name"] for row in table(book["contacts"])}
    for row in agreements:
        assert {row["oem"], row["reseller"]} - {None} <= names
        assert row["purchase"] is None or row["purchase"] in purchases
        assert set(filter(None, (row["serial_numbers"] or "").split(", "))) <= serials
        assert row["support_contact"] is None or row["support_contact"] in contacts
    for row in table(book["purchases"]):
        assert {row["oem"], row["reseller"]} - {None} <= names
    assert {row["organization"] for row in table(book["contacts"])} <= names
    assert len(names) < 10


def test_one_kind_gives_one_sheet(sample_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "orgs.xlsx"
    assert export(sample_database, target, kind="organizations") == {"organizations": 10}
    assert load_workbook(target).sheetnames == ["organizations"]


def test_empty_database_gives_headers_only(database: Database, tmp_path: Path) -> None:
    target = tmp_path / "empty.xlsx"
    assert export(database, target) == dict.fromkeys((*KINDS, *GOVERNANCE_KINDS), 0)
    book = load_workbook(target)
    assert book.sheetnames == [RENEWALS_SHEET, *KINDS, TERM_SHEET, LINK_SHEET,
                               *GOVERNANCE_KINDS]
    assert [cell.value for cell in book["items"][1]] == list(COLUMNS["items"])
    assert [cell.value for cell in book[RENEWALS_SHEET][1]] == list(RENEWAL_COLUMNS)
    assert book[RENEWALS_SHEET].max_row == 1
