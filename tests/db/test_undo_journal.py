"""The undo journal on both databases: every row a transaction touched, links and
rows the database cascades included, put back exactly and forward again."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, AgreementTerm, Item, Organization, agreement_item
from contractdesk.db.undo_journal import journaling
from contractdesk.errors import ConflictError
from contractdesk.services.access import DataAccess, UndoStep

Snapshot = dict[str, list[tuple[object, ...]]]


def _snapshot(connection: Connection) -> Snapshot:
    tables = ("organization", "item", "agreement", "agreement_item", "agreement_term")
    return {name: sorted(tuple(row) for row in connection.execute(
        select(Agreement.metadata.tables[name]))) for name in tables}


def _seed(session: Session) -> int:
    oem = Organization(name="Cisco")
    items = [Item(serial_number=f"SN-{n}", oem=oem) for n in range(2)]
    agreement = Agreement(contract_number="C-1", title="Smartnet", oem=oem,
                          start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31),
                          currency="EUR", items=items)
    session.add(agreement)
    session.flush()
    return agreement.id


def test_a_delete_with_links_comes_back_with_the_same_ids(database: Database) -> None:
    access = DataAccess(database)
    steps: list[UndoStep] = []
    access.undoable = steps.append
    agreement_id = access.write(_seed)
    with database.engine.connect() as connection:
        before = _snapshot(connection)
    assert before["agreement_item"] and before["agreement_term"]

    access.write_undoable("Delete agreement C-1",
                          lambda s: s.delete(s.get_one(Agreement, agreement_id)))
    (step,) = steps
    tables = {change.table for change in step.changes.rows}
    assert {"agreement", "agreement_item", "agreement_term"} <= tables
    with database.engine.connect() as connection:
        assert not _snapshot(connection)["agreement_item"]

    access.undo(step)
    with database.engine.connect() as connection:
        assert _snapshot(connection) == before
    access.redo(step)
    with database.engine.connect() as connection:
        after = _snapshot(connection)
    assert not after["agreement"] and not after["agreement_term"]


def test_undo_refuses_when_a_touched_record_was_edited_since(database: Database) -> None:
    access = DataAccess(database)
    steps: list[UndoStep] = []
    access.undoable = steps.append
    agreement_id = access.write(_seed)

    def retitle(session: Session, title: str) -> None:
        session.get_one(Agreement, agreement_id).title = title

    access.write_undoable("Edit agreement C-1", retitle, "Smartnet 24x7")
    access.write(retitle, "Someone else's title")
    with pytest.raises(ConflictError, match=re.escape(
            "Cannot undo 'Edit agreement C-1': agreement C-1 was edited since.")):
        access.undo(steps[0])
    with database.session("cli") as session:
        assert session.get_one(Agreement, agreement_id).title == "Someone else's title"


def test_the_journal_sees_core_statements_and_insert_from_select(database: Database) -> None:
    """The term sync writes with Core (UPDATE … and INSERT … SELECT): seen too."""
    with database.transaction("cli") as session, \
            journaling(session.connection()) as journal:
        _seed(session)
        changes = journal.finish(session.connection())
    created = {(change.table, change.before is None) for change in changes.rows}
    assert ("agreement_term", True) in created
    assert ("agreement_item", True) in created
    with database.session("cli") as session:
        (term,) = session.scalars(select(AgreementTerm)).all()
        assert sum(1 for c in changes.rows if c.table == "agreement_term") == 1
        assert session.scalar(select(agreement_item.c.item_id).limit(1)) is not None
        assert term.agreement_id is not None
