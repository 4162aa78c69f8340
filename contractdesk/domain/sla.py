"""Service levels as people write them on agreements, and whether a case met one.

An SLA text is read into a :class:`Sla`: a *coverage* (when the clock runs) and a
*target* (how long the supplier has: a number of covered hours, or the end of the n-th
business day). ``24x7x4``, ``8x5xNBD``, ``NBD``, ``4h``, ``24x7``, ``7x24``, ``8x5x4``,
``next business day``, ``4 hours``, ``4 Std.``, ``nächster Arbeitstag``, ``SBD`` and the like are
understood anywhere in the text (``"ProSupport 24x7x4 onsite"``); anything else gives
None and the user decides whether a case met its SLA.

Conventions, chosen to match how maintenance contracts are usually worded:

- ``HxD`` coverage is H hours a day on D days a week (D = 5: Monday–Friday, 6: to
  Saturday, 7: every day). Business hours end at 17:00: ``8x5`` is 09:00–17:00,
  ``9x5`` is 08:00–17:00; longer days start at 08:00 (``12x5`` is 08:00–20:00);
  ``24xD`` is the whole day.
- A target without a coverage: hours count on the clock (``4h`` = 24x7x4, as hardware
  "4-hour" contracts are); business days count in 8x5 business days (``NBD`` = 8x5xNBD).
- ``NBD``/n business days: the case counts as received on the day it was opened if that
  is a covered day and it was opened before the day's end, else on the next covered day;
  the deadline is the end of the covered day n days later (SBD: n = 0). Public holidays
  are not known and count as working days.
- The target is a resolution target: a case met its SLA when it was resolved by the
  deadline. Times are local wall-clock times; time zones are kept as given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MAX_HOURS = 24 * 366  # longer "targets" are typos, not service levels
MAX_BUSINESS_DAYS = 60
BUSINESS_DAY_END = 17 * 60
EARLIEST_START = 8 * 60
MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class Coverage:
    """When the SLA clock runs: ``start``–``end`` minutes after midnight on ``weekdays``
    (0 = Monday)."""

    hours_per_day: int
    days_per_week: int

    @property
    def start(self) -> int:
        if self.hours_per_day >= 24:
            return 0
        if self.hours_per_day <= 9:
            return BUSINESS_DAY_END - self.hours_per_day * 60
        return min(EARLIEST_START, MINUTES_PER_DAY - self.hours_per_day * 60)

    @property
    def end(self) -> int:
        return self.start + self.hours_per_day * 60

    def covers_day(self, day: dt.date) -> bool:
        return day.weekday() < self.days_per_week

    @property
    def round_the_clock(self) -> bool:
        return self.hours_per_day >= 24 and self.days_per_week >= 7

    def label(self) -> str:
        return f"{self.hours_per_day}x{self.days_per_week}"


CLOCK = Coverage(24, 7)
BUSINESS = Coverage(8, 5)


@dataclass(frozen=True, slots=True)
class Sla:
    """A readable SLA. ``hours`` and ``business_days`` are exclusive; both None means
    the text named a coverage only (``24x7``), which gives no deadline."""

    coverage: Coverage
    hours: Decimal | None = None
    business_days: int | None = None

    def deadline(self, opened_at: dt.datetime) -> dt.datetime | None:
        """When a case opened at ``opened_at`` must be resolved; never before it."""
        if self.hours is not None:
            return _add_covered_time(self.coverage, opened_at,
                                     dt.timedelta(hours=float(self.hours)))
        if self.business_days is not None:
            return _end_of_business_day(self.coverage, opened_at, self.business_days)
        return None

    def label(self) -> str:
        if self.hours is not None:
            return f"{self.coverage.label()}x{self.hours.normalize():f}h"
        if self.business_days is not None:
            target = {0: "SBD", 1: "NBD"}.get(self.business_days,
                                              f"{self.business_days} business days")
            return f"{self.coverage.label()}x{target}"
        return self.coverage.label()


_COVERAGE = re.compile(r"(?<!\d)(?<!\d[.,])(\d{1,2})\s*[x×*/]\s*(\d{1,2})(?!\d|[.,]\d)")
_TRIPLE_TAIL = re.compile(
    r"\s*[x×*/]\s*(?:(nbd|ndb|sbd)\b|(\d{1,4}(?:[.,]\d{1,2})?)(?!\d|[.,]\d)\s*"
    r"(h|hrs?|hours?|std\.?|stunden?)?)")
_HOURS = re.compile(r"(?<!\d)(?<!\d[.,])(\d{1,4}(?:[.,]\d{1,2})?)\s*-?\s*"
                    r"(h|hrs?|hours?|std|stunden?|stunde)(?![a-zäöü])")
_MINUTES = re.compile(r"(?<!\d)(?<!\d[.,])(\d{1,4})\s*-?\s*(min|mins|minutes?|minuten)(?![a-z])")
_BUSINESS_DAYS = re.compile(r"(?<!\d)(?<!\d[.,])(\d{1,2})\s*-?\s*(business days?|working days?|"
                            r"werktage?n?|arbeitstage?n?|bd)(?![a-z])")
_NEXT_DAY = re.compile(r"\bnbd\b|\bndb\b|next[\s-]*business[\s-]*day|next[\s-]*working"
                       r"[\s-]*day|n[äa]chste[nr]?\s*(werk|arbeits|gesch[äa]fts)tag")
_SAME_DAY = re.compile(r"\bsbd\b|same[\s-]*business[\s-]*day|same[\s-]*day|"
                       r"selbe[nr]?\s*(werk|arbeits|gesch[äa]fts)tag")


def parse_sla(text: str | None) -> Sla | None:
    """The SLA in ``text``, or None when it cannot be read. Never raises."""
    if not text:
        return None
    lowered = text.casefold()
    coverage_match = _COVERAGE.search(lowered)
    coverage: Coverage | None = None
    if coverage_match is not None:
        coverage = _coverage(int(coverage_match.group(1)), int(coverage_match.group(2)))
        tail = _TRIPLE_TAIL.match(lowered, coverage_match.end())
        if coverage is not None and tail is not None:
            return _with_tail(coverage, tail)
    rest = lowered if coverage_match is None else (
        lowered[:coverage_match.start()] + " " + lowered[coverage_match.end():])
    return _target_only(coverage, rest)


def _coverage(first: int, second: int) -> Coverage | None:
    """Hours × days (``24x7``, ``8x5``), or the German habit days × hours (``7x24``)."""
    if 1 <= first <= 24 and 5 <= second <= 7:
        return Coverage(first, second)
    if 5 <= first <= 7 and 8 <= second <= 24:
        return Coverage(second, first)
    return None


def _with_tail(coverage: Coverage, tail: re.Match[str]) -> Sla | None:
    word, number, unit = tail.groups()
    if word:
        return Sla(coverage, business_days=0 if word == "sbd" else 1)
    if number == "365" and unit is None:  # "24x7x365": all year, not a target
        return Sla(coverage)
    hours = _hours(number)
    return Sla(coverage, hours=hours) if hours is not None else None


def _target_only(coverage: Coverage | None, text: str) -> Sla | None:
    if _NEXT_DAY.search(text):
        return Sla(coverage or BUSINESS, business_days=1)
    if _SAME_DAY.search(text):
        return Sla(coverage or BUSINESS, business_days=0)
    days = _BUSINESS_DAYS.search(text)
    if days is not None and int(days.group(1)) <= MAX_BUSINESS_DAYS:
        return Sla(coverage or BUSINESS, business_days=int(days.group(1)))
    hours_match = _HOURS.search(text)
    if hours_match is not None:
        hours = _hours(hours_match.group(1))
        return Sla(coverage or CLOCK, hours=hours) if hours is not None else None
    minutes = _MINUTES.search(text)
    if minutes is not None:
        hours = _hours(minutes.group(1), per_hour=60)
        return Sla(coverage or CLOCK, hours=hours) if hours is not None else None
    return Sla(coverage) if coverage is not None else None


def _hours(number: str, per_hour: int = 1) -> Decimal | None:
    try:
        hours = Decimal(number.replace(",", ".")) / per_hour
    except InvalidOperation:
        return None
    if hours <= 0 or hours > MAX_HOURS:
        return None
    return hours


def _at(day: dt.date, minutes: int, like: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), like.tzinfo) + dt.timedelta(minutes=minutes)


def _add_covered_time(coverage: Coverage, opened: dt.datetime,
                      remaining: dt.timedelta) -> dt.datetime:
    """``opened`` plus ``remaining`` of covered time (business hours and weekends skip)."""
    if coverage.round_the_clock:
        return opened + remaining
    day = opened.date()
    cursor = opened
    while True:
        if coverage.covers_day(day):
            begin = max(cursor, _at(day, coverage.start, opened))
            close = _at(day, coverage.end, opened)
            if begin < close:
                if remaining <= close - begin:
                    return begin + remaining
                remaining -= close - begin
        day += dt.timedelta(days=1)
        cursor = _at(day, 0, opened)


def _next_covered_day(coverage: Coverage, day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not coverage.covers_day(day):
        day += dt.timedelta(days=1)
    return day


def _end_of_business_day(coverage: Coverage, opened: dt.datetime, days: int) -> dt.datetime:
    """End of the covered day ``days`` covered days after the day the case counts as
    received; NBD coverage of 24xD ends at midnight."""
    received = opened.date()
    if not coverage.covers_day(received) or opened >= _at(received, coverage.end, opened):
        received = _next_covered_day(coverage, received)
    for _ in range(days):
        received = _next_covered_day(coverage, received)
    return _at(received, coverage.end, opened)


def sla_met(sla_text: str | None, opened_at: dt.datetime,
            resolved_at: dt.datetime | None) -> bool | None:
    """Whether a case resolved at ``resolved_at`` met ``sla_text``; None when the SLA
    cannot be read, names no target, or the case is still open."""
    if resolved_at is None:
        return None
    sla = parse_sla(sla_text)
    deadline = sla.deadline(opened_at) if sla is not None else None
    if deadline is None:
        return None
    return resolved_at <= deadline
