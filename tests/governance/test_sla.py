"""Reading SLA texts and computing deadlines, with business hours and weekends."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractdesk.domain.sla import BUSINESS, CLOCK, Coverage, parse_sla, sla_met

# 2026-11-27 is a Friday.
FRI = dt.date(2026, 11, 27)
MON = dt.date(2026, 11, 30)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.mark.parametrize(("text", "coverage", "hours", "days"), [
    ("24x7x4", CLOCK, Decimal(4), None),
    ("24 x 7 x 4h", CLOCK, Decimal(4), None),
    ("ProSupport Plus 24x7x4 onsite", CLOCK, Decimal(4), None),
    ("8x5xNBD", BUSINESS, None, 1),
    ("9x5xNBD", Coverage(9, 5), None, 1),
    ("NBD", BUSINESS, None, 1),
    ("next business day", BUSINESS, None, 1),
    ("Next-Business-Day onsite", BUSINESS, None, 1),
    ("nächster Arbeitstag", BUSINESS, None, 1),
    ("SBD", BUSINESS, None, 0),
    ("2 business days", BUSINESS, None, 2),
    ("4h", CLOCK, Decimal(4), None),
    ("4 hours", CLOCK, Decimal(4), None),
    ("4-hour response", CLOCK, Decimal(4), None),
    ("4 Std.", CLOCK, Decimal(4), None),
    ("6 Stunden", CLOCK, Decimal(6), None),
    ("8x5x4", BUSINESS, Decimal(4), None),
    ("24x7 4h", CLOCK, Decimal(4), None),
    ("30 min", CLOCK, Decimal("0.5"), None),
    ("24x7", CLOCK, None, None),
    ("24/7", CLOCK, None, None),
    ("7x24 Stunden", CLOCK, None, None),
    ("5x8, 4h Reaktion", Coverage(8, 5), Decimal(4), None),
    ("24x7x365", CLOCK, None, None),
    ("8x5", BUSINESS, None, None),
])
def test_parses_common_sla_texts(text: str, coverage: Coverage, hours: Decimal | None,
                                 days: int | None) -> None:
    sla = parse_sla(text)
    assert sla is not None
    assert (sla.coverage, sla.hours, sla.business_days) == (coverage, hours, days)


@pytest.mark.parametrize("text", ["", None, "gold", "see contract", "P90D", "99x5",
                                  "0 hours", "99999 hours"])
def test_unreadable_sla_is_none(text: str | None) -> None:
    assert parse_sla(text) is None


def test_business_hours_are_documented() -> None:
    assert (BUSINESS.start, BUSINESS.end) == (9 * 60, 17 * 60)
    assert (Coverage(9, 5).start, Coverage(9, 5).end) == (8 * 60, 17 * 60)


@pytest.mark.parametrize(("text", "opened", "deadline"), [
    # round the clock: plain hours, weekends included
    ("24x7x4", at(FRI, 22), at(FRI + dt.timedelta(days=1), 2)),
    # 8x5: Friday 16:00 + 4 business hours = 1 h Friday + 3 h Monday
    ("8x5x4", at(FRI, 16), at(MON, 12)),
    # opened on Saturday: the clock starts Monday 09:00
    ("8x5x4", at(FRI + dt.timedelta(days=1), 10), at(MON, 13)),
    # NBD: end of the next business day; Friday's call is due Monday 17:00
    ("NBD", at(FRI, 10), at(MON, 17)),
    # after hours counts as received the next business day
    ("8x5xNBD", at(FRI, 18), at(MON + dt.timedelta(days=1), 17)),
    ("SBD", at(MON, 10), at(MON, 17)),
    # NBD on 24x7 coverage ends at midnight of the next day
    ("24x7xNBD", at(FRI, 10), at(FRI + dt.timedelta(days=2), 0)),
])
def test_deadlines(text: str, opened: dt.datetime, deadline: dt.datetime) -> None:
    sla = parse_sla(text)
    assert sla is not None
    assert sla.deadline(opened) == deadline


def test_sla_met_compares_resolution_with_deadline() -> None:
    opened = at(MON, 10)
    assert sla_met("24x7x4", opened, at(MON, 14)) is True
    assert sla_met("24x7x4", opened, at(MON, 14, 1)) is False
    assert sla_met("24x7", opened, at(MON, 11)) is None  # coverage without a target
    assert sla_met("whenever", opened, at(MON, 11)) is None
    assert sla_met("4h", opened, None) is None  # still open


# Random text mixed with the pieces SLA texts are made of, so the parser's branches run.
SLA_LIKE = st.lists(st.one_of(
    st.text(max_size=8),
    st.sampled_from(["24", "8", "x", "×", "/", "*", "7", "5", "4", "365", "h", "hours",
                     "Std.", "nbd", "SBD", "business day", "Werktage", "min", ",", ".",
                     " ", "-", "99999", "0"])), max_size=12).map("".join)


@given(SLA_LIKE)
def test_any_text_parses_or_gives_none(text: str) -> None:
    sla = parse_sla(text)
    assert sla is None or sla.coverage.days_per_week in (5, 6, 7)


SLA_WORDS = st.sampled_from(["24x7x4", "8x5xNBD", "NBD", "4h", "8x5x4", "SBD", "9x5x2",
                             "12x6x8", "1x5x3", "24x5x4", "3 business days", "30 min",
                             "24x7xNBD", "20x5xNBD"])
OPENED = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1))


@given(SLA_WORDS, OPENED)
def test_deadline_never_before_opening(text: str, opened: dt.datetime) -> None:
    sla = parse_sla(text)
    assert sla is not None
    deadline = sla.deadline(opened)
    assert deadline is not None
    assert deadline >= opened


@given(SLA_LIKE, OPENED)
def test_deadline_of_any_text_is_none_or_after_opening(text: str, opened: dt.datetime) -> None:
    sla = parse_sla(text)
    deadline = sla.deadline(opened) if sla is not None else None
    assert deadline is None or deadline >= opened
