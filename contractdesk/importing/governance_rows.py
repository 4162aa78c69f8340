"""Reading the governance lists of a ContractDesk export back in (the round trip).

Takes the rows :mod:`contractdesk.exporting.governance_rows` writes, from JSON (strings)
or xlsx (typed cells), after the organizations, agreements and items they refer to are
in the database. Each bad row is skipped with its reason, as data; the good ones are
created through :mod:`contractdesk.services.records`, so they are validated and audited.
A row whose record already exists (same natural key) is left alone, so importing the
same file twice does not duplicate anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.base import Base
from contractdesk.db.governance import SCORE_FIELDS, DueDiligenceCheck, Review, Risk, SupportCase
from contractdesk.db.models import Agreement, Document, Organization
from contractdesk.domain.enums import FirstLine
from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic, RiskStatus
from contractdesk.domain.sla import sla_met as computed_sla_met
from contractdesk.errors import UserError, ValidationError
from contractdesk.exporting.governance_rows import GOVERNANCE_KINDS
from contractdesk.importing.cells import shown, unstorable_text
from contractdesk.importing.dates import plausible_year
from contractdesk.services import records
from contractdesk.services.governance_lookup import require_agreement, require_item
from contractdesk.services.organizations import require_organization

E = TypeVar("E", bound=StrEnum)


@dataclass
class GovernanceImport:
    """Per kind: how many rows were created or already there; skipped rows with reasons
    (``index`` is the 1-based position in the list)."""

    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GOVERNANCE_KINDS, 0))
    existing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GOVERNANCE_KINDS, 0))
    skipped: list[dict[str, Any]] = field(default_factory=list)


def import_governance(session: Session, document: Mapping[str, Any]) -> GovernanceImport:
    """Creates the records of ``document``'s ``reviews``, ``due_diligence``, ``risks``
    and ``support_cases`` lists (missing lists are fine)."""
    result = GovernanceImport()
    for kind in GOVERNANCE_KINDS:
        rows = document.get(kind) or []
        if not isinstance(rows, list):
            result.skipped.append({"kind": kind, "index": 0, "reason": "not a list"})
            continue
        for index, row in enumerate(rows, start=1):
            try:
                if not isinstance(row, Mapping):
                    raise ValidationError({kind: "each entry must be an object"})
                _check_texts(row)
                created = READERS[kind](session, row)
            except UserError as error:
                result.skipped.append({"kind": kind, "index": index, "reason": str(error)})
                continue
            (result.created if created else result.existing)[kind] += 1
    return result


# --- values, from JSON strings or typed spreadsheet cells -------------------------------

def _check_texts(row: Mapping[str, Any]) -> None:
    for key, value in row.items():
        reason = unstorable_text(value) or unstorable_text(key)
        if reason is not None:
            raise ValidationError({str(key): reason})


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if _blank(value) else str(value).strip()


def _opt_text(row: Mapping[str, Any], key: str) -> str | None:
    return _text(row, key) or None


def _date(row: Mapping[str, Any], key: str) -> dt.date | None:
    value = row.get(key)
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise ValidationError({key: f"{value!r} is not a date (YYYY-MM-DD)"}) from None
    if not plausible_year(day.year):
        raise ValidationError({key: f"{value!r} is not a plausible date"})
    return day


def _datetime(row: Mapping[str, Any], key: str) -> dt.datetime | None:
    value = row.get(key)
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        parsed = dt.datetime.combine(value, dt.time())
    else:
        try:
            parsed = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(
                {key: f"{value!r} is not a date and time (YYYY-MM-DDTHH:MM)"}) from None
    if not plausible_year(parsed.year):  # also keeps the time zone shift from overflowing
        raise ValidationError({key: f"{value!r} is not a plausible date"})
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def _int(row: Mapping[str, Any], key: str) -> int | None:
    value = row.get(key)
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValidationError({key: f"{value!r} is not a whole number"})
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if re.fullmatch(r"-?[0-9]{1,18}", text):
        return int(text)
    raise ValidationError({key: f"{shown(text)} is not a whole number"})


_TRUE = frozenset({"true", "yes", "ja", "1", "y"})
_FALSE = frozenset({"false", "no", "nein", "0", "n"})


def _bool(row: Mapping[str, Any], key: str) -> bool | None:
    value = row.get(key)
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError({key: f"{value!r} is not true or false"})


def _enum(row: Mapping[str, Any], key: str, enum: type[E], default: E | None = None) -> E:
    value = row.get(key)
    if _blank(value):
        if default is None:
            raise ValidationError({key: "a value is required"})
        return default
    try:
        return enum(str(value).strip())
    except ValueError:
        words = ", ".join(member.value for member in enum)
        raise ValidationError({key: f"{value!r} is not one of {words}"}) from None


def _organization(session: Session, row: Mapping[str, Any], key: str
                  ) -> Organization | None:
    name = _opt_text(row, key)
    return require_organization(session, name) if name else None


def _agreement(session: Session, row: Mapping[str, Any]) -> Agreement | None:
    number = _opt_text(row, "agreement")
    return require_agreement(session, number) if number else None


def _exists(session: Session, model: type[Base], **keys: Any) -> bool:
    query = select(model).filter_by(**keys).limit(1)
    return session.scalars(query).first() is not None


# --- one reader per kind: True when created, False when it already existed ---------------

def read_review(session: Session, row: Mapping[str, Any]) -> bool:
    organization = _organization(session, row, "organization")
    review_date = _date(row, "review_date")
    if organization is None:
        raise ValidationError({"organization": "a review is of an organization"})
    if _exists(session, Review, organization_id=organization.id, review_date=review_date):
        return False
    records.create(session, Review, organization=organization, review_date=review_date,
                   reviewer=_opt_text(row, "reviewer"), findings=_text(row, "findings"),
                   actions=_text(row, "actions"), next_review=_date(row, "next_review"),
                   **{score: _int(row, score) for score in SCORE_FIELDS})
    return True


def read_due_diligence(session: Session, row: Mapping[str, Any]) -> bool:
    organization = _organization(session, row, "organization")
    if organization is None:
        raise ValidationError({"organization": "a due-diligence check is on an organization"})
    topic = _enum(row, "topic", DiligenceTopic, DiligenceTopic.OTHER)
    checked_on = _date(row, "checked_on")
    if _exists(session, DueDiligenceCheck, organization_id=organization.id, topic=topic,
               checked_on=checked_on):
        return False
    evidence_name = _opt_text(row, "evidence")
    evidence = session.scalars(select(Document).where(
        Document.organization_id == organization.id,
        Document.file_name == evidence_name)).first() if evidence_name else None
    notes = _text(row, "notes")
    if evidence_name and evidence is None:
        notes = f"{notes}\n(Evidence file not found on import: {evidence_name})".strip()
    records.create(session, DueDiligenceCheck, organization=organization, topic=topic,
                   result=_enum(row, "result", DiligenceResult, DiligenceResult.NOT_CHECKED),
                   checked_on=checked_on, expires_on=_date(row, "expires_on"),
                   evidence=evidence, notes=notes)
    return True


def read_risk(session: Session, row: Mapping[str, Any]) -> bool:
    organization = _organization(session, row, "organization")
    agreement = _agreement(session, row)
    description = _text(row, "description")
    if _exists(session, Risk, organization_id=organization.id if organization else None,
               agreement_id=agreement.id if agreement else None, description=description):
        return False
    records.create(session, Risk, organization=organization, agreement=agreement,
                   description=description, likelihood=_int(row, "likelihood"),
                   impact=_int(row, "impact"), mitigation=_text(row, "mitigation"),
                   alternative_supplier=_organization(session, row, "alternative_supplier"),
                   owner=_opt_text(row, "owner"),
                   status=_enum(row, "status", RiskStatus, RiskStatus.OPEN))
    return True


def read_support_case(session: Session, row: Mapping[str, Any]) -> bool:
    agreement = _agreement(session, row)
    serial = _opt_text(row, "item")
    item = require_item(session, serial) if serial else None
    opened_at = _datetime(row, "opened_at")
    case_number = _opt_text(row, "case_number")
    if _exists(session, SupportCase, opened_at=opened_at, case_number=case_number,
               agreement_id=agreement.id if agreement else None,
               item_id=item.id if item else None):
        return False
    resolved_at = _datetime(row, "resolved_at")
    given = _bool(row, "sla_met")
    computed = (computed_sla_met(agreement.sla if agreement else None, opened_at, resolved_at)
                if opened_at is not None else None)
    # A verdict that differs from the SLA's (or where there is none) was the user's.
    records.create(session, SupportCase, agreement=agreement, item=item, opened_at=opened_at,
                   resolved_at=resolved_at,
                   called=_enum(row, "called", FirstLine), case_number=case_number,
                   sla_met=given if given is not None else computed,
                   sla_met_by_user=given is not None and given != computed,
                   notes=_text(row, "notes"))
    return True


READERS: dict[str, Callable[[Session, Mapping[str, Any]], bool]] = {
    "reviews": read_review,
    "due_diligence": read_due_diligence,
    "risks": read_risk,
    "support_cases": read_support_case,
}
