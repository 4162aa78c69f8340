"""The phrases a clause is made of, found in its folded words: periods, what notice
counts back to, the form it takes, flags (``unbefristet``, ``keine automatische
Verlängerung``) and keywords (``Kündigungsfrist``, ``initial term``, ``renews``);
:mod:`contractdesk.domain.clauses` places them into clauses and a reading."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from contractdesk.domain.clause_periods import (
    ABBREVIATED_UNIT,
    DIGITS,
    MODIFIER,
    NUMBER,
    NUMBER_WORD,
    UNIT,
    checked,
    counted,
    iso,
    rough_days,
    whole,
)
from contractdesk.domain.clause_reading import ClauseError, ClauseReading, Role
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import NoticeAnchor, NoticeForm

# -- folding and tokens ---------------------------------------------------------------

_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "⁄": "/", "‐": "-", "‑": "-",
                        "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-"})
NEGATIVE = re.compile(r"(?<![\w)])-\d")
_TOKEN = re.compile(r"\d+(?:[.,/]\d+)+|[a-z0-9]+|[,;.]")
# a full stop after these shortens a word ("ca. 3 Mon.", "z.B.") rather than ending a clause
_ABBREVIATIONS = frozenset({
    "ca", "mind", "min", "max", "inkl", "bzw", "ggf", "vgl", "zzgl", "gem", "lt", "abs",
    "nr", "approx", "incl", "etc", "mo", "mos", "mon", "mth", "mths", "wk", "wks", "yr",
    "yrs", "jhr", "tg", *"abcdefghijklmnopqrstuvwxyz"})
SEPARATORS = frozenset({",", ";", ".", "und", "and", "sowie"})


@lru_cache(maxsize=1024)
def _fold_char(char: str) -> str:
    """Lower case without umlauts or accents (casefold also makes ß ``ss``); unicode
    dashes become ``-`` so a minus sign is seen as one."""
    folded = unicodedata.normalize("NFKC", char).casefold().translate(_ASCII)
    return "".join(c for c in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(c))


def fold(source: str) -> tuple[str, list[int]]:
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
class Token:
    text: str   # folded
    start: int  # where it is in the source
    stop: int


def tokens_of(source: str, folded: str, origin: Sequence[int]) -> list[Token]:
    """Words, numbers and clause separators; other punctuation only separates words. A
    full stop ends a clause only where a space or the end follows ("example.com" is one
    address) and no abbreviation precedes it."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(folded):
        text = match.group()
        if text == "." and (folded[match.end():match.end() + 1].strip()
                            or (tokens and tokens[-1].text in _ABBREVIATIONS)):
            continue
        tokens.append(Token(text, origin[match.start()], origin[match.end() - 1] + 1))
    return tokens


def shown_text(source: str, tokens: Sequence[Token], first: int, stop: int) -> str:
    return source[tokens[first].start:tokens[stop - 1].stop]


# -- a whole cell that is one bare value ----------------------------------------------

_YES = frozenset({"ja", "j", "yes", "y", "true", "wahr", "x", "auto", "automatic",
                  "automatisch"})
_NO = frozenset({"nein", "n", "no", "false", "falsch", "manual", "manuell"})


def bare_reading(tokens: Sequence[Token], role: Role) -> ClauseReading | None:
    """A yes/no in a renewal column says only whether it renews; a bare number in a
    lead-time column counts days. Elsewhere a number needs its unit."""
    words = " ".join(token.text for token in tokens if token.text not in SEPARATORS)
    if role is Role.RENEWAL and words in _YES | _NO:
        return ClauseReading(auto_renew=words in _YES)
    if role is Role.LEAD_TIME and words.isdigit():
        return ClauseReading(lead_time_days=rough_days(checked(Duration(days=whole(words)),
                                                           words)))
    return None


# -- what the phrases mean ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Keyword:
    """A word that says what a period next to it is: ``Kündigungsfrist``, ``Laufzeit``.
    A weak one (``terms``, ``jeweils``) only decides where no strong one is at hand."""

    role: Role
    strong: bool = True
    minimum: bool = False          # a minimum term: an open-ended agreement may have one
    implies_renewal: bool = False  # "verlängert sich", "auto-renewal": it renews
    sequel: bool = False           # "danach": what follows comes after the term


