"""Reconciliation: what the file says, matched against what the database holds, as a
plan of creates and updates. Nothing is written here, so ``--dry-run`` shows exactly
the plan a real import would apply.

Existing records are read with one query per kind and indexed by natural key; new
records get negative placeholder ids that :mod:`contractdesk.importing.apply` replaces
with real ones as it inserts kind after kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, Table, select
from sqlalchemy.orm import Session

from contractdesk.db.models import (
    Agreement,
    AgreementTerm,
    Contact,
    Item,
    Organization,
    Purchase,
    agreement_item,
    name_key,
    serial_key,
)
from contractdesk.db.term_sync import MIRRORED
from contractdesk.importing.cells import RowWarning
from contractdesk.importing.incoming import Incoming, Record, agreement_key, no_po_key

KINDS = ("organizations", "contacts", "purchases", "items", "agreements")
TABLES: dict[str, Table] = {
    "organizations": Organization.__table__,  # type: ignore[dict-item]
    "contacts": Contact.__table__,  # type: ignore[dict-item]
    "purchases": Purchase.__table__,  # type: ignore[dict-item]
    "items": Item.__table__,  # type: ignore[dict-item]
    "agreements": Agreement.__table__,  # type: ignore[dict-item]
}
TERMS: Table = AgreementTerm.__table__  # type: ignore[assignment]
# reference name → (column, kind it points at)
REFERENCES: dict[str, dict[str, tuple[str, str]]] = {
    "organizations": {},
    "contacts": {"organization": ("organization_id", "organizations")},
    "purchases": {"reseller": ("reseller_id", "organizations"),
                  "oem": ("oem_id", "organizations")},
    "items": {"oem": ("oem_id", "organizations"), "purchase": ("purchase_id", "purchases")},
    "agreements": {"oem": ("oem_id", "organizations"),
                   "reseller": ("reseller_id", "organizations"),
                   "purchase": ("purchase_id", "purchases"),
                   "support_contact": ("support_contact_id", "contacts"),
                   "renewal_of": ("renewal_of_id", "agreements")},
}


@dataclass(slots=True)
class Create:
    temp: int
    values: dict[str, Any]


@dataclass
class Update:
    id: int
    changes: dict[str, tuple[Any, Any]]  # column → (old, new)


@dataclass
class Plan:
    creates: dict[str, list[Create]] = field(default_factory=lambda: {k: [] for k in KINDS})
    updates: dict[str, list[Update]] = field(default_factory=lambda: {k: [] for k in KINDS})
    links: list[tuple[int, int]] = field(default_factory=list)  # agreement, item
    # (kind, id) → name in the audit trail; new records are named once they have an id
    labels: dict[tuple[str, int], str] = field(default_factory=dict)
    warnings: list[RowWarning] = field(default_factory=list)  # values cut to fit

    def created(self) -> dict[str, int]:
        return {kind: len(self.creates[kind]) for kind in KINDS}

    def updated(self) -> dict[str, int]:
        counts = {kind: len(self.updates[kind]) for kind in KINDS}
        extra = {a for a, _ in self.links if a > 0} - {u.id for u in self.updates["agreements"]}
        counts["agreements"] += len(extra)
        return counts


def label_of(kind: str, values: dict[str, Any], record_id: int) -> str:
    """How a record is named in the audit trail, as ``str()`` of the model does."""
    if kind in ("organizations", "contacts"):
        return str(values.get("name") or "")
    if kind == "purchases":
        return str(values.get("po_number") or f"purchase #{record_id}")
    if kind == "items":
        return str(values.get("serial_number") or values.get("asset_tag")
                   or values.get("description") or f"item #{record_id}")
    return str(values.get("contract_number") or values.get("title") or f"agreement #{record_id}")


class _Index:
    """Existing rows of every kind and their natural keys."""

    def __init__(self, session: Session) -> None:
        self.rows: dict[str, dict[int, dict[str, Any]]] = {}
        for kind in KINDS:
            table = TABLES[kind]
            self.rows[kind] = {row["id"]: dict(row) for row in
                               session.execute(select(table)).mappings()}
        self.keys: dict[str, dict[Any, int]] = {kind: {} for kind in KINDS}
        orgs = self.rows["organizations"]
        org_key = {i: r["name_key"] for i, r in orgs.items()}
        self.keys["organizations"] = {r["name_key"]: i for i, r in orgs.items()}
        for i, r in self.rows["contacts"].items():
            self.keys["contacts"][(org_key[r["organization_id"]], name_key(r["name"]))] = i
        purchases = self.rows["purchases"]
        for i, r in purchases.items():
            key = r["po_number"] or no_po_key(r["order_date"], org_key.get(r["reseller_id"]),
                                               org_key.get(r["oem_id"]))
            self.keys["purchases"].setdefault(key, i)
        for i, r in self.rows["items"].items():
            oem = org_key.get(r["oem_id"], "")
            po = purchases[r["purchase_id"]]["po_number"] if r["purchase_id"] else ""
            for key in (("serial", oem, r["serial_key"]), ("tag", "", r["tag_key"]),
                        ("desc", po or "", r["description"])):
                if key[2]:
                    self.keys["items"].setdefault(key, i)
        # A register describes an agreement by the term it was written in, which may
        # be an earlier one than the current term (it has rolled forward since).
        self.terms: dict[int, list[dict[str, Any]]] = {}
        for term in session.execute(select(*(TERMS.c[name] for name in
                                             ("agreement_id", *MIRRORED)))
                                    .order_by(TERMS.c.position)).mappings():
            self.terms.setdefault(term["agreement_id"], []).append(dict(term))
        for i, r in self.rows["agreements"].items():
            oem = org_key.get(r["oem_id"])
            if r["contract_number"]:
                self.keys["agreements"].setdefault(
                    agreement_key(oem, r["contract_number"], None, None), i)
            for start in {r["start_date"], *(t["start_date"] for t in self.terms.get(i, []))}:
                self.keys["agreements"].setdefault(
                    agreement_key(oem, None, r["title"], start), i)
        self.links = {(a, i) for a, i in session.execute(select(agreement_item))}

    def earlier_term(self, agreement_id: int, fields: dict[str, Any]) -> bool:
        """Whether ``fields`` describe a term of the agreement before its current one:
        a register written then, not a change to make."""
        given = {name: fields[name] for name in MIRRORED if name in fields}
        history = self.terms.get(agreement_id, [])[:-1]
        return bool(given) and any(all(term[name] == value for name, value in given.items())
                                   for term in history)


def _defaults(table: Table) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.primary_key:
            continue
        default: Any = column.default
        if default is None:
            values[column.name] = None
        elif default.is_callable:
            values[column.name] = default.arg(None)
        else:
            values[column.name] = default.arg
    return values


SHORTEST_FREE_TEXT = 20  # renewal_term and notice_period


def _lengths(table: Table) -> dict[str, int]:
    return {column.name: column.type.length for column in table.columns
            if isinstance(column.type, String) and column.type.length}


def _fit(record: Record, kind: str, limits: dict[str, int], warnings: list[RowWarning]
         ) -> None:
    """Cuts text to its column's length (SQLite would keep it whole, PostgreSQL refuse
    the whole import for one over-long cell), keeping the whole text in the record's
    notes and saying so. (Currency codes, the only shorter limit, come out of the
    parsers as three letters.)"""
    cut: list[tuple[str, str, int]] = []
    for values in (record.fields, record.defaults):
        for column, value in values.items():  # replacing a value does not resize the dict
            if type(value) is str and len(value) > SHORTEST_FREE_TEXT:
                limit = limits.get(column)
                if limit is not None and len(value) > limit:
                    values[column] = value[:limit]
                    cut.append((column, value, limit))
    kept = kind in _WITH_NOTES
    for column, value, limit in cut:
        if kept:
            note = f"{column} in full: {value}"
            old = record.fields.get("notes")
            record.fields["notes"] = f"{old}\n{note}" if old else note
        warnings.append(RowWarning(record.row, (
            f"{column} is {len(value):,} characters long, more than the {limit:,} it "
            "can hold; cut" + (", and kept whole in the notes" if kept else ""))))


_WITH_NOTES = frozenset({"organizations", "contacts", "purchases", "agreements"})


def _merged_notes(old: str | None, new: str) -> str:
    """File notes are added to the user's, never replace them."""
    if not old or old == new:
        return new
    return old if new in old else f"{old}\n{new}"


