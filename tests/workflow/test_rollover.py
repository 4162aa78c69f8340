"""Auto-renew arithmetic: month ends, anchoring, and that the last term contains today."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from contractdesk.domain.durations import Duration
from contractdesk.domain.rollover import renewal_duration, rolled_terms, shifted_end


@dataclass(frozen=True)
class Term:
    start_date: dt.date | None
    end_date: dt.date
    rolled_over: int


def effective_term(start: dt.date | None, end: dt.date, renewal_term: str | None,
                   today: dt.date) -> Term:
    """The term containing ``today`` after rolling a signed term ending ``end``."""
    rolled = rolled_terms(end, 0, end, renewal_duration(renewal_term), today)
    if not rolled:
        return Term(start, end, 0)
    return Term(*rolled[-1], len(rolled))


def test_not_rolled_while_the_recorded_term_runs() -> None:
    term = effective_term(dt.date(2026, 1, 1), dt.date(2026, 12, 31), "P1Y",
                          dt.date(2026, 12, 31))
    assert (term.start_date, term.end_date, term.rolled_over) == (
        dt.date(2026, 1, 1), dt.date(2026, 12, 31), 0)


def test_one_month_after_31_january_is_the_end_of_february() -> None:
    term = effective_term(None, dt.date(2026, 1, 31), "P1M", dt.date(2026, 2, 10))
    assert term == effective_term(None, dt.date(2026, 1, 31), "P1M", dt.date(2026, 2, 28))
    assert (term.start_date, term.end_date, term.rolled_over) == (
        dt.date(2026, 2, 1), dt.date(2026, 2, 28), 1)


def test_leap_year_february_and_monthly_terms_do_not_drift_after_february() -> None:
    march = effective_term(None, dt.date(2028, 1, 31), "P1M", dt.date(2028, 3, 5))
    assert (march.start_date, march.end_date, march.rolled_over) == (
        dt.date(2028, 3, 1), dt.date(2028, 3, 31), 2)
    february = effective_term(None, dt.date(2028, 1, 31), "P1M", dt.date(2028, 2, 29))
    assert february.end_date == dt.date(2028, 2, 29)


def test_29_february_plus_a_year_is_28_february_and_returns_in_the_next_leap_year() -> None:
    one = effective_term(None, dt.date(2024, 2, 29), "P1Y", dt.date(2024, 3, 1))
    assert (one.start_date, one.end_date, one.rolled_over) == (
        dt.date(2024, 3, 1), dt.date(2025, 2, 28), 1)
    four = effective_term(None, dt.date(2024, 2, 29), "P1Y", dt.date(2027, 6, 1))
    assert (four.start_date, four.end_date, four.rolled_over) == (
        dt.date(2027, 3, 1), dt.date(2028, 2, 29), 4)


def test_missing_renewal_term_means_a_year() -> None:
    term = effective_term(None, dt.date(2025, 6, 30), None, dt.date(2026, 1, 1))
    assert term.end_date == dt.date(2026, 6, 30)
    assert term.rolled_over == 1


def test_zero_length_term_never_rolls() -> None:
    assert rolled_terms(dt.date(2025, 1, 1), 0, dt.date(2025, 1, 1), Duration(),
                        dt.date(2026, 1, 1)) == []


@given(end=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
       months=st.integers(1, 24), today=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
       cut=st.integers(0, 30))
def test_rolling_in_two_steps_writes_the_same_terms_as_in_one(
        end: dt.date, months: int, today: dt.date, cut: int) -> None:
    """Rolled on an earlier day and again today, the terms are the same as rolled once
    today: what the daily roll writes does not depend on how often it ran."""
    term = Duration(months=months)
    at_once = rolled_terms(end, 0, end, term, today)
    earlier = rolled_terms(end, 0, end, term, today - dt.timedelta(days=cut * 31))
    current_end = earlier[-1][1] if earlier else end
    rest = rolled_terms(end, len(earlier), current_end, term, today)
    assert earlier + rest == at_once
    for (_, previous_end), (start, _) in itertools.pairwise(at_once):
        assert start == previous_end + dt.timedelta(days=1)


durations = st.builds(Duration, years=st.integers(0, 3), months=st.integers(0, 18),
                      weeks=st.integers(0, 10), days=st.integers(0, 120)).filter(
    lambda d: d != Duration())
days = st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))


@given(end=days, term=durations, today=days)
def test_rolled_term_contains_today_and_is_one_whole_term(
        end: dt.date, term: Duration, today: dt.date) -> None:
    rolled = effective_term(None, end, term.isoformat(), today)
    if end >= today:
        assert rolled.rolled_over == 0
        assert rolled.end_date == end
        return
    assert rolled.start_date is not None
    assert rolled.start_date <= today <= rolled.end_date
    # the fewest rollovers: one fewer would still end before today
    assert shifted_end(end, term, rolled.rolled_over - 1) < today
    assert rolled.end_date == shifted_end(end, term, rolled.rolled_over)


@given(end=days, term=durations, today=days, later=st.integers(1, 4000))
def test_terms_are_anchored_on_the_original_end(
        end: dt.date, term: Duration, today: dt.date, later: int) -> None:
    """Rolling from a rolled end gives the same ends as rolling from the original:
    the anchor never drifts (31 Jan, 28 Feb, 31 Mar, not 28 Mar)."""
    first = effective_term(None, end, term.isoformat(), today)
    second_day = today + dt.timedelta(days=later)
    second = effective_term(None, end, term.isoformat(), second_day)
    assert second.rolled_over >= first.rolled_over
    assert second.end_date == shifted_end(end, term, second.rolled_over)
    if end.day <= 28:  # no month-end clamping: each end keeps the original day of month
        assert term.days or term.weeks or second.end_date.day == end.day
