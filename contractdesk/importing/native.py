"""ContractDesk's own exports, read back: the JSON contract and the xlsx workbook with
one sheet per record kind whose headers are the export's field names. References are
natural keys, so a re-import of an export matches every record and creates nothing.
Derived columns (``notice_deadline``, ``status``) are ignored. Term histories (the JSON
``terms``, the workbook's terms sheet) are handed on to
:mod:`contractdesk.importing.term_history`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from contractdesk.db.models import name_key
from contractdesk.domain.enums import (
    AgreementKind,
    BillingPeriod,
    ContactRole,
    FirstLine,
    NoticeAnchor,
    NoticeForm,
    OrgRole,
    OrgStatus,
    RiskLevel,
)
from contractdesk.errors import UserError
from contractdesk.exporting.governance_rows import GOVERNANCE_KINDS
from contractdesk.exporting.records import (
    COLUMNS,
    DERIVED,
    KINDS,
    TERM_KEY_COLUMNS,
    TERM_SHEET,
    TERM_SHEET_COLUMNS,
)
from contractdesk.importing.cells import Cell, Reason, cell_text, shown
from contractdesk.importing.dates import parse_date
from contractdesk.importing.incoming import (
    AgreementKey,
    GivenTerms,
    Incoming,
    agreement_key,
    item_key,
    no_po_key,
)
from contractdesk.importing.readers import Sheet
from contractdesk.importing.values import (
    Amount,
    is_blank,
    parse_bool,
    parse_count,
    parse_duration,
    parse_money,
    parse_serials,
)

FORMAT = "contractdesk"
MAX_JSON_BYTES = 200 * 1024 * 1024
ENUMS: dict[str, type[StrEnum]] = {
    "status": OrgStatus, "risk_level": RiskLevel, "role": ContactRole,
    "kind": AgreementKind, "billing_period": BillingPeriod,
    "first_line_support": FirstLine, "notice_anchor": NoticeAnchor,
    "notice_form": NoticeForm,
}
REFERENCE_FIELDS = frozenset({"organization", "reseller", "oem", "purchase",
                              "support_contact", "renewal_of", "serial_numbers"})


@dataclass
class NativeDocument:
    incoming: Incoming
    sheet: str
    header_row: int
    rows_read: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # reviews, due_diligence, risks, support_cases: applied through the ORM once the
    # records they refer to exist (contractdesk.importing.governance_rows)
    governance: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # the export's term histories, by the agreement they belong to
    terms: dict[AgreementKey, GivenTerms] = field(default_factory=dict)


def _enum(kind: type[StrEnum]) -> Callable[[Cell], Any]:
    def parse(cell: Cell) -> StrEnum | Reason | None:
        text = cell_text(cell).strip().lower()
        if not text:
            return None
        try:
            return kind(text)
        except ValueError:
            return Reason(f"{shown(cell)} is not one of {', '.join(m.value for m in kind)}")
    return parse


def _money(cell: Cell) -> Any:
    value = parse_money(cell)
    return value.value if isinstance(value, Amount) else value


def _roles(cell: Any) -> Any:
    words = cell if isinstance(cell, list) else cell_text(cell).replace(";", ",").split(",")
    try:
        return {OrgRole(str(word).strip().lower()) for word in words if str(word).strip()}
    except ValueError:
        return Reason(f"{shown(cell_text(', '.join(map(str, words))))} are not known roles")


def _text(cell: Cell) -> str | None:
    return cell_text(cell) or None


PARSERS: dict[str, Callable[[Any], Any]] = {
    **{name: _enum(kind) for name, kind in ENUMS.items()},
    **dict.fromkeys(("next_review", "order_date", "start_date", "end_date"), parse_date),
    **dict.fromkeys(("total", "unit_price", "cost"), _money),
    **dict.fromkeys(("auto_renew", "cancelled", "open_ended"), parse_bool),
    **dict.fromkeys(("renewal_term", "notice_period", "initial_term"), parse_duration),
    **dict.fromkeys(("quantity", "lead_time_days"), parse_count),
    "roles": _roles,
}


def _typed(record: dict[str, Any], columns: Iterable[str]) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    problems = []
    for column in columns:
        raw = record.get(column)
        if raw is None or (not isinstance(raw, list) and is_blank(raw)):
            continue
        if column in REFERENCE_FIELDS:
            values[column] = parse_serials(", ".join(map(str, raw))) if isinstance(raw, list) \
                else (parse_serials(raw) if column == "serial_numbers" else _text(raw))
            continue
        value = PARSERS.get(column, _text)(raw)
        if isinstance(value, Reason):
            problems.append(f"{column}: {value.text}")
        elif value is not None:
            values[column] = value
    return values, problems


class _Builder:
    def __init__(self, default_currency: str) -> None:
        self.incoming = Incoming()
        self.currency = default_currency
        self.terms: dict[AgreementKey, GivenTerms] = {}
        self.given_terms: Any = None  # the "terms" of the JSON agreement record being added

    def add(self, kind: str, row: int, values: dict[str, Any]) -> str | None:
        """Adds one record; returns a reason when it cannot be."""
        adder: Callable[[int, dict[str, Any]], str | None] = getattr(self, kind)
        return adder(row, values)

    def _org(self, name: str | None, row: int) -> str | None:
        return self.incoming.organization(name, None, row)

    def organizations(self, row: int, values: dict[str, Any]) -> str | None:
        name = values.pop("name", None)
        if not name:
            return "a name is required"
        roles = values.pop("roles", set())
        key = self.incoming.organization(name, None, row, **values)
        if key is not None:
            self.incoming.organizations[key].fields["roles"].update(roles)
        return None

    def contacts(self, row: int, values: dict[str, Any]) -> str | None:
        org = self._org(values.pop("organization", None), row)
        name = values.pop("name", None)
        if not org or not name:
            return "a contact needs an organization and a name"
        self.incoming.contact(org, name, row, values, {})
        return None

    def purchases(self, row: int, values: dict[str, Any]) -> str | None:
        reseller = self._org(values.pop("reseller", None), row)
        oem = self._org(values.pop("oem", None), row)
        key = values.get("po_number") or no_po_key(values.get("order_date"), reseller, oem)
        self.incoming.purchase(key, row, values, {"currency": self.currency},
                               {"reseller": reseller, "oem": oem})
        return None

    def items(self, row: int, values: dict[str, Any]) -> str | None:
        oem = self._org(values.pop("oem", None), row)
        po = values.pop("purchase", None)
        key = item_key(oem, values.get("serial_number"), values.get("asset_tag"), po,
                       values.get("description"))
        if key is None:
            return "an item needs a description, serial number or asset tag"
        self.incoming.item(key, row, values, {}, {"oem": oem, "purchase": po})
        return None

    def agreements(self, row: int, values: dict[str, Any]) -> str | None:
        oem = self._org(values.pop("oem", None), row)
        reseller = self._org(values.pop("reseller", None), row)
        serials = values.pop("serial_numbers", [])
        contact = values.pop("support_contact", None)
        refs = {"oem": oem, "reseller": reseller, "purchase": values.pop("purchase", None),
                "renewal_of": values.pop("renewal_of", None),
                "support_contact": self._contact(contact, (oem, reseller))}
        if not (values.get("contract_number") or values.get("title")):
            return "an agreement needs a contract number or a title"
        start, end = values.get("start_date"), values.get("end_date")
        if start and end and end < start:
            return (f"end date {end.isoformat()} is before start date "
                    f"{start.isoformat()}")
        items = [self.incoming.item(("serial", oem or "", s), row, {"serial_number": s}, {},
                                    {"oem": oem}) for s in serials]
        key = agreement_key(oem, values.get("contract_number"), values.get("title"), start)
        self.incoming.agreement(key, row, values, {"currency": self.currency}, refs, items)
        if self.given_terms is not None:
            self.terms[key] = GivenTerms(row, f"agreements record {row}", self.given_terms)
        return None

    def _contact(self, name: str | None, orgs: tuple[str | None, ...]
                 ) -> tuple[str, str] | None:
        if not name:
            return None
        wanted = name_key(name)
        for org in orgs:
            if org and (org, wanted) in self.incoming.contacts:
                return (org, wanted)
        known = [key for key in self.incoming.contacts if key[1] == wanted]
        if known:
            return known[0]
        first = next((org for org in orgs if org), None)
        return (first, wanted) if first else None


def _add_records(builder: _Builder, document: NativeDocument, kind: str,
                 records: Iterable[tuple[int, dict[str, Any]]], where: str) -> None:
    for row, record in records:
        document.rows_read += 1
        columns = [c for c in COLUMNS[kind] if kind != "agreements" or c not in DERIVED]
        values, problems = _typed(record, columns)
        builder.given_terms = record.get("terms") if kind == "agreements" else None
        reason = "; ".join(problems) or builder.add(kind, row, values)
        if reason:
            document.skipped.append((row, f"{kind} {where}{row}: {reason}"))


def read_json(path: Path, default_currency: str) -> NativeDocument:
    """Reads the JSON contract.

    Raises:
        UserError: not JSON, or not ContractDesk's format.
    """
    if path.stat().st_size > MAX_JSON_BYTES:
        raise UserError(f"{path.name} is too large to import.")
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise UserError(f"{path.name} is not valid JSON ({error}).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UserError(f"{path.name} is JSON, but not a ContractDesk export "
                        '(no "format": "contractdesk").')
    if document.get("version") != 1:
        raise UserError(f"{path.name} is a ContractDesk export of version "
                        f"{document.get('version')!r}; this version reads version 1.")
    builder = _Builder(default_currency)
    result = NativeDocument(builder.incoming, "", 0)
    for kind in KINDS:
        records = document.get(kind) or []
        if not isinstance(records, list):
            raise UserError(f"{path.name}: {kind!r} is not a list of records.")
        _add_records(builder, result, kind,
                     ((n, r) for n, r in enumerate(records, start=1) if isinstance(r, dict)),
                     "record ")
    result.governance = {kind: document[kind] for kind in GOVERNANCE_KINDS
                         if isinstance(document.get(kind), list)}
    result.terms = builder.terms
    return result


def native_workbook(sheets: list[Sheet], default_currency: str) -> NativeDocument | None:
    """The export workbook's record sheets, or None when this is some other workbook."""
    by_kind = {sheet.name.strip().casefold(): sheet for sheet in sheets}
    present = [kind for kind in KINDS if kind in by_kind]
    if len(present) < 2:
        return None
    headers = {kind: [cell_text(c) for c in (by_kind[kind].rows[:1] or [[]])[0]]
               for kind in present}
    if any(not set(filter(None, headers[k])) <= set(COLUMNS[k]) or not any(headers[k])
           for k in present):
        return None
    builder = _Builder(default_currency)
    result = NativeDocument(builder.incoming, ", ".join(by_kind[k].name for k in present), 1)
    for kind in present:
        names = headers[kind]
        rows = by_kind[kind].rows[1:]
        records = ((number, dict(zip(names, cells, strict=False)))
                   for number, cells in enumerate(rows, start=2)
                   if any(not is_blank(c) for c in cells))
        _add_records(builder, result, kind, records, f"sheet {by_kind[kind].name!r} row ")
    result.governance = {kind: _sheet_records(by_kind[kind]) for kind in GOVERNANCE_KINDS
                         if kind in by_kind}
    if TERM_SHEET in by_kind:
        result.terms = _sheet_terms(by_kind[TERM_SHEET])
    return result