def build_plan(session: Session, incoming: Incoming) -> Plan:
    index = _Index(session)
    plan = Plan()
    temps = itertools.count(-1, -1)
    ids: dict[str, dict[Any, int]] = {kind: dict(index.keys[kind]) for kind in KINDS}
    by_contract: dict[str, int] = {}  # renewal_of names a contract number only
    for key, record_id in ids["agreements"].items():
        if key[0] == "contract":
            by_contract.setdefault(key[2], record_id)
    for kind, rows in index.rows.items():
        for record_id, row in rows.items():
            plan.labels[(kind, record_id)] = label_of(kind, row, record_id)
    for kind in KINDS:
        table = TABLES[kind]
        defaults = _defaults(table)
        limits = _lengths(table)
        records: dict[Any, Record] = getattr(incoming, kind)
        references = REFERENCES[kind]
        known = ids[kind]
        creates = plan.creates[kind]
        for key, record in records.items():
            _fit(record, kind, limits, plan.warnings)
            refs = _resolved(references, record, ids, by_contract)
            found: int | None = known.get(key)
            if found is None and kind == "items" and key[0] == "serial":
                tag = serial_key(record.fields.get("asset_tag"))  # a serial added to a
                found = known.get(("tag", "", tag)) if tag else None  # tagged item
            alias = next((known[a] for a in record.aliases if a in known), None) \
                if found is None else None
            if alias is not None:  # already there under another key: left as it is
                known[key] = alias
                continue
            if found is None or found < 0:
                values = {**defaults, **record.defaults, **record.fields, **refs}
                if kind == "organizations":
                    values["name_key"] = key
                    values["roles"] = frozenset(values["roles"])
                elif kind == "items":
                    values.update(_keys(values))
                create = Create(next(temps), values)
                creates.append(create)
                found = known[key] = create.temp
            else:
                known[key] = found
                wanted = {**record.fields, **refs}
                if kind == "agreements" and index.earlier_term(found, wanted):
                    wanted = {k: v for k, v in wanted.items() if k not in MIRRORED}
                changes = _changes(index.rows[kind][found], wanted)
                if kind == "items":
                    row = index.rows[kind][found]
                    changes.update({key: (row[key], new) for key, new in
                                    _keys({c: new for c, (_old, new) in changes.items()}).items()})
                if changes:
                    plan.updates[kind].append(Update(found, changes))
            if kind == "agreements" and key[0] == "contract":
                by_contract.setdefault(key[2], found)
    _plan_links(plan, incoming, ids, index.links)
    return plan


