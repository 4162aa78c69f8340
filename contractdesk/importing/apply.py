"""Writing a plan in bulk: one INSERT … RETURNING per kind and batch, UPDATEs grouped by
the columns they change, and the audit rows for all of it, inside the caller's
transaction. Progress is reported (and cancel honoured) between batches."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from contractdesk.db.audit import change_rows, format_value
from contractdesk.db.models import Change, agreement_item
from contractdesk.domain.enums import ChangeAction
from contractdesk.importing.plan import KINDS, REFERENCES, TABLES, Plan
from contractdesk.services.progress import Progress

BATCH = 5000
_NOT_AUDITED = frozenset({"id", "version", "name_key"})


class _Writer:
    def __init__(self, session: Session, plan: Plan, progress: Progress) -> None:
        self.session = session
        self.plan = plan
        self.progress = progress
        self.real: dict[str, dict[int, int]] = {kind: {} for kind in KINDS}
        self.audit: list[dict[str, Any]] = []
        self.total = sum(len(plan.creates[k]) + len(plan.updates[k]) for k in KINDS) + 1
        self.done = 0

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
        refs = REFERENCES[kind]
        deferred: list[tuple[int, int]] = []  # (temp, renewal_of temp) within this kind
        for start in range(0, len(creates), BATCH):
            batch = creates[start:start + BATCH]
            rows = []
            for create in batch:
                values = dict(create.values)
                for column, target in refs.values():
                    value = values.get(column)
                    if value is not None and value < 0:
                        if target == kind:
                            deferred.append((create.temp, value))
                            values[column] = None
                        else:
                            values[column] = self.real[target][value]
                rows.append(values)
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            new_ids = list(self.session.scalars(statement, rows))
            for create, new_id in zip(batch, new_ids, strict=True):
                self.real[kind][create.temp] = new_id
                self.plan.labels[(kind, new_id)] = self.plan.labels[(kind, create.temp)]
                self.audit.extend(change_rows(
                    table.name, new_id, self.plan.labels[(kind, create.temp)],
                    ChangeAction.CREATE, [(None, None, self._snapshot(kind, create.values))]))
            self.tick(len(batch), f"adding {kind}")
        for temp, target_temp in deferred:
            self._update_rows(kind, ("renewal_of_id",), [
                {"b_id": self.real[kind][temp], "renewal_of_id": self.real[kind][target_temp]}])

    def _snapshot(self, kind: str, values: dict[str, Any]) -> str:
        refs = {column: (name, target) for name, (column, target) in REFERENCES[kind].items()}
        shown: dict[str, str | None] = {}
        for column, value in values.items():
            if column in _NOT_AUDITED:
                continue
            if column in refs:
                name, target = refs[column]
                text, shown_as = self.label(target, value), name
            else:
                text, shown_as = format_value(value), column
            if text not in (None, ""):
                shown[shown_as] = text
        return json.dumps(shown, ensure_ascii=False, sort_keys=True)

    def update_kind(self, kind: str) -> None:
        updates = self.plan.updates[kind]
        refs = {column: (name, target) for name, (column, target) in REFERENCES[kind].items()}
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
                if column not in _NOT_AUDITED:
                    audited.append((column, format_value(old), format_value(new)))
                row[column] = new
            groups[tuple(sorted(change.changes))].append(row)
            self.audit.extend(change_rows(table.name, change.id,
                                          self.plan.labels[(kind, change.id)],
                                          ChangeAction.UPDATE, audited))
        for columns, rows in groups.items():
            for start in range(0, len(rows), BATCH):
                self._update_rows(kind, columns, rows[start:start + BATCH])
                self.tick(len(rows[start:start + BATCH]), f"updating {kind}")

    def _update_rows(self, kind: str, columns: tuple[str, ...],
                     rows: list[dict[str, Any]]) -> None:
        table = TABLES[kind]
        statement = (update(table).where(table.c.id == bindparam("b_id"))
                     .values({column: bindparam(column) for column in columns},
                             version=table.c.version + 1))
        self.session.connection().execute(statement, rows)

    def link(self) -> None:
        rows = [{"agreement_id": self.id_of("agreements", a), "item_id": self.id_of("items", i)}
                for a, i in self.plan.links]
        if rows:
            self.session.execute(insert(agreement_item), rows)
        added: dict[int, list[str]] = defaultdict(list)
        for a, i in self.plan.links:
            if a > 0:
                added[a].append(self.label("items", i) or "")
        for agreement_id, labels in added.items():
            self.audit.extend(change_rows(
                "agreement", agreement_id, self.plan.labels[("agreements", agreement_id)],
                ChangeAction.UPDATE, [("items", None, format_value(sorted(labels)))]))


def apply_plan(session: Session, plan: Plan, source: str, user: str,
               progress: Progress) -> None:
    """Writes ``plan`` in ``session``'s transaction; the caller commits or rolls back."""
    writer = _Writer(session, plan, progress)
    for kind in KINDS:
        writer.insert_kind(kind)
        writer.update_kind(kind)
    writer.link()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for row in writer.audit:
        row.update(source=source, user=user, at=now)
    for start in range(0, len(writer.audit), BATCH):
        session.execute(insert(Change), writer.audit[start:start + BATCH])
    writer.tick(1, "saving")
