"""An agreement's end, notice deadline and act-by date, and the words that explain them.

Proved here, on plain (unsaved) agreements:

* worked examples: a fixed first term then yearly renewal, counted before the end of
  the term; an open-ended agreement with notice to the end of a quarter (with and
  without a minimum term); a term that does not renew (no deadline); a cancelled one
  (no deadline); a deadline on a weekend or a public holiday, which the explanation
  names, and the act-by date moved back to the last working day;
* the agreement's own lead time overrides the team's default, and none means the
  default;
* for any end date, period, anchor and lead time, the act-by date is never later than
  the deadline (nor than the deadline minus the lead time), the deadline is the
  agreement's own, and the explanation states both dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractdesk.db.models import Agreement
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import NoticeAnchor
from contractdesk.domain.working_days import DaysOff
from contractdesk.services.notice_dates import (
    NoticeContext,
    long_date,
    notice_dates,
    short_date,
)

TODAY = dt.date(2026, 12, 3)  # a Thursday
BAVARIA = DaysOff("DE", "BY")
BERLIN = DaysOff("DE", "BE")
BRITAIN = DaysOff("GB")


def agreement(**fields: Any) -> Agreement:
    """The worked example (a) unless told otherwise: 36 months from 1 Apr 2024, then
    yearly, 3 months before the end of the term, 14 days' lead time."""
    values: dict[str, Any] = {
        "contract_number": "X", "start_date": dt.date(2024, 4, 1),
        "end_date": dt.date(2027, 3, 31), "initial_term": "P36M", "renewal_term": "P1Y",
        "auto_renew": True, "notice_period": "P3M", "cancelled": False,
        "open_ended": False, "rolled_over": 0, "notice_anchor": NoticeAnchor.TERM_END,
        "lead_time_days": 14,
    }
    values.update(fields)
    return Agreement(**values)


def open_ended(**fields: Any) -> Agreement:
    values: dict[str, Any] = {"start_date": dt.date(2020, 1, 1), "end_date": None,
                              "initial_term": None, "renewal_term": None,
                              "auto_renew": False, "open_ended": True}
    values.update(fields)
    return agreement(**values)


def test_fixed_term_then_yearly() -> None:
    dates = notice_dates(agreement(), TODAY, NoticeContext(0, BAVARIA))
    assert dates.end == dt.date(2027, 3, 31)
    assert dates.deadline == dt.date(2026, 12, 31)
    assert dates.act_by == dt.date(2026, 12, 17)
    assert dates.lead_days == 14
    assert dates.explanation == (
        "Ends 31 Mar 2027 (36 months from 1 Apr 2024, then yearly) unless notice is "
        "given. 3 months before the end of the term: notice must arrive by Thu 31 Dec "
        "2026. 14 days internal lead time: act by Thu 17 Dec 2026.")


def test_renewed_term_says_how_often() -> None:
    dates = notice_dates(agreement(end_date=dt.date(2029, 3, 31), rolled_over=2,
                                   lead_time_days=0),
                         TODAY, NoticeContext(0, BAVARIA))
    assert dates.deadline == dt.date(2028, 12, 31)  # a Sunday
    assert dates.act_by == dt.date(2028, 12, 29)
    assert dates.explanation == (
        "Ends 31 Mar 2029 (auto-renewed 2×, renews yearly) unless notice is given. "
        "3 months before the end of the term: notice must arrive by Sun 31 Dec 2028 "
        "(a Sunday). The last working day: act by Fri 29 Dec 2028.")


def test_open_ended_to_the_end_of_a_quarter() -> None:
    """6 weeks to the end of a quarter on 3 Dec 2026: 31 Dec needed notice by 19 Nov,
    so the earliest end is 31 Mar 2027; the team's 14 days apply."""
    subject = open_ended(notice_period="P6W", notice_anchor=NoticeAnchor.QUARTER_END,
                         lead_time_days=None)
    dates = notice_dates(subject, TODAY, NoticeContext(14, BAVARIA))
    assert dates.end == dt.date(2027, 3, 31)
    assert dates.deadline == dt.date(2027, 2, 17)
    assert dates.act_by == dt.date(2027, 2, 3)
    assert dates.lead_days == 14
    assert dates.explanation == (
        "Open-ended: runs until notice; the earliest possible end is 31 Mar 2027. "
        "6 weeks to the end of a quarter: notice must arrive by Wed 17 Feb 2027. "
        "14 days internal lead time: act by Wed 3 Feb 2027.")


