"""An import never drops a value without a word: two support lines of one OEM stay two
contacts, a record given two values says so, and serials in other case are one item."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Contact, Item
from contractdesk.importing.service import preview, run_import
from tests.importing.conftest import WriteXlsx

HEADERS = ["Vendor", "Contract #", "Title", "End date", "Support e-mail", "Support phone",
           "Serial numbers"]


def _support_register(write_xlsx: WriteXlsx) -> Path:
    return write_xlsx("support.xlsx", {"Contracts": [
        HEADERS,
        ["Dell", "HW-1", "PowerEdge ProSupport", "2027-03-31", "hw-support@dell.com",
         "+1 800 456 3355", "SRV1"],
        ["Dell", "SW-1", "OpenManage licences", "2027-03-31", "sw-support@dell.com",
         None, None],
        ["Dell", "HW-2", "PowerVault ProSupport", "2027-06-30", "HW-Support@dell.com",
         "+1-800-456-3355", "SRV2"],
    ]})


def _support_of(database: Database) -> dict[str, tuple[str, str | None]]:
    with database.session("test") as session:
        return {a.contract_number or "": (a.support_contact.name, a.support_contact.email)
                for a in session.scalars(select(Agreement)) if a.support_contact}


def test_two_support_lines_of_one_oem_stay_two_contacts(database: Database,
                                                         write_xlsx: WriteXlsx) -> None:
    path = _support_register(write_xlsx)
    expected = ("support e-mail 'sw-support@dell.com' differs from row 2's "
                "'hw-support@dell.com' for Dell; kept as a separate contact 'Dell support 2'")
    assert [(w.row, w.text) for w in preview(path).warnings] == [(3, expected)]

    summary = run_import(database, path)
    assert summary.created["contacts"] == 2
    assert [(w.row, w.text) for w in summary.warnings] == [(3, expected)]
    assert summary.to_json()["warnings"] == [{"row": 3, "warning": expected}]
    assert _support_of(database) == {
        "HW-1": ("Dell support", "hw-support@dell.com"),
        "SW-1": ("Dell support 2", "sw-support@dell.com"),
        # the same address and number written otherwise: the hardware line again
        "HW-2": ("Dell support", "hw-support@dell.com")}

    again = run_import(database, path)
    assert set(again.created.values()) == {0}
    assert set(again.updated.values()) == {0}
    with database.session("test") as session:
        assert len(session.scalars(select(Contact)).all()) == 2


def test_a_value_given_twice_is_a_warning_naming_both(database: Database,
                                                      write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("twice.xlsx", {"Contracts": [
        ["Vendor", "Contract #", "Title", "End date", "Support hours", "Notes"],
        ["Cisco", "C-1", "SmartNet", "2027-01-31", "8x5", "first note"],
        ["Cisco", "C-1", "SmartNet 24x7", "2027-01-31", "24x7", "second note"],
        ["Cisco", "C-1", "smartnet  24X7", "2027-01-31", None, None],
    ]})
    summary = run_import(database, path)
    assert [(w.row, w.text) for w in summary.warnings] == [
        (3, "support hours '24x7' differs from row 2's '8x5' for contact 'Cisco support' "
            "of Cisco; kept '24x7'"),
        (3, "title 'SmartNet 24x7' differs from row 2's 'SmartNet' for agreement 'C-1'; "
            "kept 'SmartNet 24x7'")]
    with database.session("test") as session:
        agreement = session.scalars(select(Agreement)).one()
        # the same text in other case and spacing is no clash: the first spelling stays
        assert agreement.title == "SmartNet 24x7"
        assert agreement.notes == "first note\nsecond note"  # notes add up


def test_serials_in_other_case_are_one_item(database: Database, write_xlsx: WriteXlsx
                                            ) -> None:
    path = write_xlsx("serials.xlsx", {"Items": [
        ["Vendor", "Contract #", "Title", "End date", "Serial numbers"],
        ["Dell", "D-1", "ProSupport", "2027-01-31", "SG23KMX001"],
        ["Dell", "D-2", "ProSupport Plus", "2027-01-31", " sg23kmx001 ; SG23KMX002"],
    ]})
    run_import(database, path)
    with database.session("test") as session:
        items = session.scalars(select(Item).order_by(Item.id)).all()
        assert [(i.serial_number, i.serial_key) for i in items] == [
            ("SG23KMX001", "sg23kmx001"), ("SG23KMX002", "sg23kmx002")]
        covered = {a.contract_number: sorted(a.serial_numbers)
                   for a in session.scalars(select(Agreement))}
        assert covered == {"D-1": ["SG23KMX001"], "D-2": ["SG23KMX001", "SG23KMX002"]}

    lower = write_xlsx("lower.xlsx", {"Items": [
        ["Vendor", "Contract #", "Title", "End date", "Serial numbers"],
        ["Dell", "D-2", "ProSupport Plus", "2027-01-31", "sg23kmx002"]]})
    again = run_import(database, lower)
    assert (again.created["items"], again.updated["items"]) == (0, 0)
    with database.session("test") as session:  # the user's spelling stays
        assert session.scalars(select(Item.serial_number).order_by(Item.id)).all() == [
            "SG23KMX001", "SG23KMX002"]
