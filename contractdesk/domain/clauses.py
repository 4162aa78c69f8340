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

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from contractdesk.domain.clause_periods import (
    UNIT_WORD,
    rough_days,
)
from contractdesk.domain.clause_phrases import (
    NEGATIVE,
    SEPARATORS,
    Fact,
    Item,
    Keyword,
    Period,
    Thing,
    Token,
    bare_reading,
    fold,
    merged,
    scan,
    shown_text,
    tokens_of,
)
from contractdesk.domain.clause_reading import ClauseError, ClauseReading, Role
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import NoticeAnchor


def read_clause(text: str, role: Role) -> ClauseReading:
    """Reads a cell or field; raises ClauseError if it cannot be understood. Blank text
    gives an empty ClauseReading()."""
    source = " ".join(unicodedata.normalize("NFC", text).split())
    if not source:
        return ClauseReading()
    folded, origin = fold(source)
    if NEGATIVE.search(folded):
        raise ClauseError(f"'{source}' has a negative number; periods are never negative")
    tokens = tokens_of(source, folded, origin)
    bare = bare_reading(tokens, role)
    if bare is not None:
        return bare
    items = merged(scan(tokens, source), tokens, source)
    parts = [part for segment in _segments(tokens, items, source)
             for part in _segment_parts(segment, role)]
    if not parts:
        raise ClauseError(f"'{source}' is not {_EXPECTED[role]}")
    return _combined(parts, source)


def describe_notice(period: Duration, anchor: NoticeAnchor) -> str:
    """English words for a notice clause, e.g. "3 months to the end of a quarter",
    "90 days before the end of the term", "6 weeks to the end of a month"."""
    return f"{period.describe()} {ANCHOR_WORDS[anchor]}"


ANCHOR_WORDS = {
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


# -- clauses --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Segment:
    shown: str
    items: list[Item]
    leftover: list[tuple[Token, str]]  # tokens no phrase took, with their source text
    turns: frozenset[int]  # where words such as "unless" and "mit" turn to another matter


@dataclass(frozen=True, slots=True)
class _Part:
    """One thing a clause says, and what the open-ended check needs to know about it."""

    reading: ClauseReading
    fixed_term: bool = False  # an initial term that is not a minimum: not open-ended
    sequel: bool = False      # its clause follows the term ("danach unbefristet")


def _segments(tokens: Sequence[Token], items: list[Item], source: str) -> Iterator[_Segment]:
    covered = {index for item in items for index in range(item.first, item.stop)}
    start = 0
    for index in range(len(tokens) + 1):
        if index < len(tokens) and (index in covered or tokens[index].text not in SEPARATORS):
            continue
        if start < index:
            free = [i for i in range(start, index) if i not in covered]
            yield _Segment(shown_text(source, tokens, start, index),
                           [item for item in items if start <= item.first < index],
                           [(tokens[i], shown_text(source, tokens, i, i + 1)) for i in free],
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
        if UNIT_WORD.fullmatch(token.text):
            raise ClauseError(f"'{shown}' in '{segment.shown}' is a unit without a number "
                              "such as '3 months'")
        if token.text in _END_WORDS:
            raise ClauseError(f"'{segment.shown}' names an end that is not understood; say "
                              "e.g. 'to the end of a quarter' or 'before the end of the term'")
    sequel = any(isinstance(item.thing, Keyword) and item.thing.sequel
                 for item in segment.items)
    parts = [*_stated(segment.items), *_placed(segment, role)]
    if not parts:
        raise ClauseError(f"'{segment.shown}' is not {_EXPECTED[role]}")
    return [replace(part, sequel=sequel) for part in parts]


def _stated(items: list[Item]) -> Iterator[_Part]:
    for item in items:
        if isinstance(item.thing, Fact):
            yield _Part(item.thing.reading)
        elif isinstance(item.thing, Keyword) and item.thing.implies_renewal:
            yield _Part(ClauseReading(auto_renew=True))


def _context(thing: Thing) -> Role | None:
    """What a period next to this is, if it says."""
    if isinstance(thing, Keyword):
        return thing.role
    if isinstance(thing, Fact) and thing.notice_context:
        return Role.NOTICE
    return None


def _strong(thing: Thing) -> bool:
    return not isinstance(thing, Keyword) or thing.strong


def _placed(segment: _Segment, role: Role) -> Iterator[_Part]:
    items = segment.items
    periods = [i for i, item in enumerate(items) if isinstance(item.thing, Period)]
    chosen = _choose(items, periods, segment)
    for index in periods:
        context = chosen.get(index)
        keyword = None if context is None else items[context].thing
        yield _place(items[index], (None if keyword is None else _context(keyword)) or role,
                     keyword if isinstance(keyword, Keyword) else None)


def _nearest(items: list[Item], indexes: range) -> int | None:
    """The nearest word on one side that says what a period is, not past another period;
    a strong one before a weak one."""
    weak = None
    for index in indexes:
        thing = items[index].thing
        if isinstance(thing, Period):
            break
        if _context(thing) is None:
            continue
        if _strong(thing):
            return index
        weak = index if weak is None else weak
    return weak


def _sides(items: list[Item], index: int, turns: frozenset[int]) -> list[int]:
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


def _choose(items: list[Item], periods: list[int], segment: _Segment) -> dict[int, int]:
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


def _preferred(items: list[Item], sides: list[int]) -> int:
    """Of keywords that agree, a strong one, else the one before the period."""
    return next((side for side in sides if _strong(items[side].thing)), sides[0])


def _closer(items: list[Item], index: int, sides: list[int], shown: str) -> int:
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


def _place(item: Item, role: Role, keyword: Keyword | None) -> _Part:
    """A period as what ``role`` says it is."""
    assert isinstance(item.thing, Period)
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
    return _Part(ClauseReading(lead_time_days=rough_days(duration)))


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
                              f"{said(old)} against {said(new)}")
    return replace(reading, **changes)


def _same(old: object, new: object) -> bool:
    """``12 Monate`` and ``1 Jahr`` say the same."""
    if isinstance(old, Duration) and isinstance(new, Duration):
        return (12 * old.years + old.months, 7 * old.weeks + old.days) \
            == (12 * new.years + new.months, 7 * new.weeks + new.days)
    return old == new


def describe_reading(reading: ClauseReading) -> str:
    """The reading in words, for the import preview and the agreement form ("initial
    term 36 months; renewal term 1 year; auto renew yes")."""
    return "; ".join(f"{slot.name.replace('_', ' ')} {said(value)}"
                     for slot in fields(ClauseReading)
                     if (value := getattr(reading, slot.name)) is not None)


def said(value: object) -> str:
    """One value of a reading in words."""
    if isinstance(value, Duration):
        return value.describe()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value} days"
    return str(value).replace("_", " ")