def _resolved(references: dict[str, tuple[str, str]], record: Record,
              ids: dict[str, dict[Any, int]], by_contract: dict[str, int]) -> dict[str, int]:
    resolved = {}
    for name, key in record.refs.items():
        column, target = references[name]
        if target == "agreements" and isinstance(key, str):  # renewal_of by contract number
            found = by_contract.get(key)
        else:
            found = ids[target].get(key)
        if found is not None:
            resolved[column] = found
    return resolved


_ITEM_KEYS = (("serial_number", "serial_key"), ("asset_tag", "tag_key"))


def _keys(values: dict[str, Any]) -> dict[str, str | None]:
    """The serial and tag keys of an item's new values, as the model keeps them (the
    import writes rows without the model)."""
    return {key: serial_key(values[column]) for column, key in _ITEM_KEYS if column in values}


def _changes(row: dict[str, Any], wanted: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """What differs; a serial or tag the file writes in other case is the same one, and
    the user's spelling stays."""
    changes = {}
    for column, value in wanted.items():
        old = row[column]
        new = (frozenset(old | set(value)) if column == "roles" else
               _merged_notes(old, value) if column == "notes" else value)
        if old != new and not (column in _KEYED_TEXT and _same_key(old, new)):
            changes[column] = (old, new)
    return changes


_KEYED_TEXT = frozenset(column for column, _key in _ITEM_KEYS)


def _same_key(old: Any, new: Any) -> bool:
    return serial_key(old) == serial_key(new)


def _plan_links(plan: Plan, incoming: Incoming, ids: dict[str, dict[Any, int]],
                existing: Iterable[tuple[int, int]]) -> None:
    seen = set(existing)
    for agreement, items in incoming.links.items():
        agreement_id = ids["agreements"][agreement]
        for item in items:
            item_id = ids["items"].get(item)
            if item_id is not None and (agreement_id, item_id) not in seen:
                seen.add((agreement_id, item_id))
                plan.links.append((agreement_id, item_id))
