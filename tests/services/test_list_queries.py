"""The services behind the window's lists, search and start page."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from contractdesk.db.database import Database
from contractdesk.domain.durations import Duration
from contractdesk.domain.notice_rules import (
    DAY,
    first_end_with_deadline_on_or_after,
    last_end_with_deadline_on_or_before,
)
from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.rowset import ListFilter
from contractdesk.services.search import search
from contractdesk.services.start_page import what_needs_doing
from tests.conftest import TODAY

periods = st.builds(Duration, years=st.integers(0, 2), months=st.integers(0, 14),
                    weeks=st.integers(0, 10), days=st.integers(0, 120))
days = st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31))


@given(periods, days)
def test_end_date_bounds_are_exact(period: Duration, day: dt.date) -> None:
    first = first_end_with_deadline_on_or_after(period, day)
    assert period.before(first) >= day > period.before(first - DAY)
    last = last_end_with_deadline_on_or_before(period, day)
    assert period.before(last) <= day < period.before(last + DAY)


def test_list_filters_match_the_derived_status(sample_database: Database) -> None:
    access = DataAccess(sample_database)
    rows = access.read(queries.load_rows, "agreements", TODAY)
    status = rows.position("status")
    everything = rows.matching(ListFilter())
    assert len(everything) == 18
    counted = 0
    for wanted in ("upcoming", "active", "notice_due", "expiring", "expired", "cancelled",
                   "renewed"):
        chosen = rows.matching(ListFilter(status=wanted))
        assert {rows.rows[i][status] for i in chosen} <= {wanted}
        counted += len(chosen)
    assert counted == 18
    text = rows.matching(ListFilter(text="softcat MS-"))
    assert {rows.rows[i][rows.position("contract_number")] for i in text} == {
        "MS-CSP-22019", "MS-TEAMS-PH"}


def test_start_page_groups(sample_database: Database) -> None:
    page = DataAccess(sample_database).read(what_needs_doing, TODAY, 90)
    assert [row.name for row in page.overdue] == ["CSCO-SNT-9921"]
    assert [row.name for row in page.notice_due] == ["MS-TEAMS-PH", "MS-EA-2024",
                                                     "VEEAM-DP-1187"]
    assert [row.name for row in page.ending] == ["DELL-PS-4471"]


def test_search_puts_the_exact_serial_first_and_says_who_to_call(
        sample_database: Database) -> None:
    result = DataAccess(sample_database).read(search, "fg100ftk22001235", TODAY)
    hit = result.groups["items"][0]
    assert hit.label == "FG100FTK22001235"
    assert hit.coverage[0].call_organization == "Fortinet"
    assert hit.coverage[0].quote.endswith("-REF")
