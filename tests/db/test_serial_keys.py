"""Serials and asset tags compared ignoring case and surrounding spaces: the migration
keys existing items and reports serials that clash instead of failing; lookups find a
serial typed in another case; the database refuses a second spelling of one serial."""

from __future__ import annotations

import logging

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.migrate import alembic_config, upgrade_to_head
from contractdesk.db.models import Item, Organization
from contractdesk.db.serial_keys import serial_clashes
from contractdesk.errors import ValidationError
from contractdesk.services import editing, records
from contractdesk.services.governance_lookup import require_item


def test_the_migration_keys_items_and_reports_clashes(database: Database,
                                                      caplog: pytest.LogCaptureFixture
                                                      ) -> None:
    with database.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006")
        connection.execute(text("INSERT INTO organization (id, name, name_key, roles, "
                                "status, notes, version) VALUES (1, 'Dell', 'dell', '', "
                                "'approved', '', 1)"))
        for item_id, serial, tag in ((1, "SG23KMX001", " AT-1 "), (2, "sg23kmx001 ", None),
                                     (3, "SG23KMX002", None)):
            connection.execute(text(
                "INSERT INTO item (id, oem_id, description, serial_number, asset_tag, "
                "quantity, version) VALUES (:id, 1, '', :serial, :tag, 1, 1)"),
                {"id": item_id, "serial": serial, "tag": tag})
    with caplog.at_level(logging.WARNING, "contractdesk.db"), \
            database.engine.begin() as connection:
        upgrade_to_head(connection)
    expected = ("Dell: item #2 'sg23kmx001 ' and item #1 'SG23KMX001' are one serial "
                "number in different case; merge them or correct one")
    assert expected in caplog.text
    with database.engine.connect() as connection:
        keys = connection.execute(text("SELECT id, serial_key, tag_key FROM item "
                                       "ORDER BY id")).all()
        assert [tuple(row) for row in keys] == [(1, "sg23kmx001", "at-1"), (2, None, None),
                                                 (3, "sg23kmx002", None)]
        assert serial_clashes(connection) == [expected]  # what `contractdesk check` lists


def test_a_serial_typed_in_another_case_is_found(session: Session) -> None:
    dell = Organization(name="Dell")
    session.add_all([Item(oem=dell, serial_number="SG23KMX002", asset_tag="AT-7"),
                     Item(oem=dell, serial_number="SG23KMX003")])
    session.flush()
    assert [c.label for c in editing.item_by_serial(session, " sg23kmx002 ")] == [
        "SG23KMX002 · AT-7"]
    assert [c.label for c in editing.item_by_serial(session, "at-7")] == ["SG23KMX002 · AT-7"]
    assert editing.item_by_serial(session, "  ") == []
    assert require_item(session, "sg23KMX003", "Dell").serial_number == "SG23KMX003"


def test_a_second_spelling_of_one_serial_is_refused(session: Session) -> None:
    dell = Organization(name="Dell")
    session.add(Item(oem=dell, serial_number="SG23KMX001"))
    session.flush()
    with pytest.raises(ValidationError, match="already exists"):
        records.create(session, Item, oem=dell, serial_number="sg23kmx001 ")
    assert session.scalars(select(Item.serial_key)).all() == ["sg23kmx001"]
