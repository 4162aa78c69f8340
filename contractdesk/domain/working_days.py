"""Which days nobody is at the desk to send notice: weekends and public holidays.

Public holidays come from the ``holidays`` package (its maintainers follow every
country's and region's changes, which no hand-kept table here would), for the country
and optional region in the preferences, e.g. ``DE`` and ``BY``.
"""

from __future__ import annotations

import datetime as dt
import locale
import threading
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

from contractdesk.domain.notice_rules import weekend


class UnknownRegion(ValueError):
    """A country or region the holiday calendar does not know."""


@dataclass(frozen=True)
class DaysOff:
    """Weekends and the public holidays of ``country`` (ISO 3166-1 alpha-2) and its
    ``region`` (the subdivision code, "" for the country's nationwide holidays only);
    no country: weekends only."""

    country: str = ""
    region: str = ""
    _calendar: holidays.HolidayBase | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_calendar", _calendar(self.country, self.region)
                           if self.country else None)

    def __call__(self, day: dt.date) -> bool:
        return weekend(day) or self.holiday(day) is not None

    def holiday(self, day: dt.date) -> str | None:
        """The holiday's name, if ``day`` is one."""
        if self._calendar is None:
            return None
        name = self._calendar.get(day)
        return str(name) if name else None


_building = threading.Lock()


def _calendar(country: str, region: str) -> holidays.HolidayBase:
    """One calendar at a time: building one imports the country's module, and two
    worker threads importing at once (the start page's and the reminders') have crashed
    PySide's import hook."""
    with _building:
        return _built_calendar(country, region)


@lru_cache(maxsize=16)
def _built_calendar(country: str, region: str) -> holidays.HolidayBase:
    supported = holidays.list_supported_countries()
    code, subdivision = country.upper(), region.upper()
    if code not in supported:
        raise UnknownRegion(f"{country!r} is not a country the holiday calendar knows "
                            f"(use a two-letter code such as DE, GB or AT)")
    if subdivision and subdivision not in supported[code]:
        raise UnknownRegion(f"{region!r} is not a region of {code} (known: "
                            f"{', '.join(sorted(supported[code]))})")
    # names in English, as the rest of the explanation is, whatever the system's locale
    return holidays.country_holidays(code, subdiv=subdivision or None, language="en_US")


def system_country() -> str:
    """The country of the system's locale (``de_DE.UTF-8`` → ``DE``), or "" when it
    names none."""
    name = locale.getlocale()[0] or ""
    _, _, country = name.partition("_")
    return country[:2].upper() if len(country) >= 2 and country[:2].isalpha() else ""
