"""The renewals report leads with what to do: summary first, overdue apart, whom to send
notice to and by when, non-renewing and cancelled terms in their own words."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Contact
from contractdesk.domain.enums import ContactRole, NoticeForm, OrgRole
from contractdesk.reports.data.renewals import renewals_data
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.renewals import render_renewals
from tests.conftest import TODAY
from tests.reports.builders import flat, org, pdf_pages

NOW = dt.datetime(2026, 11, 25, 9, 30)
EN = Formatter.for_locale("en_GB")


def pages_of(session: Session, days: int = 90) -> list[str]:
    out = io.BytesIO()
    render_renewals(renewals_data(session, TODAY, days), out, EN, NOW)
    return [" ".join(page.split()) for page in pdf_pages(out.getvalue())]


def test_summary_page_comes_first(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        pages = pages_of(session)
    first = pages[0]
    assert "Covers 25 Nov 2026 to 23 Feb 2027 (90 days)" in first
    assert "Next 12 months" in first and "October 2027" in first  # all twelve months
    assert "Value due per month, EUR" in first and "Value due per month, GBP" in first
    assert "by vendor" in first and "Bechtle" in first and "by OEM" in first
    assert "5 agreements in the window, of which 1 overdue" in first
    assert "Give notice by" not in first  # the detail starts on a page of its own
    assert sum("Covers 25 Nov 2026" in page for page in pages) == 1  # window stated once


def test_overdue_in_their_own_section_with_a_count(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        data = renewals_data(session, TODAY, 90)
        text = flat(pages_of(session))
    assert [line.contract_number for line in data.overdue] == ["CSCO-SNT-9921"]
    assert all(not line.overdue for month in data.months for line in month.lines)
    assert "Overdue: 1 notice deadline passed while the term still runs" in text
    overdue_part = text[text.index("Overdue: 1"):text.index("Due in the window")]
    assert "CSCO-SNT-9921" in overdue_part and "Aisha Begum" in overdue_part
    assert "+44 1707 631 244" in overdue_part


def test_who_to_send_notice_to_form_and_act_by(session: Session) -> None:
    reseller = org(session, "Bechtle", OrgRole.RESELLER, phone="+49 7132 0")
    session.add(Contact(organization=reseller, name="Petra Vogel",
                        role=ContactRole.ACCOUNT_MANAGER, email="petra@bechtle.example",
                        phone="+49 7132 981 2210"))
    # notice deadline Sunday 29 Nov 2026: act by Friday 27 Nov
    session.add(Agreement(contract_number="SUN-1", reseller=reseller, currency="EUR",
                          start_date=dt.date(2025, 12, 30), end_date=dt.date(2026, 12, 29),
                          notice_period="P1M", auto_renew=True, cost=Decimal("100.00"),
                          notice_form=NoticeForm.WRITTEN))
    session.flush()
    text = flat(pages_of(session, 30))
    row = text[text.index("29 Nov 2026 a Sunday"):]
    assert row.startswith("29 Nov 2026 a Sunday 27 Nov 2026 2 days left Give notice by")
    assert "Bechtle Petra Vogel petra@bechtle.example +49 7132 981 2210" in row
    assert "1 month in writing (signed letter)" in row


def test_non_renewing_and_cancelled_terms_in_their_own_words(session: Session) -> None:
    fujitsu = org(session, "Fujitsu", OrgRole.OEM)
    day = dt.timedelta(days=1)
    session.add_all([
        Agreement(contract_number="ENDS-1", oem=fujitsu, currency="EUR",
                  start_date=TODAY - 300 * day, end_date=TODAY + 20 * day,
                  notice_period="P3M", auto_renew=False),
        Agreement(contract_number="GIVEN-1", oem=fujitsu, currency="EUR", cancelled=True,
                  start_date=TODAY - 300 * day, end_date=TODAY + 25 * day,
                  notice_period="P1M", auto_renew=True)])
    session.flush()
    text = flat(pages_of(session, 30))
    assert "Ends on 15 Dec 2026: renew or replace" in text
    assert "Ends on 20 Dec 2026 (notice given)" in text
    assert "give notice" not in text.lower().replace("notice given", "")
