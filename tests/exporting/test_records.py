"""The column reader agrees with the model's own definitions, record by record."""

from __future__ import annotations

from sqlalchemy import select

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement
from contractdesk.exporting.records import COLUMNS, KINDS, all_rows, records
from contractdesk.services.renewals import renewed_ids, status_of
from tests.conftest import TODAY


def test_every_row_has_exactly_the_documented_columns(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        for kind, rows in all_rows(session, TODAY).items():
            listed = list(rows)
            assert listed, kind
            assert all(tuple(row) == COLUMNS[kind] for row in listed), kind


def test_agreement_rows_match_the_orm_objects(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        renewed = renewed_ids(session, TODAY)
        by_id = {a.id: a for a in session.scalars(select(Agreement))}
        rows = dict(records(session, "agreements", TODAY, 30))
        assert rows.keys() == by_id.keys()
        for agreement_id, row in rows.items():
            agreement = by_id[agreement_id]
            assert row["serial_numbers"] == agreement.serial_numbers
            assert row["notice_deadline"] == agreement.notice_deadline
            if not agreement.auto_renew or agreement.cancelled:
                assert row["notice_deadline"] is None, agreement  # nothing to give notice on
            assert row["status"] == status_of(agreement, TODAY, renewed, 30).value
            assert row["oem"] == (agreement.oem.name if agreement.oem else None)
            assert row["reseller"] == (agreement.reseller.name if agreement.reseller else None)
            assert row["purchase"] == (agreement.purchase.po_number
                                       if agreement.purchase else None)
            assert row["support_contact"] == (agreement.support_contact.name
                                              if agreement.support_contact else None)
            assert row["renewal_of"] == (agreement.renewal_of.contract_number
                                         if agreement.renewal_of else None)
            assert row["kind"] == agreement.kind.value
            assert row["cost"] == agreement.cost
        assert any(row["notice_deadline"] for row in rows.values())
        assert any(by_id[i].notice_period and by_id[i].end_date and not by_id[i].renews
                   for i in rows)  # the None deadlines were put to the test


def test_values_stay_typed_and_roles_are_sorted_words(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        organizations = [row for _, row in records(session, "organizations", TODAY)]
    computacenter = next(row for row in organizations if row["name"] == "Computacenter")
    assert computacenter["roles"] == ["reseller", "service_provider"]
    assert computacenter["status"] == "on_watch"
    assert type(computacenter["status"]) is str


def test_keep_limits_rows_to_the_given_ids(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        every = [record_id for record_id, _ in records(session, "items", TODAY)]
        kept = [record_id for record_id, _ in records(session, "items", TODAY,
                                                      keep={every[0], every[-1]})]
    assert kept == [every[0], every[-1]]
    assert set(KINDS) == set(COLUMNS)
