"""The queries behind the reports: plain frozen dataclasses, no reportlab.

The window shows the same data on screen (spend per year per currency, renewals by
month, who to call), so these functions are its services too.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

from contractdesk.db.models import Agreement, Organization


def org_name(organization: Organization | None) -> str | None:
    return organization.name if organization is not None else None


def notice_overdue(agreement: Agreement, today: dt.date, renewed: set[int]) -> bool:
    """The notice deadline has passed while the term still runs: the user may already
    be committed to another term, which a report must not let pass quietly."""
    deadline = agreement.notice_deadline
    return (deadline is not None and deadline < today and agreement.end_date is not None
            and agreement.end_date >= today and not agreement.cancelled
            and agreement.id not in renewed)


def closest(wanted: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The candidates most like ``wanted``, ignoring case, for "did you mean" hints."""
    by_folded = {c.casefold(): c for c in candidates}
    matches = difflib.get_close_matches(wanted.casefold(), list(by_folded), n=limit,
                                        cutoff=0.5)
    return [by_folded[m] for m in matches]
