"""What a file says should exist, keyed by natural keys, before looking at the database.

Registers and ContractDesk's own exports both end up here, so there is one
reconciliation for every format. A record holds the values the file gives (blank cells
are absent, so an import never erases what the user typed), ``defaults`` used only when
the record is created, and references to other records by natural key.

Two rows may give one record different values; the later one is kept and the clash is
a warning naming both (an import never drops a value without a word). Serials and asset
tags are keyed as :func:`~contractdesk.db.models.serial_key` has it, so ``sg23kmx001``
and ``SG23KMX001`` are one item, as in the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

from contractdesk.db.models import name_key, serial_key
from contractdesk.domain.enums import OrgRole
from contractdesk.importing.cells import RowWarning, shown

_name_key = lru_cache(maxsize=65536)(name_key)

OrgKey = str
ContactKey = tuple[str, str]  # organization key, name key
PurchaseKey = str
# ("serial", oem key, serial key) | ("tag", "", tag key) | ("desc", po, text)
ItemKey = tuple[str, str, str]
AgreementKey = tuple[str, ...]  # ("contract", oem key, number) | ("term", oem key, title, start)


@dataclass(frozen=True, slots=True)
class GivenTerms:
    """An agreement's term history as an export wrote it, and where it was read, so a
    history that cannot be restored is reported at its own record or row."""

    row: int
    where: str  # e.g. "agreements record 3", "sheet 'terms' row 12"
    terms: Any  # JSON-like: a list of term records, checked when restored


def no_po_key(order_date: Any, reseller: str | None, oem: str | None) -> PurchaseKey:
    """A purchase without a PO number is known by its date and parties."""
    return f"\x00{order_date or ''}|{reseller or ''}|{oem or ''}"


def item_key(oem: OrgKey | None, serial: str | None, tag: str | None,
             po: str | None, description: str | None) -> ItemKey | None:
    serial, tag = serial_key(serial), serial_key(tag)
    if serial:
        return ("serial", oem or "", serial)
    if tag:
        return ("tag", "", tag)
    if description:
        return ("desc", po or "", description)
    return None


def agreement_key(oem: OrgKey | None, contract_number: str | None, title: str | None,
                  start: Any) -> AgreementKey:
    if contract_number:
        return ("contract", oem or "", contract_number)
    return ("term", oem or "", title or "", str(start or ""))


@dataclass(frozen=True, slots=True)
class Clash:
    """A value of a record a later row replaced with another."""

    name: str  # field or reference
    old: Any
    old_row: int
    new: Any


@dataclass(slots=True)
class Record:
    fields: dict[str, Any]
    defaults: dict[str, Any]
    refs: dict[str, Any]
    row: int  # the first row that named this record
    # other keys the record may already exist under; found there, it is left as it is
    aliases: tuple[Any, ...] = ()
    given: dict[str, int] | None = None  # the row of each value a later row gave

    @classmethod
    def first(cls, fields: dict[str, Any], defaults: dict[str, Any], refs: dict[str, Any],
              row: int) -> Record:
        """The record as its first row names it; blank cells are left out."""
        return cls({k: v for k, v in fields.items() if v is not None}, dict(defaults),
                   {k: v for k, v in refs.items() if v is not None}, row)

    def merge(self, fields: dict[str, Any], defaults: dict[str, Any],
              refs: dict[str, Any], row: int) -> list[Clash]:
        """Later rows add to and override earlier ones, and say where they override;
        blank cells change nothing, notes add up, and the same text in another case or
        spacing keeps the first spelling."""
        clashes = self._merged(self.fields, fields, row)
        for key, value in defaults.items():
            self.defaults.setdefault(key, value)
        clashes += self._merged(self.refs, refs, row)
        return clashes

    def _merged(self, values: dict[str, Any], given: dict[str, Any], row: int) -> list[Clash]:
        clashes = []
        for key, value in given.items():
            old = values.get(key)
            if value is None or old == value:
                continue
            kept = value
            if old is None:
                pass
            elif key == "notes":
                kept = old if value in old else f"{old}\n{value}"
            elif _same_text(old, value):
                continue
            else:
                clashes.append(Clash(key, old, self.row_of(key), value))
            values[key] = kept
            if self.given is None:
                self.given = {}
            self.given[key] = row
        return clashes

    def row_of(self, key: str) -> int:
        """The row that gave the value kept under ``key``."""
        return self.given.get(key, self.row) if self.given else self.row


def _same_text(old: Any, new: Any) -> bool:
    return (type(old) is str and type(new) is str
            and " ".join(old.split()).casefold() == " ".join(new.split()).casefold())


_NOT_DIGIT = re.compile(r"\D+")


# how a support line's address and number are compared: in any case, in any grouping
_LINE_KEYS: dict[str, Callable[[str], str]] = {
    "email": lambda text: text.strip().casefold(),
    "phone": lambda text: _NOT_DIGIT.sub("", text)}


def other_line(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """The field (``email`` or ``phone``) in which support details ``new`` name another
    line than ``old``, or ``None`` where they can be one contact: the same address and
    number, however written, or one of them missing on a side."""
    for name, key in _LINE_KEYS.items():
        a, b = old.get(name), new.get(name)
        if a and b and key(str(a)) != key(str(b)):
            return name
    return None


def _respelled(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``new`` without the address and number ``old`` has already, written otherwise:
    the first spelling stays, as for any text."""
    return {name: value for name, value in new.items()
            if not (name in _LINE_KEYS and old.get(name) and value
                    and _LINE_KEYS[name](str(old[name])) == _LINE_KEYS[name](str(value)))}


WORDS = {"email": "e-mail", "support_contact": "support contact", "renewal_of": "renewal of"}


