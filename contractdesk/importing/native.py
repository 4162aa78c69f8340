"""ContractDesk's own exports, read back: the JSON contract and the xlsx workbook with
one sheet per record kind whose headers are the export's field names. References are
natural keys, so a re-import of an export matches every record and creates nothing.
Derived columns (``notice_deadline``, ``status``) are ignored. Term histories (the JSON
``terms``, the workbook's terms sheet) are handed on to
:mod:`contractdesk.importing.term_history`.

A CSV export holds one kind; it is known by its header, exactly that kind's columns,
and read here too, its formula protection undone (``unescape_csv_cell``). The records it
names but does not hold (an agreement's purchase and support contact) are matched in
the database, or created with what the file says about them.

Text is taken exactly as the export wrote it: line breaks, tabs and spaces are part of
a note, and a ``-`` is a value, not a blank cell (registers are read more loosely), so
importing an unchanged export changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from contractdesk.db.models import name_key, serial_key
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
from contractdesk.exporting.cells import LIST_SEPARATOR
from contractdesk.exporting.csv_export import unescape_csv_cell
from contractdesk.exporting.governance_rows import GOVERNANCE_KINDS
from contractdesk.exporting.records import (
    COLUMNS,
    DERIVED,
    KINDS,
    LINK_SHEET,
    LINK_SHEET_COLUMNS,
    TERM_KEY_COLUMNS,
    TERM_SHEET,
    TERM_SHEET_COLUMNS,
)
from contractdesk.importing.agreement_dates import dates_problem
from contractdesk.importing.cells import (
    Cell,
    Reason,
    RowWarning,
    cell_text,
    shown,
    unstorable_text,
)
from contractdesk.importing.dates import parse_date
from contractdesk.importing.incoming import (
    AgreementKey,
    GivenTerms,
    Incoming,
    ItemKey,
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
)

FORMAT = "contractdesk"
MAX_JSON_BYTES = 200 * 1024 * 1024
ENUMS: dict[str, type[StrEnum]] = {
    "status": OrgStatus, "risk_level": RiskLevel, "role": ContactRole,
    "kind": AgreementKind, "billing_period": BillingPeriod,
    "first_line_support": FirstLine, "notice_anchor": NoticeAnchor,
    "notice_form": NoticeForm,
}


@dataclass
class NativeDocument:
    incoming: Incoming
    sheet: str
    header_row: int
    rows_read: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
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
    """The text exactly as exported (:func:`cell_text` would join a note's lines)."""
    return (cell if type(cell) is str else cell_text(cell)) or None


def _serials(cell: Any) -> list[str]:
    """A JSON list of serial numbers, or a cell of them as the export joins them: each
    serial exactly (one may hold a slash or a space), duplicates dropped."""
    parts = cell if isinstance(cell, list) else (_text(cell) or "").split(LIST_SEPARATOR)
    return list(dict.fromkeys(text for part in parts if (text := _text(part))))


def _blank(raw: Any, is_text: bool) -> bool:
    """Nothing given: an empty cell; for a value that is not text, also a register's
    empty words (``n/a``), as a user may type in an exported workbook."""
    if raw is None or raw == "":
        return True
    return not is_text and not isinstance(raw, list) and is_blank(raw)


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
        parser = PARSERS.get(column)
        if _blank(raw, parser is None):
            continue
        unstorable = next(filter(None, map(unstorable_text,
                                           raw if isinstance(raw, list) else [raw])), None)
        if unstorable is not None:
            problems.append(f"{column}: {unstorable}")
            continue
        value = _serials(raw) if column == "serial_numbers" else (parser or _text)(raw)
        if isinstance(value, Reason):
            problems.append(f"{column}: {value.text}")
        elif value is not None:
            values[column] = value
    return values, problems


class _Builder:
    def __init__(self, default_currency: str, kinds: Iterable[str] = KINDS,
                 links: dict[AgreementKey, list[str]] | None = None) -> None:
        self.incoming = Incoming()
        self.currency = default_currency
        self.kinds = frozenset(kinds)  # the kinds the file holds
        self.links = links  # the sheet of covered items, where the workbook has one
        self.terms: dict[AgreementKey, GivenTerms] = {}
        self.given_terms: Any = None  # the "terms" of the JSON agreement record being added
        self.by_serial: dict[str, ItemKey] = {}  # the file's items, for the agreements

    def add(self, kind: str, row: int, values: dict[str, Any]) -> str | None:
        """Adds one record; returns a reason when it cannot be."""
        adder: Callable[[int, dict[str, Any]], str | None] = getattr(self, kind)
        return adder(row, values)

    def _org(self, name: str | None, row: int) -> str | None:
        """An organization the record refers to, named as exported where the file does
        not hold it (registers have their names' spacing tidied; an export has not)."""
        key = self.incoming.organization(name, None, row)
        if key is not None and name is not None and "organizations" not in self.kinds:
            self.incoming.organizations[key].defaults["name"] = name
        return key

    def organizations(self, row: int, values: dict[str, Any]) -> str | None:
        name = values.pop("name", None)
        if not name:
            return "a name is required"
        roles = values.pop("roles", set())
        key = self.incoming.organization(name, None, row, **values)
        if key is not None:
            self.incoming.organizations[key].defaults["name"] = name
            self.incoming.organizations[key].fields["roles"].update(roles)
        return None

    def contacts(self, row: int, values: dict[str, Any]) -> str | None:
        org = self._org(values.pop("organization", None), row)
        name = values.pop("name", None)
        if not org or not name:
            return "a contact needs an organization and a name"
        self.incoming.contact(org, name, row, values, {})
        return None

    def _purchase(self, po: str | None, row: int) -> str | None:
        """A purchase the record refers to; made from its PO number alone where the
        file holds no purchases (a CSV export), so the link is not lost."""
        if po and "purchases" not in self.kinds:
            self.incoming.purchase(po, row, {"po_number": po}, {"currency": self.currency},
                                   {})
        return po

    def purchases(self, row: int, values: dict[str, Any]) -> str | None:
        reseller = self._org(values.pop("reseller", None), row)
        oem = self._org(values.pop("oem", None), row)
        key = values.get("po_number") or no_po_key(values.get("order_date"), reseller, oem)
        self.incoming.purchase(key, row, values, {"currency": self.currency},
                               {"reseller": reseller, "oem": oem})
        return None

    def items(self, row: int, values: dict[str, Any]) -> str | None:
        oem = self._org(values.pop("oem", None), row)
        po = self._purchase(values.pop("purchase", None), row)
        key = item_key(oem, values.get("serial_number"), values.get("asset_tag"), po,
                       values.get("description"))
        if key is None:
            return "an item needs a description, serial number or asset tag"
        self.incoming.item(key, row, values, {}, {"oem": oem, "purchase": po})
        if key[0] == "serial":
            self.by_serial.setdefault(key[2], key)
        return None

    def _covered(self, serial: str, oem: str | None, row: int) -> ItemKey:
        """The item an agreement covers: the file's item of that serial (whose OEM may
        be another than the agreement's), else one made from the serial."""
        key = ("serial", oem or "", serial_key(serial) or serial)
        if key in self.incoming.items:
            return key
        return self.by_serial.get(key[2]) or self.incoming.item(
            key, row, {"serial_number": serial}, {}, {"oem": oem})

    def agreements(self, row: int, values: dict[str, Any]) -> str | None:
        oem = self._org(values.pop("oem", None), row)
        reseller = self._org(values.pop("reseller", None), row)
        serials = values.pop("serial_numbers", [])
        contact = values.pop("support_contact", None)
        if not (values.get("contract_number") or values.get("title")):
            return "an agreement needs a contract number or a title"
        start, end = values.get("start_date"), values.get("end_date")
        problem = dates_problem(start, end)
        if problem:
            return problem
        key = agreement_key(oem, values.get("contract_number"), values.get("title"), start)
        if self.links is not None:  # the sheet of covered items lists every serial
            serials = self.links.get(key, [])
        refs = {"oem": oem, "reseller": reseller,
                "purchase": self._purchase(values.pop("purchase", None), row),
                "renewal_of": values.pop("renewal_of", None),
                "support_contact": self._contact(contact, (oem, reseller), row)}
        items = [self._covered(serial, oem, row) for serial in serials]
        self.incoming.agreement(key, row, values, {"currency": self.currency}, refs, items)
        if self.given_terms is not None:
            self.terms[key] = GivenTerms(row, f"agreements record {row}", self.given_terms)
        return None

    def _contact(self, name: str | None, orgs: tuple[str | None, ...], row: int
                 ) -> tuple[str, str] | None:
        """The support contact by name, at one of the agreement's parties. Where the
        file holds no contacts (a CSV export), it is the database's contact of that name
        at either party, else a new one at the first."""
        if not name:
            return None
        wanted = name_key(name)
        for org in orgs:
            if org and (org, wanted) in self.incoming.contacts:
                return (org, wanted)
        known = [key for key in self.incoming.contacts if key[1] == wanted]
        if known:
            return known[0]
        parties = [org for org in orgs if org]
        if not parties:
            return None
        if "contacts" not in self.kinds:
            key = self.incoming.contact(parties[0], name, row, {}, {})
            self.incoming.contacts[key].aliases = tuple((org, wanted) for org in parties[1:])
        return (parties[0], wanted)


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


JSON_INT_DIGITS = 30  # past any amount or count; int() refuses 4,300 digits with an error


def _json_int(digits: str) -> int | str:
    """A JSON integer, or its digits as text when too long to be one (the field's
    parser then says why, for its record alone)."""
    return int(digits) if len(digits) <= JSON_INT_DIGITS else digits


def read_json(path: Path, default_currency: str) -> NativeDocument:
    """Reads the JSON contract.

    Raises:
        UserError: not JSON, or not ContractDesk's format.
    """
    if path.stat().st_size > MAX_JSON_BYTES:
        raise UserError(f"{path.name} is too large to import.")
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"), parse_int=_json_int)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise UserError(f"{path.name} is not valid JSON ({error}).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UserError(f"{path.name} is JSON, but not a ContractDesk export "
                        '(no "format": "contractdesk").')
    if document.get("version") != 1:
        raise UserError(f"{path.name} is a ContractDesk export of version "
                        f"{document.get('version')!r}; this version reads version 1.")
    builder = _Builder(default_currency, (kind for kind in KINDS if kind in document))
    result = NativeDocument(builder.incoming, "", 0)
    for kind in KINDS:
        records = document.get(kind) or []
        if not isinstance(records, list):
            raise UserError(f"{path.name}: {kind!r} is not a list of records.")
        for number, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                result.rows_read += 1
                result.skipped.append((number, f"{kind} record {number}: not a record "
                                               f"(an object with fields) but {shown(record)}"))
        _add_records(builder, result, kind,
                     ((n, r) for n, r in enumerate(records, start=1) if isinstance(r, dict)),
                     "record ")
    result.governance = {kind: document[kind] for kind in GOVERNANCE_KINDS
                         if isinstance(document.get(kind), list)}
    result.terms = builder.terms
    return result


def native_workbook(sheets: list[Sheet], default_currency: str) -> NativeDocument | None:
    """The export workbook's record sheets, or the one kind of a CSV export, or None
    when this is some other file."""
    if len(sheets) == 1 and sheets[0].text_format is not None:
        return _native_csv(sheets[0], default_currency)
    by_kind = {sheet.name.strip().casefold(): sheet for sheet in sheets}
    present = [kind for kind in KINDS if kind in by_kind]
    if len(present) < 2:
        return None
    headers = {kind: [cell_text(c) for c in (by_kind[kind].rows[:1] or [[]])[0]]
               for kind in present}
    if any(not set(filter(None, headers[k])) <= set(COLUMNS[k]) or not any(headers[k])
           for k in present):
        return None
    links = _sheet_links(by_kind[LINK_SHEET]) if LINK_SHEET in by_kind else None
    builder = _Builder(default_currency, present, links)
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


def _native_csv(sheet: Sheet, default_currency: str) -> NativeDocument | None:
    """A CSV file whose header is exactly one kind's export columns, read as the export
    wrote it (every cell's formula protection undone); None for any other CSV file."""
    header = [cell_text(cell) for cell in (sheet.rows[:1] or [[]])[0]]
    kind = next((kind for kind in KINDS if sorted(header) == sorted(COLUMNS[kind])), None)
    if kind is None:
        return None
    builder = _Builder(default_currency, (kind,))
    result = NativeDocument(builder.incoming, sheet.name, 1)
    records = ((number, {name: unescape_csv_cell(cell) if isinstance(cell, str) else cell
                         for name, cell in zip(header, cells, strict=False)})
               for number, cells in enumerate(sheet.rows[1:], start=2)
               if any(not is_blank(c) for c in cells))
    _add_records(builder, result, kind, records, "row ")
    return result


def _sheet_links(sheet: Sheet) -> dict[AgreementKey, list[str]] | None:
    """The sheet of covered items: each agreement's serial numbers, every one; None
    when its header is not the export's (the agreements' own column is read then)."""
    names = [cell_text(c) for c in (sheet.rows[:1] or [[]])[0]]
    if not set(LINK_SHEET_COLUMNS) <= set(names):
        return None
    links: dict[AgreementKey, list[str]] = {}
    for cells in sheet.rows[1:]:
        record = dict(zip(names, cells, strict=False))
        serial = _text(record.get("serial_number"))
        if serial is None:
            continue
        oem, start = _text(record.get("oem")), parse_date(record.get("start_date"))
        key = agreement_key(name_key(oem) if oem else None,
                            _text(record.get("contract_number")), _text(record.get("title")),
                            start if isinstance(start, dt.date) else None)
        links.setdefault(key, []).append(serial)
    return links


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
