"""Registers other than the samples: other headers, title blocks, notations, languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Change, Contact, Item, Organization, Purchase
from contractdesk.domain.enums import AgreementKind, OrgRole
from contractdesk.errors import UserError
from contractdesk.importing.mapping import auto_mapping
from contractdesk.importing.service import preview, run_import
from tests.importing.conftest import WriteXlsx
from tests.importing.test_samples import assert_rolled_yearly

US_HEADERS = ["Vendor", "Reseller", "Contract #", "Description", "Coverage Type",
              "Start Date", "Expiry", "Auto-Renew", "Notice (days)", "Annual Cost",
              "Currency", "Serial No(s)", "PO", "Account Manager", "Hotline", "Cost Center",
              "Rack"]


def _agreements(database: Database) -> dict[str, Agreement]:
    with database.transaction("test") as session:
        found = {a.contract_number or a.title: a for a in session.scalars(select(Agreement))}
        for agreement in found.values():
            _ = (agreement.oem, agreement.reseller, agreement.items, agreement.purchase,
                 agreement.support_contact)
        return found


def test_us_register_below_a_title_block(database: Database, write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("contracts.xlsx", {
        "Read me": [["This workbook lists our contracts."], ["Owner: IT"]],
        "FY2025": [
            ["ACME Corp — IT contracts FY2025"], ["Prepared by procurement"], [],
            US_HEADERS,
            ["Cisco Systems", "CDW", "CON-SNT-1", "Catalyst 9300 SmartNet", "Maintenance",
             "01/15/2024", "01/14/2025", "Y", 60, "$4,500.00", "USD", "FOC1; FOC2", "PO-9",
             "Jane Roe", "+1 800 553 2447", "CC-100", "R12"],
            ["Microsoft", "CDW", "EA-77", "M365 E3", "Subscription", "12/01/2023",
             "11/30/2024", "yes", 30, 21000, "USD", "", "PO-10", "Jane Roe", "", "CC-100",
             ""],
            [None] * 17,
            ["Total", None, None, None, None, None, None, None, None, 25500],
            ["* prices excluding tax"],
        ]})
    summary = run_import(database, path)
    assert (summary.sheet, summary.header_row, summary.rows_read) == ("FY2025", 4, 2)
    assert summary.skipped == []
    assert summary.mapping["Vendor"] == "agreement.oem"
    assert summary.mapping["Expiry"] == "agreement.end_date"
    found = _agreements(database)
    cisco = found["CON-SNT-1"]
    assert cisco.auto_renew is True and found["EA-77"].auto_renew is True
    with database.transaction("test") as session:
        # the register's terms, kept as term 1; the import rolled both to today's term
        for number, start, end in (("CON-SNT-1", dt.date(2024, 1, 15), dt.date(2025, 1, 14)),
                                   ("EA-77", dt.date(2023, 12, 1),  # month-first
                                    dt.date(2024, 11, 30))):
            assert_rolled_yearly(session, session.get_one(Agreement, found[number].id),
                                 start, end)
    assert cisco.notice_period == "P60D"
    assert (cisco.cost, cisco.currency) == (Decimal("4500.00"), "USD")
    assert sorted(cisco.serial_numbers) == ["FOC1", "FOC2"]
    assert cisco.oem is not None and cisco.oem.name == "Cisco Systems"
    assert "Rack: R12" in cisco.notes  # unmapped column kept in the notes
    assert summary.unmapped == ["Rack"]
    assert found["EA-77"].kind is AgreementKind.SUBSCRIPTION
    with database.transaction("test") as session:
        cdw = session.scalars(select(Organization).where(Organization.name == "CDW")).one()
        assert cdw.roles == frozenset({OrgRole.RESELLER})
        assert [c.name for c in cdw.contacts] == ["Jane Roe"]
        assert session.scalars(select(Purchase.cost_center)).all() == ["CC-100", "CC-100"]


def test_german_workbook_with_other_words(database: Database, write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("verträge.xlsx", {"Verträge": [
        ["Händler", "Hersteller", "Bezeichnung", "Vertragsart", "Vertragsnummer",
         "Seriennummern", "Bestellnummer", "Vertragsbeginn", "Vertragsende",
         "Automatische Verlängerung", "Kündigungsfrist", "Kosten pro Jahr", "Währung",
         "Ansprechpartner", "Supportzeiten", "Bemerkungen"],
        ["Bechtle AG", "IBM", "Power10 Wartung", "Wartung", "IBM-4711", "78A1234\n78A1235",
         "B-1", "1. Januar 2025", "31.12.2027", "nein", "3 Monate", "12.400,00 €", "", "Max Muster",
         "Mo-Fr 8-17", "Rahmenvertrag"],
        ["bechtle ag ", "SUSE", "SLES Abonnement", "Abonnement", "SUSE-1", "", "B-2",
         "2025-02-01", "31.01.2026", "ja", "30 Tage", "1.100", "EUR", "Max Muster", "", ""],
    ]})
    summary = run_import(database, path, default_currency="GBP")
    assert summary.created["organizations"] == 3
    found = _agreements(database)
    ibm = found["IBM-4711"]
    assert ibm.kind is AgreementKind.MAINTENANCE
    assert (ibm.start_date, ibm.end_date) == (dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    assert (ibm.cost, ibm.currency, ibm.notice_period) == (Decimal("12400.00"), "EUR", "P3M")
    assert sorted(ibm.serial_numbers) == ["78A1234", "78A1235"]
    assert "Rahmenvertrag" in ibm.notes
    suse = found["SUSE-1"]
    assert (suse.cost, suse.currency, suse.auto_renew) == (Decimal("1100.00"), "EUR", True)
    assert suse.reseller is not None and suse.reseller.name == "Bechtle AG"


def test_semicolon_csv_in_windows_1252_with_bom_free_german(
        database: Database, write_csv: Callable[..., Path]) -> None:
    path = write_csv("export.csv",
                     "Lieferant;Hersteller;Vertrag Nr.;Laufzeit von;Laufzeit bis;Preis\r\n"
                     "Müller IT;Dell;D-1;01.03.2024;28.02.2027;1.234,56\r\n", "cp1252")
    run_import(database, path)
    dell = _agreements(database)["D-1"]
    assert dell.reseller is not None and dell.reseller.name == "Müller IT"
    assert (dell.end_date, dell.cost, dell.currency) == (dt.date(2027, 2, 28),
                                                         Decimal("1234.56"), "EUR")


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("utf-16", "\t"),
                                                     ("utf-8", "|")])
def test_csv_encodings_and_delimiters(database: Database, write_csv: Callable[..., Path],
                                      encoding: str, delimiter: str) -> None:
    rows = [["Manufacturer", "Contract No.", "End Date", "Cost"],
            ["Fujitsu", "F-1", "2026-06-30", '"1,200.00"']]
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    path = write_csv("list.txt", text, encoding)
    run_import(database, path)
    fujitsu = _agreements(database)["F-1"]
    assert (fujitsu.end_date, fujitsu.cost) == (dt.date(2026, 6, 30), Decimal("1200.00"))


def test_rows_without_identifying_fields_and_bad_cells_are_skipped(
        database: Database, write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("r.xlsx", {"S": [
        ["OEM", "Contract No", "End", "Notice"],
        ["HPE", "H-1", "2026-01-31", "soon"],
        ["HPE", None, "2026-01-31", "30"],
        ["HPE", "H-2", "2026-01-31", "30"],
    ]})
    summary = run_import(database, path)
    assert [(s.row, s.reason) for s in summary.skipped] == [
        (2, "Notice (D2): 'soon' is not a notice period such as '3 months to the end of "
            "a quarter'"),
        (3, "nothing identifies this row (no contract number, title, serial number, "
            "asset tag or order number)")]
    assert set(_agreements(database)) == {"H-2"}


def test_an_unlabelled_sum_under_the_table_is_no_row(database: Database,
                                                     write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("r.xlsx", {"S": [["OEM", "Contract No", "Cost"],
                                       ["HPE", "H-1", 100], ["HPE", "H-2", 50],
                                       [None, None, 150], ["Note: costs ex VAT"]]})
    summary = run_import(database, path)
    assert summary.rows_read == 2 and summary.skipped == []


def test_strict_refuses_everything(database: Database, write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("r.xlsx", {"S": [["OEM", "Contract No", "End"],
                                       ["HPE", "H-1", "2026-01-31"],
                                       ["HPE", "H-2", "whenever"]]})
    with pytest.raises(UserError, match=r"Row 3 of r\.xlsx cannot be imported"):
        run_import(database, path, strict=True)
    assert _agreements(database) == {}


def test_dry_run_writes_nothing_and_reports_the_plan(database: Database,
                                                     write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("r.xlsx", {"S": [["OEM", "Contract No", "End"],
                                       ["HPE", "H-1", "2026-01-31"]]})
    summary = run_import(database, path, dry_run=True)
    assert summary.dry_run and summary.created["agreements"] == 1
    assert summary.to_json()["dry_run"] is True
    assert _agreements(database) == {}


def test_changed_values_update_in_place_with_audit(database: Database,
                                                   write_xlsx: WriteXlsx) -> None:
    rows = [["OEM", "Reseller", "Contract No", "End", "Cost", "Serial"],
            ["HPE", "Softcat", "H-1", "2026-01-31", "100.00", "S1"]]
    run_import(database, write_xlsx("v1.xlsx", {"S": rows}))
    rows[1] = ["HPE", "Insight", "H-1", "2027-01-31", "", "S1, S2"]
    summary = run_import(database, write_xlsx("v2.xlsx", {"S": rows}))
    assert summary.created == {"organizations": 1, "contacts": 0, "purchases": 0,
                               "items": 1, "agreements": 0}
    assert summary.updated["agreements"] == 1
    agreement = _agreements(database)["H-1"]
    assert agreement.end_date == dt.date(2027, 1, 31)
    assert agreement.cost == Decimal("100.00")  # a blank cell erases nothing
    assert agreement.reseller is not None and agreement.reseller.name == "Insight"
    assert sorted(agreement.serial_numbers) == ["S1", "S2"]
    assert agreement.version == 2
    with database.transaction("test") as session:
        changes = {(c.field, c.old_value, c.new_value) for c in session.scalars(
            select(Change).where(Change.source == "import:v2.xlsx",
                                 Change.entity == "agreement"))}
    assert ("end_date", "2026-01-31", "2027-01-31") in changes
    assert ("reseller", "Softcat", "Insight") in changes
    assert ("items", None, "S2") in changes


def test_mapping_override_and_unknown_field(database: Database, write_xlsx: WriteXlsx,
                                            tmp_path: Path) -> None:
    path = write_xlsx("odd.xlsx", {"S": [["Maker", "Ref", "Runs out", "Thing"],
                                         ["Lenovo", "L-1", "2026-05-31", "x"]]})
    mapping = {"Ref": "agreement.contract_number", "Runs out": "agreement.end_date",
               "Maker": "agreement.oem", "Thing": None}
    summary = run_import(database, path, mapping=mapping)
    assert summary.mapping == {"Maker": "agreement.oem", "Ref": "agreement.contract_number",
                               "Runs out": "agreement.end_date"}
    lenovo = _agreements(database)["L-1"]
    assert lenovo.end_date == dt.date(2026, 5, 31) and "Thing" not in lenovo.notes
    with pytest.raises(UserError, match="not a field"):
        preview(path, mapping={"Ref": "agreement.colour"})
    with pytest.raises(UserError, match="which the sheet does not have"):
        preview(path, mapping={**mapping, "Nope": "agreement.title"})


def test_a_sheet_without_known_headers_is_refused(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("x.xlsx", {"S": [["a", "b"], ["1", "2"]]})
    with pytest.raises(UserError, match="No header row"):
        preview(path)
    with pytest.raises(UserError, match="There is no sheet 'Other'"):
        preview(path, sheet="Other")


def test_preview_reports_mapping_unmapped_and_problems(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("p.xlsx", {"S": [["Contract No.", "Expires", "Colour"],
                                       ["C-1", "2026-13-01", "red"]]})
    result = preview(path)
    assert result.mapping_report() == {"Contract No.": "agreement.contract_number",
                                       "Expires": "agreement.end_date"}
    assert result.unmapped == ["Colour"]
    assert result.rows[0].problems == ["Expires (B2): '2026-13-01' is not a valid date"]


@pytest.mark.parametrize(("header", "target"), [
    ("Manufacturer", "agreement.oem"), ("OEM", "agreement.oem"),
    ("Hersteller", "agreement.oem"), ("Supplier", "agreement.reseller"),
    ("Händler", "agreement.reseller"), ("Haendler", "agreement.reseller"),
    ("Agreement No.", "agreement.contract_number"), ("Vertrags-Nr.", "agreement.contract_number"),
    ("Contract #", "agreement.contract_number"), ("Cover To", "agreement.end_date"),
    ("Laufzeit Ende", "agreement.end_date"), ("Vertragsende", "agreement.end_date"),
    ("Kündigungsfrist", "agreement.notice_period"), ("Auto-renew", "agreement.auto_renew"),
    ("Automatische Verlängerung", "agreement.auto_renew"),
    ("Account Manager", "contact.account_manager"),
    ("Ansprechpartner", "contact.account_manager"), ("Serial No(s)", "item.serial_numbers"),
    ("Seriennummern", "item.serial_numbers"), ("PO", "purchase.po_number"),
    ("Bestellnummer", "purchase.po_number"), ("Annual Cost", "agreement.cost"),
    ("Betrag", "agreement.cost"), ("Kosten pro Jahr", "agreement.cost"),
    ("Währung", "agreement.currency"), ("Support Phone", "contact.support_phone"),
    ("Hotline", "contact.support_phone"), ("Expiry Date ", "agreement.end_date"),
    ("Manufacturerr", "agreement.oem"), ("Contract End Date", "agreement.end_date"),
])
def test_header_synonyms(header: str, target: str) -> None:
    assert auto_mapping([header]).report() == {header: target}


def test_items_and_purchases_only(database: Database, write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("assets.xlsx", {"S": [
        ["Manufacturer", "Model", "Serial Number", "Order No.", "Order Date", "Qty"],
        ["Dell", "Latitude 7440", "ABC1", "PO-1", "2025-03-01", 1],
        ["Dell", "Latitude 7440", "ABC2", "PO-1", "2025-03-01", 1]]})
    summary = run_import(database, path)
    assert summary.created["items"] == 2 and summary.created["purchases"] == 1
    assert summary.created["agreements"] == 0
    with database.transaction("test") as session:
        assert session.scalar(select(func.count()).select_from(Item)) == 2
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


def test_a_callers_session_owns_the_transaction(database: Database,
                                                write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("r.xlsx", {"S": [["OEM", "Contract No", "End"],
                                       ["HPE", "H-1", "2026-01-31"]]})
    with database.session("ui") as session, session.begin():
        summary = run_import(session, path)
        assert summary.created["agreements"] == 1
        assert session.scalar(select(func.count()).select_from(Agreement)) == 1
        session.rollback()
    assert _agreements(database) == {}


def test_over_long_text_is_cut_to_its_column(database: Database,
                                             write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("r.xlsx", {"S": [["OEM", "Contract No", "Title"],
                                       ["HPE", "H-" + "9" * 150, "x" * 500]]})
    run_import(database, path)
    (agreement,) = _agreements(database).values()
    assert len(agreement.contract_number or "") == 100 and len(agreement.title) == 300


def test_records_without_a_natural_name_are_audited_by_their_real_id(
        database: Database, write_xlsx: WriteXlsx) -> None:
    """A purchase without a PO number is "purchase #<id>" in its history, as the window
    names it, not by the placeholder the import planned it under."""
    path = write_xlsx("assets.xlsx", {"Assets": [
        ["Serial Number", "Manufacturer", "Supplier", "Order Date"],
        ["SN-1", "Dell", "Bechtle", "2024-03-01"],
        ["SN-2", "Dell", "Bechtle", "2024-04-01"],
    ]})
    run_import(database, path)
    with database.transaction("test") as session:
        purchases = session.scalars(select(Purchase)).all()
        assert len(purchases) == 2 and all(p.po_number is None for p in purchases)
        labels = {change.entity_id: change.label for change in session.scalars(
            select(Change).where(Change.entity == "purchase"))}
        assert labels == {p.id: str(p) for p in purchases}
        assert all(label.startswith("purchase #") and "-" not in label
                   for label in labels.values())
        item_snapshots = [change.new_value or "" for change in session.scalars(
            select(Change).where(Change.entity == "item"))]
        assert sorted(f'"purchase": "{p}"' in text for text in item_snapshots
                      for p in purchases).count(True) == 2
