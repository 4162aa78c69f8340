"""Periods as contracts write them: "3 Monate", "ninety (90) days'", "thirty-six
months", "12-monatige", "1/4 Jahr". The numbers, the units and the checks that keep a
period sane, for :mod:`contractdesk.domain.clauses`, which places each period in its
clause."""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from contractdesk.domain.clause_reading import ClauseError
from contractdesk.domain.durations import MAX_PART, Duration

MAX_DAYS = 36_525  # a hundred years: anything longer is a typo, not a contract


def counted(number: str, unit: str, shown: str) -> Duration:
    """``number`` of ``unit`` (both as matched by :data:`NUMBER` and :data:`UNIT`)."""
    field, factor = _unit(unit)
    return checked(_duration(_number(number, shown) * factor, field, shown), shown)


def iso(text: str, shown: str) -> Duration:
    try:
        duration = Duration.parse(text)
    except ValueError:  # the pattern has its form: only its size can be wrong
        raise ClauseError(f"'{shown}' is too long a period") from None
    return checked(duration, shown)



NUMBER_WORDS = {word: Fraction(value) for word, value in {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "eighteen": 18, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwoelf": 12, "vierzehn": 14, "achtzehn": 18, "zwanzig": 20,
    "dreissig": 30, "sechzig": 60, "neunzig": 90, "zero": 0, "null": 0}.items()}
NUMBER_WORDS |= {"eineinhalb": Fraction(3, 2), "anderthalb": Fraction(3, 2)}


def _compound_numbers() -> dict[str, Fraction]:
    """21 to 99 as words: "thirty-six", "thirty six", "sechsunddreissig". Without them
    "thirty-six months" would read as its last word, six: a silent misreading."""
    ones = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    tens = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    einer = ("ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun")
    zehner = ("zwanzig", "dreissig", "vierzig", "fuenfzig", "sechzig", "siebzig",
              "achtzig", "neunzig")
    found: dict[str, Fraction] = {}
    for ten, (english, german) in enumerate(zip(tens, zehner, strict=True), start=2):
        found[english] = Fraction(10 * ten)
        found[german] = Fraction(10 * ten)
        for one, (word, wort) in enumerate(zip(ones, einer, strict=True), start=1):
            value = Fraction(10 * ten + one)
            found[f"{english} {word}"] = found[f"{english}{word}"] = value
            found[f"{wort}und{german}"] = value
    return found


NUMBER_WORDS |= _compound_numbers()


def _alternation(words: Sequence[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


NUMBER_WORD = _alternation(list(NUMBER_WORDS))
COUNT_WORD = _alternation([word for word in NUMBER_WORDS if word not in ("a", "an")])
DIGITS = r"(?:\d+(?:[.,]\d+)?|\d+/\d+)"
# "ninety (90) days", "3 (drei) Monate": the word and the digits say the same number
NUMBER = rf"(?:{COUNT_WORD} \d+|\d+ {COUNT_WORD}|{DIGITS}|{NUMBER_WORD})"
MODIFIER = r"(?:calendar|kalender|full|volle\w*|further|additional|more|weitere\w*" \
            r"|successive|consecutive|aufeinanderfolgende\w*|ganze\w*|complete)"
# (pattern, Duration field, how many of it one unit is); half-years and quarters first
_UNITS = (
    (r"half ?years?|halbjahr(?:e|en|es|s)?|halbjaehrig\w*", "months", 6),
    (r"quarters?|quartal(?:e|en|es|s)?|viertel ?jahr(?:e|en|es|s)?|vierteljaehrig\w*",
     "months", 3),
    (r"days?|tag(?:e|en|es)?|kalendertag(?:e|en)?|taegig\w*", "days", 1),
    (r"weeks?|woche(?:n)?|woechig\w*", "weeks", 1),
    (r"months?|monat(?:e|en|s)?|monatig\w*", "months", 1),
    (r"years?|jahr(?:e|en|es|s)?|jaehrig\w*", "years", 1),
)
_ABBREVIATED_UNITS = (
    (r"d|t|tg", "days", 1), (r"w|wk|wks|wo", "weeks", 1),
    (r"m|mo|mos|mon|mth|mths|mt|mnt|mnth|mnths", "months", 1),
    (r"q|qtr|qtrs", "months", 3), (r"y|yr|yrs|j|jr|jhr", "years", 1),
)
_UNIT_PATTERNS = tuple((re.compile(pattern), field, factor)
                       for pattern, field, factor in _UNITS + _ABBREVIATED_UNITS)
UNIT = "(?:" + "|".join(pattern for pattern, _, _ in _UNITS) + ")"
UNIT_WORD = re.compile(UNIT)
ABBREVIATED_UNIT = "(?:" + "|".join(pattern for pattern, _, _ in _ABBREVIATED_UNITS) + ")"


def _unit(text: str) -> tuple[str, int]:
    for pattern, field, factor in _UNIT_PATTERNS:
        if pattern.fullmatch(text):
            return field, factor
    raise AssertionError(f"{text!r} matched no unit")  # the period patterns only take units


def _number(text: str, shown: str) -> Fraction:
    if text in NUMBER_WORDS:  # "thirty six" is one number, not two
        return NUMBER_WORDS[text]
    values = {_value(word, shown) for word in text.split()}
    if len(values) > 1:
        raise ClauseError(f"'{shown}' names two different numbers")
    return values.pop()


def _value(word: str, shown: str) -> Fraction:
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if len(word) > 9:
        raise ClauseError(f"'{shown}' is too long a period")
    numerator, _, denominator = word.partition("/")
    if denominator:
        if not int(denominator):
            raise ClauseError(f"'{shown}' is not a number of days, weeks, months or years")
        return Fraction(int(numerator), int(denominator))
    return Fraction(word.replace(",", "."))


def _duration(amount: Fraction, field: str, shown: str) -> Duration:
    """A whole number of ``field``; a fraction of a year in months (``1/4 Jahr``)."""
    if field == "years" and amount.denominator != 1:
        field, amount = "months", amount * 12
    if amount.denominator != 1:
        raise ClauseError(f"'{shown}' is not a whole number of {field}")
    return Duration(**{field: int(amount)})


def checked(duration: Duration, shown: str) -> Duration:
    if not rough_days(duration):
        raise ClauseError(f"'{shown}' is not a period longer than zero")
    parts = (duration.years, duration.months, duration.weeks, duration.days)
    if rough_days(duration) > MAX_DAYS or max(parts) > MAX_PART:
        raise ClauseError(f"'{shown}' is too long a period (more than 100 years)")
    return duration


def rough_days(duration: Duration) -> int:
    """Days, roughly: 1 week = 7, 1 month = 30, 1 year = 365; for lead times and limits."""
    return 365 * duration.years + 30 * duration.months + 7 * duration.weeks + duration.days


def whole(digits: str) -> int:
    if len(digits) > 9:
        raise ClauseError(f"'{digits}' is too long a period")
    return int(digits)
