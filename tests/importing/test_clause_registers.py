"""Registers that describe their contracts in words, English and German: every row
imports, each agreement gets the right end, notice deadline and act-by date, the
wording is kept, and what cannot be read is a reason naming its cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement
from contractdesk.domain.enums import NoticeAnchor, NoticeForm
from contractdesk.importing.service import run_import
from contractdesk.services.notice_dates import NoticeContext, notice_dates
from contractdesk.services.terms import roll_forward
from tests.importing.conftest import WriteXlsx

TODAY = dt.date(2026, 11, 25)

GERMAN = (
    "Vertragsnr.;Lieferant;Hersteller;Leistung;Beginn;Ende;Laufzeit;Verlängerung;"
    "Kündigungsfrist;Interne Vorlaufzeit\n"
    "DE-1;Bechtle;NetApp;Wartung FAS;01.04.2024;;36 Monate;um jeweils ein Jahr;"
    "drei Monate zum Ende der Laufzeit;2 Wochen\n"
    "DE-2;Cancom;Telekom;Standleitung;01.03.2023;;unbefristet;;"
    "6 Wochen zum Quartalsende, schriftlich;\n"
    "DE-3;Bechtle;Microsoft;M365;01.01.2026;31.12.2026;;nein;3 Monate;\n"
    "DE-4;Cancom;Fortinet;UTP;01.07.2025;30.06.2026;;jährlich;"
    "1 Monat zum Monatsende per E-Mail;10\n")


def _by_number(database: Database) -> dict[str, Agreement]:
    with database.transaction("test") as session:
        roll_forward(session, TODAY)
    with database.transaction("test") as session:
        return {a.contract_number or "": a for a in session.scalars(select(Agreement))}


def test_a_german_register_worded_in_clauses(
        database: Database, write_csv: Callable[[str, str, str], Path]) -> None:
    summary = run_import(database, write_csv("vertraege.csv", GERMAN, "cp1252"))
    assert summary.skipped == []
    found = _by_number(database)

    minimum = found["DE-1"]
    assert (minimum.initial_term, minimum.renewal_term, minimum.auto_renew) == (
        "P36M", "P1Y", True)
    assert minimum.end_date == dt.date(2027, 3, 31)  # 36 months from 1 Apr 2024
    assert minimum.notice_deadline == dt.date(2026, 12, 31)
    assert minimum.lead_time_days == 14
    assert "drei Monate zum Ende der Laufzeit" in minimum.notice_clause

    open_ended = found["DE-2"]
    assert open_ended.open_ended and not open_ended.auto_renew
    assert (open_ended.notice_anchor, open_ended.notice_form) == (
        NoticeAnchor.QUARTER_END, NoticeForm.WRITTEN)
    # 31 Dec needs notice by 19 Nov (passed on 25 Nov): the next possible end
    assert open_ended.end_date == dt.date(2027, 3, 31)
    assert open_ended.notice_deadline == dt.date(2027, 2, 17)

    assert found["DE-3"].auto_renew is False and found["DE-3"].notice_deadline is None

    monthly = found["DE-4"]
    assert (monthly.renewal_term, monthly.auto_renew, monthly.notice_anchor,
            monthly.notice_form, monthly.lead_time_days) == (
        "P1Y", True, NoticeAnchor.MONTH_END, NoticeForm.TEXT, 10)
    assert monthly.end_date == dt.date(2027, 6, 30)  # rolled once
    assert monthly.notice_deadline == dt.date(2027, 5, 31)


def test_an_english_register_with_the_clause_in_one_column(
        database: Database, write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("contracts.xlsx", {"Contracts": [
        ["Contract", "Supplier", "Vendor", "Service", "Start", "Terms", "Notice (days)"],
        ["EN-1", "Softcat", "Veeam", "Backup", dt.date(2024, 4, 1),
         "An initial term of thirty-six months, then renews for successive one-year "
         "periods unless either party gives written notice prior to the end of the "
         "then-current term", 90],
        ["EN-2", "CDW", "Zoom", "Phones", dt.date(2025, 1, 1), "month-to-month", 30],
    ]})
    summary = run_import(database, path)
    assert summary.skipped == []
    found = _by_number(database)
    first = found["EN-1"]
    assert (first.initial_term, first.renewal_term, first.auto_renew, first.notice_form,
            first.notice_period) == ("P36M", "P1Y", True, NoticeForm.WRITTEN, "P90D")
    assert first.end_date == dt.date(2027, 3, 31)
    assert first.notice_deadline == dt.date(2026, 12, 31)
    rolling = found["EN-2"]
    # the import moves it on as of the day it runs: 30 days' notice given then
    imported_on = dt.date.today()
    assert rolling.open_ended and rolling.end_date == imported_on + dt.timedelta(days=30)
    dates = notice_dates(rolling, imported_on, NoticeContext())
    assert dates.deadline == imported_on and "Open-ended" in dates.explanation


def test_wording_that_cannot_be_read_names_its_cell_and_keeps_the_rest(
        database: Database, write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("contracts.xlsx", {"Contracts": [
        ["Contract", "Vendor", "End", "Auto-renew", "Kündigungsfrist"],
        ["X-1", "HPE", dt.date(2027, 6, 30), "yes", "bis auf Widerruf"],
        ["X-2", "HPE", dt.date(2027, 6, 30), "nein", "3 Monate"],
        ["X-3", "HPE", dt.date(2027, 6, 30), "keine automatische Verlängerung",
         "verlängert sich um 12 Monate"],
    ]})
    summary = run_import(database, path)
    reasons = {entry.row: entry.reason for entry in summary.skipped}
    assert reasons[2].startswith("Kündigungsfrist (E2): 'bis auf Widerruf'")
    assert 3 not in reasons
    assert "Auto-renew (D4)" in reasons[4] and "Kündigungsfrist (E4)" in reasons[4]
    assert set(_by_number(database)) == {"X-2"}
