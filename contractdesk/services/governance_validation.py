"""The rules of the governance records, registered with :mod:`contractdesk.services.validation`.

:mod:`contractdesk.services.validation` imports this module at its end, so
``records.create``/``update`` check reviews, due-diligence checks, risks and support
cases like every other record, whoever calls them.
"""

from __future__ import annotations

from typing import cast

from contractdesk.db.governance import (
    SCORE_FIELDS,
    DueDiligenceCheck,
    Review,
    Risk,
    SupportCase,
)
from contractdesk.domain.severity import SCALE
from contractdesk.services.validation import VALIDATORS


def _check_scale(problems: dict[str, str], field: str, value: int | None,
                 required: bool = False) -> None:
    if value is None:
        if required:
            problems[field] = "a value from 1 to 5 is required"
    elif isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        problems[field] = f"{value!r} is not a value from 1 to 5"


def _has(record: object, relation: str) -> bool:
    """True when the many-to-one ``relation`` is set, by object or by id."""
    return (getattr(record, relation, None) is not None
            or getattr(record, f"{relation}_id", None) is not None)


def validate_review(record: Review) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not _has(record, "organization"):
        problems["organization"] = "a review is of an organization"
    if cast("object", record.review_date) is None:
        problems["review_date"] = "a review needs its date"
    for field in SCORE_FIELDS:
        _check_scale(problems, field, getattr(record, field))
    if record.review_date and record.next_review and record.next_review <= record.review_date:
        problems["next_review"] = "the next review must come after this one"
    return problems


def validate_due_diligence(record: DueDiligenceCheck) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not _has(record, "organization"):
        problems["organization"] = "a due-diligence check is on an organization"
    if record.checked_on and record.expires_on and record.expires_on < record.checked_on:
        problems["expires_on"] = (f"it cannot expire ({record.expires_on.isoformat()}) "
                                  f"before it was checked ({record.checked_on.isoformat()})")
    return problems


def validate_risk(record: Risk) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not (_has(record, "organization") or _has(record, "agreement")):
        problems["organization"] = "a risk concerns an organization or an agreement"
    if not (record.description or "").strip():
        problems["description"] = "describe the risk"
    _check_scale(problems, "likelihood", record.likelihood, required=True)
    _check_scale(problems, "impact", record.impact, required=True)
    alternative = record.alternative_supplier
    same_id = (record.alternative_supplier_id is not None
               and record.alternative_supplier_id == record.organization_id)
    if (alternative is not None and alternative is record.organization) or same_id:
        problems["alternative_supplier"] = "the alternative must be another organization"
    return problems


def validate_support_case(record: SupportCase) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not (_has(record, "agreement") or _has(record, "item")):
        problems["agreement"] = "a support case is about an agreement or an item"
    if cast("object", record.opened_at) is None:
        problems["opened_at"] = "when was the call made?"
    elif record.resolved_at is not None and record.resolved_at < record.opened_at:
        problems["resolved_at"] = (f"resolved {record.resolved_at:%Y-%m-%d %H:%M} is before "
                                   f"opened {record.opened_at:%Y-%m-%d %H:%M}")
    if cast("object", record.called) is None:
        problems["called"] = "say whom we called: oem or reseller"
    return problems


VALIDATORS[Review] = validate_review
VALIDATORS[DueDiligenceCheck] = validate_due_diligence
VALIDATORS[Risk] = validate_risk
VALIDATORS[SupportCase] = validate_support_case
