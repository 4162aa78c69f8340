"""Money, notice periods, yes/no, agreement kinds and serial lists as people write them.

Each parser takes one cell and returns a value, ``None`` for an empty cell, or a
:class:`~contractdesk.importing.cells.Reason`; none of them raises.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from contractdesk.domain.durations import MAX_PART, Duration
from contractdesk.domain.enums import AgreementKind, BillingPeriod, FirstLine
from contractdesk.domain.money import CENT, is_currency
from contractdesk.importing.cells import Cell, Reason, cell_text, shown

EMPTY_WORDS = frozenset({"", "-", "–", "—", "n/a", "na", "none", "keine", "k.a.", "./."})
MAX_EMPTY_WORD = max(len(word) for word in EMPTY_WORDS)
MAX_AMOUNT = Decimal("1e13")  # fits the integer-cents column with room to spare


def fold(text: str) -> str:
    """Lower case without accents or umlauts, so ``Kündigung`` meets ``kuendigung``."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_blank(cell: Cell) -> bool:
    if cell is None:
        return True
    if type(cell) is not str:
        return False
    if len(cell) > 8 and not cell[0].isspace() and not cell[-1].isspace():
        return False  # longer than any empty word: the common case, decided cheaply
    return cell.strip().casefold() in EMPTY_WORDS


def parse_text(cell: Cell) -> str | None:
    text = cell_text(cell)
    if not text or (len(text) <= MAX_EMPTY_WORD and text.casefold() in EMPTY_WORDS):
        return None
    return text


# -- money ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Amount:
    """An amount and the currency its cell names, if it names one."""

    value: Decimal
    currency: str | None


SYMBOLS = {"€": "EUR", "£": "GBP", "us$": "USD", "$": "USD", "¥": "JPY", "fr.": "CHF",
           "sfr.": "CHF", "kr": "SEK", "zł": "PLN", "kč": "CZK"}
_SYMBOLS_LONGEST_FIRST = sorted(SYMBOLS.items(), key=lambda pair: -len(pair[0]))
_CODE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3})(?![A-Za-z])")
_WHOLE_DASH = re.compile(r"[.,]\s*[-–—]+$")
_GROUPING = re.compile(r"[ '’\u00a0\u202f]")
_NUMBER = re.compile(r"^[+-]?\(?[+-]?[\d.,'’ \u00a0\u202f]*\d[\d.,'’ \u00a0\u202f]*\)?-?$")


def currency_in(text: str) -> tuple[str | None, str]:
    """The currency a money text names (symbol or ISO code), and the text without it."""
    lowered = text.casefold()
    for symbol, code in _SYMBOLS_LONGEST_FIRST:
        at = lowered.find(symbol)
        if at >= 0 and (symbol not in ("kr", "fr.") or not lowered[at - 1:at].isalpha()):
            return code, text[:at] + text[at + len(symbol):]
    match = _CODE.search(text)
    if match and is_currency(match.group(1).upper()):
        return match.group(1).upper(), text[:match.start()] + text[match.end():]
    return None, text


def _normalise_number(digits: str) -> str | None:
    """``1.234,56``/``1,234.56``/``1 234,56``/``1'234.50`` → ``1234.56``; ``None`` if
    the separators make no sense."""
    digits = _GROUPING.sub("", digits)
    commas, dots = digits.count(","), digits.count(".")
    if commas and dots:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        if digits.count(decimal) > 1:
            return None
        whole, _, fraction = digits.partition(decimal)
        return whole.replace(thousands, "") + "." + fraction
    separator = "," if commas else "." if dots else ""
    if not separator:
        return digits
    whole, _, fraction = digits.rpartition(separator)
    if digits.count(separator) > 1 or len(fraction) == 3:
        # "1,234,567" or "3.480": a thousands separator; nobody prices in tenths of cents
        groups = digits.split(separator)
        if any(len(g) != 3 for g in groups[1:]) or not groups[0]:
            return None
        return "".join(groups)
    return whole + "." + fraction


def parse_money(cell: Cell) -> Amount | Reason | None:
    """An amount from a number cell or text such as ``£7,920.00``, ``3.480,00 €``,
    ``EUR 1,234.56``; more than two decimal places or a negative amount is a reason."""
    if is_blank(cell):
        return None
    if isinstance(cell, bool) or not isinstance(cell, int | float | str):
        return Reason(f"{shown(cell)} is not an amount")
    if isinstance(cell, int | float):
        if not math.isfinite(cell):
            return Reason(f"{shown(cell)} is not an amount")
        return _checked(Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell),
                        None, cell, from_float=isinstance(cell, float))
    text = cell.strip()
    # a bare number (the usual cell) names no currency: no symbol search needed
    currency, rest = (None, text) if _NUMBER.match(text) else currency_in(text)
    rest = _WHOLE_DASH.sub("", rest.strip())  # German "1.234,-" means whole euros
    if not _NUMBER.match(rest):
        return Reason(f"{shown(cell)} is not an amount")
    negative = rest.startswith(("-", "(")) or rest.endswith("-")
    normal = _normalise_number(rest.strip("+-() "))
    if normal is None:
        return Reason(f"{shown(cell)} is not an amount")
    try:
        value = Decimal(normal)
    except InvalidOperation:
        return Reason(f"{shown(cell)} is not an amount")
    return _checked(-value if negative else value, currency, cell, from_float=False)


