"""Writing a plan in bulk, inside the caller's transaction: new records get their ids
here and go in with one executemany per kind and batch; UPDATEs are grouped by the
columns they change; the audit rows (the same text the ORM hook writes) follow.
Progress is reported, and cancel honoured, between batches. The INSERTs go straight to
the driver, so their keys are told to the undo journal, if one records the transaction
(the UPDATEs it sees itself)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, bindparam, func, select, text, update
from sqlalchemy.orm import Session

from contractdesk.db.audit import NOT_AUDITED, change_rows, format_value
from contractdesk.db.models import Change, agreement_item
from contractdesk.db.undo_journal import active_journal
from contractdesk.domain.enums import ChangeAction
from contractdesk.importing.bulk import bind_value, insert_bound, insert_rows
from contractdesk.importing.plan import KINDS, REFERENCES, TABLES, Plan, label_of
from contractdesk.services.progress import Progress

BATCH = 5000
CHANGES: Table = Change.__table__  # type: ignore[assignment]
STAMP = ("source", "user", "at")  # the same for every audit row of one import
AUDIT_COLUMNS = ("entity", "entity_id", "label", "action", "field", "old_value", "new_value",
                 *STAMP)
# JSON string quoting without escaping non-ASCII, as json.dumps(ensure_ascii=False)
_quote: Callable[[str], str] = json.encoder.encode_basestring
FRAGMENTS_PER_FIELD = 20_000
SQLITE_CACHE_KIB = 65536  # a bulk insert that outgrows the page cache spills mid-way


class _Writer:
    def __init__(self, session: Session, plan: Plan, progress: Progress,
                 stamp: tuple[str, str, dt.datetime]) -> None:
        self.connection = session.connection()
        self.journal = active_journal(self.connection)
        # the audit rows as the driver takes them; their values that never change, bound
        dialect = self.connection.dialect
        self.actions = {member: bind_value(dialect, CHANGES, "action", member)
                        for member in ChangeAction}
        self.stamp = tuple(bind_value(dialect, CHANGES, column, value)
                           for column, value in zip(STAMP, stamp, strict=True))
        self.plan = plan
        self.progress = progress
        self.real: dict[str, dict[int, int]] = {kind: {} for kind in KINDS}
        self.audit: list[tuple[Any, ...]] = []  # in AUDIT_COLUMNS order
        self.total = sum(len(plan.creates[k]) + len(plan.updates[k]) for k in KINDS) + 1
        self.done = 0
        # per kind and field: value → its '"key": "text"' fragment; blanks have none
        self.fragments: dict[str, list[dict[Any, str]]] = {
            kind: [{None: "", "": ""} for _ in _SNAPSHOT_FIELDS[kind]] for kind in KINDS}

    def id_of(self, kind: str, value: int | None) -> int | None:
        if value is None or value > 0:
            return value
        return self.real[kind][value]

    def label(self, kind: str, value: int | None) -> str | None:
        return None if value is None else self.plan.labels.get((kind, value))

    def tick(self, count: int, message: str) -> None:
        self.done += count
        self.progress.update(self.done, self.total, message)

    def insert_kind(self, kind: str) -> None:
        creates = self.plan.creates[kind]
        table = TABLES[kind]
        references = list(REFERENCES[kind].values())
        deferred: list[tuple[int, int]] = []  # (temp, renewal_of temp) within this kind
        next_id = self._first_free_id(table)
        entity = str(table.name)  # a plain str: the driver probes SQLAlchemy's subclass
        labels = self.plan.labels
        # named by the real id (as the model's "purchase #12"), under the placeholder too
        # for the snapshots that refer to them (renewals among these very records)
        for record_id, create in enumerate(creates, start=next_id):
            labels[(kind, create.temp)] = labels[(kind, record_id)] = \
                label_of(kind, create.values, record_id)
        real = self.real[kind]
        stamp = self.stamp
        create_action = self.actions[ChangeAction.CREATE]
        for start in range(0, len(creates), BATCH):
            batch = creates[start:start + BATCH]
            rows = [create.values for create in batch]
            # the snapshots read references while they are still placeholders
            snapshots = self._snapshots(kind, rows)
            for create, snapshot in zip(batch, snapshots, strict=True):
                label = labels[(kind, next_id)]
                self.audit.append((entity, next_id, label[:300], create_action, None, None,
                                   snapshot, *stamp))
                create.values["id"] = real[create.temp] = next_id
                next_id += 1
            for column, target in references:  # column by column: one id map per loop
                if target == kind:
                    for create, values in zip(batch, rows, strict=True):
                        value = values.get(column)
                        if value is not None and value < 0:
                            deferred.append((create.temp, value))
                            values[column] = None
                    continue
                targets = self.real[target]
                for values in rows:
                    value = values.get(column)
                    if value is not None and value < 0:
                        values[column] = targets[value]
            insert_rows(self.connection, table, rows)
            if self.journal is not None:
                self.journal.inserted(table, [(values["id"],) for values in rows])
            self.tick(len(batch), f"adding {kind}")
        if creates and self.connection.dialect.name == "postgresql":
            self.connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT max(id) FROM {table.name}))"))
        for temp, target_temp in deferred:
            self._update_rows(kind, ("renewal_of_id",), [
                {"b_id": self.real[kind][temp], "renewal_of_id": self.real[kind][target_temp]}])

    def _first_free_id(self, table: Table) -> int:
        """Ids are handed out here so that one executemany inserts a whole batch (SQLite
        cannot return generated ids in order from one); the transaction holds the write
        lock, and a concurrent writer would fail on the primary key, not overwrite."""
        highest = self.connection.scalar(select(func.max(table.c.id)))
        return int(highest or 0) + 1

    def _snapshots(self, kind: str, records: list[dict[str, Any]]) -> list[str]:
        """The created records as the audit hook would write them: values, and
        references by the referenced record's name.

        Field by field rather than record by record: each field's loop holds one memo,
        and kinds, currencies, dates and parties repeat, so each distinct value is
        quoted once per field; the records' fragments are then joined in C.
        """
        labels = self.plan.labels
        columns: list[list[str]] = []
        for (prefix, column, target), seen in zip(_SNAPSHOT_FIELDS[kind],
                                                  self.fragments[kind], strict=True):
            fragments = []
            given: list[Any] = [values.get(column) for values in records]  # blanks: memo
            for value in given:
                fragment = seen.get(value)
                if fragment is None:
                    if target is None:
                        text = value if type(value) is str else format_value(value)
                    else:
                        text = labels.get((target, value))
                    fragment = prefix + _quote(text) if text else ""
                    if len(seen) < FRAGMENTS_PER_FIELD:
                        seen[value] = fragment
                fragments.append(fragment)
            columns.append(fragments)
        return ["{" + ", ".join(filter(None, parts)) + "}" for parts in zip(*columns, strict=True)]

    def update_kind(self, kind: str) -> None:
        updates = self.plan.updates[kind]
        refs = _by_column(kind)
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        table = TABLES[kind]
        for change in updates:
            row: dict[str, Any] = {"b_id": change.id}
            audited = []
            for column, (old, new) in change.changes.items():
                if column in refs:
                    name, target = refs[column]
                    row[column] = self.id_of(target, new)
                    audited.append((name, self.label(target, old),
                                    self.label(target, row[column])))
                    continue
                if column not in NOT_AUDITED:
                    audited.append((column, format_value(old), format_value(new)))
                row[column] = new
            groups[tuple(sorted(change.changes))].append(row)
            self._audit(change_rows(str(table.name), change.id,
                                    self.plan.labels[(kind, change.id)],
                                    ChangeAction.UPDATE, audited))
        for columns, rows in groups.items():
            for start in range(0, len(rows), BATCH):
                self._update_rows(kind, columns, rows[start:start + BATCH])
                self.tick(len(rows[start:start + BATCH]), f"updating {kind}")

    def _update_rows(self, kind: str, columns: tuple[str, ...],
                     rows: list[dict[str, Any]]) -> None:
        table = TABLES[kind]
        # bind names must differ from column names in an UPDATE's SET clause
        statement = (update(table).where(table.c.id == bindparam("b_id"))
                     .values({**{column: bindparam(f"v_{column}", type_=table.c[column].type)
                                 for column in columns},
                              "version": table.c.version + 1}))
        self.connection.execute(
            statement, [{"b_id": row["b_id"], **{f"v_{c}": row[c] for c in columns}}
                        for row in rows])

    def link(self) -> None:
        links = [(self.id_of("agreements", a), self.id_of("items", i))
                 for a, i in self.plan.links]
        insert_bound(self.connection, agreement_item, ("agreement_id", "item_id"), links)
        if self.journal is not None:
            self.journal.inserted(agreement_item, links)
        added: dict[int, list[str]] = defaultdict(list)
        for a, i in self.plan.links:
            if a > 0:
                added[a].append(self.label("items", i) or "")
        for agreement_id, labels in added.items():
            self._audit(change_rows(
                "agreement", agreement_id, self.plan.labels[("agreements", agreement_id)],
                ChangeAction.UPDATE, [("items", None, format_value(sorted(labels)))]))

    def _audit(self, rows: list[dict[str, Any]]) -> None:
        """Audit rows from :func:`change_rows`, stamped and bound."""
        self.audit.extend((row["entity"], row["entity_id"], row["label"],
                           self.actions[row["action"]], row["field"], row["old_value"],
                           row["new_value"], *self.stamp) for row in rows)


def _by_column(kind: str) -> dict[str, tuple[str, str]]:
    """Foreign-key column → (reference name, kind it points at)."""
    return {column: (name, target) for name, (column, target) in REFERENCES[kind].items()}


def _snapshot_fields(kind: str) -> list[tuple[str, str, str | None]]:
    """(JSON key prefix, column, kind referenced or None), sorted by key, so that
    snapshots come out as ``json.dumps(..., sort_keys=True)`` writes them."""
    fields: list[tuple[str, str, str | None]] = [
        (column.name, column.name, None) for column in TABLES[kind].columns
        if column.name not in NOT_AUDITED and not column.foreign_keys]
    fields += [(name, column, target) for name, (column, target) in REFERENCES[kind].items()]
    return [(_quote(key) + ": ", column, target) for key, column, target in sorted(fields)]


_SNAPSHOT_FIELDS = {kind: _snapshot_fields(kind) for kind in KINDS}


def apply_plan(session: Session, plan: Plan, source: str, user: str,
               progress: Progress) -> None:
    """Writes ``plan`` in ``session``'s transaction; the caller commits or rolls back."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    writer = _Writer(session, plan, progress, (source, user, now))
    if writer.connection.dialect.name == "sqlite":
        writer.connection.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    for kind in KINDS:
        writer.insert_kind(kind)
        writer.update_kind(kind)
    writer.link()
    for start in range(0, len(writer.audit), BATCH):
        insert_bound(writer.connection, CHANGES, AUDIT_COLUMNS,
                     writer.audit[start:start + BATCH])
    writer.tick(1, "saving")
