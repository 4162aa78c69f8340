"""The audit trail, written in one place for every path that changes data.

An ``after_flush`` hook turns the session's new, changed and deleted records into
:class:`~contractdesk.db.models.Change` rows inside the same transaction, so a change
without its audit row cannot be committed, whether it came from the window, the command
line or an import. Creates and deletes are one row with all values as JSON; updates are
one row per changed field with old and new value. Bulk paths that bypass the ORM write
the same rows through :func:`change_rows`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Mapper, RelationshipProperty, Session, sessionmaker

from contractdesk.db.base import Base
from contractdesk.db.models import DERIVED_KEYS, Change
from contractdesk.domain.enums import ChangeAction

# what no audit row names: kept by the database or derived from another column
NOT_AUDITED = frozenset({"id", "version", *DERIVED_KEYS})


def format_value(value: Any) -> str | None:
    """The text form of a field value in the audit trail (and JSON)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, frozenset | set):
        return ",".join(sorted(format_value(v) or "" for v in value))
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v) or "" for v in value)
    return str(value)


def install_audit(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)


def _after_flush(session: Session, _context: object) -> None:
    source = str(session.info.get("source", "unknown"))
    user = str(session.info.get("user", ""))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if _audited(obj):
            rows.append(_row(obj, ChangeAction.CREATE, None, None, _snapshot(obj)))
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=True):
            rows.extend(_row(obj, ChangeAction.UPDATE, name, old, new)
                        for name, old, new in _field_changes(session, obj))
    for obj in session.deleted:
        if _audited(obj):
            rows.append(_row(obj, ChangeAction.DELETE, None, _snapshot(obj), None))
    if rows:
        for row in rows:
            row.update(source=source, user=user, at=now)
        session.execute(insert(Change), rows)


def change_rows(entity: str, entity_id: int, label: str, action: ChangeAction,
                changes: Iterable[tuple[str | None, str | None, str | None]]
                ) -> list[dict[str, Any]]:
    """Rows for :class:`Change` from a bulk path; the caller adds ``source``/``user``/``at``."""
    return [{"entity": entity, "entity_id": entity_id, "label": label[:300],
             "action": action, "field": field, "old_value": old, "new_value": new}
            for field, old, new in changes]


def _audited(obj: object) -> bool:
    return isinstance(obj, Base) and not isinstance(obj, Change)


def _row(obj: Base, action: ChangeAction, field: str | None, old: str | None,
         new: str | None) -> dict[str, Any]:
    (entity_id,) = inspect(obj).mapper.primary_key_from_instance(obj)
    return change_rows(obj.__tablename__, entity_id, str(obj), action,
                       [(field, old, new)])[0]


def _snapshot(obj: Base) -> str:
    mapper: Mapper[Any] = inspect(type(obj))
    values: dict[str, str | None] = {}
    for column in mapper.column_attrs:
        if column.key in NOT_AUDITED or _is_foreign_key(mapper, column.key):
            continue
        text = format_value(getattr(obj, column.key))
        if text not in (None, ""):
            values[column.key] = text
    for rel in _many_to_one(mapper):
        target = getattr(obj, rel.key)
        if target is not None:
            values[rel.key] = str(target)
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def _field_changes(session: Session, obj: Base
                   ) -> Iterable[tuple[str, str | None, str | None]]:
    state = inspect(obj)
    mapper = state.mapper
    for column in mapper.column_attrs:
        key = column.key
        if key in NOT_AUDITED or _is_foreign_key(mapper, key):
            continue
        history = state.attrs[key].history
        if history.added or history.deleted:
            old = format_value(history.deleted[0]) if history.deleted else None
            new = format_value(history.added[0]) if history.added else None
            if old != new:
                yield key, old, new
    for rel in mapper.relationships:
        history = state.attrs[rel.key].history
        if not (history.added or history.deleted):
            continue
        if rel.uselist:
            if rel.secondary is None:
                continue  # one-to-many: the change is audited on the child
            yield (rel.key, format_value(sorted(str(o) for o in history.deleted)) or None,
                   format_value(sorted(str(o) for o in history.added)) or None)
            continue
        old_obj = history.deleted[0] if history.deleted else _committed_target(
            session, obj, rel)
        new_obj = history.added[0] if history.added else None
        old, new = (str(old_obj) if old_obj is not None else None,
                    str(new_obj) if new_obj is not None else None)
        if old != new:
            yield rel.key, old, new


def _committed_target(session: Session, obj: Base,
                      rel: RelationshipProperty[Any]) -> object | None:
    """The object a many-to-one pointed at before, when the ORM did not load it."""
    (local,) = tuple(rel.local_columns)
    old_id = inspect(obj).committed_state.get(str(local.key))
    if old_id is None:
        return None
    return session.get(rel.mapper.class_, old_id)


def _is_foreign_key(mapper: Mapper[Any], key: str) -> bool:
    column = mapper.columns.get(key)
    return column is not None and bool(column.foreign_keys)


def _many_to_one(mapper: Mapper[Any]) -> list[RelationshipProperty[Any]]:
    return [rel for rel in mapper.relationships if not rel.uselist]
