"""Which column feeds which field: synonyms, small variations, known exports, overrides.

Matching runs in rounds of falling certainty (exact synonym, synonym without a bracketed
note such as ``(ex VAT)``, a synonym inside a longer header, a near miss), and a field
taken in an earlier round is not given to a weaker match later; so ``Support E-mail``
claims the support address before ``E-mail`` could.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from contractdesk.errors import UserError
from contractdesk.importing.fields import (
    BY_TARGET,
    FIELDS,
    IDENTIFYING,
    normalise_header,
    without_brackets,
)

FUZZY_CUTOFF = 0.88


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    header: str
    target: str | None


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    columns: tuple[Column, ...]
    profile: str | None = None
    ignored: frozenset[int] = frozenset()  # mapped to null by the user: not even notes

    @property
    def fields(self) -> dict[str, int]:
        return {c.target: c.index for c in self.columns if c.target is not None}

    @property
    def unmapped(self) -> list[Column]:
        return [c for c in self.columns
                if c.target is None and c.header and c.index not in self.ignored]

    def report(self) -> dict[str, str]:
        """Header → field, as the import summary shows it."""
        return {c.header: c.target for c in self.columns if c.target is not None}

    def identifies_rows(self) -> bool:
        return any(target in self.fields for target in IDENTIFYING)


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for field in FIELDS:
        for synonym in field.synonyms:
            table.setdefault(normalise_header(synonym), field.target)
    return table


# Snipe-IT's asset export: its "Category" is a device class and "Name" a host name, so
# its columns are mapped as a whole rather than one synonym at a time.
SNIPE_IT = {
    "asset tag": "item.asset_tag", "serial": "item.serial_numbers",
    "model": "item.description", "model no": "item.part_number",
    "manufacturer": "agreement.oem", "supplier": "agreement.reseller",
    "purchase date": "purchase.order_date", "purchase cost": "item.unit_price",
    "order number": "purchase.po_number", "order no": "purchase.po_number",
    "warranty months": "agreement.warranty_months", "warranty": "agreement.warranty_months",
    "warranty expires": "agreement.end_date", "location": "item.location",
    "notes": "agreement.notes", "currency": "agreement.currency",
}
SNIPE_IT_SIGNATURE = frozenset({"asset tag", "serial", "model", "manufacturer",
                                "warranty months", "warranty expires"})


@lru_cache(maxsize=4096)
def match_header(header: str, fuzzy: bool = True) -> tuple[str, int] | None:
    """The field a header names and how sure the match is (3 exact … 0 near miss)."""
    normal = normalise_header(header)
    if not normal:
        return None
    table = _synonyms()
    if normal in table:
        return table[normal], 3
    bare = normalise_header(without_brackets(header))
    if bare in table:
        return table[bare], 2
    padded = f" {bare or normal} "
    inside = [(len(s), t) for s, t in table.items() if len(s) >= 4 and f" {s} " in padded]
    if inside:
        return max(inside)[1], 1
    if not fuzzy:
        return None
    close = difflib.get_close_matches(normal, list(table), n=1, cutoff=FUZZY_CUTOFF)
    if close:
        return table[close[0]], 0
    return None


def header_score(cells: Sequence[str]) -> int:
    """How much a row looks like a header row: distinct fields its cells name (near
    misses are left out here: they are slow, and data cells are no headers)."""
    targets = {m[0] for cell in cells if cell and len(cell) <= 60
               and (m := match_header(cell, fuzzy=False)) is not None}
    return len(targets)


def auto_mapping(headers: Sequence[str]) -> ColumnMapping:
    normals = [normalise_header(h) for h in headers]
    if len(SNIPE_IT_SIGNATURE & set(normals)) >= 4:
        taken: set[str] = set()
        columns = []
        for index, (header, normal) in enumerate(zip(headers, normals, strict=True)):
            target = SNIPE_IT.get(normal)
            target = target if target not in taken else None
            if target is not None:
                taken.add(target)
            columns.append(Column(index, header, target))
        return ColumnMapping(tuple(columns), profile="snipe-it")
    matches = {i: match_header(h) for i, h in enumerate(headers) if h}
    chosen: dict[int, str] = {}
    taken = set()
    for certainty in (3, 2, 1, 0):
        for index, found in matches.items():
            if found and found[1] == certainty and found[0] not in taken \
                    and index not in chosen:
                chosen[index] = found[0]
                taken.add(found[0])
    return ColumnMapping(tuple(Column(i, h, chosen.get(i)) for i, h in enumerate(headers)))


def with_overrides(auto: ColumnMapping, overrides: Mapping[str, str | None]) -> ColumnMapping:
    """The automatic mapping with the user's choices on top; ``null`` ignores a column.

    Raises:
        UserError: an unknown field, or a header the sheet does not have.
    """
    check_targets(overrides)
    by_header = {c.header.strip().casefold(): c for c in auto.columns}
    chosen = {c.index: c.target for c in auto.columns}
    ignored = set(auto.ignored)
    for header, target in overrides.items():
        column = by_header.get(header.strip().casefold())
        if column is None:
            raise UserError(f"The mapping names a column {header!r}, which the sheet does "
                            "not have.")
        if target:
            for index, previous in chosen.items():
                if previous == target:
                    chosen[index] = None
        chosen[column.index] = target or None
        if not target:
            ignored.add(column.index)
    return ColumnMapping(tuple(Column(c.index, c.header, chosen[c.index])
                               for c in auto.columns), auto.profile, frozenset(ignored))


def check_targets(overrides: Mapping[str, str | None]) -> None:
    """Raises:
        UserError: the mapping names a field that does not exist.
    """
    for header, target in overrides.items():
        if target and target not in BY_TARGET:
            raise UserError(f"The mapping maps {header!r} to {target!r}, which is not a "
                            f"field; fields are: {', '.join(sorted(BY_TARGET))}.")


def load_overrides(path: Path) -> dict[str, str | None]:
    """Reads a ``--mapping`` file: ``{"Header text": "agreement.contract_number", ...}``.

    Raises:
        UserError: unreadable, not JSON, or not an object of texts.
    """
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise UserError(f"Cannot read the mapping file {path}: {error.strerror}.") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(f"The mapping file {path.name} is not valid JSON ({error}).") from error
    if not isinstance(document, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str))
            for k, v in document.items()):
        raise UserError(f"The mapping file {path.name} must be a JSON object of "
                        '"Header": "field" pairs.')
    return document
