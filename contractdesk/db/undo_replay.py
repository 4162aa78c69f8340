"""Undoing (and redoing) one journaled transaction: every row back to its before-image
(or forward to its after-image) in one new transaction, audited like any change.

Nothing is written unless every row the action touched is still as the action left it
(compared column by column, ``version`` included) and no record outside it has come to
depend on a row that would be deleted: otherwise it refuses, naming the record, so an
undo never overwrites a later edit. Rows go in parents first, then updates, then
deletions children first, so foreign keys hold at every statement.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from contractdesk.db.audit import NOT_AUDITED, change_rows, format_value
from contractdesk.db.base import Base
from contractdesk.db.models import Change
from contractdesk.db.undo_journal import (
    ChangeSet,
    Image,
    RowChange,
    key_of,
    rows_by_key,
    table_named,
    where_key,
)
from contractdesk.domain.enums import ChangeAction
from contractdesk.errors import ConflictError


def replay(session: Session, changes: ChangeSet, *, undo: bool, action: str) -> None:
    """Puts every row of ``changes`` back as it was before (``undo``) or after it.

    Raises:
        ConflictError: a row was changed since, or another record now refers to one.
    """
    connection = session.connection()
    steps = [(change, *((change.after, change.before) if undo else
                        (change.before, change.after))) for change in changes.rows]
    verb = "undo" if undo else "redo"
    for change, expected, _wanted in steps:
        current = rows_by_key(connection, table_named(change.table), [change.key])
        now = current.get(change.key)
        if now != expected:
            what = "deleted" if now is None else "added" if expected is None else "edited"
            raise ConflictError(f"Cannot {verb} '{action}': "
                                f"{describe(connection, change.table, now or expected or {})}"
                                f" was {what} since.")
    touched = {(change.table, change.key) for change in changes.rows}
    for change, expected, wanted in steps:
        if wanted is None and expected is not None:
            _refuse_new_dependents(connection, change.table, expected, touched,
                                   f"Cannot {verb} '{action}'")
    order = {table.name: index for index, table in enumerate(Base.metadata.sorted_tables)}
    steps.sort(key=lambda step: (order[step[0].table], step[0].key))
    audit: list[dict[str, Any]] = []
    for change, expected, wanted in steps:  # parents first
        if expected is None and wanted is not None:
            connection.execute(insert(table_named(change.table)).values(wanted))
            audit += _audited(connection, change, ChangeAction.CREATE, None, wanted)
        elif expected is not None and wanted is not None:
            table = table_named(change.table)
            connection.execute(update(table).where(where_key(table, change.key))
                               .values(wanted))
            audit += _audited(connection, change, ChangeAction.UPDATE, expected, wanted)
    for change, expected, wanted in reversed(steps):  # children first
        if wanted is None and expected is not None:
            table = table_named(change.table)
            audit += _audited(connection, change, ChangeAction.DELETE, expected, None)
            connection.execute(delete(table).where(where_key(table, change.key)))
    if audit:
        stamp = {"source": str(session.info.get("source", verb)),
                 "user": str(session.info.get("user", "")),
                 "at": dt.datetime.now(dt.UTC).replace(tzinfo=None)}
        session.execute(insert(Change), [{**row, **stamp} for row in audit])


def _refuse_new_dependents(connection: Connection, table_name: str, image: Image,
                           touched: set[tuple[str, tuple[Any, ...]]], refusal: str) -> None:
    """A row to delete that a record outside the action refers to now (a contact
    chosen on an agreement since it was created) would take that later edit along."""
    table = table_named(table_name)
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            value = image.get(fk.column.name)
            if fk.column.table is not table or value is None:
                continue
            for row in connection.execute(select(child).where(fk.parent == value)).mappings():
                if (child.name, key_of(child, row)) not in touched:  # else put back too
                    raise ConflictError(
                        f"{refusal}: {describe(connection, child.name, dict(row))} refers "
                        f"to {describe(connection, table_name, image)} now.")


def _mapped() -> dict[str, type[Any]]:
    return {str(mapper.local_table.name): mapper.class_ for mapper in Base.registry.mappers
            if isinstance(mapper.local_table, Table)}


def describe(connection: Connection, table_name: str, image: Any) -> str:
    """How a message names a row: "agreement C-1"; a link row by the record it links."""
    cls = _mapped().get(table_name)
    word = table_name.replace("_", " ")
    if cls is None:
        table = table_named(table_name)
        fk = next(iter(sorted(table.foreign_keys, key=lambda f: f.parent.name)), None)
        if fk is None:
            return f"a {word} row"
        parent = fk.column.table
        rows = rows_by_key(connection, parent, [(image[fk.parent.name],)])
        found = rows.get((image[fk.parent.name],), {fk.column.name: image[fk.parent.name]})
        return f"a link of {describe(connection, parent.name, found)}"
    return f"{word} {_label(cls, image)}"


def _label(cls: type[Any], image: Image) -> str:
    """``str()`` of the record as the image shows it (what the audit trail names it)."""
    record = cls()
    for column in cls.__table__.columns:
        if column.name in image:
            setattr(record, cls.__mapper__.get_property_by_column(column).key,
                    image[column.name])
    try:
        return str(record)
    except (AttributeError, TypeError):
        return f"#{image.get('id')}"


def _audited(connection: Connection, change: RowChange, action: ChangeAction,
             old: Image | None, new: Image | None) -> list[dict[str, Any]]:
    """The audit rows of one replayed row, in the trail's usual shape; a link row is
    recorded on the record it belongs to (as the ORM hook records ``items``)."""
    table = table_named(change.table)
    cls = _mapped().get(change.table)
    image = new or old or {}
    if cls is None or len(change.key) != 1:
        fks = sorted(table.foreign_keys, key=lambda f: f.parent.name)
        if not fks:
            return []
        owner, *others = fks
        owner_id = image[owner.parent.name]
        text = ", ".join(f"{fk.parent.name}={image[fk.parent.name]}" for fk in others)
        parent = _mapped().get(owner.column.table.name)
        rows = rows_by_key(connection, owner.column.table, [(owner_id,)])
        label = _label(parent, rows.get((owner_id,), {"id": owner_id})) if parent else \
            str(owner_id)
        return change_rows(owner.column.table.name, owner_id, label, ChangeAction.UPDATE,
                           [(change.table, text if old else None, text if new else None)])
    label = _label(cls, image)
    if action is ChangeAction.UPDATE and old is not None and new is not None:
        fields = [(name, format_value(old[name]), format_value(new[name]))
                  for name in new if name not in NOT_AUDITED and old[name] != new[name]]
        return change_rows(change.table, change.key[0], label, action, fields)
    shown = {name: format_value(value) for name, value in image.items()
             if name not in NOT_AUDITED}
    snapshot = json.dumps({name: text for name, text in shown.items() if text},
                          ensure_ascii=False, sort_keys=True)
    return change_rows(change.table, change.key[0], label, action,
                       [(None, None if new else snapshot, snapshot if new else None)])
