"""Money as exact decimals with a currency, in the spirit of Beancount's ``Amount``.

Amounts are stored as integer minor units (hundredths); anything finer than a cent is
refused rather than rounded, because silently changing a price is worse than asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

MINOR_UNITS = 100
CENT = Decimal("0.01")


@cache
def iso_currencies() -> frozenset[str]:
    """ISO 4217 codes known to Babel's CLDR data."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def is_currency(code: str) -> bool:
    return code in iso_currencies()


def to_minor_units(amount: Decimal) -> int:
    """Exact conversion to hundredths.

    Raises:
        ValueError: the amount is not finite or has more than two decimal places.
    """
    if not amount.is_finite():
        raise ValueError(f"{amount} is not a finite amount")
    scaled = amount * MINOR_UNITS
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{amount} has more than two decimal places")
    return int(scaled)


def from_minor_units(units: int) -> Decimal:
    return (Decimal(units) / MINOR_UNITS).quantize(CENT)


def parse_decimal(text: str) -> Decimal:
    """Parses a plain decimal string (``"18400.00"``), the JSON contract's money format.

    Raises:
        ValueError: the text is not a finite decimal with at most two places.
    """
    try:
        value = Decimal(text.strip())
    except InvalidOperation as exc:
        raise ValueError(f"{text!r} is not an amount") from exc
    to_minor_units(value)
    return value.quantize(CENT)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with its currency; sums only ever combine the same currency."""

    amount: Decimal
    currency: str

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __str__(self) -> str:
        return f"{self.amount:.2f} {self.currency}"


def totals_by_currency(amounts: list[Money]) -> dict[str, Decimal]:
    """Per-currency totals, sorted by currency code: never summed across currencies."""
    totals: dict[str, Decimal] = {}
    for money in amounts:
        totals[money.currency] = totals.get(money.currency, Decimal("0.00")) + money.amount
    return dict(sorted(totals.items()))
