"""Notice clauses, terms and renewals as contracts and registers word them, in English
and German: the one reader behind the importer and the agreement form's text fields.

A text is read in three steps. Its words are folded to plain lower case (``Kündigung``
meets ``KUENDIGUNG``) and scanned for phrases: periods (``3 Monate``, ``90 days'``,
``P3M``), what notice counts back to (``zum Quartalsende``), the form it takes
(``schriftlich``), flags (``unbefristet``, ``keine automatische Verlängerung``) and
keywords (``Kündigungsfrist``, ``initial term``, ``renews``). The phrases are grouped
into clauses at commas, semicolons, full stops and ``und``/``and``; within a clause a
period belongs to the keyword next to it, and a period next to none means what the
column or field it came from (its :class:`Role`) is about.

Whatever cannot be placed is an error, never a guess: a wrong notice period costs
money, a refused one only a correction.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from typing import Any

from contractdesk.domain.durations import MAX_PART, Duration
from contractdesk.domain.enums import NoticeAnchor, NoticeForm


class Role(StrEnum):
    """Which column or form field the text came from: decides what a bare duration means."""

    NOTICE = "notice"        # "3 Monate" in a Kündigungsfrist column is a notice period
    TERM = "term"            # "36 Monate" in a Laufzeit column is the initial term
    RENEWAL = "renewal"      # "12 Monate" in a Verlängerung column is the renewal period
    LEAD_TIME = "lead_time"  # "2 Wochen" in an "Interne Vorlaufzeit" column: our own lead time


@dataclass(frozen=True, slots=True)
class ClauseReading:
    """What a text says; None = it says nothing about that."""

    notice_period: Duration | None = None
    notice_anchor: NoticeAnchor | None = None
    notice_form: NoticeForm | None = None
    initial_term: Duration | None = None
    open_ended: bool | None = None
    renewal_term: Duration | None = None
    auto_renew: bool | None = None
    lead_time_days: int | None = None   # weeks/months converted: 1 week = 7, 1 month = 30 days


class ClauseError(ValueError):
    """The text could not be read; str(error) is a short reason for the user, naming the
    part not understood, e.g. "'bis auf Widerruf' is not a notice period such as
    '3 months to the end of a quarter'"."""


def read_clause(text: str, role: Role) -> ClauseReading:
    """Reads a cell or field; raises ClauseError if it cannot be understood. Blank text
    gives an empty ClauseReading()."""
    source = " ".join(unicodedata.normalize("NFC", text).split())
    if not source:
        return ClauseReading()
    folded, origin = _fold(source)
    if _NEGATIVE.search(folded):
        raise ClauseError(f"'{source}' has a negative number; periods are never negative")
    tokens = _tokens(source, folded, origin)
    bare = _bare(tokens, role)
    if bare is not None:
        return bare
    items = _merged(_scan(tokens, source), tokens, source)
    parts = [part for segment in _segments(tokens, items, source)
             for part in _segment_parts(segment, role)]
    if not parts:
        raise ClauseError(f"'{source}' is not {_EXPECTED[role]}")
    return _combined(parts, source)


def describe_notice(period: Duration, anchor: NoticeAnchor) -> str:
    """English words for a notice clause, e.g. "3 months to the end of a quarter",
    "90 days before the end of the term", "6 weeks to the end of a month"."""
    return f"{period.describe()} {_ANCHOR_WORDS[anchor]}"


_ANCHOR_WORDS = {
    NoticeAnchor.TERM_END: "before the end of the term",
    NoticeAnchor.MONTH_END: "to the end of a month",
    NoticeAnchor.QUARTER_END: "to the end of a quarter",
    NoticeAnchor.HALF_YEAR_END: "to the end of a half-year",
    NoticeAnchor.YEAR_END: "to the end of a year",
}
_EXPECTED = {
    Role.NOTICE: "a notice period such as '3 months to the end of a quarter'",
    Role.TERM: "a term such as '36 months' or 'open-ended'",
    Role.RENEWAL: "a renewal such as 'renews for 12 months' or 'no automatic renewal'",
    Role.LEAD_TIME: "a lead time such as '2 weeks'",
}
_ROLE_WORDS = {Role.NOTICE: "a notice period", Role.TERM: "a term",
               Role.RENEWAL: "a renewal period", Role.LEAD_TIME: "a lead time"}
_MAX_DAYS = 36_525  # a hundred years: anything longer is a typo, not a contract


# -- folding and tokens ---------------------------------------------------------------

_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "⁄": "/", "‐": "-", "‑": "-",
                        "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-"})
