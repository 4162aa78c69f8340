"""The rules a record must keep, as reasons per field that the UI shows next to a field.

Validators only read; :func:`normalize` tidies values first (blank optional keys become
NULL so unique constraints ignore them, currency codes upper-case, durations canonical
ISO even when written in words, an enum's stored word its member).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from contextlib import suppress
from enum import Enum
from functools import cache
from typing import Any, cast

from sqlalchemy import Enum as EnumColumn
from sqlalchemy import inspect

from contractdesk.db.base import Base
from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.domain.durations import Duration
from contractdesk.domain.money import is_currency
from contractdesk.errors import ValidationError
from contractdesk.services.typed_values import PERIOD_FIELDS, read_period

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_OPTIONAL_KEYS = ("po_number", "serial_number", "asset_tag", "contract_number", "email",
                  "phone", "website", "customer_number", "oem_reference", "sla",
                  "renewal_term", "notice_period", "initial_term", "invoice_number",
                  "quote_number")


def normalize(record: Base) -> None:
    for key in _OPTIONAL_KEYS:
        value = getattr(record, key, None)
        if isinstance(value, str):
            stripped = value.strip()
            setattr(record, key, stripped or None)
    for key in ("currency",):
        value = getattr(record, key, None)
        if isinstance(value, str):
            setattr(record, key, value.strip().upper() or None)
    for key, role in PERIOD_FIELDS.items():
        value = getattr(record, key, None)
        if value:
            # an unreadable one is reported by the validator with the user's own text
            with suppress(ValueError):
                setattr(record, key, read_period(value, role))
    for key, enum in _enum_columns(type(record)).items():
        value = getattr(record, key)
        if isinstance(value, str) and not isinstance(value, Enum):
            with suppress(ValueError):
                setattr(record, key, enum(value))
    if isinstance(record, Agreement):
        _end_from_initial_term(record)
    if isinstance(record, Organization | Contact) and isinstance(record.name, str):
        record.name = " ".join(record.name.split())


@cache
def _enum_columns(model: type[Base]) -> dict[str, type[Enum]]:
    """The record's enum attributes and their enums (kind, status, billing period...)."""
    return {attribute.key: attribute.columns[0].type.enum_class
            for attribute in inspect(model).column_attrs
            if isinstance(attribute.columns[0].type, EnumColumn)
            and attribute.columns[0].type.enum_class is not None}


def _check_enums(problems: dict[str, str], record: Base) -> None:
    """A word outside an enum ("support" as a kind) is refused here, by field, rather
    than by the database on flush."""
    for key, enum in _enum_columns(type(record)).items():
        value = getattr(record, key)
        if value is not None and not isinstance(value, enum):
            allowed = ", ".join(str(member.value) for member in enum)
            problems[key] = f"{str(value)!r} is not one of: {allowed}"


def _check_email(problems: dict[str, str], value: str | None) -> None:
    if value and not EMAIL.match(value):
        problems["email"] = f"{value!r} is not an e-mail address"


def _check_currency(problems: dict[str, str], value: str | None, required: bool) -> None:
    if not value:
        if required:
            problems["currency"] = "a currency is required (ISO 4217, e.g. EUR)"
    elif not is_currency(value):
        problems["currency"] = f"{value!r} is not an ISO 4217 currency code"


def _check_duration(problems: dict[str, str], field: str, value: str | None) -> None:
    if value:
        try:
            read_period(value, PERIOD_FIELDS[field])
        except ValueError as error:
            problems[field] = str(error)


def _check_amount(problems: dict[str, str], field: str, value: Any) -> None:
    if value is None:
        return
    if value < 0:
        problems[field] = "an amount cannot be negative"
    elif value != round(value, 2):
        problems[field] = "an amount has at most two decimal places"


def validate_organization(record: Organization) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not (record.name or "").strip():
        problems["name"] = "a name is required"
    _check_email(problems, record.email)
    _check_currency(problems, record.currency, required=False)
    return problems


def validate_contact(record: Contact) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not (record.name or "").strip():
        problems["name"] = "a name is required"
    # Both are None on a new contact until one is set, whatever the annotations say.
    organization = cast("Organization | None", record.organization)
    organization_id = cast("int | None", record.organization_id)
    if organization_id is None and organization is None:
        problems["organization"] = "a contact belongs to an organization"
    _check_email(problems, record.email)
    return problems


def validate_purchase(record: Purchase) -> dict[str, str]:
    problems: dict[str, str] = {}
    _check_currency(problems, record.currency, required=True)
    _check_amount(problems, "total", record.total)
    return problems


def validate_item(record: Item) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not (record.description or record.serial_number or record.asset_tag):
        problems["description"] = "an item needs a description, serial number or asset tag"
    if record.quantity is not None and record.quantity < 1:
        problems["quantity"] = "the quantity must be at least 1"
    _check_amount(problems, "unit_price", record.unit_price)
    return problems


def _end_from_initial_term(record: Agreement) -> None:
    """"Laufzeit 36 Monate" from a start date gives the end date: stored, so every
    output reads it as it reads any other end."""
    if record.end_date is None and record.initial_term and record.start_date:
        with suppress(ValueError, OverflowError):
            record.end_date = (Duration.parse(record.initial_term).after(record.start_date)
                               - dt.timedelta(days=1))


def validate_agreement(record: Agreement) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not (record.contract_number or record.title):
        problems["contract_number"] = "an agreement needs a contract number or a title"
    if record.start_date and record.end_date and record.end_date < record.start_date:
        problems["end_date"] = (f"end date {record.end_date.isoformat()} is before start "
                                f"date {record.start_date.isoformat()}")
    _check_currency(problems, record.currency, required=True)
    _check_amount(problems, "cost", record.cost)
    _check_duration(problems, "notice_period", record.notice_period)
    _check_duration(problems, "renewal_term", record.renewal_term)
    _check_duration(problems, "initial_term", record.initial_term)
    if record.open_ended and record.auto_renew:
        problems["open_ended"] = ("an open-ended agreement runs until notice; it does not "
                                  "also renew automatically")
    if record.lead_time_days is not None and not 0 <= record.lead_time_days <= 365:
        problems["lead_time_days"] = "the lead time is 0 to 365 days"
    if record.renewal_of is not None and record.renewal_of is record:
        problems["renewal_of"] = "an agreement cannot renew itself"
    return problems


VALIDATORS: dict[type[Base], Callable[[Any], dict[str, str]]] = {
    Organization: validate_organization,
    Contact: validate_contact,
    Purchase: validate_purchase,
    Item: validate_item,
    Agreement: validate_agreement,
}


def check(record: Base) -> None:
    """Normalises and validates ``record``.

    Raises:
        ValidationError: with every problem found, not only the first.
    """
    normalize(record)
    validator = VALIDATORS.get(type(record))
    problems = validator(record) if validator else {}
    _check_enums(problems, record)
    if problems:
        raise ValidationError(problems)


from contractdesk.services import governance_validation  # noqa: E402, F401  (registers its rules)
