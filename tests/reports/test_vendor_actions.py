"""The vendor summary leads with what to do: the Actions box, the agreements by next
action with their cost period, the scorecard as an agenda, charts, and a short summary
with an annex for a vendor with 1,500 agreements."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pypdf
from sqlalchemy import insert
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement
from contractdesk.domain.enums import AgreementKind, BillingPeriod, OrgRole
from contractdesk.reports.data.vendor import vendor_summary
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.vendor import render_vendor_summary
from contractdesk.services.organizations import require_organization
from contractdesk.services.scorecard import scorecard
from tests.conftest import TODAY
from tests.reports.builders import flat, org, pdf_pages

NOW = dt.datetime(2026, 11, 25, 9, 30)
DAY = dt.timedelta(days=1)


def render(session: Session, name: str) -> list[str]:
    out = io.BytesIO()
    render_vendor_summary(vendor_summary(session, name, TODAY), out,
                          Formatter.for_locale("en_GB"), NOW)
    return pdf_pages(out.getvalue())


def _agreement(number: str, **fields: object) -> Agreement:
    values: dict[str, object] = {
        "contract_number": number, "title": f"Title {number}",
        "kind": AgreementKind.MAINTENANCE, "start_date": TODAY - 300 * DAY,
        "end_date": TODAY + 200 * DAY, "cost": Decimal("100.00"), "currency": "EUR"}
    return Agreement(**(values | fields))


def _vendor(session: Session) -> None:
    """A reseller with a notice deadline on Sunday 29 Nov 2026 (4 days ahead), one a
    year ahead, one overdue, and costs billed per year, per month, once and per term."""
    vendor = org(session, "Weekend Reseller Ltd", OrgRole.RESELLER)
    session.add_all([
        _agreement("YEAR-AHEAD", reseller=vendor, auto_renew=True, notice_period="P1M",
                   end_date=dt.date(2027, 12, 29), billing_period=BillingPeriod.ANNUAL),
        _agreement("SUNDAY-1", reseller=vendor, auto_renew=True, notice_period="P1M",
                   end_date=dt.date(2026, 12, 29), billing_period=BillingPeriod.MONTHLY,
                   cost=Decimal("55.00")),
        _agreement("LATE-1", reseller=vendor, auto_renew=True, notice_period="P3M",
                   end_date=TODAY + 30 * DAY, billing_period=BillingPeriod.ONE_OFF),
        _agreement("ENDS-1", reseller=vendor, end_date=TODAY + 60 * DAY),
    ])
    session.flush()


def test_actions_box_comes_first_with_days_left_and_the_sunday_marked(
        session: Session) -> None:
    _vendor(session)
    summary = vendor_summary(session, "weekend reseller ltd", TODAY)
    sunday = next(line for line in summary.agreements if line.contract_number == "SUNDAY-1")
    assert sunday.due == dt.date(2026, 11, 29) and sunday.due_day_off
    first = flat(render(session, "Weekend Reseller Ltd")[:1])
    actions = first.index("Actions")
    assert actions < first.index("Scorecard") < first.index("Agreements bought through")
    box = first[actions:first.index("Scorecard")]
    assert "Sun 29 Nov 2026 (a Sunday)" in box
    assert "act by Fri 27 Nov 2026" in box and "2 days left" in box
    assert "LATE-1" in box and "overdue" in box  # the passed deadline, in the box
    assert "YEAR-AHEAD" not in box  # a year away is not an action of the next 90 days


def test_agreements_are_sorted_by_next_action_with_cost_per_period(
        session: Session) -> None:
    _vendor(session)
    summary = vendor_summary(session, "Weekend Reseller Ltd", TODAY)
    assert [line.contract_number for line in summary.agreements] == [
        "LATE-1", "SUNDAY-1", "ENDS-1", "YEAR-AHEAD"]
    text = flat(render(session, "Weekend Reseller Ltd"))
    table = text[text.index("Agreements bought through"):]
    positions = [table.index(number) for number in
                 ("LATE-1", "SUNDAY-1", "ENDS-1", "YEAR-AHEAD")]
    assert positions == sorted(positions)
    for cost in ("€55.00 per month", "€100.00 per year", "€100.00 one-off",
                 "€100.00 per term"):
        assert cost in table
    assert "Auto-renew" in table and "SLA" in table
    assert "renew or replace it before then" in table  # ENDS-1 does not renew


def test_oem_scorecard_counts_cases_logged_against_the_reseller(
        sample_database: Database) -> None:
    """Cisco's three cases were all logged as calls to Computacenter."""
    with sample_database.session("cli") as session:
        card = scorecard(session, require_organization(session, "Cisco"), TODAY)
        assert card.cases.cases == 3
        assert "whichever party was called" in card.counts
        first = flat(render(session, "Cisco")[:1])
    assert "Support cases: 3 cases" in first and "missed in 2" in first
    assert "Counts the support cases on Cisco products, whichever party was called" in first
    assert "called Computacenter): SLA missed" in first  # the cases, one by one


def test_reseller_scorecard_is_an_agenda(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        first = flat(render(session, "Computacenter")[:1])
    assert "weakest aspect was support quality, scored 3 of 5" in first
    assert "lowest support quality" not in first
    assert "Mitigation: Open P1 cases with Cisco TAC directly" in first


def test_spend_and_price_charts_are_drawn(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        text = flat(render(session, "Bechtle"))
    assert "Spend per year in EUR" in text
    assert "Spent" in text and "Committed" in text  # the legend
    assert "Renewing agreements, price per term (EUR)" in text and "Current term" in text


def test_1500_agreements_read_in_three_pages_before_the_annex(session: Session) -> None:
    vendor = org(session, "Huge Reseller GmbH", OrgRole.RESELLER)
    oems = [org(session, f"Maker {n}", OrgRole.OEM) for n in range(6)]
    session.flush()
    session.execute(insert(Agreement), [
        {"contract_number": f"HUGE-{n:05d}", "title": f"Support {n}",
         "kind": AgreementKind.SERVICE, "oem_id": oems[n % 6].id, "reseller_id": vendor.id,
         "start_date": TODAY - (300 + n % 400) * DAY, "end_date": TODAY + (n % 700 - 60) * DAY,
         "auto_renew": n % 2 == 0, "notice_period": "P3M", "cost": Decimal(100 + n),
         "currency": "EUR" if n % 3 else "USD", "billing_period": BillingPeriod.ANNUAL,
         "cancelled": False, "version": 1, "notes": "", "rolled_over": 0}
        for n in range(1500)])
    session.expire_all()
    out = io.BytesIO()
    pages = render_vendor_summary(vendor_summary(session, "Huge Reseller GmbH", TODAY), out,
                                  Formatter.for_locale("en_GB"), NOW)
    reader = pypdf.PdfReader(out)
    texts = [reader.pages[n].extract_text() for n in range(5)]
    annex = next(n for n, text in enumerate(texts) if "Annex: all agreements" in text)
    assert annex <= 3  # the summary reads in at most three pages
    summary = flat(texts[:annex])
    assert "Actions" in summary and "At a glance" in summary
    assert "1,500 agreements" in summary and "Spend per year" in summary
    assert pages > 20 and "HUGE-" in reader.pages[pages // 2].extract_text()  # the annex