_NEGATIVE = re.compile(r"(?<![\w)])-\d")
_TOKEN = re.compile(r"\d+(?:[.,/]\d+)+|[a-z0-9]+|[,;.]")
# a full stop after these shortens a word ("ca. 3 Mon.", "z.B.") rather than ending a clause
_ABBREVIATIONS = frozenset({
    "ca", "mind", "min", "max", "inkl", "bzw", "ggf", "vgl", "zzgl", "gem", "lt", "abs",
    "nr", "approx", "incl", "etc", "mo", "mos", "mon", "mth", "mths", "wk", "wks", "yr",
    "yrs", "jhr", "tg", *"abcdefghijklmnopqrstuvwxyz"})
_SEPARATORS = frozenset({",", ";", ".", "und", "and", "sowie"})


@lru_cache(maxsize=1024)
def _fold_char(char: str) -> str:
    """Lower case without umlauts or accents (casefold also makes ß ``ss``); unicode
    dashes become ``-`` so a minus sign is seen as one."""
    folded = unicodedata.normalize("NFKC", char).casefold().translate(_ASCII)
    return "".join(c for c in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(c))


def _fold(source: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the source character
    it came from: messages quote the user's own words, not the folded ones."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(source):
        folded = _fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


@dataclass(frozen=True, slots=True)
class _Token:
    text: str   # folded
    start: int  # where it is in the source
    stop: int


def _tokens(source: str, folded: str, origin: Sequence[int]) -> list[_Token]:
    """Words, numbers and clause separators; other punctuation only separates words. A
    full stop ends a clause only where a space or the end follows ("example.com" is one
    address) and no abbreviation precedes it."""
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(folded):
        text = match.group()
        if text == "." and (folded[match.end():match.end() + 1].strip()
                            or (tokens and tokens[-1].text in _ABBREVIATIONS)):
            continue
        tokens.append(_Token(text, origin[match.start()], origin[match.end() - 1] + 1))
    return tokens


def _shown(source: str, tokens: Sequence[_Token], first: int, stop: int) -> str:
    return source[tokens[first].start:tokens[stop - 1].stop]


# -- a whole cell that is one bare value ----------------------------------------------

_YES = frozenset({"ja", "j", "yes", "y", "true", "wahr", "x", "auto", "automatic",
                  "automatisch"})
_NO = frozenset({"nein", "n", "no", "false", "falsch", "manual", "manuell"})


def _bare(tokens: Sequence[_Token], role: Role) -> ClauseReading | None:
    """A yes/no in a renewal column says only whether it renews; a bare number in a
    lead-time column counts days. Elsewhere a number needs its unit."""
    words = " ".join(token.text for token in tokens if token.text not in _SEPARATORS)
    if role is Role.RENEWAL and words in _YES | _NO:
        return ClauseReading(auto_renew=words in _YES)
    if role is Role.LEAD_TIME and words.isdigit():
        return ClauseReading(lead_time_days=_days(_checked(Duration(days=_whole(words)),
                                                           words)))
    return None


# -- what the phrases mean ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Keyword:
    """A word that says what a period next to it is: ``Kündigungsfrist``, ``Laufzeit``.
    A weak one (``terms``, ``jeweils``) only decides where no strong one is at hand."""

    role: Role
    strong: bool = True
    minimum: bool = False          # a minimum term: an open-ended agreement may have one
    implies_renewal: bool = False  # "verlängert sich", "auto-renewal": it renews
    sequel: bool = False           # "danach": what follows comes after the term


@dataclass(frozen=True, slots=True)
class _Period:
    duration: Duration
    frequency: bool = False  # "jährlich", "quarterly": how often, not how long


@dataclass(frozen=True, slots=True)
class _Fact:
    """Something said outright; anchors and forms also mark a period as notice."""

    reading: ClauseReading
    notice_context: bool = False


_Thing = _Keyword | _Period | _Fact
_Make = Callable[[re.Match[str], str], _Thing]


@dataclass(frozen=True, slots=True)
class _Item:
    thing: _Thing
    first: int  # token indexes: first, and one past the last
    stop: int
    shown: str


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    make: _Make


def _phrase(*alternatives: str) -> re.Pattern[str]:
    """Matches whole tokens of the space-joined token string only."""
    return re.compile(rf"(?<!\S)(?:{'|'.join(alternatives)})(?!\S)")


def _always(thing: _Thing) -> _Make:
    def make(match: re.Match[str], shown: str) -> _Thing:
        return thing
    return make


def _rule(thing: _Thing, *alternatives: str) -> _Rule:
    return _Rule(_phrase(*alternatives), _always(thing))


def _anchor(anchor: NoticeAnchor, *alternatives: str) -> _Rule:
    return _rule(_Fact(ClauseReading(notice_anchor=anchor), notice_context=True),
                 *alternatives)


def _form(form: NoticeForm, *alternatives: str) -> _Rule:
    return _rule(_Fact(ClauseReading(notice_form=form), notice_context=True), *alternatives)


def _frequency(duration: Duration, *alternatives: str) -> _Rule:
    return _rule(_Period(duration, frequency=True), *alternatives)


# -- anchors: "zum Quartalsende", "prior to the end of the then-current term"

_END = r"(?:ende|end|schluss|close|last day|letzten tag|ablauf|expiry|expiration|ultimo)" \
       r"(?: of| des| der| eines| einer| von)?"
_FILLER = r"(?: (?:the|a|an|any|each|every|then|current|initial|minimum|renewal|respective" \
          r"|applicable|relevant|contract|subscription|agreement|service|following|this" \
          r"|such|original|extended|fixed|its|der|des|dem|den|die|eines|einer|einem" \
          r"|jeweiligen|jeweils|jedes|jeden|jedem|laufenden|aktuellen|vereinbarten|ersten" \
          r"|festen|naechsten))*"
_TERM_NOUN = r"(?:contract year|term|contract|agreement|subscription|period|commitment" \
             r"|licen[cs]e|\w*laufzeit|vertragsjahr(?:es|s)?|vertrag(?:es|s)?" \
             r"|vertragszeitraum\w*|abonnement\w*|abos?)"
_BEFORE = r"(?:vor|before|prior to|ahead of|in advance of|zum|zur|by|at)"


def _calendar_anchor(anchor: NoticeAnchor, nouns: str, compounds: str) -> _Rule:
    """``end of a quarter``, ``Ende eines Kalendervierteljahres``, ``Quartalsende``,
    ``zum Quartal``."""
    return _anchor(anchor, rf"{_END}{_FILLER} (?:{nouns})", compounds,
                   rf"zum(?: jeweiligen| naechsten)? (?:{nouns})")


_ANCHOR_RULES = (
    _anchor(NoticeAnchor.TERM_END,
            rf"{_BEFORE}(?: the| der| dem| des| die)? (?:renewal(?: date)?|\w*verlaengerung\w*"
            rf"|ablauf|expiry|expiration|anniversary)"
            rf"(?:(?: of| des| der| von)?{_FILLER} {_TERM_NOUN})?",
            rf"{_END}{_FILLER} {_TERM_NOUN}",
            r"vertragsende|\w*laufzeitende|vertragsablauf|term end|contract end|end date"
            r"|enddatum|ablaufdatum|vertragsjahresende|renewal date|expiry date"
            r"|expiration date|verlaengerungstermin|jahrestag"),
    _calendar_anchor(NoticeAnchor.HALF_YEAR_END,
                     r"(?:calendar )?half ?years?|(?:kalender)?halbjahr(?:es|s)?",
                     r"\w*halbjahresende|halbjahresschluss|half ?year(?: s)? end"),
    _calendar_anchor(NoticeAnchor.QUARTER_END,
                     r"(?:calendar )?quarters?|(?:kalender)?(?:quartal(?:s|es)?"
                     r"|vierteljahr(?:es|s)?)",
                     r"\w*quartalsende|quartalsschluss|quartalsletzte\w*|\w*vierteljahresende"
                     r"|quarter(?: s)? end|eoq"),
    _calendar_anchor(NoticeAnchor.MONTH_END,
                     r"(?:calendar )?months?|(?:kalender)?monats?",
                     r"\w*monatsende|monatsletzte\w*|monatsschluss|ultimo|month(?: s)? end"
                     r"|monthend|eom"),
    _calendar_anchor(NoticeAnchor.YEAR_END,
                     r"(?:calendar )?years?|(?:kalender)?jahr(?:es|s)?",
                     r"\w*jahresende|jahresschluss|jahreswechsel|year(?: s)? end|31\.12"
                     r"|silvester"),
)

# -- renewal, open-ended, form

_RENEW = r"(?:\w*verlaenger\w*|auto ?renew\w*|renew\w*|extends?|extending|rollover" \
         r"|rolls? over|evergreen|\w*erneuer\w*)"
_FREE_WORD = r"(?!(?:und|and|oder|or|\w*kuendig\w*|\w*kuendbar\w*|cancel\w*|terminat\w*" \
             r"|notice\w*)(?!\S))[a-z]+"
_DOES_NOT_RENEW = _Fact(ClauseReading(auto_renew=False))
_FLAG_RULES = (
    # the notice that stops a renewal, not a term that does not renew
    _rule(_Keyword(Role.NOTICE), r"(?:notice|notification) of non ?renewal",
          r"non ?renewal notice"),
    _rule(_DOES_NOT_RENEW,
          rf"(?:kein\w*|nicht|ohne|no|not|non|never|without)(?: {_FREE_WORD}){{0,2}} {_RENEW}",
          rf"{_RENEW}(?: sich| der vertrag| the agreement| automatisch| automatically){{0,2}}"
          r" (?:nicht|not|never)",
          rf"{_RENEW} (?:nein|no|none|keine)(?= [,;.]|$)",
          r"(?:endet|ends|expires|terminates|laeuft)(?: [a-z]+){0,2}? (?:automatisch"
          r"|automatically)(?: aus)?",
          r"(?:automatisch|automatically) (?:endet|ends|expires|terminates|auslaufend)",
          r"endet ohne(?: [a-z]+){0,3} kuendigung|ends without(?: [a-z]+)? notice"
          r"|expires without renewal"),
    _rule(_Fact(ClauseReading(open_ended=True)),
          r"unbefristet\w*|auf unbestimmte zeit|unbestimmte\w* (?:zeit|laufzeit|dauer"
          r"|vertragsdauer)|open ended|open end|indefinite\w*|unbegrenzt\w*"
          r"|unlimited(?: term| duration)?",
          r"(?:no|ohne|kein\w*|without)(?: a| eine)?(?: feste\w*| fixed| minimum| mindest)?"
          r" (?:\w*laufzeit|term|end date|enddatum|ablaufdatum|befristung)",
          r"month to month|rolling(?: monthly| month\w*)|monthly rolling|monatlich rollierend"
          r"|jederzeit kuendbar|(?:cancell?able|terminable) (?:at )?any ?time"
          r"|cancel (?:at )?any ?time"),
    _rule(_Fact(ClauseReading(auto_renew=True)), "evergreen"),
    _form(NoticeForm.WRITTEN,
          r"schriftlich\w*|schriftform|in writing|writing|written|by letter|per brief"
          r"|brieflich\w*|by post|per post|postalisch\w*|\w*einschreiben\w*"
          r"|registered (?:mail|letter|post)|signed letter|letter"),
    _form(NoticeForm.TEXT, r"\w*textform|text form|e ?mail\w*|email\w*|fax|telefax"),
    _form(NoticeForm.PORTAL, r"\w*portal\w*"),
)

_FREQUENCY_RULES = (
    _frequency(Duration(months=1), r"monatlich\w*|monthly",
               r"(?:every|each|per|pro|jeden) (?:calendar |kalender)?(?:month|monat)"),
    _frequency(Duration(months=3),
               r"quarterly|quartalsweise|quartalsmaessig\w*|vierteljaehrlich\w*",
               r"(?:every|each|per|pro|jedes) (?:quarter|quartal)"),
    _frequency(Duration(months=6),
               r"halbjaehrlich\w*|semi ?annual(?:ly)?|half ?yearly|bi ?annual(?:ly)?"),
    _frequency(Duration(years=1),
               r"jaehrlich\w*|annual(?:ly)?|yearly|per annum|p a|year to year"
               r"|von jahr zu jahr|year on year",
               r"(?:every|each|per|pro|jedes) (?:year|jahr)"),
)

# -- periods: "3 Monate", "ninety (90) days'", "12-monatige", "1/4 Jahr", "P3M"

_NUMBER_WORDS = {word: Fraction(value) for word, value in {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "eighteen": 18, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwoelf": 12, "vierzehn": 14, "achtzehn": 18, "zwanzig": 20,
    "dreissig": 30, "sechzig": 60, "neunzig": 90, "zero": 0, "null": 0}.items()}
_NUMBER_WORDS |= {"eineinhalb": Fraction(3, 2), "anderthalb": Fraction(3, 2)}


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


_NUMBER_WORDS |= _compound_numbers()


def _alternation(words: Sequence[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_NUMBER_WORD = _alternation(list(_NUMBER_WORDS))
_COUNT_WORD = _alternation([word for word in _NUMBER_WORDS if word not in ("a", "an")])
_DIGITS = r"(?:\d+(?:[.,]\d+)?|\d+/\d+)"
# "ninety (90) days", "3 (drei) Monate": the word and the digits say the same number
_NUMBER = rf"(?:{_COUNT_WORD} \d+|\d+ {_COUNT_WORD}|{_DIGITS}|{_NUMBER_WORD})"
_MODIFIER = r"(?:calendar|kalender|full|volle\w*|further|additional|more|weitere\w*" \
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
_UNIT = "(?:" + "|".join(pattern for pattern, _, _ in _UNITS) + ")"
_UNIT_WORD = re.compile(_UNIT)
_ABBREVIATED_UNIT = "(?:" + "|".join(pattern for pattern, _, _ in _ABBREVIATED_UNITS) + ")"


def _counted(match: re.Match[str], shown: str) -> _Period:
    field, factor = _unit(match["unit"])
    return _Period(_checked(_duration(_number(match["number"], shown) * factor, field, shown),
                            shown))


def _iso(match: re.Match[str], shown: str) -> _Period:
    try:
        duration = Duration.parse(match.group())
    except ValueError:  # the pattern has its form: only its size can be wrong
        raise ClauseError(f"'{shown}' is too long a period") from None
    return _Period(_checked(duration, shown))


def _unit(text: str) -> tuple[str, int]:
    for pattern, field, factor in _UNIT_PATTERNS:
        if pattern.fullmatch(text):
            return field, factor
    raise AssertionError(f"{text!r} matched no unit")  # the period patterns only take units


def _number(text: str, shown: str) -> Fraction:
    if text in _NUMBER_WORDS:  # "thirty six" is one number, not two
        return _NUMBER_WORDS[text]
    values = {_value(word, shown) for word in text.split()}
    if len(values) > 1:
        raise ClauseError(f"'{shown}' names two different numbers")
    return values.pop()


def _value(word: str, shown: str) -> Fraction:
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
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


def _checked(duration: Duration, shown: str) -> Duration:
    if not _days(duration):
        raise ClauseError(f"'{shown}' is not a period longer than zero")
    parts = (duration.years, duration.months, duration.weeks, duration.days)
    if _days(duration) > _MAX_DAYS or max(parts) > MAX_PART:
        raise ClauseError(f"'{shown}' is too long a period (more than 100 years)")
    return duration


def _days(duration: Duration) -> int:
    """Days, roughly: 1 week = 7, 1 month = 30, 1 year = 365; for lead times and limits."""
    return 365 * duration.years + 30 * duration.months + 7 * duration.weeks + duration.days


def _whole(digits: str) -> int:
    if len(digits) > 9:
        raise ClauseError(f"'{digits}' is too long a period")
    return int(digits)


_PERIOD_RULES = (
    _Rule(_phrase(r"p(?=\d)(?:\d+y)?(?:\d+m)?(?:\d+w)?(?:\d+d)?"), _iso),
    _rule(_Period(Duration(months=6)), r"(?:(?:ein|one|a) )?(?:halbes jahr|half an? year)"),
    _Rule(_phrase(rf"(?P<number>{_NUMBER})(?: {_MODIFIER})? (?P<unit>{_UNIT})"), _counted),
    _Rule(_phrase(rf"(?P<number>{_DIGITS}|{_NUMBER_WORD})(?P<unit>{_UNIT})"), _counted),
    _Rule(_phrase(rf"(?P<number>{_DIGITS}) ?(?P<unit>{_ABBREVIATED_UNIT})"), _counted),
    _rule(_Period(Duration(months=3)), r"quarter|quartal|viertel ?jahr"),  # one of them
    _rule(_Period(Duration(months=6)), r"half ?year|halbjahr"),
)

# -- keywords

_RENEWAL_NOUN = re.compile(r"\w*verlaenger(?:ung|bar)\w*|renewal\w*|renewable|rollover")


def _renewal_keyword(match: re.Match[str], shown: str) -> _Keyword:
    """``renews``, ``verlängert sich`` and ``automatische Verlängerung`` say it renews;
    a bare ``Verlängerung`` only names a renewal period."""
    word = match["word"]
    says_so = bool(match["auto"] or match["trail"]) or word.startswith("auto") \
        or _RENEWAL_NOUN.fullmatch(word) is None
    return _Keyword(Role.RENEWAL, implies_renewal=says_so)


_KEYWORD_RULES = (
    _rule(_Keyword(Role.LEAD_TIME),
          r"(?:intern\w* )?vorlauf\w*|lead ?time|intern\w*|approval|freigabe\w*"
          r"|genehmigung\w*|procurement|reminder|erinnerung\w*|vorwarn\w*"),
    _Rule(_phrase(r"(?:(?P<auto>auto\w*|stillschweigend\w*|tacit\w*|silent\w*) )?"
                  r"(?P<word>\w*verlaenger\w*|auto ?renew\w*|renew\w*|extends?|extending"
                  r"|rollover|rolls? over|\w*erneuer\w*)"
                  r"(?: (?:term|period|zeitraum)s?)?"
                  r"(?P<trail> (?:sich )?(?:automatisch|automatically))?"), _renewal_keyword),
    _rule(_Keyword(Role.TERM), r"befrist\w*"),
    _rule(_Keyword(Role.NOTICE),
          r"\w*kuendig\w*|\w*kuendbar\w*|\w*frist\w*|notice(?: period)?|notif\w*|cancel\w*"
          r"|terminat\w*|widerspr\w*|opt out"),
    _rule(_Keyword(Role.TERM, minimum=True),
          r"mindest(?!ens(?!\S))\w*(?: \w*laufzeit\w*)?",
          r"(?:minimum|min) (?:[a-z]+ )?(?:term|period|commitment|duration)"),
    _rule(_Keyword(Role.TERM),
          r"\w*laufzeit\w*|\w*vertragsdauer|dauer|duration"
          r"|(?:initial|fixed|original|base|contract|subscription|service|committed|first)"
          r" (?:[a-z]+ )?(?:term|period|duration)"),
    _rule(_Keyword(Role.TERM, strong=False), r"terms?"),
    _rule(_Keyword(Role.RENEWAL, strong=False, sequel=True),
          r"danach|thereafter|anschliessend|afterwards|subsequently|then"),
    _rule(_Keyword(Role.RENEWAL, strong=False),
          r"jeweils|successive|consecutive|aufeinanderfolgend\w*|weitere\w*|further"
          r"|additional"),
)

# in this order: an earlier rule's words are gone for the later ones ("vor Ablauf der
# Laufzeit" is an anchor, not a term; "keine Verlängerung" is not a renewal)
_RULES = (_PERIOD_RULES[0], *_ANCHOR_RULES, *_FLAG_RULES, *_FREQUENCY_RULES,
          *_PERIOD_RULES[1:], *_KEYWORD_RULES)
_WORKING_DAYS = _phrase(r"\w*werktag\w*|\w*arbeitstag\w*|geschaeftstag\w*"
                        r"|(?:business|working|banking) days?")


def _scan(tokens: Sequence[_Token], source: str) -> list[_Item]:
    """Every phrase in the text, in text order; each token belongs to one phrase at most."""
    joined = " ".join(token.text for token in tokens)
    if _WORKING_DAYS.search(joined):
        raise ClauseError(f"'{source}': working-day notice periods are not supported yet; "
                          "give calendar days or weeks, e.g. '14 days'")
    starts: list[int] = []
    offset = 0
    for token in tokens:
        starts.append(offset)
        offset += len(token.text) + 1
    items: list[_Item] = []
    for rule in _RULES:
        matches = list(rule.pattern.finditer(joined))
        for match in matches:
            first, stop = bisect_left(starts, match.start()), bisect_left(starts, match.end())
            shown = _shown(source, tokens, first, stop)
            items.append(_Item(rule.make(match, shown), first, stop, shown))
            joined = joined[:match.start()] + "\0" * (match.end() - match.start()) \
                + joined[match.end():]
    return sorted(items, key=lambda item: item.first)


def _merged(items: list[_Item], tokens: Sequence[_Token], source: str) -> list[_Item]:
    """``1 year 6 months``, ``1 Jahr und 6 Monate``: one period, largest unit first."""
    merged: list[_Item] = []
    for item in items:
        previous = merged[-1] if merged else None
        total = None if previous is None else _joined(previous, item, tokens)
        if previous is None or total is None:
            merged.append(item)
        else:
            merged[-1] = _Item(_Period(total), previous.first, item.stop,
                               _shown(source, tokens, previous.first, item.stop))
    return merged


def _joined(first: _Item, second: _Item, tokens: Sequence[_Token]) -> Duration | None:
    a, b = first.thing, second.thing
    if not (isinstance(a, _Period) and isinstance(b, _Period)) or a.frequency or b.frequency:
        return None
    gap = [token.text for token in tokens[first.stop:second.first]]
    if gap not in ([], ["und"], ["and"]):
        return None
    parts_a = (a.duration.years, a.duration.months, a.duration.weeks, a.duration.days)
    parts_b = (b.duration.years, b.duration.months, b.duration.weeks, b.duration.days)
    last_a = max(i for i, part in enumerate(parts_a) if part)
    first_b = min(i for i, part in enumerate(parts_b) if part)
    if last_a >= first_b:
        return None
    return Duration(*(x + y for x, y in zip(parts_a, parts_b, strict=True)))


# -- clauses --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Segment:
    shown: str
    items: list[_Item]
    leftover: list[tuple[_Token, str]]  # tokens no phrase took, with their source text
    turns: frozenset[int]  # where words such as "unless" and "mit" turn to another matter


@dataclass(frozen=True, slots=True)
class _Part:
    """One thing a clause says, and what the open-ended check needs to know about it."""

    reading: ClauseReading
    fixed_term: bool = False  # an initial term that is not a minimum: not open-ended
    sequel: bool = False      # its clause follows the term ("danach unbefristet")


def _segments(tokens: Sequence[_Token], items: list[_Item], source: str) -> Iterator[_Segment]:
    covered = {index for item in items for index in range(item.first, item.stop)}
    start = 0
    for index in range(len(tokens) + 1):
        if index < len(tokens) and (index in covered or tokens[index].text not in _SEPARATORS):
            continue
        if start < index:
            free = [i for i in range(start, index) if i not in covered]
            yield _Segment(_shown(source, tokens, start, index),
                           [item for item in items if start <= item.first < index],
                           [(tokens[i], _shown(source, tokens, i, i + 1)) for i in free],
                           frozenset(i for i in free if tokens[i].text in _TURNS))
        start = index + 1


_TURNS = frozenset({"unless", "sofern", "soweit", "wenn", "falls", "if", "with", "mit",
                    "except", "ausser", "but", "aber", "jedoch", "sonst", "otherwise"})
_END_WORDS = frozenset({"ende", "end", "schluss", "ablauf", "expiry", "expiration", "ultimo"})


def _segment_parts(segment: _Segment, role: Role) -> list[_Part]:
    """What one clause says; a clause that says nothing is not understood."""
    for token, shown in segment.leftover:
        if token.text[0].isdigit():
            where = "" if shown == segment.shown else f" in '{segment.shown}'"
            raise ClauseError(f"'{shown}'{where} is not a period such as '3 months': a "
                              "number needs its unit")
        if _UNIT_WORD.fullmatch(token.text):
            raise ClauseError(f"'{shown}' in '{segment.shown}' is a unit without a number "
                              "such as '3 months'")
        if token.text in _END_WORDS:
            raise ClauseError(f"'{segment.shown}' names an end that is not understood; say "
                              "e.g. 'to the end of a quarter' or 'before the end of the term'")
    sequel = any(isinstance(item.thing, _Keyword) and item.thing.sequel
                 for item in segment.items)
    parts = [*_stated(segment.items), *_placed(segment, role)]
    if not parts:
        raise ClauseError(f"'{segment.shown}' is not {_EXPECTED[role]}")
    return [replace(part, sequel=sequel) for part in parts]


def _stated(items: list[_Item]) -> Iterator[_Part]:
    for item in items:
        if isinstance(item.thing, _Fact):
            yield _Part(item.thing.reading)
        elif isinstance(item.thing, _Keyword) and item.thing.implies_renewal:
            yield _Part(ClauseReading(auto_renew=True))


def _context(thing: _Thing) -> Role | None:
    """What a period next to this is, if it says."""
    if isinstance(thing, _Keyword):
        return thing.role
    if isinstance(thing, _Fact) and thing.notice_context:
        return Role.NOTICE
    return None


def _strong(thing: _Thing) -> bool:
    return not isinstance(thing, _Keyword) or thing.strong


def _placed(segment: _Segment, role: Role) -> Iterator[_Part]:
    items = segment.items
    periods = [i for i, item in enumerate(items) if isinstance(item.thing, _Period)]
    chosen = _choose(items, periods, segment)
    for index in periods:
        context = chosen.get(index)
        keyword = None if context is None else items[context].thing
        yield _place(items[index], (None if keyword is None else _context(keyword)) or role,
                     keyword if isinstance(keyword, _Keyword) else None)


def _nearest(items: list[_Item], indexes: range) -> int | None:
    """The nearest word on one side that says what a period is, not past another period;
    a strong one before a weak one."""
    weak = None
    for index in indexes:
        thing = items[index].thing
        if isinstance(thing, _Period):
            break
        if _context(thing) is None:
            continue
        if _strong(thing):
            return index
        weak = index if weak is None else weak
    return weak


def _sides(items: list[_Item], index: int, turns: frozenset[int]) -> list[int]:
    """The keywords on either side of a period; one that a word such as "unless" parts
    from it ("renews for a year unless terminated") only if there is no other."""
    found = [side for side in (_nearest(items, range(index - 1, -1, -1)),
                               _nearest(items, range(index + 1, len(items))))
             if side is not None]
    period = items[index]
    unparted = [side for side in found
                if not any(min(period.stop, items[side].stop) <= turn
                           < max(period.first, items[side].first) for turn in turns)]
    return unparted or found


def _choose(items: list[_Item], periods: list[int], segment: _Segment) -> dict[int, int]:
    """For each period the keyword it belongs to: the only one beside it, or either of
    two that agree; else the one its neighbours do not need ("Laufzeit 36 Monate
    3 Monate Kündigungsfrist"), else the stronger or nearer one."""
    options = {index: sides for index in periods
               if (sides := _sides(items, index, segment.turns))}
    needed = {index: sides[0] for index, sides in options.items() if len(sides) == 1}
    agreed = {index: _preferred(items, sides) for index, sides in options.items()
              if len(sides) == 2 and _context(items[sides[0]].thing)
              == _context(items[sides[1]].thing)}
    pending = {index: sides for index, sides in options.items()
               if index not in needed and index not in agreed}
    while pending:
        taken = set(needed.values())
        settled = {index: free[0] for index, sides in pending.items()
                   if len(free := [side for side in sides if side not in taken]) == 1}
        if not settled:
            break
        needed |= settled
        pending = {index: sides for index, sides in pending.items() if index not in settled}
    return needed | agreed | {index: _closer(items, index, sides, segment.shown)
                              for index, sides in pending.items()}


def _preferred(items: list[_Item], sides: list[int]) -> int:
    """Of keywords that agree, a strong one, else the one before the period."""
    return next((side for side in sides if _strong(items[side].thing)), sides[0])


def _closer(items: list[_Item], index: int, sides: list[int], shown: str) -> int:
    strong = [side for side in sides if _strong(items[side].thing)]
    if len(strong) == 1:
        return strong[0]
    left, right = sides
    before = items[index].first - items[left].stop
    after = items[right].first - items[index].stop
    if before != after:
        return left if before < after else right
    roles = [_ROLE_WORDS[role] for side in sides if (role := _context(items[side].thing))]
    raise ClauseError(f"'{items[index].shown}' in '{shown}' could be {roles[0]} or "
                      f"{roles[1]}; separate them, e.g. 'Laufzeit 36 Monate, "
                      "Kündigungsfrist 3 Monate'")


_FREQUENCY_READINGS = {
    (Role.NOTICE, Duration(months=1)): ClauseReading(open_ended=True),  # "monatlich kündbar"
    (Role.NOTICE, Duration(months=3)): ClauseReading(notice_anchor=NoticeAnchor.QUARTER_END),
    (Role.NOTICE, Duration(months=6)): ClauseReading(
        notice_anchor=NoticeAnchor.HALF_YEAR_END),
    (Role.TERM, Duration(months=1)): ClauseReading(open_ended=True),  # "Laufzeit: monatlich"
}


def _place(item: _Item, role: Role, keyword: _Keyword | None) -> _Part:
    """A period as what ``role`` says it is."""
    assert isinstance(item.thing, _Period)
    duration = item.thing.duration
    if role is Role.RENEWAL:
        return _Part(ClauseReading(renewal_term=duration, auto_renew=True))
    if item.thing.frequency:
        reading = _FREQUENCY_READINGS.get((role, duration))
        if reading is None:
            raise ClauseError(f"'{item.shown}' is not {_EXPECTED[role]}")
        return _Part(reading)
    if role is Role.NOTICE:
        return _Part(ClauseReading(notice_period=duration))
    if role is Role.TERM:
        return _Part(ClauseReading(initial_term=duration),
                     fixed_term=keyword is None or not keyword.minimum)
    return _Part(ClauseReading(lead_time_days=_days(duration)))


# -- the whole text -------------------------------------------------------------------

_LABELS = {"notice_period": "notice period", "notice_anchor": "end notice counts back to",
           "notice_form": "form of notice", "initial_term": "initial term",
           "open_ended": "open end", "renewal_term": "renewal term",
           "auto_renew": "automatic renewal", "lead_time_days": "lead time"}


def _combined(parts: list[_Part], shown: str) -> ClauseReading:
    reading = ClauseReading()
    for part in parts:
        reading = _merge(reading, part.reading, shown)
    fixed = any(part.fixed_term for part in parts)
    if fixed and any(part.reading.open_ended and not part.sequel for part in parts):
        assert reading.initial_term is not None
        raise ClauseError(f"'{shown}' contradicts itself: open-ended, yet a fixed term of "
                          f"{reading.initial_term.describe()}")
    if reading.notice_period is not None and reading.notice_anchor is None:
        reading = replace(reading, notice_anchor=NoticeAnchor.TERM_END)
    return reading


def _merge(reading: ClauseReading, more: ClauseReading, shown: str) -> ClauseReading:
    """Both readings at once; a field they give different values is a contradiction."""
    changes: dict[str, Any] = {}
    for field in fields(ClauseReading):
        old, new = getattr(reading, field.name), getattr(more, field.name)
        if new is None:
            continue
        if old is None:
            changes[field.name] = new
        elif not _same(old, new):
            raise ClauseError(f"'{shown}' contradicts itself on the {_LABELS[field.name]}: "
                              f"{_said(old)} against {_said(new)}")
    return replace(reading, **changes)


def _same(old: object, new: object) -> bool:
    """``12 Monate`` and ``1 Jahr`` say the same."""
    if isinstance(old, Duration) and isinstance(new, Duration):
        return (12 * old.years + old.months, 7 * old.weeks + old.days) \
            == (12 * new.years + new.months, 7 * new.weeks + new.days)
    return old == new


def _said(value: object) -> str:
    if isinstance(value, Duration):
        return value.describe()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value} days"
    return str(value).replace("_", " ")
