"""One truth: for the same agreements on the same day, every output gives the same end,
notice deadline and status: the list, the export, the renewals query, the search card,
the support card, the vendor summary and the ORM record the forms read. The vendor view,
the vendor summary and its PDF give the same spend, and every report judges status with
the reminder window it is given, as the screens do.

The agreements cover what real registers hold: auto-renewals rolled 0, 1 or several
times, a monthly one rolled from a 31 January, a leap-day end, a 36-month term, a
non-renewing one ended and one running with a notice period (it has no deadline), one
with notice given that still runs, and one renewed into a new contract.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Organization
from contractdesk.domain.enums import OrgRole
from contractdesk.exporting.records import agreement_records
from contractdesk.reports.data.renewals import renewals_data
from contractdesk.reports.data.support import support_for_agreement, support_for_all
from contractdesk.reports.data.vendor import VendorSummary, vendor_summary
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.vendor import render_vendor_summary
from contractdesk.services.queries import load_rows
from contractdesk.services.renewals import renewals, renewed_ids, status_of
from contractdesk.services.search import coverage_of
from contractdesk.services.spend import spend_per_year
from contractdesk.services.terms import roll_forward, terms_of
from contractdesk.services.vendor_view import vendor_view
from tests.conftest import TODAY
from tests.reports.builders import pdf_pages
from tests.reports.spend_text import printed_spend, service_spend

Facts = tuple[dt.date | None, dt.date | None, str]


@pytest.fixture
def sqlite_session(sqlite_database: Database) -> Iterator[Session]:
    with sqlite_database.session("cli") as session, session.begin():
        yield session
        session.rollback()


def _shapes(today: dt.date) -> list[dict[str, Any]]:
    year = dt.timedelta(days=365)
    return [
        {"contract_number": "ROLL-3", "auto_renew": True, "renewal_term": "P1Y",
         "notice_period": "P3M", "start_date": today - 4 * year,
         "end_date": today - 3 * year},
        {"contract_number": "ROLL-1", "auto_renew": True, "renewal_term": "P1Y",
         "notice_period": "P90D", "start_date": today - 2 * year + dt.timedelta(days=20),
         "end_date": today - year + dt.timedelta(days=20)},
        {"contract_number": "ROLL-0", "auto_renew": True, "notice_period": "P1M",
         "start_date": today - dt.timedelta(days=100),
         "end_date": today + dt.timedelta(days=40)},
        {"contract_number": "MONTHLY", "auto_renew": True, "renewal_term": "P1M",
         "notice_period": "P2W", "billing_period": "monthly",
         "start_date": dt.date(today.year - 1, 1, 1), "end_date": dt.date(today.year - 1, 1, 31)},
        {"contract_number": "LEAP", "auto_renew": True, "renewal_term": "P1Y",
         "notice_period": "P1M", "start_date": dt.date(2023, 3, 1),
         "end_date": dt.date(2024, 2, 29)},
        {"contract_number": "THIRTYSIX", "auto_renew": True, "renewal_term": "P36M",
         "notice_period": "P6M", "start_date": dt.date(2022, 7, 1),
         "end_date": dt.date(2025, 6, 30)},
        {"contract_number": "ENDED", "auto_renew": False, "notice_period": "P3M",
         "start_date": today - 2 * year, "end_date": today - dt.timedelta(days=10)},
        {"contract_number": "ENDS", "auto_renew": False, "notice_period": "P3M",
         "start_date": today - year, "end_date": today + dt.timedelta(days=60)},
        {"contract_number": "NOTICE-GIVEN", "auto_renew": True, "notice_period": "P3M",
         "cancelled": True, "start_date": today - year,
         "end_date": today + dt.timedelta(days=30)},
    ]


def _make(session: Session, today: dt.date) -> list[Agreement]:
    oem = Organization(name="Cisco", roles=frozenset({OrgRole.OEM}))
    reseller = Organization(name="Bechtle", roles=frozenset({OrgRole.RESELLER}))
    session.add_all([oem, reseller])
    made = [Agreement(**shape, oem=oem, reseller=reseller, title=shape["contract_number"],
                      cost=Decimal("1200.00"), currency="EUR")
            for shape in _shapes(today)]
    old = Agreement(contract_number="OLD", title="old", oem=oem, reseller=reseller,
                    start_date=today - dt.timedelta(days=400),
                    end_date=today - dt.timedelta(days=35), auto_renew=True,
                    notice_period="P1M", cost=Decimal("900.00"), currency="EUR")
    new = Agreement(contract_number="NEW", title="new", oem=oem, reseller=reseller,
                    start_date=today - dt.timedelta(days=34),
                    end_date=today + dt.timedelta(days=330), auto_renew=True,
                    notice_period="P1M", cost=Decimal("950.00"), currency="EUR",
                    renewal_of=old)
    session.add_all([*made, old, new])
    session.flush()
    return [*made, old, new]


def _outputs(session: Session, agreements: list[Agreement], today: dt.date
             ) -> dict[str, dict[str, Facts]]:
    names = {a.id: a.contract_number or "" for a in agreements}
    renewed = renewed_ids(session, today)
    seen: dict[str, dict[str, Facts]] = {}
    seen["record"] = {a.contract_number or "": (a.end_date, a.notice_deadline,
                                                status_of(a, today, renewed).value)
                      for a in agreements}
    rows = load_rows(session, "agreements", today)
    at = {name: rows.position(name) for name in ("id", "end_date", "notice_deadline",
                                                 "status")}
    seen["list"] = {names[row[at["id"]]]: (row[at["end_date"]], row[at["notice_deadline"]],
                                           row[at["status"]]) for row in rows.rows}
    seen["export"] = {names[i]: (r["end_date"], r["notice_deadline"], r["status"])
                      for i, r in agreement_records(session, today)}
    seen["search"] = {names[a.id]: (cover.end_date, a.notice_deadline, cover.status)
                      for a in agreements
                      for cover in [coverage_of(a, today, renewed, 90)]}
    seen["support card"] = {}
    for a in agreements:
        (card,) = support_for_agreement(session, a.contract_number or "", today).cards
        seen["support card"][names[a.id]] = (card.end_date, a.notice_deadline,
                                             card.status.value)
    summary = vendor_summary(session, "Bechtle", today)
    seen["vendor summary"] = {line.contract_number or "": (
        line.end_date, line.notice_deadline, line.status.value) for line in summary.agreements}
    seen["renewals"] = {e.agreement.contract_number or "": (
        e.end_date, e.notice_deadline, e.status.value)
        for e in renewals(session, today, within_days=4000)}
    return seen


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(today=st.dates(dt.date(2025, 3, 1), dt.date(2028, 12, 31)))
def test_every_output_gives_the_same_term_for_today(sqlite_session: Session,
                                                    today: dt.date) -> None:
    with sqlite_session.begin_nested() as savepoint:
        agreements = _make(sqlite_session, today)
        roll_forward(sqlite_session, today)
        seen = _outputs(sqlite_session, agreements, today)
        truth = seen["record"]
        for output, facts in seen.items():
            for number, fact in facts.items():
                assert fact == truth[number], (output, number, fact, truth[number])
        # every output lists every agreement, but the renewals list: only open ones
        for output in ("list", "export", "search", "support card", "vendor summary"):
            assert set(seen[output]) == set(truth), output
        by_number = {a.contract_number: a for a in agreements}
        for number in ("ROLL-3", "ROLL-1", "MONTHLY", "LEAP", "THIRTYSIX", "ROLL-0", "NEW"):
            agreement = by_number[number]
            assert agreement.start_date is not None and agreement.end_date is not None
            assert agreement.start_date <= today <= agreement.end_date, number
            history = terms_of(sqlite_session, agreement)
            assert agreement.rolled_over == len(history) - 1
        # notice is due only where silence renews
        assert truth["ENDS"][1] is None and truth["ENDED"][1] is None
        assert truth["ENDED"][2] == "expired"
        assert truth["NOTICE-GIVEN"][2] == "cancelled"
        assert truth["OLD"][2] == "renewed"
        assert "ENDS" in seen["renewals"]  # renew or replace before it ends
        savepoint.rollback()


def _summary_pdf(summary: VendorSummary) -> str:
    out = io.BytesIO()
    render_vendor_summary(summary, out, Formatter.for_locale("en_GB"),
                          dt.datetime(2026, 11, 25, 9, 0))
    return "\n".join(pdf_pages(out.getvalue()))


def test_the_vendor_view_the_summary_and_its_pdf_give_the_same_spend(
        sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        organizations = session.scalars(select(Organization)).all()
        with_spend = 0
        for org in organizations:
            truth = service_spend(spend_per_year(session, org.id, TODAY))
            view = vendor_view(session, org.id, TODAY)
            summary = vendor_summary(session, org.name, TODAY)
            assert service_spend(view.spend) == truth, org.name
            assert service_spend(summary.spend) == truth, org.name
            assert printed_spend(_summary_pdf(summary)) == truth, org.name
            with_spend += bool(truth)
        assert with_spend >= 5  # the comparison is not over empty tables
        cisco = next(o for o in organizations if o.name == "Cisco")
        assert service_spend(spend_per_year(session, cisco.id, TODAY))[2025, "GBP"] == \
            Decimal("21450.00")  # £18,600 bought plus the £2,850 annual support billed


@pytest.mark.parametrize("days", [30, 200])
def test_every_report_judges_status_with_the_reminder_window(sample_database: Database,
                                                             days: int) -> None:
    """The same agreement is "expiring" or "active" alike on the screens and in the
    renewals, support and vendor reports when they are given the same window."""
    with sample_database.session("cli") as session:
        agreements = session.scalars(select(Agreement)).all()
        renewed = renewed_ids(session, TODAY)
        screen = {a.contract_number: status_of(a, TODAY, renewed, days) for a in agreements}
        report = renewals_data(session, TODAY, days)
        printed = {line.contract_number: line.status for line in
                   [*report.overdue, *(line for m in report.months for line in m.lines)]}
        for org in session.scalars(select(Organization)):
            printed |= {line.contract_number: line.status
                        for line in vendor_summary(session, org.name, TODAY, days).agreements}
        printed |= {card.contract_number: card.status
                    for card in support_for_all(session, TODAY, days).cards}
        assert printed and all(screen[n] == s for n, s in printed.items()), days
        assert len({screen[n] for n in printed}) > 1