def _checked(value: Decimal, currency: str | None, cell: Cell,
             from_float: bool) -> Amount | Reason:
    if not value.is_finite() or abs(value) >= MAX_AMOUNT:
        return Reason(f"{shown(cell)} is not a plausible amount")
    if value < 0:
        return Reason(f"{shown(cell)} is negative")
    rounded = value.quantize(CENT)
    if rounded != value and not (from_float and abs(rounded - value) < Decimal("1e-6")):
        return Reason(f"{shown(cell)} has more than two decimal places")
    return Amount(rounded, currency)


def parse_currency(cell: Cell) -> str | Reason | None:
    if is_blank(cell):
        return None
    text = cell_text(cell)
    code, rest = currency_in(text)
    if code is None or rest.strip():
        return Reason(f"{shown(cell)} is not a currency")
    return code


# -- durations ------------------------------------------------------------------------

UNITS = {
    "d": "D", "day": "D", "days": "D", "tag": "D", "tage": "D", "tagen": "D", "t": "D",
    "w": "W", "wk": "W", "wks": "W", "week": "W", "weeks": "W", "woche": "W",
    "wochen": "W",
    "m": "M", "mo": "M", "mon": "M", "mth": "M", "mths": "M", "month": "M", "months": "M",
    "monat": "M", "monate": "M", "monaten": "M", "monats": "M",
    "q": "Q", "quarter": "Q", "quarters": "Q", "quartal": "Q", "quartale": "Q",
    "y": "Y", "yr": "Y", "yrs": "Y", "year": "Y", "years": "Y", "j": "Y", "jahr": "Y",
    "jahre": "Y", "jahren": "Y",
}
_PERIOD = re.compile(r"^(\d{1,5})(?:[.,]0+)?\s*([a-z]+)?\.?(?:\s.*)?$")


def unit_in_header(header: str) -> str:
    """The unit a header names for bare numbers (``Notice (months)`` → ``M``); days if
    it names none, as the issue asks."""
    for word in re.findall(r"[a-z]+", fold(header)):
        unit = UNITS.get(word)
        if unit is not None and len(word) > 1:
            return unit
    return "D"


def parse_duration(cell: Cell, bare_unit: str = "D") -> str | Reason | None:
    """``90``, ``90 days``, ``8 weeks``, ``3 Monate``, ``6 Wochen``, ``1 Quartal``,
    ``P3M`` → an ISO 8601 duration (``P90D``, ``P8W``, ``P3M``)."""
    if is_blank(cell):
        return None
    if isinstance(cell, bool):
        return Reason(f"{shown(cell)} is not a period")
    text = fold(cell_text(cell)).strip()
    if text.startswith("p"):
        try:
            return Duration.parse(text).isoformat()
        except ValueError:
            return Reason(f"{shown(cell)} is not a period")
    match = _PERIOD.match(text)
    if match is None:
        return Reason(f"{shown(cell)} is not a period such as '90 days' or '3 months'")
    number = int(match.group(1))
    unit = UNITS.get(match.group(2) or "") if match.group(2) else bare_unit
    if unit is None:
        return Reason(f"{shown(cell)} is not a period such as '90 days' or '3 months'")
    if unit == "Q":
        number, unit = number * 3, "M"
    if number > MAX_PART:
        return Reason(f"{shown(cell)} is too long a period")
    return f"P{number}{unit}"


# -- words ----------------------------------------------------------------------------

TRUE_WORDS = frozenset({"yes", "y", "true", "x", "ja", "j", "1", "wahr", "✓", "✔", "on",
                        "auto", "automatic", "automatisch"})
FALSE_WORDS = frozenset({"no", "n", "false", "nein", "0", "falsch", "off", "manual",
                         "manuell"})


def parse_bool(cell: Cell) -> bool | Reason | None:
    if isinstance(cell, bool):
        return cell
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    text = fold(cell_text(cell)).strip().rstrip(".")
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS or text in ("-", "–"):
        return False
    return Reason(f"{shown(cell)} is not yes or no")