def test_open_ended_moves_on_as_deadlines_pass() -> None:
    subject = open_ended(notice_period="P6W", notice_anchor=NoticeAnchor.QUARTER_END)
    context = NoticeContext(0, BAVARIA)
    assert notice_dates(subject, dt.date(2026, 11, 19), context).end == \
        dt.date(2026, 12, 31)
    assert notice_dates(subject, dt.date(2026, 11, 20), context).end == \
        dt.date(2027, 3, 31)


def test_open_ended_after_a_minimum_term() -> None:
    subject = open_ended(start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31),
                         initial_term="P12M", notice_period="P3M",
                         notice_anchor=NoticeAnchor.QUARTER_END, lead_time_days=0)
    dates = notice_dates(subject, dt.date(2026, 7, 1), NoticeContext(0, BAVARIA))
    assert dates.end == dt.date(2026, 12, 31)
    assert dates.deadline == dt.date(2026, 9, 30)
    assert dates.act_by == dt.date(2026, 9, 30)
    assert dates.explanation == (
        "Minimum term to 31 Dec 2026 (12 months from 1 Jan 2026), then open-ended. "
        "3 months to the end of a quarter: notice must arrive by Wed 30 Sep 2026.")


def test_open_ended_without_a_period() -> None:
    dates = notice_dates(open_ended(notice_period=None), TODAY, NoticeContext(14, BAVARIA))
    assert (dates.end, dates.deadline, dates.act_by) == (None, None, None)
    assert dates.explanation == \
        "Open-ended: runs until notice, which can be given at any time."


def test_open_ended_to_the_end_of_the_term_has_a_deadline_not_yet_past() -> None:
    subject = open_ended(notice_period="P30D", notice_anchor=NoticeAnchor.TERM_END)
    dates = notice_dates(subject, TODAY, NoticeContext(0, BAVARIA))
    assert dates.end == dt.date(2027, 1, 2)  # 30 days' notice given today reaches it
    assert dates.deadline == TODAY


def test_no_deadline_where_it_does_not_renew() -> None:
    subject = agreement(start_date=dt.date(2026, 7, 1), end_date=dt.date(2027, 6, 30),
                        initial_term="P12M", auto_renew=False)
    dates = notice_dates(subject, TODAY, NoticeContext(14, BAVARIA))
    assert dates.end == dt.date(2027, 6, 30)
    assert dates.deadline is None and dates.act_by is None
    assert dates.explanation == ("Ends 30 Jun 2027 (12 months from 1 Jul 2026); it does "
                                 "not renew: renew or replace it before then.")


def test_cancelled_has_no_deadline() -> None:
    dates = notice_dates(agreement(cancelled=True), TODAY, NoticeContext(14, BAVARIA))
    assert dates.end == dt.date(2027, 3, 31)
    assert dates.deadline is None and dates.act_by is None
    assert dates.explanation == "Notice given: ends 31 Mar 2027."


def test_cancelled_open_ended_has_no_deadline() -> None:
    subject = open_ended(notice_period="P6W", notice_anchor=NoticeAnchor.QUARTER_END,
                         cancelled=True)
    dates = notice_dates(subject, TODAY, NoticeContext(14, BAVARIA))
    assert dates.deadline is None and dates.act_by is None


def test_no_period_no_deadline() -> None:
    dates = notice_dates(agreement(notice_period=None), TODAY, NoticeContext(14, BAVARIA))
    assert dates.end == dt.date(2027, 3, 31)
    assert dates.deadline is None and dates.act_by is None
    assert dates.explanation == ("Ends 31 Mar 2027 (36 months from 1 Apr 2024, then "
                                 "yearly) unless notice is given.")


