import datetime as dt
from collections.abc import Callable

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from contractdesk.domain.durations import Duration, normalize_duration, shift
from contractdesk.domain.notice_rules import notice_deadline


@pytest.mark.parametrize(("end", "period", "expected"), [
    (dt.date(2026, 2, 28), "P8W", dt.date(2026, 1, 3)),      # weeks are 7 days
    (dt.date(2025, 3, 31), "P1M", dt.date(2025, 2, 28)),     # month end clamps
    (dt.date(2024, 3, 31), "P1M", dt.date(2024, 2, 29)),     # leap year
    (dt.date(2025, 1, 31), "P3M", dt.date(2024, 10, 31)),
    (dt.date(2025, 5, 31), "P3M", dt.date(2025, 2, 28)),
    (dt.date(2028, 2, 29), "P1Y", dt.date(2027, 2, 28)),     # 29 Feb minus a year
    (dt.date(2025, 1, 31), "P90D", dt.date(2024, 11, 2)),
    (dt.date(2025, 3, 1), "P1D", dt.date(2025, 2, 28)),
    (dt.date(2024, 3, 1), "P1D", dt.date(2024, 2, 29)),
    (dt.date(2026, 6, 30), "P1Y6M", dt.date(2024, 12, 30)),
])
def test_notice_deadline_uses_calendar_arithmetic(end: dt.date, period: str,
                                                  expected: dt.date) -> None:
    assert notice_deadline(end, period, renews=True) == expected


def test_no_deadline_without_end_or_period() -> None:
    assert notice_deadline(None, "P3M", renews=True) is None
    assert notice_deadline(dt.date(2025, 1, 1), None, renews=True) is None
    assert notice_deadline(dt.date(2025, 1, 1), "", renews=True) is None


@pytest.mark.parametrize(("end", "period"), [(dt.date(2026, 2, 28), "P8W"),
                                             (dt.date(2025, 3, 31), "P1M"),
                                             (dt.date(2026, 6, 30), "P1Y6M")])
def test_no_deadline_where_silence_does_not_renew(end: dt.date, period: str) -> None:
    """A term that simply ends needs no notice, whatever period the contract names;
    the same term that would renew has one."""
    assert notice_deadline(end, period, renews=False) is None
    assert notice_deadline(end, period, renews=True) == Duration.parse(period).before(end)


@pytest.mark.parametrize("text", ["", "P", "3M", "P3X", "P-3M", "PT4H", "90 days",
                                  "P99999D"])
def test_rejects_what_is_not_a_date_duration(text: str) -> None:
    with pytest.raises(ValueError, match=r"duration|too long"):
        Duration.parse(text)


@pytest.mark.parametrize(("text", "canonical"), [("p3m", "P3M"), (" P6W ", "P6W"),
                                                 ("P1Y0M", "P1Y"), ("P0D", "P0D")])
def test_normalizes_to_canonical_text(text: str, canonical: str) -> None:
    assert normalize_duration(text) == canonical


def test_describe_reads_naturally() -> None:
    assert Duration.parse("P8W").describe() == "8 weeks"
    assert Duration.parse("P1Y1M").describe() == "1 year 1 month"


durations = st.builds(Duration, years=st.integers(0, 5), months=st.integers(0, 24),
                      weeks=st.integers(0, 60), days=st.integers(0, 400))
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))


@given(durations, dates)
def test_deadline_never_after_end_and_text_round_trips(duration: Duration,
                                                       end: dt.date) -> None:
    text = duration.isoformat()
    assert Duration.parse(text).isoformat() == text
    deadline = notice_deadline(end, text, renews=True)
    assert deadline is not None and deadline <= end
    assert notice_deadline(end, text, renews=False) is None


@given(st.integers(0, 120), dates)
def test_month_deadline_is_same_day_or_month_end(months: int, end: dt.date) -> None:
    deadline = Duration(months=months).before(end)
    assert deadline.day == end.day or (deadline.day < end.day and (
        deadline + dt.timedelta(days=1)).day == 1)


@given(st.text(max_size=30))
def test_parse_any_text_gives_value_or_value_error(text: str) -> None:
    try:
        parsed = Duration.parse(text)
    except ValueError:
        return
    assert Duration.parse(parsed.isoformat()) == parsed


@given(st.dates(), st.integers(-2400, 2400), st.integers(-4000, 4000))
def test_shift_is_relativedelta_arithmetic(day: dt.date, months: int, days: int) -> None:
    """The fast calendar step agrees with dateutil on every date, month end and
    overflow (as a result or as the same exception)."""
    def outcome(step: Callable[[], dt.date]) -> object:
        try:
            return step()
        except (ValueError, OverflowError) as error:
            return type(error)
    assert outcome(lambda: shift(day, months, days)) == \
        outcome(lambda: day + relativedelta(months=months, days=days))