# Checked in order: "software maintenance" is software support, not maintenance.
KIND_WORDS: tuple[tuple[AgreementKind, tuple[str, ...]], ...] = (
    (AgreementKind.SOFTWARE_SUPPORT, ("software support", "softwaresupport", "software_support",
                                      "softwarepflege", "software maintenance",
                                      "softwarewartung", "software assurance",
                                      "software pflege", "update service")),
    (AgreementKind.WARRANTY, ("warranty", "garantie", "gewaehrleistung", "care pack",
                              "carepack")),
    (AgreementKind.MAINTENANCE, ("maintenance", "wartung", "hardware support",
                                 "instandhaltung")),
    (AgreementKind.SUBSCRIPTION, ("subscription", "abonnement", "abo", "saas",
                                  "mietvertrag", "miete")),
    (AgreementKind.LICENSE, ("licence", "license", "lizenz", "lizenzen")),
    (AgreementKind.SERVICE, ("service", "dienstleistung", "managed", "consulting",
                             "beratung", "support")),
    (AgreementKind.OTHER, ("other", "sonstig", "sonstiges", "andere")),
)


def parse_kind(cell: Cell) -> AgreementKind | None:
    """The kind a word names in English or German; any other word is ``other`` rather
    than a lost row, since the kind is a label the user can fix later."""
    if is_blank(cell):
        return None
    text = " " + " ".join(re.findall(r"[a-z_]+", fold(cell_text(cell)))) + " "
    for kind, words in KIND_WORDS:
        if any(f" {word} " in text or (len(word) > 5 and word in text) for word in words):
            return kind
    return AgreementKind.OTHER


BILLING_WORDS = {
    BillingPeriod.MONTHLY: ("monthly", "month", "monatlich", "monat"),
    BillingPeriod.QUARTERLY: ("quarterly", "quarter", "quartal", "quartalsweise",
                              "vierteljaehrlich"),
    BillingPeriod.ANNUAL: ("annual", "annually", "yearly", "year", "jaehrlich", "jahr", "p a",
                           "pa"),
    BillingPeriod.ONE_OFF: ("one off", "one_off", "once", "einmalig", "upfront"),
    BillingPeriod.TERM: ("term", "laufzeit", "gesamtlaufzeit"),
}


def parse_billing(cell: Cell) -> BillingPeriod | Reason | None:
    if is_blank(cell):
        return None
    text = " ".join(re.findall(r"[a-z_]+", fold(cell_text(cell))))
    for period, words in BILLING_WORDS.items():
        if text in words:
            return period
    return Reason(f"{shown(cell)} is not a billing period")


def parse_first_line(cell: Cell) -> FirstLine | Reason | None:
    if is_blank(cell):
        return None
    text = fold(cell_text(cell))
    if any(word in text for word in ("reseller", "partner", "haendler", "lieferant",
                                     "supplier")):
        return FirstLine.RESELLER
    if any(word in text for word in ("oem", "vendor", "manufacturer", "hersteller")):
        return FirstLine.OEM
    return Reason(f"{shown(cell)} is neither 'oem' nor 'reseller'")


_SERIAL_SPLIT = re.compile(r"[,;/|\n\r]+")


MAX_SERIAL = 100  # the item table's serial_number column


def parse_serials(cell: Cell) -> list[str] | Reason:
    """``"5HG7KM3, 5HG7KM4"`` → both; split on ``, ; /`` and line breaks, duplicates
    dropped, order kept. A part too long for a serial number is a reason, not cut."""
    if is_blank(cell):
        return []
    text = cell if isinstance(cell, str) else cell_text(cell)
    serials: dict[str, None] = {}
    for part in _SERIAL_SPLIT.split(text):
        serial = " ".join(part.split())
        if len(serial) > MAX_SERIAL:
            return Reason(f"{shown(serial)} is {len(serial):,} characters long; a serial "
                          f"number has at most {MAX_SERIAL}")
        if serial and serial.casefold() not in EMPTY_WORDS:
            serials[serial] = None
    return list(serials)


def parse_count(cell: Cell) -> int | Reason | None:
    """A whole number such as a quantity or a number of months."""
    if is_blank(cell):
        return None
    if isinstance(cell, bool):
        return Reason(f"{shown(cell)} is not a whole number")
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e9:
        cell = int(cell)
    if isinstance(cell, int):
        return cell if 0 <= cell < 1_000_000 else Reason(f"{shown(cell)} is out of range")
    text = fold(cell_text(cell)).strip()
    match = re.match(r"^(\d{1,6})(?:[.,]0+)?(?:\s*[a-z.]*)?$", text)
    if match is None:
        return Reason(f"{shown(cell)} is not a whole number")
    return int(match.group(1))