@pytest.mark.parametrize(("end", "weekday"), [(dt.date(2027, 3, 5), "Saturday"),
                                              (dt.date(2027, 3, 6), "Sunday")])
def test_deadline_on_a_weekend(end: dt.date, weekday: str) -> None:
    """3 months before 5/6 Mar 2027 is Sat 5/Sun 6 Dec 2026: the last working day
    before it is Fri 4 Dec."""
    dates = notice_dates(agreement(end_date=end, lead_time_days=0), TODAY,
                         NoticeContext(14, BAVARIA))
    assert dates.deadline is not None
    assert dates.deadline.strftime("%A") == weekday
    assert dates.act_by == dt.date(2026, 12, 4)
    assert f"notice must arrive by {long_date(dates.deadline)} (a {weekday}). " \
        "The last working day: act by Fri 4 Dec 2026." in dates.explanation


def test_deadline_on_a_regional_holiday() -> None:
    """Wed 6 Jan 2027 (3 months before 6 Apr 2027) is Epiphany in Bavaria, not in
    Berlin."""
    subject = agreement(end_date=dt.date(2027, 4, 6), lead_time_days=0)
    epiphany = dt.date(2027, 1, 6)
    name = BAVARIA.holiday(epiphany)
    assert name is not None
    bavaria = notice_dates(subject, TODAY, NoticeContext(0, BAVARIA))
    assert bavaria.deadline == epiphany
    assert bavaria.act_by == dt.date(2027, 1, 5)
    assert bavaria.explanation.endswith(
        f"notice must arrive by Wed 6 Jan 2027 ({name}, a public holiday). "
        "The last working day: act by Tue 5 Jan 2027.")
    berlin = notice_dates(subject, TODAY, NoticeContext(0, BERLIN))
    assert berlin.deadline == epiphany and berlin.act_by == epiphany
    assert berlin.explanation.endswith("notice must arrive by Wed 6 Jan 2027.")


def test_deadline_on_boxing_days_substitute() -> None:
    """Mon 28 Dec 2026 is Boxing Day's substitute in GB; 26/27 Dec are a weekend and
    25 Dec is Christmas Day, so the last working day is Thu 24 Dec."""
    subject = agreement(end_date=dt.date(2027, 3, 28), lead_time_days=0)
    dates = notice_dates(subject, TODAY, NoticeContext(0, BRITAIN))
    assert dates.deadline == dt.date(2026, 12, 28)
    assert dates.act_by == dt.date(2026, 12, 24)
    assert "notice must arrive by Mon 28 Dec 2026 (Boxing Day (observed), a public " \
        "holiday). The last working day: act by Thu 24 Dec 2026." in dates.explanation


def test_holiday_on_a_weekend_is_named_as_the_holiday() -> None:
    subject = agreement(end_date=dt.date(2027, 3, 26), lead_time_days=0)  # Sat 26 Dec
    dates = notice_dates(subject, TODAY, NoticeContext(0, BAVARIA))
    name = BAVARIA.holiday(dt.date(2026, 12, 26))
    assert name is not None
    assert dates.act_by == dt.date(2026, 12, 24)
    assert "(a Saturday)" not in dates.explanation
    assert f"Sat 26 Dec 2026 ({name}, a public holiday)." in dates.explanation


@pytest.mark.parametrize(("own", "default", "expected_lead", "expected_act_by"), [
    (3, 14, 3, dt.date(2026, 12, 28)),
    (None, 14, 14, dt.date(2026, 12, 17)),
    (None, 0, 0, dt.date(2026, 12, 31)),
    (0, 14, 0, dt.date(2026, 12, 31)),  # 0 is a lead time, not "none"
])
def test_own_lead_time_overrides_the_default(own: int | None, default: int,
                                             expected_lead: int,
                                             expected_act_by: dt.date) -> None:
    dates = notice_dates(agreement(lead_time_days=own), TODAY,
                         NoticeContext(default, BAVARIA))
    assert dates.lead_days == expected_lead
    assert dates.deadline == dt.date(2026, 12, 31)
    assert dates.act_by == expected_act_by
    if expected_lead:
        assert dates.explanation.endswith(f"{expected_lead} days internal lead time: "
                                          f"act by {long_date(expected_act_by)}.")
    else:
        assert dates.explanation.endswith("notice must arrive by Thu 31 Dec 2026.")


