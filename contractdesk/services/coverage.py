"""Which devices are covered, which lose cover soon, and which have none.

After "who do I call", the question users ask most. An item is covered on a day when
one of the agreements covering it covers on that day, by the same rule the search card
and the support card use (:func:`contractdesk.domain.agreement_term.covers` over the
agreement's derived status), so every output gives the same answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement, Item
from contractdesk.domain.agreement_term import covers
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.organizations import require_organization
from contractdesk.services.renewals import renewed_ids, status_of


class CoverStatus(StrEnum):
    UNCOVERED = "uncovered"
    ENDING = "ending"  # covered, but the cover ends within the window
    COVERED = "covered"


@dataclass(frozen=True, slots=True)
class ItemCover:
    """One item and the agreement that covers it longest on the day asked."""

    item_id: int
    serial_number: str | None
    asset_tag: str | None
    oem: str | None
    location: str | None
    description: str
    covered_by: str | None  # contract number (or title) of the covering agreement
    covered_by_id: int | None
    cover_until: dt.date | None  # None: not covered, or covered without an end
    status: CoverStatus


_ORDER = {CoverStatus.UNCOVERED: 0, CoverStatus.ENDING: 1, CoverStatus.COVERED: 2}


def item_covers(session: Session, today: dt.date, *, within: int = DEFAULT_REMINDER_DAYS,
                oem: str | None = None, uncovered_only: bool = False) -> list[ItemCover]:
    """Every item (of ``oem``, if named) with its running cover: uncovered first, then
    those whose cover ends within ``within`` days (soonest first), then the covered;
    within each, by OEM, site and serial. ``uncovered_only`` keeps the uncovered.

    Raises:
        UserError: no organization is named ``oem``.
    """
    query = select(Item).options(selectinload(Item.oem), selectinload(Item.agreements))
    if oem is not None:
        query = query.where(Item.oem_id == require_organization(session, oem).id)
    renewed = renewed_ids(session, today)
    horizon = today + dt.timedelta(days=within)
    found = [_cover(item, today, horizon, renewed) for item in session.scalars(query)]
    if uncovered_only:
        found = [c for c in found if c.status is CoverStatus.UNCOVERED]
    return sorted(found, key=lambda c: (
        _ORDER[c.status], c.cover_until or dt.date.max if c.status is CoverStatus.ENDING
        else dt.date.min, (c.oem or "").casefold(), (c.location or "").casefold(),
        (c.serial_number or c.asset_tag or c.description).casefold()))


def _cover(item: Item, today: dt.date, horizon: dt.date, renewed: set[int]) -> ItemCover:
    running = [a for a in item.agreements
               if covers(status_of(a, today, renewed), a.end_date, today)]
    best = max(running, key=_reach, default=None)
    until = best.end_date if best is not None else None
    status = (CoverStatus.UNCOVERED if best is None else
              CoverStatus.ENDING if until is not None and until <= horizon else
              CoverStatus.COVERED)
    return ItemCover(item.id, item.serial_number, item.asset_tag,
                     item.oem.name if item.oem is not None else None, item.location,
                     item.description,
                     (best.contract_number or best.title) if best is not None else None,
                     best.id if best is not None else None, until, status)


def _reach(agreement: Agreement) -> dt.date:
    """How far an agreement's cover reaches: open-ended ones furthest."""
    return agreement.end_date or dt.date.max


def cover_json(cover: ItemCover) -> dict[str, object]:
    """One item of ``coverage --json``, key for key as the README documents it."""
    return {"serial_number": cover.serial_number, "asset_tag": cover.asset_tag,
            "oem": cover.oem, "description": cover.description,
            "location": cover.location, "covered_by": cover.covered_by,
            "cover_until": cover.cover_until.isoformat() if cover.cover_until else None,
            "status": cover.status.value}


def counted(covers_: Iterable[ItemCover]) -> dict[str, int]:
    counts = dict.fromkeys((s.value for s in CoverStatus), 0)
    for cover in covers_:
        counts[cover.status.value] += 1
    return counts
