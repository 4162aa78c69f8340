"""The stage rule in isolation, for any deadline, day and set of lead times."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractdesk.domain.reminders import current_stage, parse_lead_times, stage_date

days = st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31))
leads = st.sets(st.integers(0, 400), min_size=1, max_size=6)


@given(deadline=days, today=days, lead_times=leads)
def test_current_stage_is_the_shortest_reached(deadline: dt.date, today: dt.date,
                                               lead_times: set[int]) -> None:
    stage = current_stage(deadline, today, lead_times)
    reached = {d for d in lead_times if stage_date(deadline, d) <= today}
    if stage is None:
        assert not reached
    else:
        assert stage in reached
        assert all(d >= stage for d in reached)
        assert all(stage_date(deadline, d) > today for d in lead_times if d < stage)


@given(st.text(max_size=30))
def test_parse_lead_times_reads_or_refuses_with_value_error(text: str) -> None:
    try:
        parsed = parse_lead_times(text)
    except ValueError:
        return
    assert parsed == tuple(sorted(set(parsed), reverse=True))
    assert all(0 <= d <= 3660 for d in parsed)


@pytest.mark.parametrize(("text", "expected"), [
    ("90,60,30,7", (90, 60, 30, 7)), ("7 30; 7", (30, 7)), (" 14 ", (14,))])
def test_parse_lead_times_examples(text: str, expected: tuple[int, ...]) -> None:
    assert parse_lead_times(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "-5", "99999", "1,,x"])
def test_parse_lead_times_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_lead_times(text)