def test_lead_time_landing_on_a_holiday_moves_back() -> None:
    """31 Dec 2026 minus 5 days is Sat 26 Dec (Second Day of Christmas): act by Thu
    24 Dec."""
    dates = notice_dates(agreement(lead_time_days=5), TODAY, NoticeContext(0, BAVARIA))
    assert dates.act_by == dt.date(2026, 12, 24)
    assert dates.explanation.endswith("5 days internal lead time: act by Thu 24 Dec 2026.")


def test_one_day_of_lead_time_reads_in_the_singular() -> None:
    dates = notice_dates(agreement(lead_time_days=1), TODAY, NoticeContext(0, BAVARIA))
    assert dates.act_by == dt.date(2026, 12, 30)
    assert "1 day internal lead time: act by Wed 30 Dec 2026." in dates.explanation


def test_default_context_is_weekends_only_without_lead_time() -> None:
    dates = notice_dates(agreement(lead_time_days=None, end_date=dt.date(2027, 3, 26)),
                         TODAY, NoticeContext())
    assert dates.lead_days == 0
    assert dates.deadline == dt.date(2026, 12, 26)  # Saturday, no holidays counted
    assert dates.act_by == dt.date(2026, 12, 25)
    assert "(a Saturday)" in dates.explanation


periods = st.one_of(
    st.builds(Duration, years=st.integers(0, 2), months=st.integers(0, 14)),
    st.builds(Duration, weeks=st.integers(1, 26)),
    st.builds(Duration, days=st.integers(1, 200)),
    st.builds(Duration, months=st.integers(0, 6), weeks=st.integers(0, 4),
              days=st.integers(0, 30)),
)
ends = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))
leads = st.one_of(st.none(), st.integers(-3, 90))
CALENDARS = [DaysOff(), BAVARIA, BERLIN, BRITAIN]


@settings(max_examples=200)
@given(ends, periods, st.sampled_from(NoticeAnchor), leads, st.integers(0, 30),
       st.sampled_from(CALENDARS), st.booleans())
def test_act_by_never_after_the_deadline(end: dt.date, period: Duration,
                                         anchor: NoticeAnchor, lead: int | None,
                                         default_lead: int, days_off: DaysOff,
                                         renews: bool) -> None:
    subject = agreement(end_date=end, notice_period=period.isoformat(),
                        notice_anchor=anchor, lead_time_days=lead, auto_renew=renews)
    dates = notice_dates(subject, TODAY, NoticeContext(default_lead, days_off))
    assert dates.end == end
    assert dates.deadline == subject.notice_deadline
    assert dates.lead_days == (default_lead if lead is None else lead)
    if dates.deadline is None:
        assert not renews and dates.act_by is None
        return
    assert dates.act_by is not None
    assert dates.act_by <= dates.deadline
    assert dates.act_by <= dates.deadline - dt.timedelta(days=max(dates.lead_days, 0))
    assert f"notice must arrive by {long_date(dates.deadline)}" in dates.explanation
    if dates.act_by != dates.deadline:
        assert f"act by {long_date(dates.act_by)}." in dates.explanation


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)),
       periods, st.sampled_from([anchor for anchor in NoticeAnchor
                                 if anchor is not NoticeAnchor.TERM_END]),
       st.integers(0, 30))
def test_open_ended_to_a_calendar_end_is_reachable(today: dt.date, period: Duration,
                                                   anchor: NoticeAnchor,
                                                   lead: int) -> None:
    subject = open_ended(notice_period=period.isoformat(), notice_anchor=anchor,
                         lead_time_days=lead)
    dates = notice_dates(subject, today, NoticeContext(0, DaysOff()))
    assert dates.end is not None and dates.end >= today
    assert dates.deadline is not None and today <= dates.deadline <= dates.end
    assert dates.act_by is not None and dates.act_by <= dates.deadline
    assert f"the earliest possible end is {short_date(dates.end)}." in dates.explanation