@dataclass(frozen=True, slots=True)
class Period:
    duration: Duration
    frequency: bool = False  # "jährlich", "quarterly": how often, not how long


@dataclass(frozen=True, slots=True)
class Fact:
    """Something said outright; anchors and forms also mark a period as notice."""

    reading: ClauseReading
    notice_context: bool = False


Thing = Keyword | Period | Fact
_Make = Callable[[re.Match[str], str], Thing]


@dataclass(frozen=True, slots=True)
class Item:
    thing: Thing
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


def _always(thing: Thing) -> _Make:
    def make(match: re.Match[str], shown: str) -> Thing:
        return thing
    return make


def _rule(thing: Thing, *alternatives: str) -> _Rule:
    return _Rule(_phrase(*alternatives), _always(thing))


def _anchor(anchor: NoticeAnchor, *alternatives: str) -> _Rule:
    return _rule(Fact(ClauseReading(notice_anchor=anchor), notice_context=True),
                 *alternatives)


def _form(form: NoticeForm, *alternatives: str) -> _Rule:
    return _rule(Fact(ClauseReading(notice_form=form), notice_context=True), *alternatives)


def _frequency(duration: Duration, *alternatives: str) -> _Rule:
    return _rule(Period(duration, frequency=True), *alternatives)


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
_DOES_NOT_RENEW = Fact(ClauseReading(auto_renew=False))
_FLAG_RULES = (
    # the notice that stops a renewal, not a term that does not renew
    _rule(Keyword(Role.NOTICE), r"(?:notice|notification) of non ?renewal",
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
    _rule(Fact(ClauseReading(open_ended=True)),
          r"unbefristet\w*|auf unbestimmte zeit|unbestimmte\w* (?:zeit|laufzeit|dauer"
          r"|vertragsdauer)|open ended|open end|indefinite\w*|unbegrenzt\w*"
          r"|unlimited(?: term| duration)?",
          r"(?:no|ohne|kein\w*|without)(?: a| eine)?(?: feste\w*| fixed| minimum| mindest)?"
          r" (?:\w*laufzeit|term|end date|enddatum|ablaufdatum|befristung)",
          r"month to month|rolling(?: monthly| month\w*)|monthly rolling|monatlich rollierend"
          r"|jederzeit kuendbar|(?:cancell?able|terminable) (?:at )?any ?time"
          r"|cancel (?:at )?any ?time"),
    _rule(Fact(ClauseReading(auto_renew=True)), "evergreen"),
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

def _counted(match: re.Match[str], shown: str) -> Period:
    return Period(counted(match["number"], match["unit"], shown))


def _iso(match: re.Match[str], shown: str) -> Period:
    return Period(iso(match.group(), shown))


_PERIOD_RULES = (
    _Rule(_phrase(r"p(?=\d)(?:\d+y)?(?:\d+m)?(?:\d+w)?(?:\d+d)?"), _iso),
    _rule(Period(Duration(months=6)), r"(?:(?:ein|one|a) )?(?:halbes jahr|half an? year)"),
    _Rule(_phrase(rf"(?P<number>{NUMBER})(?: {MODIFIER})? (?P<unit>{UNIT})"), _counted),
    _Rule(_phrase(rf"(?P<number>{DIGITS}|{NUMBER_WORD})(?P<unit>{UNIT})"), _counted),
    _Rule(_phrase(rf"(?P<number>{DIGITS}) ?(?P<unit>{ABBREVIATED_UNIT})"), _counted),
    _rule(Period(Duration(months=3)), r"quarter|quartal|viertel ?jahr"),  # one of them
    _rule(Period(Duration(months=6)), r"half ?year|halbjahr"),
)

# -- keywords

_RENEWAL_NOUN = re.compile(r"\w*verlaenger(?:ung|bar)\w*|renewal\w*|renewable|rollover")


def _renewal_keyword(match: re.Match[str], shown: str) -> Keyword:
    """``renews``, ``verlängert sich`` and ``automatische Verlängerung`` say it renews;
    a bare ``Verlängerung`` only names a renewal period."""
    word = match["word"]
    says_so = bool(match["auto"] or match["trail"]) or word.startswith("auto") \
        or _RENEWAL_NOUN.fullmatch(word) is None
    return Keyword(Role.RENEWAL, implies_renewal=says_so)


_KEYWORD_RULES = (
    _rule(Keyword(Role.LEAD_TIME),
          r"(?:intern\w* )?vorlauf\w*|lead ?time|intern\w*|approval|freigabe\w*"
          r"|genehmigung\w*|procurement|reminder|erinnerung\w*|vorwarn\w*"),
    _Rule(_phrase(r"(?:(?P<auto>auto\w*|stillschweigend\w*|tacit\w*|silent\w*) )?"
                  r"(?P<word>\w*verlaenger\w*|auto ?renew\w*|renew\w*|extends?|extending"
                  r"|rollover|rolls? over|\w*erneuer\w*)"
                  r"(?: (?:term|period|zeitraum)s?)?"
                  r"(?P<trail> (?:sich )?(?:automatisch|automatically))?"), _renewal_keyword),
    _rule(Keyword(Role.TERM), r"befrist\w*"),
    _rule(Keyword(Role.NOTICE),
          r"\w*kuendig\w*|\w*kuendbar\w*|\w*frist\w*|notice(?: period)?|notif\w*|cancel\w*"
          r"|terminat\w*|widerspr\w*|opt out"),
    _rule(Keyword(Role.TERM, minimum=True),
          r"mindest(?!ens(?!\S))\w*(?: \w*laufzeit\w*)?",
          r"(?:minimum|min) (?:[a-z]+ )?(?:term|period|commitment|duration)"),
    _rule(Keyword(Role.TERM),
          r"\w*laufzeit\w*|\w*vertragsdauer|dauer|duration"
          r"|(?:initial|fixed|original|base|contract|subscription|service|committed|first)"
          r" (?:[a-z]+ )?(?:term|period|duration)"),
    _rule(Keyword(Role.TERM, strong=False), r"terms?"),
    _rule(Keyword(Role.RENEWAL, strong=False, sequel=True),
          r"danach|thereafter|anschliessend|afterwards|subsequently|then"),
    _rule(Keyword(Role.RENEWAL, strong=False),
          r"jeweils|successive|consecutive|aufeinanderfolgend\w*|weitere\w*|further"
          r"|additional"),
)

# in this order: an earlier rule's words are gone for the later ones ("vor Ablauf der
# Laufzeit" is an anchor, not a term; "keine Verlängerung" is not a renewal)
_RULES = (_PERIOD_RULES[0], *_ANCHOR_RULES, *_FLAG_RULES, *_FREQUENCY_RULES,
          *_PERIOD_RULES[1:], *_KEYWORD_RULES)
_WORKING_DAYS = _phrase(r"\w*werktag\w*|\w*arbeitstag\w*|geschaeftstag\w*"
                        r"|(?:business|working|banking) days?")


def scan(tokens: Sequence[Token], source: str) -> list[Item]:
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
    items: list[Item] = []
    for rule in _RULES:
        matches = list(rule.pattern.finditer(joined))
        for match in matches:
            first, stop = bisect_left(starts, match.start()), bisect_left(starts, match.end())
            shown = shown_text(source, tokens, first, stop)
            items.append(Item(rule.make(match, shown), first, stop, shown))
            joined = joined[:match.start()] + "\0" * (match.end() - match.start()) \
                + joined[match.end():]
    return sorted(items, key=lambda item: item.first)


def merged(items: list[Item], tokens: Sequence[Token], source: str) -> list[Item]:
    """``1 year 6 months``, ``1 Jahr und 6 Monate``: one period, largest unit first."""
    merged: list[Item] = []
    for item in items:
        previous = merged[-1] if merged else None
        total = None if previous is None else _joined(previous, item, tokens)
        if previous is None or total is None:
            merged.append(item)
        else:
            merged[-1] = Item(Period(total), previous.first, item.stop,
                               shown_text(source, tokens, previous.first, item.stop))
    return merged


def _joined(first: Item, second: Item, tokens: Sequence[Token]) -> Duration | None:
    a, b = first.thing, second.thing
    if not (isinstance(a, Period) and isinstance(b, Period)) or a.frequency or b.frequency:
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
