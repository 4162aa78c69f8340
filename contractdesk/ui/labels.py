"""Words for the stored vocabulary (enum values, field names) and how values look.

Stored values never change (they are the JSON contract); what people read comes from
here, through ``QCoreApplication.translate`` so a translation file can replace it.
Status colours are mid-tone so that a swatch reads on light and dark backgrounds alike;
status is always shown as text too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from contractdesk.domain.durations import Duration
from contractdesk.ui.qt import QColor, QCoreApplication, QDate, QLocale


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


_WORDS: dict[str, str] = {
    # agreement status
    "upcoming": "Upcoming", "active": "Active", "notice_due": "Notice due",
    "expiring": "Expiring", "expired": "Expired", "cancelled": "Cancelled",
    "renewed": "Renewed",
    "signed": "Signed", "auto_renewed": "Auto-renewed",
    # agreement kinds
    "warranty": "Warranty", "maintenance": "Maintenance",
    "software_support": "Software support", "subscription": "Subscription",
    "license": "Licence", "service": "Service", "other": "Other",
    # organization roles, status, risk
    "reseller": "Reseller", "oem": "OEM", "distributor": "Distributor",
    "service_provider": "Service provider", "not_reviewed": "Not reviewed",
    "approved": "Approved",
    "under_review": "Under review", "on_watch": "On watch", "blocked": "Blocked",
    "low": "Low", "medium": "Medium", "high": "High",
    # contact roles
    "account_manager": "Account manager", "support": "Support", "escalation": "Escalation",
    "billing": "Billing",
    # billing periods
    "one_off": "One-off", "monthly": "Monthly", "quarterly": "Quarterly",
    "annual": "Annual", "term": "Whole term",
    # start page actions
    "give_notice": "Give notice", "can_end": "Can end", "renews": "Renews",
    "expires": "Ends: renew or replace",
    "review": "Review due",
    # notice anchors and forms
    "term_end": "End of the term", "month_end": "End of a month",
    "quarter_end": "End of a quarter", "half_year_end": "End of a half-year",
    "year_end": "End of a year", "written": "Written (signed letter)",
    "text": "Text form (e-mail)", "portal": "Vendor portal",
}

_FIELDS: dict[str, str] = {
    "contract_number": "Contract number", "title": "Title", "kind": "Kind", "oem": "OEM",
    "oem_id": "OEM", "reseller": "Reseller", "reseller_id": "Reseller",
    "purchase": "Purchase (PO)", "start_date": "Start", "end_date": "End",
    "auto_renew": "Renews automatically", "renewal_term": "Renewal term",
    "notice_period": "Notice period", "notice_deadline": "Notice deadline", "cost": "Cost",
    "currency": "Currency", "billing_period": "Billing", "sla": "SLA",
    "first_line_support": "Call first", "support_contact_id": "Support contact",
    "oem_reference": "ID to quote (OEM reference)", "renewal_of": "Renews agreement",
    "cancelled": "Cancelled", "notes": "Notes", "item_ids": "Covered items",
    "status": "Status", "po_number": "PO number", "order_date": "Order date",
    "invoice_number": "Invoice", "quote_number": "Quote", "total": "Total",
    "cost_center": "Cost centre", "serial_number": "Serial number", "asset_tag": "Asset tag",
    "description": "Description", "part_number": "Part number", "quantity": "Qty",
    "unit_price": "Unit price", "location": "Location", "name": "Name", "roles": "Roles",
    "website": "Website", "customer_number": "Customer number", "phone": "Phone",
    "email": "E-mail", "address": "Address", "country": "Country",
    "payment_terms": "Payment terms", "risk_level": "Risk", "next_review": "Next review",
    "organization": "Organization", "organization_id": "Organization", "role": "Role",
    "support_hours": "Support hours", "portal_url": "Portal",
    "initial_term": "First term", "open_ended": "Open-ended (runs until notice)",
    "notice_anchor": "Notice counts back from", "notice_form": "Notice form",
    "lead_time_days": "Internal lead time (days)", "notice_clause": "Clause (wording)",
}

# Mid-tone colours: readable as a swatch on white and on near-black.
STATUS_COLOURS: dict[str, str] = {
    "notice_due": "#e07b00", "expiring": "#d4a600", "expired": "#8a8f98",
    "active": "#2e9d5b", "upcoming": "#3a7bd5", "cancelled": "#8a8f98",
    "renewed": "#2a9d9d", "overdue": "#d64545",
    "not_reviewed": "#8a8f98", "approved": "#2e9d5b", "under_review": "#d4a600",
    "on_watch": "#e07b00", "blocked": "#d64545",
}

PERIOD_COLUMNS = frozenset({"notice_period", "renewal_term", "initial_term"})
# A period's units as people write them: (one, several), by the locale's language.
_PERIOD_UNITS = {
    "en": {"years": ("year", "years"), "months": ("month", "months"),
           "weeks": ("week", "weeks"), "days": ("day", "days")},
    "de": {"years": ("Jahr", "Jahre"), "months": ("Monat", "Monate"),
           "weeks": ("Woche", "Wochen"), "days": ("Tag", "Tage")},
}

WORD_COLUMNS = frozenset({"kind", "status", "role", "risk_level", "first_line_support",
                          "billing_period", "action"})


def word(value: str | Enum | None) -> str:
    if value is None:
        return ""
    key = value.value if isinstance(value, Enum) else str(value)
    return _tr(_WORDS[key]) if key in _WORDS else key


def field_label(name: str) -> str:
    return _tr(_FIELDS.get(name, name.replace("_", " ").capitalize()))


def status_colour(value: str | Enum | None) -> QColor | None:
    key = value.value if isinstance(value, Enum) else value
    return QColor(STATUS_COLOURS[key]) if key in STATUS_COLOURS else None


@cache
def _locale(name: str) -> QLocale:
    return QLocale(name) if name else QLocale()


@cache
def _separators(name: str) -> tuple[str, str]:
    locale = _locale(name)
    if locale.language() == QLocale.Language.C:
        return ",", "."
    return locale.groupSeparator(), locale.decimalPoint()


@cache
def _date_format(name: str) -> str:
    locale = _locale(name)
    if locale.language() == QLocale.Language.C:  # no locale set: ISO is unambiguous
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


class Formats:
    """How dates and money are written for the chosen locale ("" = the system's)."""

    locale_name = ""

    @classmethod
    def date(cls, value: dt.date | None) -> str:
        if value is None:
            return ""
        return _locale(cls.locale_name).toString(QDate(value.year, value.month, value.day),
                                                 _date_format(cls.locale_name))

    @classmethod
    def money(cls, amount: Decimal | None, currency: str | None) -> str:
        """``18,400.00 EUR`` / ``18.400,00 EUR``: exact (Decimal formatting, no float)
        with the locale's separators; painting a list calls this for every cell."""
        if amount is None:
            return ""
        group, point = _separators(cls.locale_name)
        text = f"{amount:,.2f}".replace(",", "\0").replace(".", point).replace("\0", group)
        return f"{text} {currency or ''}".strip()

    @classmethod
    def period(cls, iso: str) -> str:
        """``P90D`` as "90 days", ``P3M`` as "3 months" (German: "3 Monate"): the stored
        ISO code is for machines; text that is no such code is shown as it is."""
        try:
            duration = Duration.parse(iso)
        except ValueError:
            return iso
        units = _PERIOD_UNITS.get(_locale(cls.locale_name).name()[:2], _PERIOD_UNITS["en"])
        parts = [f"{count} {units[unit][count != 1]}" for unit, count
                 in (("years", duration.years), ("months", duration.months),
                     ("weeks", duration.weeks), ("days", duration.days)) if count]
        return " ".join(parts) or f"0 {units['days'][1]}"


def display(name: str, value: Any, row: dict[str, Any] | None = None) -> str:
    """The text of ``value`` in a cell of column ``name``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _tr("yes") if value else ""
    if isinstance(value, dt.date):
        return Formats.date(value)
    if isinstance(value, Decimal):
        return Formats.money(value, (row or {}).get("currency"))
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(word(v) for v in value))
    if isinstance(value, Enum):
        return word(value)
    if name in WORD_COLUMNS:
        return word(value)
    if name in PERIOD_COLUMNS:
        return Formats.period(str(value))
    if name == "roles":  # stored as "oem,reseller"
        return ", ".join(sorted(word(part) for part in str(value).split(",") if part))
    return str(value)
