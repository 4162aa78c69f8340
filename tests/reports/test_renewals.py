"""The renewals report: the right agreements by month, actions, totals per currency."""

from __future__ import annotations

import datetime as dt
import io
import threading
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement
from contractdesk.domain.enums import AgreementKind, AgreementStatus, OrgRole
from contractdesk.reports.data.renewals import RenewalLine, renewals_data
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.renewals import action_text, render_renewals
from contractdesk.services.progress import CallbackProgress, Cancelled
from tests.conftest import TODAY
from tests.reports.builders import add_big_vendor, flat, org, pdf_pages

NOW = dt.datetime(2026, 11, 25, 9, 30)
EN = Formatter.for_locale("en_GB")
EXPECTED = ["CSCO-SNT-9921", "MS-TEAMS-PH", "MS-EA-2024", "VEEAM-DP-1187", "DELL-PS-4471"]


def test_sample_renewals_grouped_by_month_with_totals(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        data = renewals_data(session, TODAY, 90)
    # the overdue notice (October) is listed apart, not as a month of its own
    assert [m.month for m in data.months] == [dt.date(2026, 11, 1), dt.date(2026, 12, 1),
                                              dt.date(2027, 1, 1)]
    assert [line.contract_number for line in data.overdue] == EXPECTED[:1]
    assert [line.contract_number for m in data.months for line in m.lines] == EXPECTED[1:]
    assert data.months[0].totals == {"EUR": Decimal("43200.00"), "GBP": Decimal("3840.00")}
    assert data.totals == {"EUR": Decimal("49680.00"), "GBP": Decimal("6630.00")}
    assert data.overdue_count == 1


def test_sample_renewals_pdf(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        data = renewals_data(session, TODAY, 90)
    out = io.BytesIO()
    render_renewals(data, out, EN, NOW)
    text = flat(pdf_pages(out.getvalue()))
    positions = [text.index(number) for number in EXPECTED]
    assert positions == sorted(positions)  # soonest first
    for absent in ("HPE-NS-700123", "WIN-SRV-DC-16", "FTNT-UTP-20410",
                   "DELL-PS-4471-X", "CC-MS-0042", "MS-CSP-22019"):
        assert absent not in text
    assert "Overdue: 1 notice deadline passed" in text
    assert "Give notice by 29 Nov 2026 or it renews on 29 Jan 2027" in text
    assert "Ends on 4 Jan 2027" in text
    assert "Total November 2026" in text
    assert "€43,200.00" in text and "£3,840.00" in text
    assert "€49,680.00" in text and "£6,630.00" in text
    # each date with its calculation, the explanation every output gives
    for month in data.months:
        for line in month.lines:
            assert line.explanation and " ".join(line.explanation.split()) in text


def test_renewals_in_german(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        data = renewals_data(session, TODAY, 90)
    out = io.BytesIO()
    render_renewals(data, out, Formatter.for_locale("de_DE"), NOW)
    text = flat(pdf_pages(out.getvalue()))
    assert "Give notice by 29.11.2026" in text
    assert "43.200,00 €" in text and "Dezember 2026" in text


def test_long_renewals_report_repeats_the_header(session: Session) -> None:
    add_big_vendor(session, TODAY, count=60)
    data = renewals_data(session, TODAY, 365)
    out = io.BytesIO()
    pages = render_renewals(data, out, EN, NOW)
    texts = pdf_pages(out.getvalue())
    assert pages > 1
    with_rows = [t for t in texts if "BIG-" in t]
    assert len(with_rows) > 1 and all("What to do, and why" in t for t in with_rows)
    assert all(f"Page {n} of {pages}" in t for n, t in enumerate(texts, start=1))


def test_empty_window_says_so(session: Session) -> None:
    out = io.BytesIO()
    render_renewals(renewals_data(session, TODAY, 30), out, EN, NOW)
    assert "Nothing needs notice" in pdf_pages(out.getvalue())[0]


def line(action: str, *, overdue: bool = False, auto: bool = False) -> RenewalLine:
    return RenewalLine("X-1", "", AgreementKind.SUBSCRIPTION, None, None, action,
                       dt.date(2024, 10, 2), dt.date(2025, 1, 1), auto, overdue,
                       AgreementStatus.NOTICE_DUE, None, "EUR", renews=auto)


def test_action_words() -> None:
    def words(text: str) -> str:
        return " ".join(text.split())

    assert words(action_text(line("give_notice", auto=True), EN)) == (
        "Give notice by 2 Oct 2024 or it renews on 1 Jan 2025")
    assert words(action_text(line("give_notice"), EN)) == (
        "Ends on 1 Jan 2025: renew or replace")  # silence does not renew it: no notice
    assert action_text(line("give_notice", overdue=True, auto=True), EN).startswith(
        "OVERDUE")
    assert words(action_text(line("renews", auto=True), EN)) == (
        "Renews automatically on 1 Jan 2025")
    assert words(action_text(line("expires"), EN)).startswith("Ends on 1 Jan 2025")


def test_cancel_while_laying_out_stops_the_build(session: Session) -> None:
    add_big_vendor(session, TODAY, count=60)
    data = renewals_data(session, TODAY, 365)
    seen: list[tuple[int, int]] = []
    cancel = threading.Event()

    def callback(done: int, total: int, _message: str) -> None:
        seen.append((done, total))
        cancel.set()  # the user presses Cancel after the first report

    progress = CallbackProgress(callback, cancel, per_second=1e9)
    with pytest.raises(Cancelled):
        render_renewals(data, io.BytesIO(), EN, NOW, progress)
    assert len(seen) == 1 and seen[0][1] > 1


def test_month_without_any_cost_recorded(session: Session) -> None:
    fujitsu = org(session, "Fujitsu", OrgRole.OEM)
    session.add(Agreement(contract_number="NO-COST-1", oem=fujitsu, currency="EUR",
                          start_date=TODAY - dt.timedelta(days=300),
                          end_date=TODAY + dt.timedelta(days=10)))
    session.flush()
    data = renewals_data(session, TODAY, 30)
    assert data.months[0].totals == {} and data.totals == {}
    out = io.BytesIO()
    render_renewals(data, out, EN, NOW)
    text = flat(pdf_pages(out.getvalue()))
    assert "NO-COST-1" in text and "no cost recorded" in text
