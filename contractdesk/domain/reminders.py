"""Staged reminders before a deadline, and how notice is given.

A reminder is about one deadline: the notice deadline, or the end where no notice
applies. It comes in stages (by default 90, 60, 30 and 7 days before); each stage is
due from its date on, and a later stage replaces an earlier one, so the user sees one
reminder per agreement, at the urgency the calendar has reached.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum

DEFAULT_LEAD_TIMES: tuple[int, ...] = (90, 60, 30, 7)
MAX_LEAD_DAYS = 3660
_SEPARATORS = re.compile(r"[,;\s]+")


class NoticeMethod(StrEnum):
    """How notice was sent; the word is stored and used in JSON."""

    EMAIL = "email"
    LETTER = "letter"
    PORTAL = "portal"


def normalize_lead_times(days: Iterable[int]) -> tuple[int, ...]:
    """Distinct lead times, longest first.

    Raises:
        ValueError: none given, or one outside 0…3660 days.
    """
    values = sorted(set(days), reverse=True)
    if not values:
        raise ValueError("give at least one lead time in days, e.g. 90,60,30,7")
    for value in values:
        if not 0 <= value <= MAX_LEAD_DAYS:
            raise ValueError(f"a lead time must be between 0 and {MAX_LEAD_DAYS} days, "
                             f"not {value}")
    return tuple(values)


def parse_lead_times(text: str) -> tuple[int, ...]:
    """Reads ``"90, 60, 30, 7"`` (commas, semicolons or spaces).

    Raises:
        ValueError: not a list of whole numbers of days.
    """
    parts = [part for part in _SEPARATORS.split(text.strip()) if part]
    try:
        return normalize_lead_times(int(part) for part in parts)
    except ValueError as error:
        if all(part.isdigit() for part in parts):
            raise
        raise ValueError(f"{text!r} is not a list of days such as 90,60,30,7") from error


def format_lead_times(days: Iterable[int]) -> str:
    return ",".join(str(day) for day in days)


def stage_date(deadline: dt.date, lead_days: int) -> dt.date:
    """The day from which the stage ``lead_days`` before ``deadline`` is due."""
    return deadline - dt.timedelta(days=lead_days)


def current_stage(deadline: dt.date, today: dt.date,
                  lead_times: Iterable[int]) -> int | None:
    """The stage due on ``today``: the shortest lead time whose date has been reached,
    or None while even the longest is still ahead.

    Past the deadline the last stage stays current: a missed reminder stays due.
    """
    reached = [days for days in lead_times if stage_date(deadline, days) <= today]
    return min(reached) if reached else None
