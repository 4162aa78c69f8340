from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractdesk.domain.money import (
    Money,
    from_minor_units,
    is_currency,
    parse_decimal,
    to_minor_units,
    totals_by_currency,
)


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False,
                   allow_infinity=False))
def test_minor_units_round_trip_exactly(amount: Decimal) -> None:
    assert from_minor_units(to_minor_units(amount)) == amount


@pytest.mark.parametrize("bad", [Decimal("0.001"), Decimal("NaN"), Decimal("Infinity")])
def test_refuses_what_it_cannot_store_exactly(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        to_minor_units(bad)


def test_totals_are_per_currency_never_mixed() -> None:
    totals = totals_by_currency([Money(Decimal("1.10"), "EUR"), Money(Decimal("2.20"), "GBP"),
                                 Money(Decimal("0.20"), "EUR")])
    assert totals == {"EUR": Decimal("1.30"), "GBP": Decimal("2.20")}
    with pytest.raises(ValueError, match="cannot add"):
        Money(Decimal(1), "EUR") + Money(Decimal(1), "GBP")


def test_currency_codes_are_iso_4217() -> None:
    assert is_currency("EUR") and is_currency("CHF")
    assert not is_currency("EURO") and not is_currency("eur")


def test_parse_decimal_contract_format() -> None:
    assert parse_decimal("18400.00") == Decimal("18400.00")
    with pytest.raises(ValueError):
        parse_decimal("18,400.00")
