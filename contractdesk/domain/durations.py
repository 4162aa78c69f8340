"""ISO 8601 durations of whole days, weeks, months and years, and date arithmetic on them.

Notice periods and renewal terms are written ``P90D``, ``P6W``, ``P3M``, ``P1Y`` (or
combinations like ``P1Y6M``). Month arithmetic is calendar arithmetic through
``dateutil.relativedelta``: 31 March minus one month is 28/29 February, not 3 March.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

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

    def as_relativedelta(self) -> relativedelta:
        return relativedelta(years=self.years, months=self.months,
                             days=self.days + 7 * self.weeks)

    def before(self, day: dt.date) -> dt.date:
        """``day`` minus this duration, clamping month ends as a calendar does."""
        if not (self.years or self.months):  # plain days: no calendar, and 20x faster
            return day - dt.timedelta(days=self.days + 7 * self.weeks)
        result: dt.date = day - self.as_relativedelta()
        return result

    def after(self, day: dt.date) -> dt.date:
        if not (self.years or self.months):
            return day + dt.timedelta(days=self.days + 7 * self.weeks)
        result: dt.date = day + self.as_relativedelta()
        return result

    def describe(self) -> str:
        """Plain English, for explanations such as "8 weeks before 28 Feb 2026"."""
        words = []
        for value, unit in ((self.years, "year"), (self.months, "month"), (self.weeks, "week"),
                            (self.days, "day")):
            if value:
                words.append(f"{value} {unit}{'s' if value != 1 else ''}")
        return " ".join(words) or "0 days"


def normalize_duration(text: str | None) -> str | None:
    """Canonical ISO text for storage, or None for empty input.

    Raises:
        ValueError: the text is not a duration.
    """
    if text is None or not text.strip():
        return None
    return Duration.parse(text).isoformat()


def notice_deadline(end_date: dt.date | None, notice_period: str | None) -> dt.date | None:
    """The last day on which notice can be given: end date minus the notice period."""
    if end_date is None or not notice_period:
        return None
    return _parsed(notice_period).before(end_date)


@lru_cache(maxsize=256)
def _parsed(text: str) -> Duration:
    """Lists derive thousands of deadlines from a handful of distinct periods."""
    return Duration.parse(text)
