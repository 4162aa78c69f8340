"""ISO 8601 durations of whole days, weeks, months and years, and date arithmetic on them.

Notice periods and renewal terms are written ``P90D``, ``P6W``, ``P3M``, ``P1Y`` (or
combinations like ``P1Y6M``). Month arithmetic is calendar arithmetic, as
``dateutil.relativedelta`` does it: 31 March minus one month is 28/29 February, not
3 March; years and months move first, then days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_ISO = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
MAX_PART = 10_000


@dataclass(frozen=True, slots=True)
class Duration:
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Reads an ISO 8601 duration of dates only.

        Raises:
            ValueError: not of that form, empty (``P``), or absurdly long.
        """
        match = _ISO.match(text.strip().upper())
        if match is None or not any(match.groups()):
            raise ValueError(f"{text!r} is not an ISO 8601 duration such as P90D, P6W or P3M")
        parts = [int(group) if group else 0 for group in match.groups()]
        if any(part > MAX_PART for part in parts):
            raise ValueError(f"{text!r} is too long a period")
        return cls(*parts)

    def isoformat(self) -> str:
        text = "P"
        for value, unit in ((self.years, "Y"), (self.months, "M"), (self.weeks, "W"),
                            (self.days, "D")):
            if value:
                text += f"{value}{unit}"
        return text if text != "P" else "P0D"

    def before(self, day: dt.date) -> dt.date:
        """``day`` minus this duration, clamping month ends as a calendar does."""
        return shift(day, -(12 * self.years + self.months), -(self.days + 7 * self.weeks))

    def after(self, day: dt.date) -> dt.date:
        return shift(day, 12 * self.years + self.months, self.days + 7 * self.weeks)

    def describe(self) -> str:
        """Plain English, for explanations such as "8 weeks before 28 Feb 2026"."""
        words = []
        for value, unit in ((self.years, "year"), (self.months, "month"), (self.weeks, "week"),
                            (self.days, "day")):
            if value:
                words.append(f"{value} {unit}{'s' if value != 1 else ''}")
        return " ".join(words) or "0 days"


def shift(day: dt.date, months: int, days: int) -> dt.date:
    """``day`` moved by whole months (the day clamped to the month's length), then by
    days: what ``day + relativedelta(months=months, days=days)`` gives, without its
    general machinery, which made lists of thousands of deadlines slow.

    Raises:
        ValueError: the months lead out of the years 1 to 9999 (as with relativedelta).
        OverflowError: the days do.
    """
    if months:
        year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
        month += 1
        day = day.replace(year=year, month=month,
                          day=min(day.day, calendar.monthrange(year, month)[1]))
    return day + dt.timedelta(days=days) if days else day


def normalize_duration(text: str | None) -> str | None:
    """Canonical ISO text for storage, or None for empty input.

    Raises:
        ValueError: the text is not a duration.
    """
    if text is None or not text.strip():
        return None
    return Duration.parse(text).isoformat()


@lru_cache(maxsize=256)
def parsed(text: str) -> Duration:
    """Lists derive thousands of deadlines from a handful of distinct periods."""
    return Duration.parse(text)
