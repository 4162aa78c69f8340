"""Numbers, money and dates the way the reader's locale writes them.

The report words are English (the app has no translations yet), but ``1.234,56 €`` and
``02.10.2024`` follow the locale, because that is what a German reader checks against
their invoices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale, UnknownLocaleError, default_locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

from contractdesk.errors import UserError

FALLBACK_LOCALE = "en_GB"
_NO_LOCALE = {None, "C", "POSIX", "en_US_POSIX"}
_LETTER_TERRITORIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE"}


def resolve_locale(name: str | None = None) -> Locale:
    """The locale named ``name`` (``de_DE``, ``en-GB``), else the system's, else en_GB.

    Raises:
        UserError: ``name`` is not a locale Babel knows.
    """
    if name is None:
        system = default_locale(("LC_ALL", "LC_NUMERIC", "LC_TIME", "LANG"))
        name = system if system is not None and system not in _NO_LOCALE else FALLBACK_LOCALE
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as error:
        raise UserError(f"Unknown locale {name!r}: use a name such as en_GB or de_DE."
                        ) from error


_WORDS = {"oem": "OEM", "sla": "SLA"}


def humanize(value: str | None) -> str:
    """``software_support`` → ``Software support``, ``oem`` → ``OEM``: enum values as
    words."""
    if not value:
        return ""
    return _WORDS.get(value, value.replace("_", " ").capitalize())


@dataclass(frozen=True, slots=True)
class Formatter:
    """Formats values for one locale; every renderer gets one."""

    locale: Locale

    @classmethod
    def for_locale(cls, name: str | None = None) -> Formatter:
        return cls(resolve_locale(name))

    @property
    def uses_letter_paper(self) -> bool:
        return self.locale.territory in _LETTER_TERRITORIES

    def date(self, day: dt.date | None) -> str:
        return "" if day is None else str(format_date(day, "medium", locale=self.locale))

    def month(self, day: dt.date) -> str:
        """``November 2026`` / ``November 2026`` / ``novembre 2026``, standalone form."""
        return str(format_date(day, "LLLL yyyy", locale=self.locale))

    def timestamp(self, moment: dt.datetime) -> str:
        """Date and time to the minute: seconds on paper are noise."""
        return (f"{self.date(moment.date())} "
                f"{format_time(moment, 'short', locale=self.locale)}")

    def money(self, amount: Decimal, currency: str) -> str:
        return str(format_currency(amount, currency, locale=self.locale))

    def number(self, value: int | Decimal) -> str:
        return str(format_decimal(value, locale=self.locale))