def _sheet_terms(sheet: Sheet) -> dict[AgreementKey, GivenTerms]:
    """The terms sheet, one history per agreement, in the JSON contract's notation.

    An agreement is named by its contract number, OEM and title; one without a contract
    number is known by its current (last) term's start, as its record is. A sheet whose
    header is not the export's gives no histories: the agreements keep their current
    terms, as from any workbook.
    """
    names = [cell_text(c) for c in (sheet.rows[:1] or [[]])[0]]
    if not set(filter(None, names)) <= set(TERM_SHEET_COLUMNS):
        return {}
    grouped: dict[tuple[str, ...], tuple[int, list[dict[str, Any]]]] = {}
    for number, cells in enumerate(sheet.rows[1:], start=2):
        if all(is_blank(c) for c in cells):
            continue
        record = {name: _json_like(name, cells[i]) for i, name in enumerate(names)
                  if name and i < len(cells)}
        owner = tuple(str(record.pop(name, None) or "") for name in TERM_KEY_COLUMNS)
        grouped.setdefault(owner, (number, []))[1].append(record)
    histories = {}
    for (number_text, oem, title), (row, terms) in grouped.items():
        key = agreement_key(name_key(oem) if oem else None, number_text or None,
                            title or None, terms[-1].get("start_date"))
        histories[key] = GivenTerms(row, f"sheet {sheet.name!r} row {row}", terms)
    return histories


def _json_like(name: str, cell: Cell) -> Any:
    """A cell as the JSON export writes the value: dates in ISO notation, numbers as
    their text; what is not a date is passed on for the history's own check to name."""
    if is_blank(cell):
        return None
    if name in _TERM_DATES and isinstance(date := parse_date(cell), dt.date):
        return date.isoformat()
    return cell_text(cell).strip()


_TERM_DATES = frozenset({"start_date", "end_date", "notice_given_on"})


def _sheet_records(sheet: Sheet) -> list[dict[str, Any]]:
    """A sheet as records keyed by its header row, blank rows left out."""
    names = [cell_text(c) for c in (sheet.rows[:1] or [[]])[0]]
    return [dict(zip(names, cells, strict=False)) for cells in sheet.rows[1:]
            if any(not is_blank(c) for c in cells)]
