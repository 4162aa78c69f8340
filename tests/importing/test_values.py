"""Value parsers: the notations of English and German registers, and never an exception."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractdesk.domain.enums import AgreementKind, BillingPeriod, FirstLine
from contractdesk.importing.cells import Reason
from contractdesk.importing.dates import DateOrder, order_evidence, parse_date
from contractdesk.importing.values import (
    Amount,
    parse_billing,
    parse_bool,
    parse_count,
    parse_currency,
    parse_duration,
    parse_first_line,
    parse_kind,
    parse_money,
    parse_serials,
    unit_in_header,
)

D = dt.date


@pytest.mark.parametrize(("cell", "order", "expected"), [
    (D(2024, 3, 1), DateOrder.DAY_FIRST, D(2024, 3, 1)),
    (dt.datetime(2024, 3, 1, 12, 30), DateOrder.DAY_FIRST, D(2024, 3, 1)),
    (45292, DateOrder.DAY_FIRST, D(2024, 1, 1)),
    (45292.75, DateOrder.DAY_FIRST, D(2024, 1, 1)),
    ("45292", DateOrder.DAY_FIRST, D(2024, 1, 1)),
    ("2024-02-29", DateOrder.DAY_FIRST, D(2024, 2, 29)),
    ("31.12.2025", DateOrder.MONTH_FIRST, D(2025, 12, 31)),  # dots are always day-first
    ("01/04/2024", DateOrder.DAY_FIRST, D(2024, 4, 1)),
    ("01/04/2024", DateOrder.MONTH_FIRST, D(2024, 1, 4)),
    ("4-1-24", DateOrder.MONTH_FIRST, D(2024, 4, 1)),
    ("1 March 2024", DateOrder.DAY_FIRST, D(2024, 3, 1)),
    ("March 1, 2024", DateOrder.DAY_FIRST, D(2024, 3, 1)),
    ("1. März 2024", DateOrder.DAY_FIRST, D(2024, 3, 1)),
    ("31. Dez. 2025", DateOrder.DAY_FIRST, D(2025, 12, 31)),
    ("Sept 2026", DateOrder.DAY_FIRST, D(2026, 9, 1)),
    ("", DateOrder.DAY_FIRST, None),
])
def test_dates(cell: Any, order: DateOrder, expected: dt.date | None) -> None:
    assert parse_date(cell, order) == expected


@pytest.mark.parametrize("cell", ["next Tuesday", "31.02.2024", "13/13/2024", True,
                                  "99999999", "1 Foo 2024"])
def test_unreadable_dates_are_reasons(cell: Any) -> None:
    result = parse_date(cell)
    assert isinstance(result, Reason)


def test_day_month_order_is_decided_by_the_whole_column() -> None:
    assert order_evidence(["01/04/2024", "31/03/2025"]) is DateOrder.DAY_FIRST
    assert order_evidence(["04/01/2024", "12/31/2025"]) is DateOrder.MONTH_FIRST
    assert order_evidence(["01/04/2024", "02/03/2025"]) is None
    assert order_evidence(["31/01/2024", "12/31/2025"]) is None  # contradictory: no proof


@pytest.mark.parametrize(("cell", "value", "currency"), [
    (3120.0, "3120.00", None),
    (7, "7.00", None),
    ("£7,920.00", "7920.00", "GBP"),
    ("3.480,00", "3480.00", None),
    ("2.199,90", "2199.90", None),
    ("1.234,56 €", "1234.56", "EUR"),
    ("EUR 1,234.56", "1234.56", "EUR"),
    ("USD 12", "12.00", "USD"),
    ("$1,234,567.5", "1234567.50", "USD"),
    ("1 234,50", "1234.50", None),
    ("1'234.50 CHF", "1234.50", "CHF"),
    ("4,180.50", "4180.50", None),
    ("3.480", "3480.00", None),
    ("12,5", "12.50", None),
    ("1.500,- €", "1500.00", "EUR"),
    (0.1 + 0.2, "0.30", None),
])
def test_money(cell: Any, value: str, currency: str | None) -> None:
    assert parse_money(cell) == Amount(Decimal(value), currency)


@pytest.mark.parametrize("cell", ["12.3456", "-5", "(100.00)", "lots", "1.2.3,4,5", "€",
                                  "1e400", float("nan")])
def test_bad_money_is_a_reason(cell: Any) -> None:
    assert isinstance(parse_money(cell), Reason)


def test_currency_cells() -> None:
    assert parse_currency("eur") == "EUR"
    assert parse_currency("£") == "GBP"
    assert isinstance(parse_currency("Euro Dollars"), Reason)


@pytest.mark.parametrize(("cell", "unit", "expected"), [
    ("90", "D", "P90D"), (90, "D", "P90D"), (90.0, "D", "P90D"),
    ("90 days", "D", "P90D"), ("30 Tage", "D", "P30D"), ("8 weeks", "D", "P8W"),
    ("6 Wochen", "D", "P6W"), ("3 months", "D", "P3M"), ("3 Monate", "D", "P3M"),
    ("1 Quartal", "D", "P3M"), ("1 year", "D", "P1Y"), ("P3M", "D", "P3M"),
    ("p90d", "D", "P90D"), ("3", "M", "P3M"), ("3 Mon.", "D", "P3M"),
    ("3 Monate zum Quartalsende", "D", "P3M"), ("", "D", None),
])
def test_durations(cell: Any, unit: str, expected: str | None) -> None:
    assert parse_duration(cell, unit) == expected


def test_duration_unit_from_header() -> None:
    assert unit_in_header("Notice (months)") == "M"
    assert unit_in_header("Kündigungsfrist in Wochen") == "W"
    assert unit_in_header("Notice") == "D"
    assert unit_in_header("Notice days") == "D"


@pytest.mark.parametrize("cell", ["soon", "P", "three months", "90 parsecs", True])
def test_bad_durations_are_reasons(cell: Any) -> None:
    assert isinstance(parse_duration(cell), Reason)


@pytest.mark.parametrize(("cell", "expected"), [
    ("Yes", True), ("y", True), ("TRUE", True), ("x", True), ("ja", True), (True, True),
    (1, True), ("No", False), ("n", False), ("nein", False), ("false", False),
    (False, False), ("", None), (None, None),
])
def test_booleans(cell: Any, expected: bool | None) -> None:
    assert parse_bool(cell) is expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("Maintenance", AgreementKind.MAINTENANCE), ("Hardware maintenance",
                                                 AgreementKind.MAINTENANCE),
    ("Wartung", AgreementKind.MAINTENANCE), ("Warranty", AgreementKind.WARRANTY),
    ("Garantie", AgreementKind.WARRANTY), ("Software support", AgreementKind.SOFTWARE_SUPPORT),
    ("Softwarepflege", AgreementKind.SOFTWARE_SUPPORT),
    ("Software Maintenance", AgreementKind.SOFTWARE_SUPPORT),
    ("Subscription", AgreementKind.SUBSCRIPTION), ("Abonnement", AgreementKind.SUBSCRIPTION),
    ("Licence", AgreementKind.LICENSE), ("License", AgreementKind.LICENSE),
    ("Lizenz", AgreementKind.LICENSE), ("Service", AgreementKind.SERVICE),
    ("Dienstleistung", AgreementKind.SERVICE), ("software_support",
                                                AgreementKind.SOFTWARE_SUPPORT),
    ("Furniture", AgreementKind.OTHER), ("", None),
])
def test_kinds(cell: str, expected: AgreementKind | None) -> None:
    assert parse_kind(cell) is expected


def test_serial_lists() -> None:
    assert parse_serials("5HG7KM3, 5HG7KM4") == ["5HG7KM3", "5HG7KM4"]
    assert parse_serials("A1;B2/C3\nD4\r\nA1") == ["A1", "B2", "C3", "D4"]
    assert parse_serials(951234000111.0) == ["951234000111"]
    assert parse_serials("-") == []


def test_small_vocabularies() -> None:
    assert parse_billing("jährlich") is BillingPeriod.ANNUAL
    assert parse_billing("Monthly") is BillingPeriod.MONTHLY
    assert parse_first_line("Reseller") is FirstLine.RESELLER
    assert parse_first_line("Hersteller") is FirstLine.OEM
    assert parse_count("2 Stück") == 2
    assert isinstance(parse_count("many"), Reason)


ANY_CELL = st.one_of(
    st.none(), st.text(), st.text(alphabet="0123456789.,/- €$£'PDWMYTage"),
    st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(), st.datetimes())
PARSERS = [parse_date, lambda c: parse_date(c, DateOrder.MONTH_FIRST), parse_money,
           parse_currency, parse_duration, lambda c: parse_duration(c, "M"), parse_bool,
           parse_kind, parse_billing, parse_first_line, parse_count, parse_serials]


@pytest.mark.parametrize("parser", PARSERS)
@given(cell=ANY_CELL)
def test_parsers_never_raise(parser: Any, cell: Any) -> None:
    result = parser(cell)
    assert result is None or isinstance(result, Reason | dt.date | Amount | str | bool | int
                                         | list | AgreementKind | BillingPeriod | FirstLine)


@given(amount=st.decimals(min_value=0, max_value=Decimal("1e9"), places=2))
def test_money_round_trips_both_conventions(amount: Decimal) -> None:
    english = f"{amount:,.2f}"
    german = english.replace(",", "X").replace(".", ",").replace("X", ".")
    assert parse_money(english) == Amount(amount, None)
    assert parse_money(f"{german} €") == Amount(amount, "EUR")