def _shown(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    return shown(value) if isinstance(value, str | int | float | bool) else repr(str(value))


@dataclass
class Incoming:
    organizations: dict[OrgKey, Record] = field(default_factory=dict)
    contacts: dict[ContactKey, Record] = field(default_factory=dict)
    purchases: dict[PurchaseKey, Record] = field(default_factory=dict)
    items: dict[ItemKey, Record] = field(default_factory=dict)
    agreements: dict[AgreementKey, Record] = field(default_factory=dict)
    links: dict[AgreementKey, dict[ItemKey, None]] = field(default_factory=dict)
    # each organization's support lines (contacts), first named first
    support_lines: dict[OrgKey, list[ContactKey]] = field(default_factory=dict)
    warnings: list[RowWarning] = field(default_factory=list)  # values merged or replaced

    def _add(self, kind: str, key: Any, row: int, fields: dict[str, Any],
             defaults: dict[str, Any], refs: dict[str, Any]) -> None:
        records: dict[Any, Record] = getattr(self, kind)
        record = records.get(key)
        if record is None:
            records[key] = Record.first(fields, defaults, refs, row)
            return
        for clash in record.merge(fields, defaults, refs, row):
            self.warnings.append(RowWarning(row, (
                f"{WORDS.get(clash.name, clash.name.replace('_', ' '))} "
                f"{self._value(clash.name, clash.new)} differs from row {clash.old_row}'s "
                f"{self._value(clash.name, clash.old)} for {self.label(kind, key)}; kept "
                f"{self._value(clash.name, clash.new)}")))

    def org_name(self, key: OrgKey) -> str:
        record = self.organizations.get(key)
        return str(record.defaults.get("name", key)) if record is not None else key

    def _value(self, name: str, value: Any) -> str:
        """A value as the warning names it: a reference by its record's name."""
        if name in ("oem", "reseller", "organization"):
            return repr(self.org_name(value))
        if name == "support_contact" and value in self.contacts:
            return repr(self.contacts[value].defaults.get("name", ""))
        if name == "purchase" and isinstance(value, str) and value.startswith("\x00"):
            return "a purchase without PO number"
        return _shown(value)

    def label(self, kind: str, key: Any) -> str:
        """The record as a warning names it."""
        record: Record = getattr(self, kind)[key]
        values = {**record.defaults, **record.fields}
        if kind == "organizations":
            return str(values.get("name", key))
        if kind == "contacts":
            return f"contact {values.get('name', '')!r} of {self.org_name(key[0])}"
        if kind == "purchases":
            return f"purchase {values.get('po_number') or 'without PO number'}"
        if kind == "items":
            return "item " + _shown(values.get("serial_number") or values.get("asset_tag")
                                    or values.get("description") or "")
        return "agreement " + _shown(values.get("contract_number") or values.get("title")
                                     or "")

    def organization(self, name: str | None, role: OrgRole | None, row: int,
                     **fields: Any) -> OrgKey | None:
        if not name:
            return None
        key = _name_key(name)
        if not key:
            return None
        record = self.organizations.get(key)
        if record is None:
            record = self.organizations[key] = Record.first(
                {**fields, "roles": set()}, {"name": " ".join(name.split())}, {}, row)
        elif fields:
            self._add("organizations", key, row, fields, {}, {})
        if role is not None:
            record.fields["roles"].add(role)
        return key

    def contact(self, org: OrgKey, name: str, row: int, fields: dict[str, Any],
                defaults: dict[str, Any]) -> ContactKey:
        key = (org, _name_key(name))
        self._add("contacts", key, row, fields, {"name": name, **defaults},
                  {"organization": org})
        return key

    def support_line(self, org: OrgKey, name: str, row: int, fields: dict[str, Any],
                     defaults: dict[str, Any]) -> ContactKey:
        """The organization's support contact for these details: the first one they
        fit, else a further one, named ``name`` with a number ("Dell support 2") and
        said so. The same file read again names every line the same way."""
        lines = self.support_lines.setdefault(org, [])
        differs: tuple[str, Record] | None = None
        for key in lines:
            record = self.contacts[key]
            other = other_line(record.fields, fields)
            if other is None:
                return self.contact(org, record.defaults["name"], row,
                                    _respelled(record.fields, fields), defaults)
            differs = differs or (other, record)
        if differs is not None:
            name = f"{name} {len(lines) + 1}"
        key = self.contact(org, name, row, fields, defaults)
        lines.append(key)
        if differs is not None:
            other, first = differs
            self.warnings.append(RowWarning(row, (
                f"support {WORDS.get(other, other)} {_shown(fields[other])} differs from "
                f"row {first.row_of(other)}'s {_shown(first.fields[other])} for "
                f"{self.org_name(org)}; kept as a separate contact {name!r}")))
        return key

    def purchase(self, key: PurchaseKey, row: int, fields: dict[str, Any],
                 defaults: dict[str, Any], refs: dict[str, Any]) -> PurchaseKey:
        self._add("purchases", key, row, fields, defaults, refs)
        return key

    def item(self, key: ItemKey, row: int, fields: dict[str, Any],
             defaults: dict[str, Any], refs: dict[str, Any]) -> ItemKey:
        self._add("items", key, row, fields, defaults, refs)
        return key

    def agreement(self, key: AgreementKey, row: int, fields: dict[str, Any],
                  defaults: dict[str, Any], refs: dict[str, Any],
                  items: list[ItemKey]) -> AgreementKey:
        self._add("agreements", key, row, fields, defaults, refs)
        covered = self.links.get(key)
        if covered is None:
            covered = self.links[key] = {}
        covered.update(dict.fromkeys(items))
        return key
