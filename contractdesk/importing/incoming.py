"""What a file says should exist, keyed by natural keys, before looking at the database.

Registers and ContractDesk's own exports both end up here, so there is one
reconciliation for every format. A record holds the values the file gives (blank cells
are absent, so an import never erases what the user typed), ``defaults`` used only when
the record is created, and references to other records by natural key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from contractdesk.db.models import name_key
from contractdesk.domain.enums import OrgRole

_name_key = lru_cache(maxsize=65536)(name_key)

OrgKey = str
ContactKey = tuple[str, str]  # organization key, name key
PurchaseKey = str
# ("serial", oem key, serial) | ("tag", "", tag) | ("desc", po, text)
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


@dataclass(slots=True)
class Record:
    fields: dict[str, Any]
    defaults: dict[str, Any]
    refs: dict[str, Any]
    row: int  # the first row that named this record
    # other keys the record may already exist under; found there, it is left as it is
    aliases: tuple[Any, ...] = ()

    @classmethod
    def first(cls, fields: dict[str, Any], defaults: dict[str, Any], refs: dict[str, Any],
              row: int) -> Record:
        """The record as its first row names it; blank cells are left out."""
        return cls({k: v for k, v in fields.items() if v is not None}, dict(defaults),
                   {k: v for k, v in refs.items() if v is not None}, row)

    def merge(self, fields: dict[str, Any], defaults: dict[str, Any],
              refs: dict[str, Any]) -> None:
        """Later rows add to and override earlier ones; blank cells change nothing."""
        for key, value in fields.items():
            if value is not None:
                self.fields[key] = value
        for key, value in defaults.items():
            self.defaults.setdefault(key, value)
        for key, value in refs.items():
            if value is not None:
                self.refs[key] = value


def _add(records: dict[Any, Record], key: Any, row: int, fields: dict[str, Any],
         defaults: dict[str, Any], refs: dict[str, Any]) -> None:
    record = records.get(key)
    if record is None:
        records[key] = Record.first(fields, defaults, refs, row)
    else:
        record.merge(fields, defaults, refs)


@dataclass
class Incoming:
    organizations: dict[OrgKey, Record] = field(default_factory=dict)
    contacts: dict[ContactKey, Record] = field(default_factory=dict)
    purchases: dict[PurchaseKey, Record] = field(default_factory=dict)
    items: dict[ItemKey, Record] = field(default_factory=dict)
    agreements: dict[AgreementKey, Record] = field(default_factory=dict)
    links: dict[AgreementKey, dict[ItemKey, None]] = field(default_factory=dict)

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
            record.merge(fields, {}, {})
        if role is not None:
            record.fields["roles"].add(role)
        return key

    def contact(self, org: OrgKey, name: str, row: int, fields: dict[str, Any],
                defaults: dict[str, Any]) -> ContactKey:
        key = (org, _name_key(name))
        _add(self.contacts, key, row, fields, {"name": name, **defaults},
             {"organization": org})
        return key

    def purchase(self, key: PurchaseKey, row: int, fields: dict[str, Any],
                 defaults: dict[str, Any], refs: dict[str, Any]) -> PurchaseKey:
        _add(self.purchases, key, row, fields, defaults, refs)
        return key

    def item(self, key: ItemKey, row: int, fields: dict[str, Any],
             defaults: dict[str, Any], refs: dict[str, Any]) -> ItemKey:
        _add(self.items, key, row, fields, defaults, refs)
        return key

    def agreement(self, key: AgreementKey, row: int, fields: dict[str, Any],
                  defaults: dict[str, Any], refs: dict[str, Any],
                  items: list[ItemKey]) -> AgreementKey:
        _add(self.agreements, key, row, fields, defaults, refs)
        covered = self.links.get(key)
        if covered is None:
            covered = self.links[key] = {}
        covered.update(dict.fromkeys(items))
        return key
