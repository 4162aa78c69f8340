"""Notice rules: when notice must arrive and when we must act to get it there.

Proved here:

* ``deadline_for`` counts back from the end of the term in calendar arithmetic (month
  ends clamp), and for an end of a month/quarter/half-year/year with a period of whole
  months or years it gives the last day of the month that many months before; a period
  in weeks or days counts back day by day;
* ``period_end`` is the month/quarter/half-year/year end holding the day (the day itself
  for the end of the term), never before the day, and idempotent;
* ``notice_deadline`` gives no deadline without an end, without a period, or where
  silence does not renew;
* ``earliest_end`` of an open-ended agreement is, for a calendar anchor, the first
  period end whose deadline is not yet past (a period end, on or after today, with the
  previous period end's deadline already past), and never moves backwards as the days
  go by; walked day by day through a year, "3 months to the end of a quarter" steps
  from quarter to quarter exactly the day after each deadline;
* ``act_by`` is the last working day on or before the deadline minus the lead time, with
  weekends and the public holidays of the ``holidays`` package (DE-BY vs DE-BE, GB's
  Boxing Day substitute, Easter, German Unity Day, Christmas) as days off;
* ``DaysOff`` rejects an unknown country or region, naming it.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractdesk.domain.durations import Duration, shift
from contractdesk.domain.enums import NoticeAnchor
from contractdesk.domain.notice_rules import (
    MAX_LOOKBACK_DAYS,
    DayOff,
    NoticeRule,
    act_by,
    deadline_for,
    earliest_end,
    month_end,
    notice_deadline,
    period_end,
    weekend,
)
from contractdesk.domain.working_days import DaysOff, UnknownRegion

D = dt.timedelta(days=1)
CALENDAR_ANCHORS = (NoticeAnchor.MONTH_END, NoticeAnchor.QUARTER_END,
                    NoticeAnchor.HALF_YEAR_END, NoticeAnchor.YEAR_END)
MONTHS_PER_PERIOD = {NoticeAnchor.MONTH_END: 1, NoticeAnchor.QUARTER_END: 3,
                     NoticeAnchor.HALF_YEAR_END: 6, NoticeAnchor.YEAR_END: 12}
BAVARIA = DaysOff("DE", "BY")
BERLIN = DaysOff("DE", "BE")
GERMANY = DaysOff("DE")
BRITAIN = DaysOff("GB")


def rule(period: str, anchor: NoticeAnchor = NoticeAnchor.TERM_END) -> NoticeRule:
    return NoticeRule(Duration.parse(period), anchor)


def is_month_end(day: dt.date) -> bool:
    return (day + D).day == 1


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month


def previous_period_end(end: dt.date, anchor: NoticeAnchor) -> dt.date:
    """The period end before ``end`` (itself a period end of ``anchor``)."""
    first_day = shift(end.replace(day=1), -(MONTHS_PER_PERIOD[anchor] - 1), 0)
    return first_day - D


# --- deadline_for -----------------------------------------------------------------------

@pytest.mark.parametrize(("end", "period", "expected"), [
    (dt.date(2027, 3, 31), "P1M", dt.date(2027, 2, 28)),    # month end clamps
    (dt.date(2028, 3, 31), "P1M", dt.date(2028, 2, 29)),    # leap year
    (dt.date(2027, 3, 31), "P3M", dt.date(2026, 12, 31)),
    (dt.date(2027, 6, 30), "P3M", dt.date(2027, 3, 30)),    # not the month's end
    (dt.date(2027, 5, 31), "P3M", dt.date(2027, 2, 28)),
    (dt.date(2028, 2, 29), "P1Y", dt.date(2027, 2, 28)),
    (dt.date(2027, 3, 31), "P6W", dt.date(2027, 2, 17)),
    (dt.date(2027, 3, 31), "P90D", dt.date(2026, 12, 31)),
    (dt.date(2027, 1, 15), "P1M2W", dt.date(2026, 12, 1)),  # months first, then days
])
def test_deadline_before_the_end_of_the_term(end: dt.date, period: str,
                                             expected: dt.date) -> None:
    assert deadline_for(end, rule(period)) == expected


@pytest.mark.parametrize(("end", "period", "anchor", "expected"), [
    (dt.date(2027, 6, 30), "P3M", NoticeAnchor.QUARTER_END, dt.date(2027, 3, 31)),
    (dt.date(2027, 2, 28), "P1M", NoticeAnchor.MONTH_END, dt.date(2027, 1, 31)),
    (dt.date(2028, 2, 29), "P1M", NoticeAnchor.MONTH_END, dt.date(2028, 1, 31)),
    (dt.date(2027, 12, 31), "P3M", NoticeAnchor.QUARTER_END, dt.date(2027, 9, 30)),
    (dt.date(2027, 6, 30), "P6M", NoticeAnchor.HALF_YEAR_END, dt.date(2026, 12, 31)),
    (dt.date(2027, 12, 31), "P12M", NoticeAnchor.YEAR_END, dt.date(2026, 12, 31)),
    (dt.date(2027, 12, 31), "P1Y", NoticeAnchor.YEAR_END, dt.date(2026, 12, 31)),
    (dt.date(2027, 9, 30), "P1M", NoticeAnchor.QUARTER_END, dt.date(2027, 8, 31)),
    (dt.date(2027, 4, 30), "P2M", NoticeAnchor.MONTH_END, dt.date(2027, 2, 28)),
    (dt.date(2027, 3, 31), "P6W", NoticeAnchor.QUARTER_END, dt.date(2027, 2, 17)),
    (dt.date(2027, 3, 31), "P30D", NoticeAnchor.QUARTER_END, dt.date(2027, 3, 1)),
    (dt.date(2027, 6, 30), "P13W", NoticeAnchor.QUARTER_END, dt.date(2027, 3, 31)),
])
def test_deadline_to_the_end_of_a_calendar_period(end: dt.date, period: str,
                                                  anchor: NoticeAnchor,
                                                  expected: dt.date) -> None:
    """Whole months reach back to the end of a month (30 Jun with 3 months: 31 Mar,
    not 30 Mar as before the end of the term); weeks and days count day by day."""
    assert deadline_for(end, rule(period, anchor)) == expected


def test_calendar_anchor_differs_from_term_end_only_where_months_clamp() -> None:
    assert deadline_for(dt.date(2027, 6, 30), rule("P3M")) == dt.date(2027, 3, 30)
    assert deadline_for(dt.date(2027, 6, 30), rule("P3M", NoticeAnchor.QUARTER_END)) \
        == dt.date(2027, 3, 31)


durations = st.builds(Duration, years=st.integers(0, 2), months=st.integers(0, 14),
                      weeks=st.integers(0, 10), days=st.integers(0, 120))
whole_months = st.builds(Duration, years=st.integers(0, 2), months=st.integers(0, 14))
day_counts = st.one_of(st.builds(Duration, weeks=st.integers(1, 26)),
                       st.builds(Duration, days=st.integers(1, 200)))
periods = st.one_of(whole_months, day_counts, durations)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
anchors = st.sampled_from(NoticeAnchor)
calendar_anchors = st.sampled_from(CALENDAR_ANCHORS)


@given(periods, days)
def test_term_end_deadline_is_the_period_before(period: Duration, end: dt.date) -> None:
    deadline = deadline_for(end, NoticeRule(period))
    assert deadline == period.before(end)
    assert deadline <= end


@given(whole_months, calendar_anchors, days)
def test_whole_months_to_a_month_end_reach_the_end_of_a_month(
        period: Duration, anchor: NoticeAnchor, day: dt.date) -> None:
    end = month_end(day)
    deadline = deadline_for(end, NoticeRule(period, anchor))
    assert is_month_end(deadline)
    assert month_index(end) - month_index(deadline) == 12 * period.years + period.months
    assert period.before(end) <= deadline <= end


@given(day_counts, calendar_anchors, days)
def test_weeks_and_days_count_back_day_by_day(period: Duration, anchor: NoticeAnchor,
                                              day: dt.date) -> None:
    end = month_end(day)
    assert deadline_for(end, NoticeRule(period, anchor)) == \
        end - dt.timedelta(days=7 * period.weeks + period.days)


# --- period_end -------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "anchor", "expected"), [
    (dt.date(2027, 2, 10), NoticeAnchor.MONTH_END, dt.date(2027, 2, 28)),
    (dt.date(2028, 2, 10), NoticeAnchor.MONTH_END, dt.date(2028, 2, 29)),
    (dt.date(2027, 1, 1), NoticeAnchor.QUARTER_END, dt.date(2027, 3, 31)),
    (dt.date(2027, 4, 1), NoticeAnchor.QUARTER_END, dt.date(2027, 6, 30)),
    (dt.date(2027, 9, 30), NoticeAnchor.QUARTER_END, dt.date(2027, 9, 30)),
    (dt.date(2027, 11, 15), NoticeAnchor.QUARTER_END, dt.date(2027, 12, 31)),
    (dt.date(2027, 6, 30), NoticeAnchor.HALF_YEAR_END, dt.date(2027, 6, 30)),
    (dt.date(2027, 7, 1), NoticeAnchor.HALF_YEAR_END, dt.date(2027, 12, 31)),
    (dt.date(2027, 1, 1), NoticeAnchor.YEAR_END, dt.date(2027, 12, 31)),
    (dt.date(2027, 12, 31), NoticeAnchor.YEAR_END, dt.date(2027, 12, 31)),
    (dt.date(2027, 5, 17), NoticeAnchor.TERM_END, dt.date(2027, 5, 17)),
])
def test_period_end(day: dt.date, anchor: NoticeAnchor, expected: dt.date) -> None:
    assert period_end(day, anchor) == expected


@given(days, calendar_anchors)
def test_period_end_is_the_next_calendar_period_end(day: dt.date,
                                                    anchor: NoticeAnchor) -> None:
    end = period_end(day, anchor)
    size = MONTHS_PER_PERIOD[anchor]
    assert end >= day
    assert is_month_end(end)
    assert end.month % size == 0
    assert month_index(end) - month_index(day) < size  # the period holding the day
    assert period_end(end, anchor) == end


@given(days)
def test_period_end_of_the_term_is_the_day(day: dt.date) -> None:
    assert period_end(day, NoticeAnchor.TERM_END) == day


# --- notice_deadline --------------------------------------------------------------------

def test_notice_deadline_none_without_end_period_or_renewal() -> None:
    end = dt.date(2027, 6, 30)
    for anchor in NoticeAnchor:
        assert notice_deadline(None, "P3M", renews=True, anchor=anchor) is None
        assert notice_deadline(end, None, renews=True, anchor=anchor) is None
        assert notice_deadline(end, "", renews=True, anchor=anchor) is None
        assert notice_deadline(end, "P3M", renews=False, anchor=anchor) is None


def test_notice_deadline_reads_the_anchor() -> None:
    end = dt.date(2027, 6, 30)
    assert notice_deadline(end, "P3M", renews=True) == dt.date(2027, 3, 30)
    assert notice_deadline(end, "P3M", renews=True,
                           anchor=NoticeAnchor.QUARTER_END) == dt.date(2027, 3, 31)


@given(periods, anchors, days)
def test_notice_deadline_is_deadline_for_when_it_renews(period: Duration,
                                                        anchor: NoticeAnchor,
                                                        end: dt.date) -> None:
    text = period.isoformat()
    assert notice_deadline(end, text, renews=True, anchor=anchor) == \
        deadline_for(end, NoticeRule(period, anchor))
    assert notice_deadline(end, text, renews=False, anchor=anchor) is None


# --- earliest_end -----------------------------------------------------------------------

@pytest.mark.parametrize(("today", "period", "anchor", "expected"), [
    (dt.date(2026, 12, 3), "P30D", NoticeAnchor.TERM_END, dt.date(2027, 1, 2)),
    (dt.date(2026, 12, 3), "P3M", NoticeAnchor.TERM_END, dt.date(2027, 3, 3)),
    # no end in February is a month after 31 Jan: 1 March is the first one reached
    (dt.date(2027, 1, 31), "P1M", NoticeAnchor.TERM_END, dt.date(2027, 3, 1)),
    (dt.date(2026, 12, 3), "P6W", NoticeAnchor.QUARTER_END, dt.date(2027, 3, 31)),
    (dt.date(2026, 11, 19), "P6W", NoticeAnchor.QUARTER_END, dt.date(2026, 12, 31)),
    (dt.date(2026, 11, 20), "P6W", NoticeAnchor.QUARTER_END, dt.date(2027, 3, 31)),
    (dt.date(2027, 3, 31), "P3M", NoticeAnchor.QUARTER_END, dt.date(2027, 6, 30)),
    (dt.date(2027, 4, 1), "P3M", NoticeAnchor.QUARTER_END, dt.date(2027, 9, 30)),
    (dt.date(2027, 1, 31), "P1M", NoticeAnchor.MONTH_END, dt.date(2027, 2, 28)),
    (dt.date(2027, 2, 1), "P1M", NoticeAnchor.MONTH_END, dt.date(2027, 3, 31)),
    (dt.date(2027, 7, 1), "P6M", NoticeAnchor.HALF_YEAR_END, dt.date(2028, 6, 30)),
    (dt.date(2026, 12, 31), "P1Y", NoticeAnchor.YEAR_END, dt.date(2027, 12, 31)),
    (dt.date(2027, 1, 1), "P1Y", NoticeAnchor.YEAR_END, dt.date(2028, 12, 31)),
])
def test_earliest_end(today: dt.date, period: str, anchor: NoticeAnchor,
                      expected: dt.date) -> None:
    assert earliest_end(today, rule(period, anchor)) == expected


@settings(max_examples=200)
@given(days, periods)
def test_earliest_end_to_the_end_of_the_term_is_the_first_one_notice_today_reaches(
        today: dt.date, period: Duration) -> None:
    end = earliest_end(today, NoticeRule(period))
    assert deadline_for(end, NoticeRule(period)) >= today
    assert deadline_for(end - D, NoticeRule(period)) < today


@settings(max_examples=200)
@given(days, periods, calendar_anchors)
def test_earliest_calendar_end_is_the_first_end_notice_can_reach(
        today: dt.date, period: Duration, anchor: NoticeAnchor) -> None:
    notice = NoticeRule(period, anchor)
    end = earliest_end(today, notice)
    assert end >= today
    assert period_end(end, anchor) == end
    assert deadline_for(end, notice) >= today
    assert deadline_for(previous_period_end(end, anchor), notice) < today  # the first


@settings(max_examples=200)
@given(days, periods, anchors)
def test_earliest_end_never_moves_backwards(today: dt.date, period: Duration,
                                            anchor: NoticeAnchor) -> None:
    notice = NoticeRule(period, anchor)
    assert earliest_end(today + D, notice) >= earliest_end(today, notice)


@pytest.mark.parametrize("period", ["P30D", "P6W", "P1M", "P3M", "P1Y"])
def test_earliest_end_of_the_term_is_reachable_by_notice_given_today(period: str) -> None:
    today = dt.date(2026, 12, 3)
    notice = rule(period)
    assert deadline_for(earliest_end(today, notice), notice) >= today


def test_open_ended_rolling_through_the_year() -> None:
    """3 months to the end of a quarter, walked day by day: the earliest end moves on
    to the next quarter exactly the day after each deadline, and only then."""
    notice = rule("P3M", NoticeAnchor.QUARTER_END)
    changes: list[tuple[dt.date, dt.date]] = []
    day = dt.date(2027, 1, 1)
    end = earliest_end(day, notice)
    assert end == dt.date(2027, 6, 30)
    while day < dt.date(2028, 1, 1):
        day += D
        following = earliest_end(day, notice)
        if following != end:
            changes.append((day, following))
            end = following
    assert changes == [(dt.date(2027, 4, 1), dt.date(2027, 9, 30)),
                       (dt.date(2027, 7, 1), dt.date(2027, 12, 31)),
                       (dt.date(2027, 10, 1), dt.date(2028, 3, 31)),
                       (dt.date(2028, 1, 1), dt.date(2028, 6, 30))]
    for changed, _ in changes:
        last_day = changed - D
        assert deadline_for(earliest_end(last_day, notice), notice) == last_day


# --- act_by -----------------------------------------------------------------------------

def test_lead_time_zero_on_a_working_day_is_the_deadline() -> None:
    deadline = dt.date(2026, 12, 31)  # a Thursday
    assert act_by(deadline, 0, weekend) == deadline
    assert act_by(deadline, 0, BAVARIA) == deadline


@pytest.mark.parametrize(("deadline", "lead", "expected"), [
    (dt.date(2026, 12, 31), 14, dt.date(2026, 12, 17)),  # Thu, Thu
    (dt.date(2026, 12, 5), 0, dt.date(2026, 12, 4)),     # Sat -> Fri
    (dt.date(2026, 12, 6), 0, dt.date(2026, 12, 4)),     # Sun -> Fri
    (dt.date(2026, 12, 7), 1, dt.date(2026, 12, 4)),     # Mon - 1 = Sun -> Fri
    (dt.date(2026, 12, 7), 0, dt.date(2026, 12, 7)),
    (dt.date(2026, 12, 10), -3, dt.date(2026, 12, 10)),  # no negative lead time
])
def test_act_by_on_weekends(deadline: dt.date, lead: int, expected: dt.date) -> None:
    assert act_by(deadline, lead, weekend) == expected


@pytest.mark.parametrize(("deadline", "lead", "days_off", "expected"), [
    # Epiphany (Wed 6 Jan 2027) is a holiday in Bavaria, not in Berlin
    (dt.date(2027, 1, 6), 0, BAVARIA, dt.date(2027, 1, 5)),
    (dt.date(2027, 1, 6), 0, BERLIN, dt.date(2027, 1, 6)),
    (dt.date(2027, 1, 8), 2, BAVARIA, dt.date(2027, 1, 5)),
    # Christmas: Sat 26 Dec 2026, Fri 25 Dec 2026 off in DE and GB
    (dt.date(2026, 12, 26), 0, GERMANY, dt.date(2026, 12, 24)),
    (dt.date(2026, 12, 26), 0, BRITAIN, dt.date(2026, 12, 24)),
    # Mon 28 Dec 2026: Boxing Day's substitute in GB, a working day in DE
    (dt.date(2026, 12, 28), 0, BRITAIN, dt.date(2026, 12, 24)),
    (dt.date(2026, 12, 28), 0, GERMANY, dt.date(2026, 12, 28)),
    (dt.date(2026, 12, 28), 0, weekend, dt.date(2026, 12, 28)),
    # Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar
    (dt.date(2027, 3, 29), 0, GERMANY, dt.date(2027, 3, 25)),
    (dt.date(2027, 3, 29), 0, weekend, dt.date(2027, 3, 29)),
    (dt.date(2027, 4, 2), 7, GERMANY, dt.date(2027, 3, 25)),
    # German Unity Day: Fri 3 Oct 2025
    (dt.date(2025, 10, 3), 0, GERMANY, dt.date(2025, 10, 2)),
    (dt.date(2025, 10, 6), 3, GERMANY, dt.date(2025, 10, 2)),
    (dt.date(2025, 10, 3), 0, BRITAIN, dt.date(2025, 10, 3)),
])
def test_act_by_on_public_holidays(deadline: dt.date, lead: int, days_off: DayOff,
                                   expected: dt.date) -> None:
    assert act_by(deadline, lead, days_off) == expected


def test_holidays_by_country_and_region() -> None:
    epiphany = dt.date(2027, 1, 6)
    assert BAVARIA.holiday(epiphany) is not None and BAVARIA(epiphany)
    assert BERLIN.holiday(epiphany) is None and not BERLIN(epiphany)
    assert GERMANY.holiday(epiphany) is None
    for day in (dt.date(2026, 12, 25), dt.date(2026, 12, 26)):
        assert GERMANY.holiday(day) is not None
        assert BRITAIN.holiday(day) is not None
    for day in (dt.date(2027, 3, 26), dt.date(2027, 3, 29), dt.date(2025, 10, 3)):
        assert GERMANY.holiday(day) is not None and GERMANY(day)
    assert GERMANY.holiday(dt.date(2026, 12, 24)) is None
    assert DaysOff().holiday(dt.date(2026, 12, 25)) is None  # no country: weekends only
    assert DaysOff()(dt.date(2026, 12, 26)) and not DaysOff()(dt.date(2026, 12, 25))


def test_names_come_from_the_holidays_package() -> None:
    boxing_day_substitute = dt.date(2026, 12, 28)
    assert BRITAIN.holiday(boxing_day_substitute) == \
        holidays.country_holidays("GB").get(boxing_day_substitute)
    assert BRITAIN.holiday(boxing_day_substitute) == "Boxing Day (observed)"
    assert BAVARIA.holiday(dt.date(2027, 1, 6)) == \
        holidays.country_holidays("DE", subdiv="BY").get(dt.date(2027, 1, 6))


def test_codes_are_case_insensitive() -> None:
    assert DaysOff("de", "by")(dt.date(2027, 1, 6))


@pytest.mark.parametrize(("country", "region", "named"), [
    ("XX", "", "'XX'"),
    ("DE", "ZZ", "'ZZ' is not a region of DE"),
    ("GB", "BY", "'BY' is not a region of GB"),
])
def test_unknown_country_or_region(country: str, region: str, named: str) -> None:
    with pytest.raises(UnknownRegion, match=named):
        DaysOff(country, region)


CALENDARS: list[DayOff] = [weekend, BAVARIA, BERLIN, BRITAIN, DaysOff()]
days_off_calendars = st.sampled_from(CALENDARS)


def offsets_off(offsets: frozenset[int], origin: dt.date) -> DayOff:
    """Days off given as offsets back from ``origin``."""
    return lambda day: (origin - day).days in offsets


@settings(max_examples=200)
@given(days, st.integers(-5, 120), days_off_calendars)
def test_act_by_is_the_last_working_day_in_reach(deadline: dt.date, lead: int,
                                                 days_off: DayOff) -> None:
    acting = act_by(deadline, lead, days_off)
    latest = deadline - dt.timedelta(days=max(lead, 0))
    assert acting <= deadline
    assert acting <= latest
    assert not days_off(acting)
    between = acting + D
    while between <= latest:  # everything later is a day off
        assert days_off(between)
        between += D


@settings(max_examples=200)
@given(days, st.integers(0, 60),
       st.frozensets(st.integers(0, MAX_LOOKBACK_DAYS + 5), max_size=MAX_LOOKBACK_DAYS + 6))
def test_act_by_with_any_days_off(deadline: dt.date, lead: int,
                                  offsets: frozenset[int]) -> None:
    latest = deadline - dt.timedelta(days=lead)
    acting = act_by(deadline, lead, offsets_off(offsets, latest))
    working = [offset for offset in range(MAX_LOOKBACK_DAYS) if offset not in offsets]
    assert acting <= deadline
    assert acting == latest - dt.timedelta(days=working[0] if working else 0)


def test_act_by_gives_up_after_the_lookback() -> None:
    """No working day within reach: the date stands rather than looping for ever."""
    deadline = dt.date(2027, 3, 31)
    assert act_by(deadline, 10, lambda _day: True) == dt.date(2027, 3, 21)
