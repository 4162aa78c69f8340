"""What one write transaction did to the rows, so that it can be undone and redone.

A :class:`Journal` listens on the transaction's connection. Before an UPDATE or DELETE
runs it reads the rows the statement will touch (all columns: their before-images), and
with a DELETE also the rows the database itself will delete or set to NULL through
``ON DELETE`` foreign keys; after an INSERT it notes the new keys. Listening on the
connection rather than on the session means the ORM's flushes, association rows
(``agreement_item``), the term sync's Core statements and an import's bulk UPDATEs are
all seen the same way; the import's driver-level INSERTs report their keys through
:meth:`Journal.inserted`. :meth:`Journal.finish` then reads every touched row again (its
after-image). The audit trail (``change``) is append-only and never journaled.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BinaryExpression,
    BindParameter,
    BooleanClauseList,
    Column,
    ColumnElement,
    Connection,
    CursorResult,
    Delete,
    Insert,
    Table,
    Update,
    and_,
    event,
    select,
    tuple_,
)
from sqlalchemy.sql import ClauseElement, operators

from contractdesk.db.base import Base
from contractdesk.db.models import Change

Image = dict[str, Any]
Key = tuple[Any, ...]
KEYS_PER_SELECT = 500
_ACTIVE = "contractdesk.undo_journal"
_NOT_JOURNALED = frozenset({str(Change.__tablename__), "alembic_version"})


@dataclass(frozen=True)
class RowChange:
    """One row before and after the transaction; None where it did not exist."""

    table: str
    key: Key
    before: Image | None
    after: Image | None


@dataclass(frozen=True)
class ChangeSet:
    """Every row one transaction changed, in the order they were first touched."""

    rows: tuple[RowChange, ...]

    def __bool__(self) -> bool:
        return bool(self.rows)


def table_named(name: str) -> Table:
    return Base.metadata.tables[name]


def key_of(table: Table, row: Any) -> Key:
    return tuple(row[column.name] for column in table.primary_key.columns)


def rows_by_key(connection: Connection, table: Table, keys: Sequence[Key]
                ) -> dict[Key, Image]:
    """The current rows of ``table`` with these primary keys, batched."""
    columns = list(table.primary_key.columns)
    found: dict[Key, Image] = {}
    for start in range(0, len(keys), KEYS_PER_SELECT):
        chunk = keys[start:start + KEYS_PER_SELECT]
        match = (columns[0].in_([key[0] for key in chunk]) if len(columns) == 1
                 else tuple_(*columns).in_(chunk))
        for row in connection.execute(select(table).where(match)).mappings():
            found[key_of(table, row)] = dict(row)
    return found


class Journal:
    """Before-images of every row a transaction touches (None: the row is new)."""

    def __init__(self) -> None:
        self._before: dict[tuple[str, Key], Image | None] = {}
        self._returning: list[ClauseElement] = []  # INSERTs made to return their keys

    def inserted(self, table: Table, keys: Iterable[Key]) -> None:
        """Rows a statement the journal cannot see (a driver-level INSERT) created."""
        if table.name in _NOT_JOURNALED:
            return
        for key in keys:
            self._before.setdefault((table.name, tuple(key)), None)

    def _seen(self, table: Table, keys: Iterable[Key]) -> list[Key]:
        return [key for key in keys if (table.name, key) not in self._before]

    def _keep(self, connection: Connection, table: Table, keys: Sequence[Key]) -> None:
        unseen = self._seen(table, dict.fromkeys(keys))
        if not unseen:
            return
        found = rows_by_key(connection, table, unseen)
        for key in unseen:
            if key in found:
                self._before[(table.name, key)] = found[key]
        if found:
            self._cascade(connection, table, list(found.values()))

    def _keep_where(self, connection: Connection, table: Table,
                    where: ColumnElement[bool] | None, params: Image) -> list[Image]:
        query = select(*table.primary_key.columns)
        if where is not None:
            query = query.where(where)
        keys = [tuple(row) for row in connection.execute(query, params)]
        self._keep(connection, table, keys)
        return [self._before[(table.name, key)] or {} for key in keys]

    def _cascade(self, connection: Connection, table: Table, rows: list[Image]) -> None:
        """Rows the database deletes or sets to NULL with these (``ON DELETE``); only
        called for rows about to change, so an UPDATE reads a few extra rows at worst."""
        for child in Base.metadata.sorted_tables:
            if child.name in _NOT_JOURNALED:
                continue
            for fk in child.foreign_keys:
                if fk.column.table is not table or fk.ondelete not in ("CASCADE",
                                                                       "SET NULL"):
                    continue
                values = list({row[fk.column.name] for row in rows} - {None})
                for start in range(0, len(values), KEYS_PER_SELECT):
                    where = fk.parent.in_(values[start:start + KEYS_PER_SELECT])
                    self._keep_where(connection, child, where, {})

    def before_statement(self, connection: Connection, statement: ClauseElement,
                         parameters: list[Image]) -> None:
        if not isinstance(statement, Update | Delete):
            return
        table = statement.table
        if not isinstance(table, Table) or table.name in _NOT_JOURNALED:
            return
        where = statement.whereclause
        name = _key_parameter(table, where)
        if name is not None and parameters and all(name in p for p in parameters):
            self._keep(connection, table, [(p[name],) for p in parameters])
            return
        for params in parameters or [{}]:
            self._keep_where(connection, table, where, params)

    def after_statement(self, statement: ClauseElement, parameters: list[Image],
                        result: CursorResult[Any]) -> None:
        if not isinstance(statement, Insert):
            return
        table = statement.table
        if not isinstance(table, Table) or table.name in _NOT_JOURNALED:
            return
        names = [column.name for column in table.primary_key.columns]
        if parameters and all(all(p.get(n) is not None for n in names)
                              for p in parameters):
            self.inserted(table, [tuple(p[n] for n in names) for p in parameters])
        elif any(statement is added for added in self._returning):
            self.inserted(table, [tuple(row) for row in result])  # nobody else reads them
        else:
            self.inserted(table, [tuple(key or ()) for key in
                                  result.inserted_primary_key_rows])

    def finish(self, connection: Connection) -> ChangeSet:
        """Reads every touched row as it is now; rows that ended as they began drop out."""
        by_table: dict[str, list[Key]] = {}
        for name, key in self._before:
            by_table.setdefault(name, []).append(key)
        now = {name: rows_by_key(connection, table_named(name), keys)
               for name, keys in by_table.items()}
        changes = [RowChange(name, key, before, now[name].get(key))
                   for (name, key), before in self._before.items()]
        return ChangeSet(tuple(change for change in changes
                               if change.before != change.after))


def _key_parameter(table: Table, where: ColumnElement[Any] | None) -> str | None:
    """The bound parameter's name when ``where`` picks one row by its single-column
    primary key (as the ORM's and the import's UPDATEs do), so all rows of an
    executemany can be read in one SELECT."""
    if len(table.primary_key.columns) != 1 or where is None:
        return None
    (pk,) = table.primary_key.columns
    terms = (list(where.clauses) if isinstance(where, BooleanClauseList)
             and where.operator is operators.and_ else [where])
    for term in terms:
        if (isinstance(term, BinaryExpression) and term.operator is operators.eq
                and isinstance(term.right, BindParameter)
                and isinstance(term.left, Column) and term.left.table is table
                and term.left.name == pk.name):
            return str(term.right.key)
    return None


def _returning_keys(statement: ClauseElement, parameters: list[Image]
                    ) -> ClauseElement:
    """An INSERT whose new keys nothing else reports (``INSERT … SELECT``, a bulk
    insert without returned defaults) returns them."""
    if not isinstance(statement, Insert) or statement._returning \
            or statement._return_defaults:
        return statement
    table = statement.table
    if not isinstance(table, Table) or table.name in _NOT_JOURNALED:
        return statement
    names = [column.name for column in table.primary_key.columns]
    if parameters and all(all(p.get(n) is not None for n in names) for p in parameters):
        return statement
    if statement.select is None and len(parameters) <= 1:
        return statement  # one row: inserted_primary_key has it
    return statement.returning(*table.primary_key.columns)


def _parameter_list(multiparams: Any, params: Any) -> list[Image]:
    if multiparams:
        return [dict(p) for p in multiparams]
    return [dict(params)] if params else []


@contextmanager
def journaling(connection: Connection) -> Iterator[Journal]:
    """Records what ``connection`` writes until the block ends."""
    journal = Journal()

    def before(conn: Connection, statement: ClauseElement, multiparams: Any, params: Any,
               _options: Any) -> tuple[ClauseElement, Any, Any]:
        parameters = _parameter_list(multiparams, params)
        journal.before_statement(conn, statement, parameters)
        returning = _returning_keys(statement, parameters)
        if returning is not statement:
            journal._returning.append(returning)
        return returning, multiparams, params

    def after(_conn: Connection, statement: ClauseElement, multiparams: Any, params: Any,
              _options: Any, result: CursorResult[Any]) -> None:
        journal.after_statement(statement, _parameter_list(multiparams, params), result)

    event.listen(connection, "before_execute", before, retval=True)
    event.listen(connection, "after_execute", after)
    connection.info[_ACTIVE] = journal
    try:
        yield journal
    finally:
        connection.info.pop(_ACTIVE, None)
        event.remove(connection, "before_execute", before)
        event.remove(connection, "after_execute", after)


def active_journal(connection: Connection) -> Journal | None:
    """The journal recording ``connection``, for writers that bypass its statements."""
    journal = connection.info.get(_ACTIVE)
    return journal if isinstance(journal, Journal) else None


def where_key(table: Table, key: Key) -> ColumnElement[bool]:
    return and_(*(column == value for column, value in
                  zip(table.primary_key.columns, key, strict=True)))
