"""A register row (one agreement, its parties, order, serials and contacts per row)
becomes records: organizations with their roles, the purchase, the items, the agreement
covering them, the account manager and the support line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from contractdesk.domain.enums import AgreementKind, ContactRole, FirstLine, OrgRole
from contractdesk.importing.agreement_dates import agreement_start
from contractdesk.importing.incoming import (
    ContactKey,
    Incoming,
    ItemKey,
    PurchaseKey,
    agreement_key,
    item_key,
    no_po_key,
)
from contractdesk.importing.rows import ParsedRow

AGREEMENT_SIGNS = ("agreement.contract_number", "agreement.end_date", "agreement.start_date",
                   "agreement.warranty_months", "agreement.notice_period", "agreement.kind",
                   "agreement.initial_term", "agreement.open_ended")
PURCHASE_FIELDS = ("order_date", "invoice_number", "quote_number", "cost_center", "total")
ITEM_FIELDS = ("description", "part_number", "quantity", "unit_price", "location")
AGREEMENT_FIELDS = ("kind", "end_date", "auto_renew", "renewal_term", "notice_period", "cost",
                    "billing_period", "sla", "first_line_support", "oem_reference",
                    "cancelled", "initial_term", "open_ended", "notice_anchor",
                    "notice_form", "notice_clause", "lead_time_days")


def _targets(prefix: str, names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, f"{prefix}.{name}") for name in names)


PURCHASE_TARGETS = _targets("purchase", PURCHASE_FIELDS)
SUPPORT_TARGETS = (("phone", "contact.support_phone"), ("email", "contact.support_email"),
                   ("support_hours", "contact.support_hours"),
                   ("portal_url", "contact.portal_url"))
ITEM_TARGETS = _targets("item", ITEM_FIELDS)
AGREEMENT_TARGETS = _targets("agreement", AGREEMENT_FIELDS)


def _pick(values: dict[str, Any], targets: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    return {name: values[target] for name, target in targets if target in values}


@dataclass(slots=True)
class _Row:
    """One row's values and the keys of the parties it names."""

    values: dict[str, Any]
    number: int
    reseller: str | None
    oem: str | None
    has_agreement: bool
    notes: str | None


def add_register_row(incoming: Incoming, parsed: ParsedRow, profile: str | None) -> None:
    values = parsed.values
    extra = [values.get("agreement.notes")] + [f"{h}: {t}" for h, t in parsed.extra]
    row = _Row(values, parsed.number,
               incoming.organization(values.get("agreement.reseller"), OrgRole.RESELLER,
                                     parsed.number),
               incoming.organization(values.get("agreement.oem"), OrgRole.OEM, parsed.number),
               not values.keys().isdisjoint(AGREEMENT_SIGNS),
               "\n".join(p for p in extra if p) or None)
    purchase = _purchase(incoming, row)
    items = _items(incoming, row, purchase)
    manager = values.get("contact.account_manager")
    contact_org = row.reseller or row.oem
    if manager and contact_org:
        incoming.contact(contact_org, manager, row.number,
                         {"email": values.get("contact.account_manager_email"),
                          "phone": values.get("contact.account_manager_phone")},
                         {"role": ContactRole.ACCOUNT_MANAGER})
    if row.has_agreement:
        _agreement(incoming, row, profile, purchase, items)


def _purchase(incoming: Incoming, row: _Row) -> PurchaseKey | None:
    values = row.values
    po = values.get("purchase.po_number")
    fields = _pick(values, PURCHASE_TARGETS)
    if not row.has_agreement and row.notes:
        fields["notes"] = row.notes
    if po:
        key = po
        fields["po_number"] = po
    elif "purchase.order_date" in values and not row.has_agreement:
        key = no_po_key(values["purchase.order_date"], row.reseller, row.oem)
    else:
        return None
    return incoming.purchase(key, row.number, fields, {"currency": values["currency"]},
                             {"reseller": row.reseller, "oem": row.oem})


def _items(incoming: Incoming, row: _Row, purchase: PurchaseKey | None) -> list[ItemKey]:
    values = row.values
    serials: list[str] = values.get("item.serial_numbers", [])
    fields = _pick(values, ITEM_TARGETS)
    tag = values.get("item.asset_tag")
    keys = []
    each: list[str | None] = [*serials] or [None]
    for serial in each:
        key = item_key(row.oem, serial, tag, values.get("purchase.po_number"),
                       fields.get("description"))
        if key is None:
            continue
        item = {**fields, "serial_number": serial}
        if tag and len(serials) <= 1:
            item["asset_tag"] = tag
        keys.append(incoming.item(key, row.number, item, {},
                                  {"oem": row.oem, "purchase": purchase}))
    return keys


def _support(incoming: Incoming, row: _Row) -> ContactKey | None:
    """The agreement's support line, as a contact at whoever the user calls first: one
    per line, so hardware and software support of one OEM stay two contacts."""
    values = row.values
    fields = _pick(values, SUPPORT_TARGETS)
    if not fields:
        return None
    by_reseller = values.get("agreement.first_line_support") is FirstLine.RESELLER
    org, name = ((row.reseller, values.get("agreement.reseller"))
                 if by_reseller or not row.oem else (row.oem, values.get("agreement.oem")))
    if not org or not name:
        return None
    return incoming.support_line(org, _support_name(name), row.number, fields,
                                 {"role": ContactRole.SUPPORT})


@lru_cache(maxsize=4096)
def _support_name(party: str) -> str:
    return f"{' '.join(party.split())} support"


def _agreement(incoming: Incoming, row: _Row, profile: str | None,
               purchase: PurchaseKey | None, items: list[ItemKey]) -> None:
    values = row.values
    serials = values.get("item.serial_numbers", [])
    description = values.get("item.description")
    tag, po = values.get("item.asset_tag"), values.get("purchase.po_number")
    contract = values.get("agreement.contract_number")
    title = values.get("agreement.title")
    if title is None and profile == "snipe-it":
        title = f"Warranty {description or ''} ({serials[0] if serials else tag or po})"
    title = title or description or ", ".join(serials) or tag or po
    start = agreement_start(values.get("agreement.start_date"),
                            values.get("purchase.order_date"), values.get("agreement.end_date"))
    fields = {**_pick(values, AGREEMENT_TARGETS),
              "contract_number": contract, "title": title, "start_date": start,
              "notes": row.notes}
    if "agreement.cost" in values:
        fields["currency"] = values["currency"]
    warranty = profile == "snipe-it" or "agreement.warranty_months" in values
    defaults = {"currency": values["currency"],
                "kind": AgreementKind.WARRANTY if warranty else AgreementKind.OTHER}
    refs = {"oem": row.oem, "reseller": row.reseller, "purchase": purchase,
            "support_contact": _support(incoming, row)}
    incoming.agreement(agreement_key(row.oem, contract, title, start), row.number, fields,
                       defaults, refs, items)
