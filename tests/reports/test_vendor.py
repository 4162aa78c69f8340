"""The vendor summary: the right agreements and no others, totals per currency, Unicode."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.domain.enums import OrgRole
from contractdesk.errors import NotFoundError
from contractdesk.reports.data.vendor import vendor_summary
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.vendor import render_vendor_summary
from tests.conftest import TODAY
from tests.reports.builders import (
    MUELLER,
    add_big_vendor,
    add_mueller,
    flat,
    org,
    pdf_pages,
)

NOW = dt.datetime(2026, 11, 25, 9, 30)


def render(session: Session, name: str, locale: str = "en_GB") -> tuple[int, list[str]]:
    out = io.BytesIO()
    pages = render_vendor_summary(vendor_summary(session, name, TODAY), out,
                                  Formatter.for_locale(locale), NOW)
    return pages, pdf_pages(out.getvalue())


def test_sample_reseller_lists_its_agreements_and_no_others(sample_database: Database,
                                                            ) -> None:
    with sample_database.session("cli") as session:
        pages, texts = render(session, "  BECHTLE ")
    text = "\n".join(texts)
    assert pages <= 2  # a typical vendor: actions, scorecard and lists, then the charts
    for number in ("DELL-PS-4471", "DELL-PS-4471-X", "VEEAM-DP-1187", "WIN-SRV-DC-16",
                   "VEEAM-OLD-0901", "DELL-OPT-7410"):
        assert number in text
    for foreign in ("CSCO-SNT-9921", "HPE-NS-700124", "MS-EA-2024", "FTNT-UTP-20410",
                    "MS-CSP-22019", "DELL-BW-7450"):
        assert foreign not in text
    assert "Petra Vogel" in text and "+49 7132 981 2210" in text
    # OEMs behind the reseller, agreements and purchases counted apart
    assert "Dell Technologies (3 agreements, 1 purchase)" in flat(texts)
    assert f"Page 1 of {pages}" in text


def test_sample_oem_lists_agreements_on_its_products_and_resellers(
        sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        summary = vendor_summary(session, "dell technologies", TODAY)
        _, texts = render(session, "Dell Technologies")
    assert {line.contract_number for line in summary.agreements} == {
        "DELL-PS-4471", "DELL-PS-4471-X", "DELL-BW-7450", "DELL-OPT-7410"}
    assert {(c.name, c.agreements, c.purchases) for c in summary.resellers_of_products} == {
        ("Bechtle", 3, 1), ("bought direct", 1, 1)}
    assert "Sold by" in texts[0] and "Bechtle (3 agreements, 1 purchase)" in flat(texts)


def test_overdue_notice_deadline_stands_out(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        summary = vendor_summary(session, "Computacenter", TODAY)
        _, texts = render(session, "Computacenter")
    overdue = [line for line in summary.agreements if line.notice_overdue]
    assert [line.contract_number for line in overdue] == ["CSCO-SNT-9921"]
    assert "16 Oct 2026 OVERDUE" in flat(texts)
    assert "13 Nov 2026 (overdue)" in texts[0]  # the review date passed too


def test_umlauts_euro_and_spend_per_currency(session: Session) -> None:
    add_mueller(session, TODAY)
    summary = vendor_summary(session, "müller systemhaus gmbh", TODAY)
    assert {line.contract_number for line in summary.agreements} == {
        "FJ-SUP-1001", "FJ-SUP-1002", "FJ-UK-2001"}
    spend = {(line.year, line.currency): line.total for line in summary.spend}
    assert spend == {(2026, "EUR"): Decimal("3234.56"), (2026, "GBP"): Decimal("500.00")}

    _, texts = render(session, MUELLER, "de_DE")
    text = flat(texts)
    assert MUELLER in text and "Jürgen Weiß" in text and "Wartung Speichersystem Größe L" in text
    assert "1.234,56 €" in text  # German grouping and decimal comma
    assert "3.234,56 €" in text and "500,00 £" in text  # one total per currency
    assert "3.734" not in text  # never € + £
    assert "SCH-9999" not in text and "Competitor" not in text


def test_long_vendor_wraps_onto_pages_with_the_header_repeated(session: Session) -> None:
    add_big_vendor(session, TODAY)
    pages, texts = render(session, "Großhändler Süd GmbH")
    assert pages > 1 and len(texts) == pages
    assert all(f"Page {n} of {pages}" in text for n, text in enumerate(texts, start=1))
    annex = next(n for n, t in enumerate(texts) if "Annex:" in t)
    table_pages = [t for t in texts[annex:] if re.search(r"BIG-\d{4}", t)]
    assert len(table_pages) > 1
    assert all("Contract no. / title" in t for t in table_pages)
    numbers = set(re.findall(r"BIG-\d{4}", "\n".join(texts)))
    assert numbers == {f"BIG-{n:04d}" for n in range(60)}
    assert "Großhändler Süd GmbH" in texts[0]


def test_unknown_vendor_names_the_closest(sample_database: Database) -> None:
    with (sample_database.session("cli") as session,
          pytest.raises(NotFoundError, match=r"Did you mean: .*Softcat")):
        vendor_summary(session, "Sofcat", TODAY)


def test_vendor_with_nothing_recorded(session: Session) -> None:
    org(session, "Newcomer Ltd", OrgRole.RESELLER)
    session.flush()
    pages, texts = render(session, "newcomer ltd")
    assert pages == 1
    assert "No agreements recorded." in texts[0] and "No spend recorded." in texts[0]
    assert "Nothing to act on in the next 90 days." in texts[0]


def test_scorecard_is_on_the_first_page(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        count, pages = render(session, "Computacenter")
        first = flat(pages[:1])
        assert count <= 2
        assert "Scorecard" in first and "missed in 2" in first
        assert "support capability failed" in first and "1 high" in first
        assert "Support cases: none" in flat(render(session, "Bechtle")[1])
